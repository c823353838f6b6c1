package dev.genieheal.sql;

import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Normalises SQL for the judge's fast path: keyword and identifier case, whitespace, identifier quoting, table alias
 * names, redundant parentheses, {@code AS}, {@code INNER}/{@code OUTER}, a trailing semicolon, the order of the
 * conjuncts of a top-level AND in WHERE, ON, HAVING and QUALIFY, the order of the sides of {@code =} and
 * {@code <>}, and {@code !=} versus {@code <>} do not matter. Two queries that differ only in these normalise equal;
 * string literals keep their case, so {@code 'East'} and {@code 'east'} stay different, and non-commutative forms
 * ({@code a - b}, {@code a < b}, the operands of OR) keep their order. The normal form is a comparison key, not SQL
 * to run. Results are remembered per text in a bounded cache. Thread-safe.
 */
public final class SqlNormalizer {
  private SqlNormalizer() {}

  /** The normal form, or empty when the SQL cannot be parsed (callers then fall back to result comparison). */
  public static Optional<String> normalize(String sql) {
    return DerivedCache.SHARED.get(sql, DerivedCache.Kind.NORMAL_FORM, SqlNormalizer::normalFormOf);
  }

  private static Optional<String> normalFormOf(String sql) {
    return SqlParsing.single(sql)
        .filter(Select.class::isInstance)
        .map(statement -> {
          new AstCanonicalizer(AstCanonicalizer.Mode.NORMALIZE).select((Select) statement, null);
          return caseAndQuotes(statement.toString());
        });
  }

  /** Whether the statement's outermost query has an ORDER BY; empty when the SQL cannot be parsed. */
  public static Optional<Boolean> ordersResult(String sql) {
    return DerivedCache.SHARED.get(sql, DerivedCache.Kind.ORDERS_RESULT, SqlNormalizer::ordersResultOf);
  }

  private static Optional<Boolean> ordersResultOf(String sql) {
    return SqlParsing.single(sql).filter(Select.class::isInstance).map(SqlNormalizer::hasTopLevelOrderBy);
  }

  static boolean hasTopLevelOrderBy(Statement statement) {
    Select select = (Select) statement;
    while (true) {
      if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
        return true;
      }
      // "(SELECT ... ORDER BY x)" as the whole statement still orders the result.
      if (select instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p && p.getSelect() != null) {
        select = p.getSelect();
      } else {
        return false;
      }
    }
  }

  /**
   * Lower-cases everything outside string literals, removes back-ticks, collapses whitespace and spells not-equal
   * {@code <>} (JSqlParser prints {@code !=} as written). Double-quoted text is a string literal in Spark SQL, so it
   * keeps its case like single-quoted text.
   */
  static String caseAndQuotes(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    char quote = 0;
    boolean space = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      }
      if (c == '`') {
        continue;
      }
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      if (c == '!' && i + 1 < sql.length() && sql.charAt(i + 1) == '=') {
        out.append("<>");
        i++;
        continue;
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }
}
