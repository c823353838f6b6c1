package dev.genieheal.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text helpers for the export's string arrays; not public API. */
final class Lines {
  private Lines() {}

  /**
   * Splits text the way real exports split SQL and descriptions: one element per line, each ending in
   * {@code "\n"} except the last; trailing blank space is dropped. Empty text gives an empty list.
   */
  static List<String> split(String text) {
    String t = text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '\n') {
        out.add(t.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < t.length()) {
      out.add(t.substring(start));
    }
    return out;
  }

  /** Splits text into lines that all end in {@code "\n"}, as text-instruction content is written. */
  static List<String> terminated(String text) {
    List<String> lines = split(text);
    if (!lines.isEmpty()) {
      int last = lines.size() - 1;
      lines.set(last, lines.get(last) + "\n");
    }
    return lines;
  }

  /** Text for "is it the same?" comparisons: whitespace runs collapsed, trimmed, lower case. */
  static String norm(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
