package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.LonLatDatum;
import io.landwatch.geo.Reprojector;
import io.landwatch.model.Channel;
import io.landwatch.model.SourceRecord;
import io.landwatch.prepare.DateParser;
import io.landwatch.read.Attributes;
import io.landwatch.read.LayerSource;
import io.landwatch.read.MojibakeCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Reads a leads file: a table (CSV, XLSX) with lon/lat or WKT columns, or a vector file
 * (GeoJSON, GeoPackage, KML, Shapefile) with point or polygon features. Headers may be English
 * or Chinese. Every row becomes a {@link Lead} or a rejected {@link RowOutcome} with its reason.
 */
public final class LeadFile {
  /** Canonical column → the headers accepted for it, English first. */
  static final Map<String, List<String>> COLUMNS = columns();

  /** The leads read, and the rows that could not be read, each with its reason. */
  public record Parsed(List<Lead> leads, List<RowOutcome> rejected) {}

  /**
   * How to read a file.
   *
   * @param datum what the file's lon/lat are in (a vector file's own projected CRS is honoured)
   * @param channel the channel of rows that name none, or null (they are then rejected)
   * @param encoding charset of a CSV that is not UTF-8, or null
   * @param earliest dates before this are not plausible (rules.earliest_date)
   * @param today dates after this are in the future
   */
  public record Options(LonLatDatum datum, Channel channel, String encoding, LocalDate earliest, LocalDate today) {}

  private LeadFile() {}

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("lead_id", List.of("lead_id", "id", "线索编号", "编号", "name"));
    m.put("channel", List.of("channel", "来源", "线索来源", "渠道"));
    m.put("reported_on", List.of("reported_on", "date", "报告日期", "举报日期", "发现日期", "受理日期", "日期"));
    m.put("description", List.of("description", "描述", "问题描述", "线索内容", "内容"));
    m.put("contact", List.of("reporter_contact", "contact", "举报人联系方式", "联系方式", "举报人", "联系电话"));
    m.put("lon", List.of("lon", "longitude", "经度", "x"));
    m.put("lat", List.of("lat", "latitude", "纬度", "y"));
    m.put("wkt", List.of("wkt", "几何"));
    return m;
  }

  public static Parsed read(Path file, Options o) {
    List<Lead> leads = new ArrayList<>();
    List<RowOutcome> rejected = new ArrayList<>();
    try (LayerSource src = LayerSource.open("leads", file, null, o.encoding(), null, null)) {
      Map<String, String> h = new LinkedHashMap<>();
      COLUMNS.forEach((c, names) -> h.put(c, Columns.find(src.fieldNames(), names)));
      boolean table = h.get("wkt") != null || h.get("lon") != null && h.get("lat") != null;
      Reprojector toLonLat = null;
      if (!table) {
        if (src.geometryType() == org.gdal.ogr.ogr.wkbNone) {
          throw LandwatchException.invalidInput("leads file " + file + " has no geometry and no location columns:"
              + " a table needs lon and lat (经度, 纬度) or wkt; its columns are " + String.join(", ", src.fieldNames())
              + ". See docs/FIELD.md (leads).");
        }
        Crs crs = src.crs();
        if (crs != null && !crs.isGeographic()) {
          toLonLat = Reprojector.between(crs, Crs.epsg(Crs.CGCS2000));
        }
      }
      String effective = src.encoding().effective();
      int[] n = {table ? 1 : 0}; // a table's header is row 1; features count from 1
      Reprojector reproject = toLonLat;
      Attributes fields = src.attributes();
      src.forEach(f -> {
        int row = ++n[0];
        SourceRecord rec = new SourceRecord(f.GetFID(), fields.read(f));
        try {
          Geometry g = table ? fromColumns(rec, h) : fromFeature(src, f);
          if (reproject != null) {
            g = reproject.apply(g);
          } else {
            g = o.datum().toCgcs2000(g);
          }
          leads.add(lead(row, rec, h, g, o, file, effective));
        } catch (RowProblem e) {
          rejected.add(new RowOutcome(row, rec.text(h.get("lead_id")), "rejected", e.getMessage()));
        }
      });
    }
    return new Parsed(leads, rejected);
  }

  /** Why a row cannot be read. */
  private static final class RowProblem extends Exception {
    private static final long serialVersionUID = 1L;

    RowProblem(String message) {
      super(message, null, false, false);
    }
  }

  private static Lead lead(int row, SourceRecord rec, Map<String, String> h, Geometry g, Options o, Path file,
      String charset) throws RowProblem {
    String channelText = text(rec, h, "channel", file, row, charset);
    Channel channel = channelText == null ? o.channel() : Channel.parse(channelText);
    if (channel == null) {
      throw new RowProblem(channelText == null ? "no channel: add a channel (来源) column or give --channel"
          : "unknown channel '" + channelText + "' (use " + Channel.help() + ")");
    }
    String dateText = text(rec, h, "reported_on", file, row, charset);
    LocalDate day;
    try {
      day = DateParser.parse(dateText);
    } catch (DateParser.InvalidDate e) {
      throw new RowProblem("reported_on '" + e.value() + "' is not a date (write 2023-07-01)");
    }
    if (day == null) {
      throw new RowProblem("reported_on (报告日期) is empty");
    }
    if (day.isAfter(o.today()) || day.isBefore(o.earliest())) {
      throw new RowProblem("reported_on " + day + (day.isAfter(o.today()) ? " is in the future"
          : " is before " + o.earliest() + " (rules.earliest_date)"));
    }
    checkLonLat(g);
    String description = text(rec, h, "description", file, row, charset);
    String contact = text(rec, h, "contact", file, row, charset);
    String fingerprint = fingerprint(channel, day, g, description);
    String id = text(rec, h, "lead_id", file, row, charset);
    if (id == null) {
      id = "L" + day.toString().replace("-", "") + "-" + fingerprint.substring(0, 8);
    }
    return new Lead(row, id, channel, day, description, contact, g, fingerprint);
  }

  private static Geometry fromColumns(SourceRecord rec, Map<String, String> h) throws RowProblem {
    String wkt = rec.text(h.get("wkt"));
    if (wkt != null) {
      try {
        return usable(new WKTReader().read(wkt));
      } catch (ParseException e) {
        throw new RowProblem("the wkt cell is not WKT (" + e.getMessage() + ")");
      }
    }
    String lon = rec.text(h.get("lon"));
    String lat = rec.text(h.get("lat"));
    if (lon == null || lat == null) {
      throw new RowProblem("no location: fill lon and lat (经度, 纬度) or wkt");
    }
    try {
      return new GeometryFactory().createPoint(new Coordinate(Double.parseDouble(lon), Double.parseDouble(lat)));
    } catch (NumberFormatException e) {
      throw new RowProblem("lon/lat '" + lon + "', '" + lat + "' are not numbers (write decimal degrees, e.g."
          + " 113.3021)");
    }
  }

  private static Geometry fromFeature(LayerSource src, org.gdal.ogr.Feature f) throws RowProblem {
    org.gdal.ogr.Geometry g = src.geometryOf(f);
    if (g == null) {
      throw new RowProblem("the feature has no geometry");
    }
    try {
      g.FlattenTo2D();
      return usable(new WKBReader().read(g.ExportToWkb()));
    } catch (ParseException e) {
      throw new RowProblem("the geometry cannot be read: " + e.getMessage());
    } finally {
      g.delete();
    }
  }

  /** A point or a polygon; anything else (a line, a collection of both) is refused. */
  private static Geometry usable(Geometry g) throws RowProblem {
    if (g.isEmpty()) {
      throw new RowProblem("the location is empty");
    }
    if (g instanceof Puntal && g.getNumGeometries() == 1) {
      return g.getGeometryN(0);
    }
    if (g instanceof Polygonal) {
      return g;
    }
    throw new RowProblem("the location is a " + g.getGeometryType() + "; a lead is one point or a polygon");
  }

  private static void checkLonLat(Geometry g) throws RowProblem {
    for (Coordinate c : g.getCoordinates()) {
      if (!(c.x >= 73 && c.x <= 136 && c.y >= 3 && c.y <= 54)) {
        throw new RowProblem("(" + c.x + ", " + c.y + ") is not a longitude/latitude in China"
            + (c.y >= 73 && c.y <= 136 && c.x >= 3 && c.x <= 54 ? " (longitude and latitude swapped?)" : "")
            + "; give decimal degrees, or a file with its CRS");
      }
    }
  }

  private static String text(SourceRecord rec, Map<String, String> h, String column, Path file, int row,
      String charset) {
    String v = rec.text(h.get(column));
    if (v == null) {
      return null;
    }
    v = v.startsWith("\uFEFF") ? v.substring(1) : v;
    String likely = MojibakeCheck.guess(v, charset);
    if (likely != null) {
      throw LandwatchException.invalidInput("leads file " + file + ", row " + row + ", column " + column + ": '"
          + v + "' is not " + charset + " text; it looks like " + likely + ". Save the file as " + charset
          + " or import it with --encoding " + likely + ". Nothing was imported.");
    }
    return v.strip();
  }

  /** SHA-256 of what makes the lead: channel, day, place to 1e-7°, description. */
  static String fingerprint(Channel channel, LocalDate day, Geometry g, String description) {
    Geometry rounded = GeometryPrecisionReducer.reduce(g, new org.locationtech.jts.geom.PrecisionModel(1e7));
    rounded.normalize();
    String text = channel.code() + "|" + day + "|" + rounded.toText() + "|" + (description == null ? "" : description);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
