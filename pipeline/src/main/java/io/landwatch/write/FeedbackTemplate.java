package io.landwatch.write;

import io.landwatch.plan.Task;
import io.landwatch.store.FeedbackVocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
    double[] widths = new double[HEADERS.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = i >= FIRST_INPUT ? 12 : 16;
    }
    AtomicFile.write(target, out -> {
      try (XlsxWriter wb = XlsxWriter.to(out)) {
        XlsxWriter.Sheet sheet = wb.sheet("反馈", XlsxWriter.Layout.plain().widths(widths).frozen(1, 1).filtered());
        sheet.header(HEADERS);
        for (Task t : tasks) {
          Object[] values = {t.taskId(), t.patchId(), t.township(), t.village(), t.inspector(),
              t.priority() == null ? null : t.priority().name(), t.dueOn()};
          sheet.row(Arrays.stream(values).map(v -> Xlsx.value(v, false)).toList());
        }
        int last = Math.max(1, tasks.size());
        sheet.dropDown(FIRST_INPUT, 1, last, FeedbackVocabulary.resultWords(resultTypes));
        sheet.dropDown(FIRST_INPUT + 1, 1, last, FeedbackVocabulary.ACTION_WORDS);
      }
    });
  }
}
