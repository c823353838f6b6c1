package dev.genieheal.sql;

import dev.genieheal.error.SqlExecutionException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Accepts exactly one read-only statement (SELECT or WITH ... SELECT) and refuses everything else with a reason.
 * Runs before any SQL is executed and before any example SQL enters a space. Thread-safe.
 *
 * <p>SQL JSqlParser can parse must be one {@code SELECT}/{@code WITH} query without {@code INTO} or a locking
 * clause. Spark SQL JSqlParser cannot parse (e.g. {@code TABLESAMPLE}) is accepted only by a conservative lexical
 * check: after removing comments, string literals and quoted identifiers it must start with {@code SELECT},
 * {@code WITH} or {@code (}, hold no statement separator and no word that starts a write or session statement
 * ({@code INSERT}, {@code DROP}, {@code SET}, {@code OPTIMIZE}, ...). Refusing all unparseable SQL would turn valid
 * Genie queries into execution failures; accepting it blindly would let a write through.
 *
 * <p>Verdicts are remembered per text in a bounded cache, so checking the same SQL again costs a look-up.
 */
public final class ReadOnlySqlGuard {
  /** Words that begin a statement other than a query; a query never needs them as bare words. */
  private static final Set<String> FORBIDDEN_WORDS = Set.of(
      "insert", "update", "delete", "merge", "upsert", "replace", "truncate", "drop", "create", "alter",
      "rename", "grant", "revoke", "deny", "call", "exec", "execute", "set", "reset", "use", "optimize", "vacuum",
      "analyze", "refresh", "cache", "uncache", "msck", "copy", "load", "install", "attach", "detach", "pragma",
      "export", "import", "restore", "clone", "comment", "lock", "unlock", "kill", "shutdown", "checkpoint");

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

  private ReadOnlySqlGuard() {}

  /** Why the SQL is refused, or empty when it is one read-only query. */
  public static Optional<String> violation(String sql) {
    return DerivedCache.SHARED.get(sql, DerivedCache.Kind.VIOLATION, ReadOnlySqlGuard::decide);
  }

  private static Optional<String> decide(String sql) {
    if (sql == null || sql.isBlank()) {
      return Optional.of("SQL is empty");
    }
    Optional<List<Statement>> parsed = SqlParsing.statements(sql);
    if (parsed.isEmpty()) {
      return lexicalViolation(sql);
    }
    List<Statement> statements = parsed.get();
    if (statements.size() != 1) {
      return Optional.of("only one statement is allowed, found " + statements.size());
    }
    Statement statement = statements.get(0);
    if (!(statement instanceof Select select) || statement instanceof Values) {
      return Optional.of("only a SELECT or WITH query is allowed, found " + kind(statement));
    }
    if (select instanceof PlainSelect plain && plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
      return Optional.of("SELECT ... INTO writes a table and is not allowed");
    }
    if (select.getWithItemsList() != null
        && select.getWithItemsList().stream().anyMatch(with -> with.getSelect() == null)) {
      return Optional.of("a WITH clause may only define queries, not data-modifying statements");
    }
    if (select.getForMode() != null) {
      return Optional.of("locking clauses (FOR UPDATE/SHARE) are not allowed");
    }
    return Optional.empty();
  }

  /**
   * Returns {@code sql} when it is one read-only query.
   *
   * @throws SqlExecutionException naming the reason otherwise
   */
  public static String check(String sql) {
    Optional<String> v = violation(sql);
    if (v.isPresent()) {
      throw new SqlExecutionException("refused by the read-only guard: " + v.get());
    }
    return sql;
  }

  private static String kind(Statement statement) {
    String name = statement.getClass().getSimpleName().replace("Statement", "");
    return name.isEmpty() ? "an unknown statement" : name.toUpperCase(Locale.ROOT) + " statement";
  }

  private static Optional<String> lexicalViolation(String sql) {
    Optional<String> code = stripLiteralsAndComments(sql);
    if (code.isEmpty()) {
      return Optional.of("the SQL cannot be parsed and has an unterminated string, identifier or comment");
    }
    String text = code.get().strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("select") || lower.startsWith("with") || lower.startsWith("("))) {
      return Optional.of("only a SELECT or WITH query is allowed (the SQL cannot be parsed and does not start"
          + " with SELECT or WITH)");
    }
    if (text.contains(";")) {
      return Optional.of("only one statement is allowed (the SQL cannot be parsed and holds a ';')");
    }
    Matcher words = WORD.matcher(lower);
    while (words.find()) {
      if (FORBIDDEN_WORDS.contains(words.group())) {
        return Optional.of("the SQL cannot be parsed and contains '" + words.group().toUpperCase(Locale.ROOT)
            + "', which is not allowed in a read-only query");
      }
    }
    return Optional.empty();
  }

  /** The SQL with comments, string literals and quoted identifiers blanked out, or empty when one is unclosed. */
  static Optional<String> stripLiteralsAndComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
        out.append(' ');
      } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return Optional.empty();
        }
        i = end + 2;
        out.append(' ');
      } else if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < sql.length() && sql.charAt(j) != c) {
          j += sql.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= sql.length()) {
          return Optional.empty();
        }
        i = j + 1;
        out.append(c == '`' ? " x " : " '' ");
      } else {
        out.append(c);
        i++;
      }
    }
    return Optional.of(out.toString());
  }
}
