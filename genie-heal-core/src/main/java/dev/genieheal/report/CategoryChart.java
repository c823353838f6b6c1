package dev.genieheal.report;

import static dev.genieheal.report.ChartFrame.n;

import dev.genieheal.IterationRecord;
import dev.genieheal.analyze.FailureCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Tuning failures by category per iteration as an inline SVG stacked bar chart. Not API. */
final class CategoryChart {
  private static final String[] COLORS = {
      "#7c3aed", // missing_table
      "#2563eb", // missing_column
      "#0891b2", // wrong_join
      "#059669", // missing_join
      "#ca8a04", // wrong_aggregation
      "#ea580c", // wrong_filter
      "#dc2626", // sql_syntax_error
      "#db2777", // no_sql_generated
      "#9f1239", // execution_failed
      "#6b7280", // unknown
  };

  private CategoryChart() {}

  /** The colour of a category in the chart and its legend. */
  static String color(FailureCategory category) {
    return COLORS[category.ordinal() % COLORS.length];
  }

  /** The categories with at least one failure in any of {@code records}, in enum order. */
  static Set<FailureCategory> present(List<IterationRecord> records) {
    Set<FailureCategory> present = EnumSet.noneOf(FailureCategory.class);
    for (IterationRecord r : records) {
      r.failuresByCategory().forEach((category, count) -> {
        if (count > 0) {
          present.add(category);
        }
      });
    }
    return present;
  }

  /** The chart of {@code records} (in iteration order); a placeholder note when there are none. */
  static String svg(List<IterationRecord> records) {
    StringBuilder s = ChartFrame.open("Tuning failures by category per iteration");
    int max = 1;
    for (IterationRecord r : records) {
      max = Math.max(max, total(r));
    }
    int step = niceStep(max);
    int top = step * (int) Math.ceil((double) max / step);
    for (int tick = 0; tick <= top; tick += step) {
      ChartFrame.gridLine(s, (double) tick / top, Integer.toString(tick));
    }
    ChartFrame.axes(s, "Iteration (0 = baseline)", "Failures", records.stream().mapToInt(IterationRecord::iteration)
        .toArray());
    if (records.isEmpty()) {
      ChartFrame.empty(s, "No iteration has finished yet");
      return s.append("</svg>").toString();
    }
    double barWidth = Math.min(56, ChartFrame.slot(records.size()) * 0.6);
    for (int i = 0; i < records.size(); i++) {
      IterationRecord r = records.get(i);
      double x = ChartFrame.x(i, records.size()) - barWidth / 2;
      double stacked = 0;
      for (FailureCategory category : FailureCategory.values()) {
        int count = r.failuresByCategory().getOrDefault(category, 0);
        if (count <= 0) {
          continue;
        }
        double yTop = ChartFrame.y((stacked + count) / top);
        double yBottom = ChartFrame.y(stacked / top);
        s.append("<rect class=\"bar ").append(category.id()).append("\" x=\"").append(n(x)).append("\" y=\"")
            .append(n(yTop)).append("\" width=\"").append(n(barWidth)).append("\" height=\"")
            .append(n(yBottom - yTop)).append("\" fill=\"").append(color(category)).append("\"><title>Iteration ")
            .append(r.iteration()).append(" · ").append(category.id()).append(": ").append(count)
            .append("</title></rect>");
        stacked += count;
      }
      s.append("<text class=\"value\" x=\"").append(n(x + barWidth / 2)).append("\" y=\"")
          .append(n(ChartFrame.y(stacked / top) - 6)).append("\" text-anchor=\"middle\">").append(total(r))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static int total(IterationRecord r) {
    return r.failuresByCategory().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** A tick step of 1, 2, 5, 10, 20, 50, ... giving at most about five ticks. */
  static int niceStep(int max) {
    int step = 1;
    while (max / step > 5) {
      int next = step * 2;
      if (max / next <= 5) {
        return next;
      }
      next = step * 5;
      if (max / next <= 5) {
        return next;
      }
      step *= 10;
    }
    return step;
  }
}
