package io.landwatch.job;

import io.landwatch.Version;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Gdal;
import io.landwatch.model.LayerCount;
import io.landwatch.write.DigestCache;
import io.landwatch.write.ManifestWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * manifest.json: versions, configuration, every input file with its SHA-256 (hashed on a thread
 * of its own while the layers are read, or taken from the run cache when the file is unchanged),
 * record counts, the files written, stage times.
 */
final class Manifest {
  private final Future<List<Object>> fingerprints;

  private Manifest(Future<List<Object>> fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** Starts hashing the inputs: hundreds of MB for a big county, overlapped with the reads. */
  static Manifest start(RunState run) {
    ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "landwatch-sha256");
      t.setDaemon(true);
      return t;
    });
    Future<List<Object>> f = hasher.submit(() -> fingerprints(run));
    hasher.shutdown();
    return new Manifest(f);
  }

  /** Writes manifest.json last, listing every file the run wrote and itself; returns them all. */
  List<Path> write(RunState run, List<Path> written) {
    List<Path> all = new ArrayList<>(written);
    Path manifest = run.out.resolve("manifest.json");
    all.add(manifest);
    ManifestWriter.write(manifest, content(run, all, BigLayers.await(fingerprints)));
    return all;
  }

  private static List<Object> fingerprints(RunState run) {
    DigestCache digests = DigestCache.in(run.job.cache());
    List<Object> inputs = new ArrayList<>();
    for (LayerSpec s : run.job.layers()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("layer", s.name());
      if (s.remote()) {
        i.put("uri", s.uri());
      } else {
        i.put("files", ManifestWriter.fingerprints(s.path(), digests));
      }
      inputs.add(i);
    }
    digests.save();
    return inputs;
  }

  private static Map<String, Object> content(RunState run, List<Path> written, List<Object> inputs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("landwatch_version", Version.current());
    m.put("gdal_version", Gdal.version());
    // the launcher runs the newest Java it finds (docs/BENCHMARKS.md): which one is part of the record
    m.put("java_version", Runtime.version().toString());
    m.put("job", run.job.name());
    m.put("configuration", run.job.describe());
    m.put("inputs", inputs);
    m.put("started", run.started.toString());
    m.put("finished", Instant.now().toString());
    List<Object> cs = new ArrayList<>();
    for (LayerCount c : run.counts) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("layer", c.layer());
      x.put("records_in", c.recordsIn());
      x.put("used", c.used());
      x.put("quarantined", c.quarantined());
      x.put("balanced", c.balanced());
      cs.add(x);
    }
    m.put("counts", cs);
    m.put("outputs", written.stream().map(p -> p.getFileName().toString()).toList());
    m.put("stage_seconds", run.stageSeconds);
    m.put("exit_status", 0);
    return m;
  }
}
