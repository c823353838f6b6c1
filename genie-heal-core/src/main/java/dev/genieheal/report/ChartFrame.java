package dev.genieheal.report;

import java.util.Locale;

/**
 * The geometry both report charts share: a fixed view box (the SVG scales to the page width), the plot area inside
 * its margins, grid lines, axes and axis titles. Not API.
 */
final class ChartFrame {
  static final int WIDTH = 760;
  static final int HEIGHT = 300;
  static final int LEFT = 60;
  static final int RIGHT = 56;
  static final int TOP = 28;
  static final int BOTTOM = 52;
  private static final double PAD = 28;

  private ChartFrame() {}

  /** Opens the {@code <svg>} element with an accessible label. */
  static StringBuilder open(String label) {
    return new StringBuilder(4096).append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
  }

  /** A horizontal grid line at {@code fraction} of the plot height with its tick label. */
  static void gridLine(StringBuilder s, double fraction, String label) {
    double y = y(fraction);
    s.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
        .append(n(y)).append("\" y2=\"").append(n(y)).append("\"/>");
    s.append("<text class=\"tick\" x=\"").append(LEFT - 8).append("\" y=\"").append(n(y + 4))
        .append("\" text-anchor=\"end\">").append(Html.escape(label)).append("</text>");
  }

  /** The two axes, their titles, and the x tick labels (thinned to at most about 20). */
  static void axes(StringBuilder s, String xTitle, String yTitle, int[] iterations) {
    s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
        .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
    s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
        .append(HEIGHT - BOTTOM).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
    double middleY = TOP + (HEIGHT - TOP - BOTTOM) / 2.0;
    s.append("<text class=\"axis-title\" x=\"").append(n(LEFT + (WIDTH - LEFT - RIGHT) / 2.0)).append("\" y=\"")
        .append(HEIGHT - 10).append("\" text-anchor=\"middle\">").append(Html.escape(xTitle)).append("</text>");
    s.append("<text class=\"axis-title\" x=\"16\" y=\"").append(n(middleY))
        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").append(n(middleY)).append(")\">")
        .append(Html.escape(yTitle)).append("</text>");
    int every = Math.max(1, (int) Math.ceil(iterations.length / 20.0));
    for (int i = 0; i < iterations.length; i++) {
      if (i % every == 0 || i == iterations.length - 1) {
        s.append("<text class=\"tick\" x=\"").append(n(x(i, iterations.length))).append("\" y=\"")
            .append(HEIGHT - BOTTOM + 18).append("\" text-anchor=\"middle\">").append(iterations[i]).append("</text>");
      }
    }
  }

  /** A centred note in an empty plot. */
  static void empty(StringBuilder s, String note) {
    s.append("<text class=\"empty\" x=\"").append(n(LEFT + (WIDTH - LEFT - RIGHT) / 2.0)).append("\" y=\"")
        .append(n(TOP + (HEIGHT - TOP - BOTTOM) / 2.0)).append("\" text-anchor=\"middle\">").append(Html.escape(note))
        .append("</text>");
  }

  /** The x of the i-th of {@code count} evenly spaced slots (centred when there is one). */
  static double x(int i, int count) {
    double plotWidth = WIDTH - LEFT - RIGHT;
    return count <= 1 ? LEFT + plotWidth / 2 : LEFT + PAD + (plotWidth - 2 * PAD) * i / (count - 1);
  }

  /** The width available to one of {@code count} slots. */
  static double slot(int count) {
    double plotWidth = WIDTH - LEFT - RIGHT - 2 * PAD;
    return count <= 1 ? plotWidth / 2 : plotWidth / (count - 1);
  }

  /** The y of a fraction of the plot height, 0 at the bottom; clamped to the plot. */
  static double y(double fraction) {
    double plotHeight = HEIGHT - TOP - BOTTOM;
    return TOP + plotHeight * (1.0 - Math.max(0.0, Math.min(1.0, fraction)));
  }

  /** The plot's bottom edge. */
  static double baseline() {
    return HEIGHT - BOTTOM;
  }

  /** A coordinate with one decimal, locale-independent. */
  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
