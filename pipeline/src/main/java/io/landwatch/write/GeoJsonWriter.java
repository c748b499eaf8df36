package io.landwatch.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * RFC 7946 GeoJSON: lon/lat (CGCS2000, which GeoJSON consumers treat as WGS84: the two differ by
 * centimetres), at most 7 decimals, exterior rings counter-clockwise and holes clockwise, UTF-8,
 * one feature per line. Output is byte-identical for identical input.
 */
public final class GeoJsonWriter {
  private static final int DECIMALS = 7;
  private final Reprojector toLonLat;

  public GeoJsonWriter(Reprojector toLonLat) {
    this.toLonLat = toLonLat;
  }

  /** Writes one feature per result, with the geometry chosen by {@code geometry}. */
  public void write(Path target, List<PatchResult> results, Function<PatchResult, Geometry> geometry) {
    collection(target, results, (g, r) -> {
      g.writeStringField("id", r.patch().id());
      g.writeFieldName("geometry");
      geometry(g, toLonLat.apply(geometry.apply(r)));
      g.writeFieldName("properties");
      g.writeStartObject();
      for (Map.Entry<String, Object> e : PatchProperties.of(r).entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeFieldName("source");
      g.writeStartObject();
      for (Map.Entry<String, Object> e : r.patch().source().entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** Writes the members of one feature after its "type". */
  @FunctionalInterface
  interface FeatureBody<T> {
    void write(JsonGenerator g, T item) throws IOException;
  }

  /** A FeatureCollection, UTF-8, one feature per line, written atomically. */
  static <T> void collection(Path target, List<T> items, FeatureBody<T> body) {
    AtomicFile.write(target, out -> {
      JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeFieldName("features");
      g.writeStartArray();
      for (T item : items) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        body.write(g, item);
        g.writeEndObject();
      }
      g.writeRaw('\n');
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    });
  }

  /** A property value: decimals as written, doubles plain to 10 places, lists as arrays, anything unknown as text. */
  static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      JsonFiles.value(g, v);
    } else if (v instanceof PatchProperties.Decimal d) {
      g.writeNumber(d.text());
    } else if (v instanceof Double d) {
      g.writeNumber(Numbers.plain(d, 10));
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else {
      g.writeString(v.toString());
    }
  }

  static void geometry(JsonGenerator g, Geometry geom) throws IOException {
    g.writeStartObject();
    if (geom instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      polygon(g, p);
    } else {
      g.writeStringField("type", "MultiPolygon");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        if (geom.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
          polygon(g, p);
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void polygon(JsonGenerator g, Polygon p) throws IOException {
    g.writeStartArray();
    if (!p.isEmpty()) {
      ring(g, p.getExteriorRing(), true);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring(g, p.getInteriorRingN(i), false);
      }
    }
    g.writeEndArray();
  }

  private static void ring(JsonGenerator g, LineString ring, boolean exterior) throws IOException {
    Coordinate[] cs = ring.getCoordinates();
    boolean ccw = Orientation.isCCW(cs);
    boolean reverse = exterior != ccw;
    g.writeStartArray();
    for (int k = 0; k < cs.length; k++) {
      Coordinate c = cs[reverse ? cs.length - 1 - k : k];
      g.writeStartArray();
      g.writeNumber(Numbers.plain(c.x, DECIMALS));
      g.writeNumber(Numbers.plain(c.y, DECIMALS));
      g.writeEndArray();
    }
    g.writeEndArray();
  }
}
