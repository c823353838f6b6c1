package dev.genieheal.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word splitting and light stemming shared by {@link SimSchema} and {@link SimPlanner}. */
final class Words {
  private Words() {}

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");

  /** Words that never name data on their own. */
  static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "with",
      "what", "which", "who", "whose", "how", "is", "are", "was", "were", "be", "been", "do", "does", "did", "has",
      "have", "had", "me", "my", "our", "we", "i", "show", "list", "give", "tell", "get", "find", "display", "all",
      "there", "that", "this", "these", "those", "from", "it", "its", "their", "they", "each", "per", "by", "than",
      "as", "s", "value", "values", "much", "many", "during", "overall", "across", "whole", "please", "so", "far");

  /** The words of a text with their original spelling. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** A crude singular: {@code categories -> category}, {@code orders -> order}; {@code sales}, {@code status} kept. */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.equals("sales")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** The stemmed words of a text joined by single spaces. */
  static String phrase(String text) {
    if (text == null) {
      return "";
    }
    List<String> stems = new ArrayList<>();
    for (String w : split(text.replace('_', ' '))) {
      stems.add(stem(w));
    }
    return String.join(" ", stems);
  }
}
