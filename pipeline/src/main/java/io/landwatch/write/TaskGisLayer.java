package io.landwatch.write;

import io.landwatch.config.OutputFormat;
import io.landwatch.config.TaskLabels;
import io.landwatch.geo.Crs;
import io.landwatch.plan.Task;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The patrol tasks for desktop GIS: layer {@code tasks}, points in CGCS2000 lon/lat, the columns of
 * tasks.csv typed (sequence numbers integer, due date a date, areas in 亩 to 4 decimals), Chinese
 * aliases, styled by priority.
 */
public final class TaskGisLayer {
  private TaskGisLayer() {}

  public static void write(Path target, OutputFormat format, List<Task> tasks, String shapefileEncoding) {
    List<String> names = TaskColumns.names();
    List<GisExport.Column> columns = new ArrayList<>();
    for (String n : names) {
      boolean seq = n.endsWith("_seq");
      boolean mu = n.endsWith("_mu");
      boolean real = mu || n.endsWith("lon") || n.endsWith("lat") || n.endsWith("_km");
      VectorFileWriter.Type type = seq ? VectorFileWriter.Type.INTEGER : n.equals("due_on") ? VectorFileWriter.Type.DATE
          : real ? VectorFileWriter.Type.REAL : VectorFileWriter.Type.STRING;
      columns.add(new GisExport.Column(n, type, type == VectorFileWriter.Type.STRING ? 40 : 0,
          mu ? 4 : n.endsWith("_km") ? 3 : real ? 7 : 2, TaskLabels.CHINESE.get(n)));
    }
    GeometryFactory gf = new GeometryFactory();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Geometry> points = new ArrayList<>();
    for (Task t : tasks) {
      List<Object> values = TaskColumns.values(t);
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        Object v = values.get(i);
        row.put(names.get(i), names.get(i).equals("due_on") && v != null ? LocalDate.parse(v.toString()) : v);
      }
      rows.add(row);
      points.add(gf.createPoint(new Coordinate(t.lon(), t.lat())));
    }
    GisExport.write(target, format, List.of(new GisExport.Layer("tasks", ogr.wkbPoint, Crs.epsg(Crs.CGCS2000), columns,
        rows, points, QgisStyle.qml("priority", QgisStyle.BY_PRIORITY, false, "task_id"))), shapefileEncoding, "task");
  }
}
