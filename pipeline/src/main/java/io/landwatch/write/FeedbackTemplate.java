package io.landwatch.write;

import io.landwatch.plan.Task;
import io.landwatch.store.FeedbackVocabulary;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 反馈表.xlsx (tasks-feedback.xlsx): the field-result form the township fills in and hands back to
 * {@code landwatch feedback import} as it is. One row per open task (task id, patch, place,
 * priority, due date pre-filled); the result and action cells offer drop-down lists of the words
 * the import understands; rows left blank are skipped on import.
 */
public final class FeedbackTemplate {
  /** The pre-filled columns, then the ones to fill in. */
  public static final List<String> HEADERS = List.of("任务编号", "图斑编号", "乡镇", "村", "网格员", "优先级",
      "办结期限", "核查结果", "处置措施", "核查日期", "核查人", "备注", "照片", "实测范围");

  private static final int FIRST_INPUT = 7;

  private FeedbackTemplate() {}

  /**
   * @param resultTypes the job's result types (rules.result_types): the drop-down of results offers
   *     their words; actions come from the import's vocabulary
   */
  public static void write(Path target, List<Task> tasks, java.util.Collection<String> resultTypes) {
    AtomicFile.write(target, out -> {
      try (XSSFWorkbook wb = Xlsx.workbook()) {
        Sheet sheet = wb.createSheet("反馈");
        Xlsx.header(sheet, Xlsx.bold(wb), HEADERS);
        for (int i = 0; i < HEADERS.size(); i++) {
          sheet.setColumnWidth(i, (i >= FIRST_INPUT ? 12 : 16) * 256);
        }
        int r = 1;
        var date = Xlsx.dateStyle(wb);
        for (Task t : tasks) {
          Row row = sheet.createRow(r++);
          Object[] values = {t.taskId(), t.patchId(), t.township(), t.village(), t.inspector(),
              t.priority() == null ? null : t.priority().name(), t.dueOn()};
          for (int i = 0; i < values.length; i++) {
            Xlsx.put(row.createCell(i), values[i], false, date);
          }
        }
        int last = Math.max(1, tasks.size());
        DataValidationHelper dv = sheet.getDataValidationHelper();
        sheet.addValidationData(list(dv, FeedbackVocabulary.resultWords(resultTypes), last, FIRST_INPUT));
        sheet.addValidationData(list(dv, FeedbackVocabulary.ACTION_WORDS, last, FIRST_INPUT + 1));
        sheet.createFreezePane(1, 1);
        sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, last, 0, HEADERS.size() - 1));
        wb.write(out);
      }
    });
  }

  private static DataValidation list(DataValidationHelper dv, List<String> words, int lastRow, int column) {
    DataValidation v = dv.createValidation(dv.createExplicitListConstraint(words.toArray(new String[0])),
        new CellRangeAddressList(1, lastRow, column, column));
    v.setShowErrorBox(true);
    v.setSuppressDropDownArrow(true);
    return v;
  }
}
