package dev.genieheal.report;

import static dev.genieheal.report.ChartFrame.n;

import dev.genieheal.IterationRecord;
import dev.genieheal.score.ScoreCard;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The score per iteration of the tuning and held-out sets as an inline SVG line chart, with the target as a dashed
 * line and rolled-back iterations ringed in red. Drawn server-side: the report needs no script to show it. Not API.
 */
final class ScoreChart {
  static final String TUNING_COLOR = "#2563eb";
  static final String HELD_OUT_COLOR = "#d97706";
  static final String TARGET_COLOR = "#16a34a";
  static final String ROLLED_BACK_COLOR = "#dc2626";

  private ScoreChart() {}

  /** The chart of {@code records} (in iteration order); a placeholder note when there are none. */
  static String svg(List<IterationRecord> records, OptionalDouble target) {
    StringBuilder s = ChartFrame.open("Score per iteration, tuning and held-out sets");
    for (int p = 0; p <= 100; p += 25) {
      ChartFrame.gridLine(s, p / 100.0, p + "%");
    }
    ChartFrame.axes(s, "Iteration (0 = baseline)", "Score", records.stream().mapToInt(IterationRecord::iteration)
        .toArray());
    if (target.isPresent()) {
      double y = ChartFrame.y(target.getAsDouble());
      s.append("<line class=\"target\" x1=\"").append(ChartFrame.LEFT).append("\" x2=\"")
          .append(ChartFrame.WIDTH - ChartFrame.RIGHT).append("\" y1=\"").append(n(y)).append("\" y2=\"").append(n(y))
          .append("\" stroke=\"").append(TARGET_COLOR).append("\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>");
      s.append("<text class=\"target-label\" x=\"").append(ChartFrame.WIDTH - ChartFrame.RIGHT + 6)
          .append("\" y=\"").append(n(y - 3)).append("\" fill=\"").append(TARGET_COLOR).append("\">target</text>")
          .append("<text class=\"target-label\" x=\"").append(ChartFrame.WIDTH - ChartFrame.RIGHT + 6)
          .append("\" y=\"").append(n(y + 10)).append("\" fill=\"").append(TARGET_COLOR).append("\">")
          .append(Formats.percent(target.getAsDouble())).append("</text>");
    }
    if (records.isEmpty()) {
      ChartFrame.empty(s, "No iteration has finished yet");
      return s.append("</svg>").toString();
    }
    if (records.stream().anyMatch(r -> r.heldOut() != null)) {
      series(s, records, true);
    }
    series(s, records, false);
    return s.append("</svg>").toString();
  }

  /**
   * Whether a point's value label goes above it: the higher of the two series is labelled above and the lower below,
   * so labels of close scores do not overlap (on a tie, tuning above).
   */
  private static boolean labelAbove(IterationRecord r, boolean heldOut) {
    if (r.heldOut() == null) {
      return true;
    }
    double mine = heldOut ? r.heldOut().score() : r.score();
    double other = heldOut ? r.score() : r.heldOut().score();
    return mine > other || mine == other && !heldOut;
  }

  private static void series(StringBuilder s, List<IterationRecord> records, boolean heldOut) {
    String color = heldOut ? HELD_OUT_COLOR : TUNING_COLOR;
    String name = heldOut ? "held-out" : "tuning";
    StringBuilder line = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < records.size(); i++) {
      IterationRecord r = records.get(i);
      ScoreCard card = heldOut ? r.heldOut() : r.tuning();
      if (card == null) {
        continue;
      }
      double cx = ChartFrame.x(i, records.size());
      double cy = ChartFrame.y(card.score());
      line.append(n(cx)).append(',').append(n(cy)).append(' ');
      String title = "Iteration " + r.iteration() + " · " + name + " " + Formats.percent(card.score()) + " ("
          + card.passedCount() + "/" + card.results().size() + " passed)" + (r.rolledBack() ? " · rolled back" : "");
      if (r.rolledBack() && !heldOut) {
        marks.append("<circle class=\"rolled-back\" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy))
            .append("\" r=\"9\" fill=\"none\" stroke=\"").append(ROLLED_BACK_COLOR).append("\" stroke-width=\"2\"/>");
      }
      marks.append("<circle class=\"point ").append(name).append("\" cx=\"").append(n(cx)).append("\" cy=\"")
          .append(n(cy)).append("\" r=\"5\" fill=\"").append(color).append("\" stroke=\"#fff\" stroke-width=\"1.5\">")
          .append("<title>").append(Html.escape(title)).append("</title></circle>");
      marks.append("<text class=\"value\" x=\"").append(n(cx)).append("\" y=\"")
          .append(n(labelAbove(r, heldOut) ? cy - 12 : cy + 20))
          .append("\" text-anchor=\"middle\" fill=\"").append(color).append("\">")
          .append(Formats.percent(card.score())).append("</text>");
    }
    s.append("<polyline class=\"series ").append(name).append("\" fill=\"none\" stroke=\"").append(color)
        .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"").append(line.toString().trim())
        .append("\"/>").append(marks);
  }
}
