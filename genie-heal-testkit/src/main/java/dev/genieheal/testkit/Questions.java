package dev.genieheal.testkit;

import java.util.Locale;

/** How the doubles compare question texts. */
final class Questions {
  private Questions() {}

  /** Lower case, single spaces, no surrounding space or trailing {@code ?.!}. */
  static String normalize(String question) {
    String s = question.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    while (!s.isEmpty() && "?.!".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }
}
