package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's workbooks opened in LibreOffice Calc (headless, as scripts/setup-office installs it),
 * the office software a county is likeliest to have besides Excel and WPS: every sheet it reads
 * holds the rows of the CSV file of the same run, ids as written, numbers and dates as values.
 */
@Tag("slow")
class WorkbooksInOfficeTest {
  @TempDir Path root;

  @Test
  void libreOfficeReadsWhatTheCsvFilesSay() throws Exception {
    SampleCounty.write(root.resolve("base"), 11, 1);
    CountyCopy c = CountyCopy.of(root.resolve("base"), root.resolve("county"));
    CliRunner.Outcome run = c.run();
    assertEquals(0, run.exit(), run.err());
    Path sheets = root.resolve("sheets");
    Files.createDirectories(sheets);
    inCalc(sheets, c.out().resolve("patches.xlsx"), c.out().resolve("tasks.xlsx"), c.out().resolve("tasks-feedback.xlsx"));

    List<List<String>> patches = csv(c.out().resolve("patches.csv"));
    List<List<String>> patchSheet = csv(sheets.resolve("patches-patches.csv"));
    assertEquals(patches.get(0), patchSheet.get(0), "headers");
    assertSameRows(patches.subList(1, patches.size()), patchSheet.subList(1, patchSheet.size()), patches.get(0));

    // tasks.xlsx: a sheet per township, rows in route order; together the rows of tasks.csv
    List<List<String>> tasks = csv(c.out().resolve("tasks.csv"));
    List<List<String>> fromSheets = new ArrayList<>();
    int townships = 0;
    try (Stream<Path> files = Files.list(sheets)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("tasks-")
          && !p.getFileName().toString().startsWith("tasks-feedback")).sorted().toList()) {
        List<List<String>> rows = csv(f);
        assertEquals("任务编号", rows.get(0).get(2), f + ": headers in Chinese");
        fromSheets.addAll(rows.subList(1, rows.size()));
        townships++;
      }
    }
    assertTrue(townships >= 3, "a sheet per township: " + townships);
    assertSameRows(sorted(tasks.subList(1, tasks.size())), sorted(fromSheets), tasks.get(0));

    // the feedback form: one row per open task, pre-filled as the tasks say
    List<List<String>> form = csv(sheets.resolve("tasks-feedback-反馈.csv"));
    assertEquals("任务编号", form.get(0).get(0));
    assertEquals(tasks.size() - 1, form.size() - 1, "one row per open task");
    int taskId = Csv.col(tasks, "task_id");
    int due = Csv.col(tasks, "due_on");
    List<String> ids = tasks.stream().skip(1).map(r -> r.get(taskId) + " " + r.get(due)).sorted().toList();
    assertEquals(ids, form.stream().skip(1).map(r -> r.get(0) + " " + r.get(6)).sorted().toList(), "task ids and due days");
  }

  /** Converts every sheet of each workbook to CSV (UTF-8, comma, quoted text, values as shown) with soffice. */
  private void inCalc(Path into, Path... workbooks) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + root.resolve("lo-profile").toUri(),
        "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", into.toString()));
    for (Path w : workbooks) {
      cmd.add(w.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("soffice.log").toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "soffice finished");
    assertEquals(0, p.exitValue(), "soffice (run scripts/setup-office): " + Files.readString(root.resolve("soffice.log")));
  }

  private static List<List<String>> csv(Path f) throws Exception {
    assertTrue(Files.exists(f), f + " written");
    return Csv.parse(Files.readString(f, StandardCharsets.UTF_8).replace("\uFEFF", ""));
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    return rows.stream().sorted(Comparator.comparing(r -> String.join("\u0001", r))).toList();
  }

  /** Row by row, cell by cell: equal text, or equal numbers, or a boolean written true/TRUE. */
  private static void assertSameRows(List<List<String>> want, List<List<String>> got, List<String> headers) {
    assertEquals(want.size(), got.size(), "rows");
    for (int i = 0; i < want.size(); i++) {
      List<String> w = want.get(i);
      List<String> g = new ArrayList<>(got.get(i));
      while (g.size() < w.size()) {
        g.add("");
      }
      for (int k = 0; k < w.size(); k++) {
        String a = w.get(k);
        String b = g.get(k);
        boolean same = a.equals(b) || a.equalsIgnoreCase(b) && (a.equalsIgnoreCase("true") || a.equalsIgnoreCase("false"))
            || isNumber(a) && isNumber(b) && Double.parseDouble(a) == Double.parseDouble(b);
        assertTrue(same, "row " + (i + 1) + ", " + headers.get(k) + ": csv '" + a + "', Calc '" + b + "'");
      }
    }
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  }
}
