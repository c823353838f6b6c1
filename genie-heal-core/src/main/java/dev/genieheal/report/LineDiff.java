package dev.genieheal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Which lines of a "before" and an "after" text differ, by longest common subsequence, so the report can show the two
 * side by side with removed and added lines marked. Not API; thread-safe.
 */
final class LineDiff {
  /** Texts longer than this (in lines, product of both) are shown without marks rather than diffed slowly. */
  private static final long MAX_CELLS = 1_000_000L;

  /**
   * A line and whether it is not part of the common subsequence (removed from before, added in after).
   *
   * @param text the line
   * @param changed whether it differs
   */
  record Line(String text, boolean changed) {}

  /**
   * Both sides, line by line.
   *
   * @param before the old text's lines (empty when there was none)
   * @param after the new text's lines
   */
  record Sides(List<Line> before, List<Line> after) {}

  private LineDiff() {}

  /** The diff of two texts; a null {@code before} means everything in {@code after} is new. */
  static Sides of(String before, String after) {
    String[] a = before == null ? new String[0] : before.split("\n", -1);
    String[] b = after == null ? new String[0] : after.split("\n", -1);
    if ((long) a.length * b.length > MAX_CELLS) {
      return new Sides(lines(a, null), lines(b, null));
    }
    String[] ka = keys(a);
    String[] kb = keys(b);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = ka[i].equals(kb[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    boolean[] keptA = new boolean[a.length];
    boolean[] keptB = new boolean[b.length];
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (ka[i].equals(kb[j])) {
        keptA[i++] = true;
        keptB[j++] = true;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return new Sides(lines(a, keptA), lines(b, keptB));
  }

  /**
   * The lines as compared: without a trailing comma, so that adding a JSON member after the last one does not mark
   * the previous line (which only gained a comma) as changed.
   */
  private static String[] keys(String[] lines) {
    String[] keys = new String[lines.length];
    for (int k = 0; k < lines.length; k++) {
      String line = lines[k].stripTrailing();
      keys[k] = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
    }
    return keys;
  }

  private static List<Line> lines(String[] texts, boolean[] kept) {
    List<Line> lines = new ArrayList<>(texts.length);
    for (int k = 0; k < texts.length; k++) {
      lines.add(new Line(texts[k], kept != null && !kept[k]));
    }
    return List.copyOf(lines);
  }
}
