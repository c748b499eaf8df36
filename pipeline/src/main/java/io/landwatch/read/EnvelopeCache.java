package io.landwatch.read;

import io.landwatch.config.LayerSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The record envelopes of a big layer, kept between runs. Farmland layers change once a year and
 * patches every month: a run whose layer is unchanged reads its envelopes from here (40 bytes a
 * record, no JNI call) and asks GDAL by FID only for the records whose envelope meets a patch,
 * instead of reading every record.
 *
 * <p>A cache belongs to one layer of one file set (path, layer, where: filter) and is used only
 * while every file of the data source has the size, modification time and file key it had when
 * the cache was written (as git trusts its index); any difference, a damaged or foreign file, or
 * a different record count means the layer is read in full again and the cache rewritten. Records
 * the scan could not place (no geometry, empty, not polygonal) are kept without an envelope and
 * always fetched again, so they are quarantined on every run as before.
 *
 * <p>File: magic, key (UTF), records (FID, then minX, maxX, minY, maxY as OGR gives them; big-endian long and doubles),
 * trailer (record count, magic). Written to a temporary file and moved into place.
 */
public final class EnvelopeCache {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private static final long MAGIC = 0x4c57454e56303031L;
  private static final long END = 0x4c57454e56454e44L;
  private static final int RECORD = 8 + 4 * 8;
  private static final int TRAILER = 16;
  /** Smaller layers are read in full: that costs less than the cache's own reading. */
  public static final long MIN_RECORDS = 10_000;

  private final Path file;
  private final String key;

  private EnvelopeCache(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /**
   * The cache of a layer in {@code dir}, or null when it cannot have one: no folder (run.cache:
   * none), coordinates from table columns, a driver without random reads, or a small layer.
   *
   * @param records the layer's record count ({@link LayerSource#featureCount()})
   */
  public static EnvelopeCache of(Path dir, LayerSpec spec, LayerSource src, long records) {
    if (dir == null || spec.geometry() != null || !src.randomRead() || records < MIN_RECORDS) {
      return null;
    }
    Path path = spec.path().toAbsolutePath().normalize();
    String identity = path + "\n" + src.layerName() + "\n" + (spec.where() == null ? "" : spec.where());
    StringBuilder key = new StringBuilder("landwatch envelopes 1\n").append(identity);
    try {
      for (Path f : DataSourceFiles.of(path)) {
        DataSourceFiles.Stamp stamp = DataSourceFiles.Stamp.of(f);
        key.append('\n').append(f.getFileName()).append(' ').append(stamp.size()).append(' ')
            .append(stamp.modifiedNanos()).append(' ').append(stamp.fileKey());
      }
    } catch (IOException e) {
      return null;
    }
    return new EnvelopeCache(dir.resolve(sha1(identity) + ".env"), key.toString());
  }

  public Path file() {
    return file;
  }

  /**
   * The cached records, or null when there is no usable cache for the layer as it is now.
   *
   * @param featureCount the layer's record count, which the cache must have
   */
  public Records open(long featureCount) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      long size = Files.size(file);
      long count;
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
        if (size < 8 + 2 + TRAILER || raf.readLong() != MAGIC) {
          return stale("not a landwatch envelope cache");
        }
        if (!key.equals(raf.readUTF())) {
          return stale("the layer's files changed since it was written");
        }
        long records = size - raf.getFilePointer() - TRAILER;
        raf.seek(size - TRAILER);
        count = raf.readLong();
        if (raf.readLong() != END || records != count * RECORD) {
          return stale("it is incomplete");
        }
      }
      if (count != featureCount) {
        return stale("it has " + count + " records, the layer " + featureCount);
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      in.readLong();
      in.readUTF();
      return new Records(in, count);
    } catch (IOException e) {
      return stale("it cannot be read (" + e.getMessage() + ")");
    }
  }

  private Records stale(String why) {
    LOG.info("envelope cache " + file + " not used: " + why + "; reading the layer in full");
    return null;
  }

  /** A writer for a new cache, or null (logged) when the folder cannot be written. */
  public Writer writer() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
      out.writeLong(MAGIC);
      out.writeUTF(key);
      return new Writer(tmp, out);
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("envelope cache " + file + " cannot be written (" + e.getMessage() + "); the next run reads the layer"
          + " in full again (set run.cache to a writable folder, or none)");
      return null;
    }
  }

  /** The cached records in the order the layer was read. */
  public static final class Records implements AutoCloseable {
    private final DataInputStream in;
    private final long count;
    private long read;
    private long fid;

    private Records(DataInputStream in, long count) {
      this.in = in;
      this.count = count;
    }

    /** Reads the next record's envelope into env (NaN when the record has none); false at the end. */
    public boolean next(double[] env) {
      if (read == count) {
        return false;
      }
      try {
        fid = in.readLong();
        for (int i = 0; i < 4; i++) {
          env[i] = in.readDouble();
        }
      } catch (EOFException e) {
        throw new UncheckedIOException("the envelope cache ended early", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      read++;
      return true;
    }

    public long fid() {
      return fid;
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // read-only stream: nothing was lost
      }
    }
  }

  /** Collects a layer's envelopes while it is read; the cache appears only on {@link #commit()}. */
  public final class Writer implements AutoCloseable {
    private final Path tmp;
    private final DataOutputStream out;
    private long count;
    private boolean failed;

    private Writer(Path tmp, DataOutputStream out) {
      this.tmp = tmp;
      this.out = out;
    }

    /** @param env OGR's envelope (minX, maxX, minY, maxY), or null when the record has none */
    public void add(long fid, double[] env) {
      if (failed) {
        return;
      }
      try {
        out.writeLong(fid);
        for (int i = 0; i < 4; i++) {
          out.writeDouble(env == null ? Double.NaN : env[i]);
        }
        count++;
      } catch (IOException e) {
        failed = true;
        LOG.warning("envelope cache " + file + " not written: " + e.getMessage());
      }
    }

    /** Puts the cache in place (the layer was read to its end). */
    public void commit() {
      if (failed) {
        close();
        return;
      }
      try {
        out.writeLong(count);
        out.writeLong(END);
        out.close();
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info(String.format(java.util.Locale.ROOT, "envelope cache written: %s (%,d records)", file, count));
      } catch (IOException e) {
        LOG.warning("envelope cache " + file + " not written: " + e.getMessage());
        close();
      }
    }

    /** Drops an unfinished cache. */
    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        // the file is deleted below
      }
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        LOG.fine("could not delete " + tmp + ": " + e.getMessage());
      }
    }
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
