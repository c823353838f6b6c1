package dev.genieheal.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits a question into the phrases that may name data: runs of consecutive words that are neither stop words
 * (question words, aggregation and ranking keywords, date words, numbers) nor already explained by the space.
 */
final class QuestionTerms {
  /** Words a phrase never contains: grammar, the keywords a Genie-like engine reads itself, and dates. */
  static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "per", "each", "every", "with", "without",
      "and", "or", "not", "no", "is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had",
      "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "many", "much", "show", "list", "give",
      "me", "us", "our", "we", "my", "i", "you", "tell", "find", "get", "all", "any", "some", "there", "that", "this",
      "these", "those", "it", "its", "their", "than", "as", "between", "during", "over", "under", "across", "into",
      "total", "sum", "average", "avg", "mean", "count", "number", "maximum", "max", "minimum", "min", "top",
      "bottom", "highest", "lowest", "most", "least", "largest", "smallest", "biggest", "best", "worst", "greatest",
      "fewest", "overall", "last", "next", "previous", "current", "ago",
      "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "daily", "weekly",
      "monthly", "quarterly", "yearly", "annual", "today", "yesterday", "date", "q1", "q2", "q3", "q4", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "so", "far",
      "ytd", "mtd", "rank", "ranked", "ranking", "ordered", "sorted", "descending", "ascending", "s");

  /** The most words of a multi-word name looked for in a question. */
  static final int LONGEST_NAME = 4;

  private QuestionTerms() {}

  /** The question's words in lower case (letters, digits, apostrophes dropped). */
  static List<String> words(String question) {
    List<String> words = new ArrayList<>();
    for (String w : question.toLowerCase(Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}_]+")) {
      if (!w.isBlank()) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * Runs of consecutive words that are not stop words, not numbers and not {@code explained} (a predicate over a
   * word, e.g. "is a column name of the space"), each joined with spaces, in question order without duplicates.
   */
  static List<String> unexplainedPhrases(String question, Predicate<String> explained) {
    return unexplainedPhrases(question, explained, phrase -> false);
  }

  /**
   * Like {@link #unexplainedPhrases(String, Predicate)}, and words that together form a name {@code explainedName}
   * accepts (two to {@value #LONGEST_NAME} consecutive words joined by spaces, longest first) are explained too.
   */
  static List<String> unexplainedPhrases(String question, Predicate<String> explained,
      Predicate<String> explainedName) {
    List<String> words = words(question);
    boolean[] named = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      for (int len = Math.min(LONGEST_NAME, words.size() - i); len >= 2; len--) {
        if (explainedName.test(String.join(" ", words.subList(i, i + len)))) {
          Arrays.fill(named, i, i + len, true);
          break;
        }
      }
    }
    List<String> phrases = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean content = !named[i] && !STOP_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)
          && !explained.test(w);
      if (content) {
        run.add(w);
      } else {
        flush(run, phrases);
      }
    }
    flush(run, phrases);
    return phrases;
  }

  private static void flush(List<String> run, List<String> phrases) {
    if (!run.isEmpty()) {
      String phrase = String.join(" ", run);
      if (!phrases.contains(phrase)) {
        phrases.add(phrase);
      }
      run.clear();
    }
  }

  /** A crude singular, matching how people and Genie-like engines fold plurals. */
  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("ses") || word.endsWith("xes")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Whether the question contains the value as whole words, ignoring case. */
  static boolean mentions(String question, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    String q = " " + String.join(" ", words(question)) + " ";
    String v = String.join(" ", words(value));
    return !v.isEmpty() && q.contains(" " + v + " ");
  }
}
