package io.landwatch.spark;

import io.landwatch.geo.GeometryTransform;
import io.landwatch.judge.PatchInputs;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.RepairReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * On an executor: each joined record {@code (rid, idxs, wkb)} of one big layer is reprojected
 * into the working CRS (pure Java) and repaired by the core's {@link GeometryPreparer}, once,
 * then kept for each patch it really intersects. Rejected records become quarantine notes with
 * the single-machine engine's category and sentence; repairs and counts become notes per
 * partition.
 */
final class PrepareParcels implements FlatMapFunction<Iterator<Row>, ParcelItem> {
  private static final long serialVersionUID = 1L;
  private final int role;
  private final String layer;
  private final GeometryTransform toWorking;
  private final Broadcast<List<PatchInputs>> patches;

  PrepareParcels(int role, String layer, GeometryTransform toWorking, Broadcast<List<PatchInputs>> patches) {
    this.role = role;
    this.layer = layer;
    this.toWorking = toWorking;
    this.patches = patches;
  }

  @Override
  public Iterator<ParcelItem> call(Iterator<Row> rows) {
    List<PatchInputs> ps = patches.value();
    Map<Integer, PreparedGeometry> prepared = new HashMap<>();
    GeometryPreparer preparer = new GeometryPreparer();
    RepairReport repairs = new RepairReport();
    WKBReader reader = new WKBReader();
    WKBWriter writer = new WKBWriter();
    List<ParcelItem> out = new ArrayList<>();
    long candidates = 0;
    long hits = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      long rid = r.getLong(0);
      List<Integer> idxs = r.getList(1);
      candidates++;
      Geometry g;
      try {
        g = reader.read((byte[]) r.get(2));
      } catch (ParseException e) {
        out.add(ParcelItem.quarantined(role, rid, "unreadable_geometry", "the geometry cannot be decoded: " + e.getMessage()));
        continue;
      }
      var result = preparer.fromJts(toWorking.apply(g), layer, repairs);
      if (result instanceof GeometryPreparer.Rejected x) {
        out.add(ParcelItem.quarantined(role, rid, x.category(), x.reason()));
        continue;
      }
      Geometry parcel = ((GeometryPreparer.Prepared) result).geometry();
      byte[] wkb = null;
      for (int i : idxs.stream().distinct().sorted().toList()) {
        PreparedGeometry p = prepared.computeIfAbsent(i, k -> PreparedGeometryFactory.prepare(ps.get(k).patch().geometry()));
        if (p.intersects(parcel)) {
          wkb = wkb == null ? writer.write(parcel) : wkb;
          out.add(ParcelItem.piece(role, i, rid, wkb));
          hits++;
        }
      }
    }
    repairs.table().getOrDefault(layer, Map.of()).forEach((category, n) -> out.add(ParcelItem.repaired(role, category, n)));
    out.add(ParcelItem.counted(role, candidates, hits));
    return out.iterator();
  }
}
