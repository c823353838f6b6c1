package dev.genieheal.report;

import java.time.Duration;
import java.util.Locale;

/** Numbers and durations as people read them in the report. Not API; thread-safe. */
final class Formats {
  private Formats() {}

  /** A score in [0, 1] as a percentage with one decimal, e.g. {@code 57.5%}; whole numbers without it. */
  static String percent(double score) {
    double p = score * 100.0;
    if (Math.abs(p - Math.rint(p)) < 1e-9) {
      return String.format(Locale.ROOT, "%.0f%%", p);
    }
    return String.format(Locale.ROOT, "%.1f%%", p);
  }

  /** A score change in points with its sign, e.g. {@code +12.5 pts}, {@code ±0 pts}. */
  static String points(double delta) {
    double p = delta * 100.0;
    if (Math.abs(p) < 1e-9) {
      return "±0 pts";
    }
    String number = Math.abs(p - Math.rint(p)) < 1e-9
        ? String.format(Locale.ROOT, "%+.0f", p) : String.format(Locale.ROOT, "%+.1f", p);
    return number + " pts";
  }

  /**
   * A duration in its largest sensible unit: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}.
   */
  static String duration(Duration d) {
    if (d == null) {
      return "–";
    }
    long millis = d.toMillis();
    if (millis < 0) {
      return "–";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
  }

  /** The text cut to at most {@code max} characters, ending in an ellipsis when cut; empty for null. */
  static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
