package dev.genieheal.judge;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether SQL the parser could not read orders its result, so the judge still knows whether row order
 * matters. Deliberately conservative: the result counts as ordered only when the statement ends with an
 * {@code ORDER BY} clause outside all parentheses (optionally followed by {@code LIMIT}/{@code OFFSET}), after
 * comments, string literals and quoted identifiers are skipped. Anything else is treated as unordered, because a
 * wrong "ordered" fails right answers while a wrong "unordered" only forgives row order. Thread-safe (stateless).
 */
final class OrderingFallback {
  /** Keywords that start a clause which cannot follow a final ORDER BY of the outermost query. */
  private static final Set<String> CLAUSE_STARTS = Set.of("SELECT", "FROM", "WHERE", "GROUP", "HAVING", "UNION",
      "INTERSECT", "EXCEPT", "MINUS", "QUALIFY", "WINDOW", "JOIN", "VALUES");

  private OrderingFallback() {}

  static boolean endsWithTopLevelOrderBy(String sql) {
    int depth = 0;
    boolean ordered = false;
    String previousWord = "";
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char ch = sql.charAt(i);
      if (ch == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
        i = skipTo(sql, i + 2, "\n");
      } else if (ch == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
        i = skipTo(sql, i + 2, "*/");
      } else if (ch == '\'' || ch == '"' || ch == '`') {
        i = skipQuoted(sql, i, ch);
      } else if (ch == '(') {
        depth++;
        i++;
      } else if (ch == ')') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (Character.isLetter(ch) || ch == '_') {
        int start = i;
        while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        if (depth == 0) {
          String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
          if (word.equals("BY") && previousWord.equals("ORDER")) {
            ordered = true;
          } else if (ordered && CLAUSE_STARTS.contains(word)) {
            ordered = false;
          }
          previousWord = word;
        }
      } else {
        i++;
      }
    }
    return ordered;
  }

  private static int skipTo(String sql, int from, String end) {
    int at = sql.indexOf(end, from);
    return at < 0 ? sql.length() : at + end.length();
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      if (ch == '\\' && quote != '`') {
        i += 2;
      } else if (ch == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return i;
  }
}
