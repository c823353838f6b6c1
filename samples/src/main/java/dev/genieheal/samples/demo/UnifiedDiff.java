package dev.genieheal.samples.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified format ({@code ---}/{@code +++} headers, {@code @@} hunks with three lines of
 * context), from a longest-common-subsequence alignment. Fine for the few thousand lines of a space export.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff of two texts; empty when they are equal. */
  static String of(String fromName, String from, String toName, String to) {
    List<String> a = from.lines().toList();
    List<String> b = to.lines().toList();
    List<Line> script = align(a, b);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // Extend the hunk while changes are closer than twice the context.
      for (int k = i; k < script.size(); k++) {
        if (script.get(k).op != ' ') {
          end = k;
        } else if (k - end > 2 * CONTEXT) {
          break;
        }
      }
      end = Math.min(script.size() - 1, end + CONTEXT);
      if (out.isEmpty()) {
        out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
      }
      hunk(out, script.subList(start, end + 1));
      i = end + 1;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Line> lines) {
    Line first = lines.get(0);
    int fromCount = (int) lines.stream().filter(l -> l.op != '+').count();
    int toCount = (int) lines.stream().filter(l -> l.op != '-').count();
    out.append("@@ -").append(first.fromLine).append(',').append(fromCount)
        .append(" +").append(first.toLine).append(',').append(toCount).append(" @@\n");
    for (Line l : lines) {
      out.append(l.op).append(l.text).append('\n');
    }
  }

  /** One line of the edit script, with the 1-based line numbers it sits at in each text. */
  private record Line(char op, String text, int fromLine, int toLine) {}

  private static List<Line> align(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add(new Line(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Removals before additions, as diff(1) prints them.
        out.add(new Line('-', a.get(i), i + 1, j + 1));
        i++;
      } else {
        out.add(new Line('+', b.get(j), i + 1, j + 1));
        j++;
      }
    }
    return out;
  }
}
