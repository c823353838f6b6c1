package dev.genieheal.sql;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * The one place JSqlParser is called. JSqlParser runs every parse on an executor so that it can time out; its
 * default is a fresh non-daemon single-thread executor per call, and a parse that times out leaves that thread
 * behind. We pass one shared executor of daemon threads instead, so a stuck parse can never keep the JVM alive.
 */
final class SqlParsing {
  /** Longer than any real query needs; pathological input is cut off instead of hanging the loop. */
  private static final long TIMEOUT_MILLIS = 5_000;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "genie-heal-sql-parser-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private SqlParsing() {}

  /** Every statement in the text, or empty when JSqlParser cannot parse it (or the text is blank). */
  static Optional<List<Statement>> statements(String sql) {
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    try {
      Statements statements =
          CCJSqlParserUtil.parseStatements(sql, EXECUTOR, parser -> parser.withTimeOut(TIMEOUT_MILLIS));
      if (statements == null) {
        return Optional.empty();
      }
      return Optional.of(List.copyOf(statements));
    } catch (Exception | StackOverflowError e) {
      // JSqlParser reports unsupported syntax as checked and unchecked exceptions alike; deep nesting can
      // overflow its recursive descent. All mean "cannot parse": callers degrade, they never crash the loop.
      return Optional.empty();
    }
  }

  /** The single statement in the text, or empty when it does not parse or holds zero or several statements. */
  static Optional<Statement> single(String sql) {
    return statements(sql).filter(list -> list.size() == 1).map(list -> list.get(0));
  }
}
