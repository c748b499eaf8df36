package io.landwatch.detect;

import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Units;
import io.landwatch.write.GisExport;
import io.landwatch.write.VectorFileWriter.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Detected patches as a {@code patches} layer in the ministry's schema, directly usable as the
 * patches input of a job: JCBH (id), XZQDM (county code), QSX / HSX (before / after date), BHLX
 * (change type), DNDVI (mean NDVI change), PIXELS, JCMJ (ellipsoidal m²), JCMU (mu).
 */
public final class DetectedPatchWriter {
  static final List<GisExport.Column> COLUMNS = List.of(
      new GisExport.Column("JCBH", Type.STRING, 24), new GisExport.Column("XZQDM", Type.STRING, 12),
      new GisExport.Column("QSX", Type.STRING, 10), new GisExport.Column("HSX", Type.STRING, 10),
      new GisExport.Column("BHLX", Type.STRING, 32), new GisExport.Column("DNDVI", Type.REAL, 12),
      new GisExport.Column("PIXELS", Type.INTEGER, 10), new GisExport.Column("JCMJ", Type.REAL, 16),
      new GisExport.Column("JCMU", Type.REAL, 14));

  private DetectedPatchWriter() {}

  public static void write(Path target, OutputFormat format, ChangeDetector.Result r, String countyCode) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Geometry> geoms = new ArrayList<>();
    for (ChangeDetector.DetectedPatch p : r.patches()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("JCBH", p.id());
      m.put("XZQDM", countyCode);
      m.put("QSX", r.before().toString());
      m.put("HSX", r.after().toString());
      m.put("BHLX", p.type().label());
      m.put("DNDVI", p.meanDeltaNdvi());
      m.put("PIXELS", (int) p.pixels());
      m.put("JCMJ", Units.round2(p.areaM2()));
      m.put("JCMU", Units.round4(Units.mu(p.areaM2())));
      rows.add(m);
      geoms.add(p.geometry());
    }
    GisExport.write(target, format, "patches", r.crs(), COLUMNS, rows, geoms, "GBK", "patch");
  }
}
