package dev.genieheal.sql;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * The one place JSqlParser is called. JSqlParser first parses in its simple mode and, when that fails, retries in
 * its complex mode (which can backtrack exponentially: five nested CASE expressions take seconds). Both parses run
 * with a timeout on an executor in JSqlParser's own entry point; its default is a fresh non-daemon thread per call,
 * which a timed-out parse leaves behind, so we pass one shared executor of daemon threads instead.
 *
 * <p>Handing every parse to another thread is expensive on a busy machine (the caller blocks until the parser
 * thread is scheduled and back, which measured 10x the parse itself under load), so the simple parse of ordinary SQL
 * runs on the calling thread instead: text of at most {@link #INLINE_MAX_CHARS} characters whose parenthesis nesting
 * is at most JSqlParser's own limit for complex parsing ({@link CCJSqlParserUtil#ALLOWED_NESTING_DEPTH}). Simple mode
 * does not backtrack into the complex alternatives; its time grows polynomially with nesting (measured: depth 10 in
 * tens of milliseconds, depth 200 in about two seconds), so within those bounds it finishes promptly. Everything that
 * can get stuck still runs on the executor with the timeout: the complex retry, and any text beyond those bounds. A
 * parse that runs away there is abandoned after {@link #TIMEOUT_MILLIS} and its daemon thread cannot keep the JVM
 * alive.
 *
 * <p>Texts that do not parse are remembered in {@link DerivedCache} (the guard, the normaliser and the structure
 * extractor all ask about the same Genie SQL), except after a timeout, which says more about the machine's load than
 * about the text.
 */
final class SqlParsing {
  /** Longer than any real query needs; pathological input is cut off instead of hanging the loop. */
  private static final long TIMEOUT_MILLIS = 5_000;

  /** Longest text parsed on the calling thread; Genie's SQL is typically 300 to 1,500 characters. */
  static final int INLINE_MAX_CHARS = 8_192;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "genie-heal-sql-parser-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private static final ThreadLocal<int[]> TIMEOUTS = ThreadLocal.withInitial(() -> new int[1]);

  private SqlParsing() {}

  /** Every statement in the text, or empty when JSqlParser cannot parse it (or the text is blank). */
  static Optional<List<Statement>> statements(String sql) {
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    if (Boolean.FALSE.equals(DerivedCache.SHARED.peek(sql, DerivedCache.Kind.PARSEABLE))) {
      return Optional.empty();
    }
    int timeouts = timeoutsOnThisThread();
    Optional<List<Statement>> statements = parse(sql);
    if (statements.isEmpty()) {
      DerivedCache.SHARED.put(sql, DerivedCache.Kind.PARSEABLE, Boolean.FALSE, timeouts);
    }
    return statements;
  }

  /** The single statement in the text, or empty when it does not parse or holds zero or several statements. */
  static Optional<Statement> single(String sql) {
    return statements(sql).filter(list -> list.size() == 1).map(list -> list.get(0));
  }

  /** How many parses on this thread have timed out so far; results derived across a timeout are not cached. */
  static int timeoutsOnThisThread() {
    return TIMEOUTS.get()[0];
  }

  private static Optional<List<Statement>> parse(String sql) {
    try {
      Statements statements = inline(sql)
          ? simpleHereThenComplexThere(sql)
          : CCJSqlParserUtil.parseStatements(sql, EXECUTOR, SqlParsing::configure);
      return statements == null ? Optional.empty() : Optional.of(List.copyOf(statements));
    } catch (JSQLParserException e) {
      if (e.getCause() instanceof TimeoutException) {
        TIMEOUTS.get()[0]++;
      }
      return Optional.empty();
    } catch (Exception | StackOverflowError e) {
      // JSqlParser reports unsupported syntax as checked and unchecked exceptions alike; deep nesting can
      // overflow its recursive descent. All mean "cannot parse": callers degrade, they never crash the loop.
      return Optional.empty();
    }
  }

  private static boolean inline(String sql) {
    return sql.length() <= INLINE_MAX_CHARS
        && CCJSqlParserUtil.getNestingDepth(sql) <= CCJSqlParserUtil.ALLOWED_NESTING_DEPTH;
  }

  /** What {@code CCJSqlParserUtil.parseStatements} does, with the simple parse on this thread. */
  private static Statements simpleHereThenComplexThere(String sql) throws JSQLParserException {
    try {
      return configure(CCJSqlParserUtil.newParser(sql)).withAllowComplexParsing(false).Statements();
    } catch (Exception | StackOverflowError simpleFailed) {
      // inline() already checked the nesting limit JSqlParser applies before its complex retry.
      return CCJSqlParserUtil.parseStatements(
          configure(CCJSqlParserUtil.newParser(sql)).withAllowComplexParsing(true), EXECUTOR);
    }
  }

  private static CCJSqlParser configure(CCJSqlParser parser) {
    return parser.withTimeOut(TIMEOUT_MILLIS);
  }
}
