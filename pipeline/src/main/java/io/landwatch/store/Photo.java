package io.landwatch.store;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import io.landwatch.LandwatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * A field photo as evidence: its SHA-256 (the same file used for two cases is flagged), and where
 * and when it was taken from its EXIF tags (GPS position; DateTimeOriginal, camera-local time), read
 * with metadata-extractor. Position and time are null when the camera did not record them.
 */
public record Photo(Path file, String sha256, LocalDateTime takenAt, Double lon, Double lat) {
  private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

  /** Reads a photo; a missing or unreadable file is an error naming it. */
  public static Photo read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw LandwatchException.invalidInput("the photo " + file + " does not exist");
    }
    try {
      Metadata m = ImageMetadataReader.readMetadata(file.toFile());
      Double lon = null;
      Double lat = null;
      GpsDirectory gps = m.getFirstDirectoryOfType(GpsDirectory.class);
      GeoLocation where = gps == null ? null : gps.getGeoLocation();
      if (where != null && !where.isZero()) {
        lon = where.getLongitude();
        lat = where.getLatitude();
      }
      LocalDateTime taken = null;
      ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
      String t = exif == null ? null : exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
      if (t != null) {
        try {
          taken = LocalDateTime.parse(t.trim(), EXIF_TIME);
        } catch (DateTimeParseException e) {
          taken = null;
        }
      }
      return new Photo(file, sha256(file), taken, lon, lat);
    } catch (ImageProcessingException | IOException e) {
      throw LandwatchException.invalidInput("the photo " + file + " cannot be read as an image (" + e.getMessage() + ")");
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // the digest reads along
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
