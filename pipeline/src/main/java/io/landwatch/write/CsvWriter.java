package io.landwatch.write;

import io.landwatch.judge.PatchResult;
import io.landwatch.prepare.QuarantineEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CSV for people and spreadsheets: UTF-8 with a byte-order mark (so Excel shows Chinese),
 * RFC 4180 quoting, CRLF line ends.
 */
public final class CsvWriter {
  private CsvWriter() {}

  /** patches.csv: the patch properties, then each source attribute as {@code source.<field>}. */
  public static void patches(Path target, List<PatchResult> results) {
    patches(target, results, false);
  }

  /** patches.csv, with Chinese headers and verdict/referral values when {@code chinese}. */
  public static void patches(Path target, List<PatchResult> results, boolean chinese) {
    Set<String> sourceFields = PatchProperties.sourceFields(results);
    List<String> header = PatchProperties.columns(sourceFields).stream().map(c -> PatchLabels.header(c, chinese)).toList();
    table(target, header, out -> {
      for (PatchResult r : results) {
        List<String> row = new ArrayList<>();
        for (var e : PatchProperties.of(r).entrySet()) {
          row.add(PatchLabels.value(e.getKey(), cell(e.getValue()), chinese));
        }
        for (String f : sourceFields) {
          row.add(cell(r.patch().source().get(f)));
        }
        out.row(row);
      }
    });
  }

  /** quarantine.csv: layer, record, id, reason, category. */
  public static void quarantine(Path target, List<QuarantineEntry> entries) {
    table(target, List.of("layer", "record", "id", "reason", "category"), out -> {
      for (QuarantineEntry e : entries) {
        out.row(List.of(e.layer(), Long.toString(e.record()), e.id(), e.reason(), e.category()));
      }
    });
  }

  /** Receives rows. */
  @FunctionalInterface
  public interface Rows {
    void write(RowSink out) throws IOException;
  }

  /** Where rows go. */
  @FunctionalInterface
  public interface RowSink {
    void row(List<String> cells) throws IOException;
  }

  /** Writes a BOM-prefixed UTF-8 CSV atomically. */
  public static void table(Path target, List<String> header, Rows rows) {
    AtomicFile.write(target, (OutputStream os) -> {
      Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
      w.write('\uFEFF');
      RowSink sink = cells -> {
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            w.write(',');
          }
          w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
      };
      sink.row(header);
      rows.write(sink);
      w.flush();
    });
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof PatchProperties.Decimal d) {
      return d.text();
    }
    if (v instanceof Double d) {
      return Numbers.plain(d, 10);
    }
    if (v instanceof List<?> l) {
      return String.join(";", l.stream().map(Object::toString).toList());
    }
    return v.toString();
  }

  static String quote(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
