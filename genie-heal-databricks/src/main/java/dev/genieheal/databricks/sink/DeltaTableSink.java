package dev.genieheal.databricks.sink;

import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.databricks.http.StatementRunner;
import dev.genieheal.databricks.http.TableNames;
import dev.genieheal.internal.Checks;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Writes one row per iteration (and one when the run ends) into a Unity Catalog Delta table through the statement
 * API, creating the table when it is missing; optionally one row per scored question into a second table.
 *
 * <p>This is the only place genie-heal runs SQL that is not read-only, and it runs only SQL it builds itself:
 * {@code CREATE TABLE IF NOT EXISTS <table> (...)} and {@code INSERT INTO <table> VALUES (...)}. Table names are
 * checked when the sink is built; every value is a literal built by {@link SqlLiterals} (strings escaped, numbers
 * printed by Java), never spliced text. A failing statement is logged and the loop goes on. Thread-safe.
 *
 * <p>Iteration table columns: {@code run_id, event ('iteration'|'finished'), iteration, at, score, delta,
 * held_out_score, questions, passed, applied_fixes, rejected_fixes, rolled_back, duration_ms, status, detail} where
 * {@code detail} is the event's JSON (failures by category, changes made). Question table columns:
 * {@code run_id, iteration, at, benchmark_set, benchmark_id, question, passed, judge_method, reasons, category,
 * genie_status, genie_sql, explanation}.
 */
public final class DeltaTableSink extends SafeSink {
  private static final String ITERATION_COLUMNS = "run_id STRING, event STRING, iteration INT, at TIMESTAMP, "
      + "score DOUBLE, delta DOUBLE, held_out_score DOUBLE, questions INT, passed INT, applied_fixes INT, "
      + "rejected_fixes INT, rolled_back BOOLEAN, duration_ms BIGINT, status STRING, detail STRING";
  private static final String QUESTION_COLUMNS = "run_id STRING, iteration INT, at TIMESTAMP, "
      + "benchmark_set STRING, benchmark_id STRING, question STRING, passed BOOLEAN, judge_method STRING, "
      + "reasons STRING, category STRING, genie_status STRING, genie_sql STRING, explanation STRING";

  private final StatementRunner runner;
  private final String table;
  private final String questionTable;
  private final Set<String> created = ConcurrentHashMap.newKeySet();

  private DeltaTableSink(Builder b) {
    this.runner = new StatementRunner(b.workspace.transport(), b.warehouseId, Duration.ofSeconds(30), b.timeout,
        null, null, b.workspace.clock(), b.workspace.sleeper());
    this.table = b.table;
    this.questionTable = b.questionTable;
  }

  /** A builder on the given workspace. */
  public static Builder builder(DatabricksWorkspace workspace) {
    return new Builder(workspace);
  }

  @Override
  void handle(LoopEvent event) {
    if (event instanceof LoopEvent.Started) {
      ensure(table, ITERATION_COLUMNS);
      if (questionTable != null) {
        ensure(questionTable, QUESTION_COLUMNS);
      }
    } else if (event instanceof LoopEvent.IterationFinished it) {
      ensure(table, ITERATION_COLUMNS);
      insert(table, iterationRow(it.runId(), it.record()));
    } else if (event instanceof LoopEvent.Finished f) {
      ensure(table, ITERATION_COLUMNS);
      insert(table, finishedRow(f));
    } else if (event instanceof LoopEvent.QuestionScored q && questionTable != null) {
      ensure(questionTable, QUESTION_COLUMNS);
      insert(questionTable, questionRow(q));
    }
  }

  private void ensure(String name, String columns) {
    if (!created.contains(name)) {
      runner.run("CREATE TABLE IF NOT EXISTS " + name + " (" + columns + ") USING DELTA", true);
      created.add(name);
    }
  }

  private void insert(String name, List<String> literals) {
    StringJoiner values = new StringJoiner(", ", "INSERT INTO " + name + " VALUES (", ")");
    literals.forEach(values::add);
    runner.run(values.toString(), false);
  }

  private static List<String> iterationRow(String runId, IterationRecord r) {
    return List.of(SqlLiterals.string(runId), SqlLiterals.string("iteration"), SqlLiterals.number(r.iteration()),
        SqlLiterals.timestamp(r.finishedAt()), SqlLiterals.number(r.score()), SqlLiterals.number(r.delta()),
        SqlLiterals.number(r.heldOutScore().orElse(null)), SqlLiterals.number(r.tuning().results().size()),
        SqlLiterals.number(r.tuning().passedCount()), SqlLiterals.number(r.applied().size()),
        SqlLiterals.number(r.rejected().size()), SqlLiterals.bool(r.rolledBack()),
        SqlLiterals.number(r.duration().toMillis()), "NULL",
        SqlLiterals.string(Json.write(EventJson.iteration(runId, r))));
  }

  private static List<String> finishedRow(LoopEvent.Finished f) {
    LoopResult r = f.result();
    return List.of(SqlLiterals.string(r.runId()), SqlLiterals.string("finished"),
        SqlLiterals.number(r.iterations()), SqlLiterals.timestamp(f.at()), SqlLiterals.number(r.finalScore()),
        SqlLiterals.number(r.finalScore() - r.baselineScore()), "NULL", "NULL", "NULL",
        SqlLiterals.number(r.applied().size()), SqlLiterals.number(r.rejected().size()), "NULL",
        SqlLiterals.number(r.duration().toMillis()), SqlLiterals.string(r.status().name()),
        SqlLiterals.string(Json.write(EventJson.finished(r))));
  }

  private static List<String> questionRow(LoopEvent.QuestionScored q) {
    QuestionResult result = q.result();
    Attempt a = result.representative();
    return List.of(SqlLiterals.string(q.runId()), SqlLiterals.number(q.iteration()), SqlLiterals.timestamp(q.at()),
        SqlLiterals.string(q.set() == null ? null : q.set().name()), SqlLiterals.string(result.benchmark().id()),
        SqlLiterals.string(result.benchmark().question()), SqlLiterals.bool(result.passed()),
        SqlLiterals.string(a.verdict().method().name()),
        SqlLiterals.string(String.join(",", a.verdict().reasons().stream().map(Enum::name).toList())),
        SqlLiterals.string(q.category() == null ? null : q.category().id()),
        SqlLiterals.string(a.answer().status().name()), SqlLiterals.string(a.answer().sql()),
        SqlLiterals.string(a.verdict().explanation()));
  }

  @Override
  public String toString() {
    return "DeltaTableSink[" + table + (questionTable == null ? "" : ", questions=" + questionTable) + "]";
  }

  /**
   * Builds a {@link DeltaTableSink}. Required: {@code warehouseId}, {@code table}. Defaults: no question table,
   * 2 min per statement. Not thread-safe.
   */
  public static final class Builder {
    private final DatabricksWorkspace workspace;
    private String warehouseId;
    private String table;
    private String questionTable;
    private Duration timeout = Duration.ofMinutes(2);

    private Builder(DatabricksWorkspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The warehouse that runs the inserts. */
    public Builder warehouseId(String value) {
      this.warehouseId = Checks.notBlank(value, "warehouseId").strip();
      return this;
    }

    /**
     * The iteration table, e.g. {@code main.genie_heal.progress}.
     *
     * @throws IllegalArgumentException when it is not a plain or backticked 1-3 part name
     */
    public Builder table(String value) {
      this.table = TableNames.require(value, "table");
      return this;
    }

    /** An optional per-question table. */
    public Builder questionTable(String value) {
      this.questionTable = TableNames.require(value, "questionTable");
      return this;
    }

    /** The limit per statement; default 2 min. */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive(value, "timeout");
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException naming the missing warehouse id or table
     */
    public DeltaTableSink build() {
      Checks.required(warehouseId, "warehouseId");
      Checks.required(table, "table");
      return new DeltaTableSink(this);
    }
  }
}
