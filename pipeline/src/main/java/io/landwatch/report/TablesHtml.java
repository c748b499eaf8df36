package io.landwatch.report;

import io.landwatch.write.TypedTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Tables as a printable page (the joint-meeting pack): a title, a line of counts, then each table. */
public final class TablesHtml {
  private TablesHtml() {}

  public static String render(String title, String subtitle, List<TypedTable> tables) {
    StringBuilder b = new StringBuilder(Html.head(title, "table{font-size:8.5pt}"));
    b.append("<h1>").append(Html.esc(title)).append("</h1><p class=\"meta\">").append(Html.esc(subtitle)).append("</p>");
    b.append("<p id=\"summary\">合计：");
    List<String> parts = new ArrayList<>();
    tables.forEach(t -> parts.add(Html.esc(t.name()) + " " + t.rows().size() + " 项"));
    b.append(String.join("；", parts)).append("。</p>");
    int i = 0;
    for (TypedTable t : tables) {
      b.append("<h2>").append("一二三四五六七八九".charAt(i++)).append("、").append(Html.esc(t.title())).append("（")
          .append(t.rows().size()).append(" 项）</h2>");
      if (t.rows().isEmpty()) {
        b.append("<p class=\"meta\">无。</p>");
        continue;
      }
      List<List<String>> rows = new ArrayList<>();
      for (List<Object> r : t.rows()) {
        rows.add(r.stream().map(v -> v instanceof Double d ? Html.num(d) : v instanceof LocalDate ld ? ld.toString()
            : Html.esc(v)).toList());
      }
      b.append(Html.table("list", t.headers(), rows));
    }
    return b.append("</body></html>").toString();
  }
}
