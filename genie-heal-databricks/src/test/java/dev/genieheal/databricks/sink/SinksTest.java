package dev.genieheal.databricks.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.Emulated;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.testkit.FakeSleeper;
import dev.genieheal.testkit.ManualClock;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.MlflowRun;
import dev.genieheal.testkit.emulator.RequestMatcher;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinksTest {
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");
  private final ManualClock clock = ManualClock.create();
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private DatabricksEmulator db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private DatabricksWorkspace workspace() {
    db = Emulated.emulator().sqlExecutor(sql -> {
      statements.add(sql);
      return ResultTable.empty(List.of());
    }).start();
    return Emulated.workspace(db, clock, FakeSleeper.advancing(clock));
  }

  private static QuestionResult result(boolean passed) {
    Benchmark b = new Benchmark("b1", "Sales by 'country' \\ region", Emulated.SALES_SQL);
    Verdict v = passed ? Verdict.pass(JudgeMethod.SQL_MATCH, "same") : Verdict.fail(JudgeMethod.RESULT_COMPARISON,
        List.of(dev.genieheal.judge.ReasonCode.RESULT_MISSING_ROWS), "it's missing rows");
    return QuestionResult.of(b, new Attempt(GenieAnswer.sql(Emulated.BAD_SQL, null, Duration.ofMillis(5)), v));
  }

  private static List<LoopEvent> run() {
    IterationRecord it = new IterationRecord(1, AT, new ScoreCard(List.of(result(false))), null, -0.25,
        Map.of(FailureCategory.WRONG_FILTER, 1), List.of(), List.of(), false, Duration.ofSeconds(12), null);
    LoopResult done = new LoopResult("run-1", LoopStatus.MAX_ITERATIONS, "limit", 0.5, 0.25, 0.5, 2,
        Duration.ofMinutes(1), List.of(it), GenieSpace.empty(), List.of(), List.of(), false);
    return List.of(
        new LoopEvent.Started("run-1", AT, Emulated.SPACE_ID, 1, 0, Map.of("target_score", "0.9")),
        new LoopEvent.QuestionScored("run-1", AT, 1, dev.genieheal.BenchmarkSet.TUNING, result(false),
            FailureCategory.WRONG_FILTER),
        new LoopEvent.IterationFinished("run-1", AT, it),
        new LoopEvent.Finished("run-1", AT, done));
  }

  @Test
  void deltaTableSink_createsTheTablesOnceAndInsertsEscapedRows() {
    DeltaTableSink sink = DeltaTableSink.builder(workspace()).warehouseId(Emulated.WAREHOUSE)
        .table("main.heal.progress").questionTable("main.heal.questions").build();

    run().forEach(sink::accept);

    assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE IF NOT EXISTS")).hasSize(2);
    assertThat(statements).filteredOn(s -> s.startsWith("INSERT INTO main.heal.progress")).hasSize(2);
    assertThat(statements).filteredOn(s -> s.startsWith("INSERT INTO main.heal.questions")).singleElement()
        .satisfies(s -> assertThat(s).contains("'Sales by \\'country\\' \\\\ region'")
            .contains("'it\\'s missing rows'").contains("'wrong_filter'"));
    assertThat(statements).anySatisfy(s -> assertThat(s).contains("'MAX_ITERATIONS'"));
    assertThat(sink.failures()).isZero();
  }

  @Test
  void deltaTableSink_failingWarehouse_neverThrows() {
    DeltaTableSink sink = DeltaTableSink.builder(workspace()).warehouseId(Emulated.WAREHOUSE)
        .table("main.heal.progress").build();
    db.addFaultRule(dev.genieheal.testkit.emulator.FaultRule.always(
        RequestMatcher.route(EmulatorRoute.EXECUTE_STATEMENT), Fault.status(403)));

    run().forEach(sink::accept);

    assertThat(sink.failures()).isEqualTo(3);
  }

  @Test
  void deltaTableSink_injectedTableName_isRejected() {
    assertThatThrownBy(() -> DeltaTableSink.builder(workspace()).table("main.x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
  }

  @Test
  void mlflowSink_recordsARunWithParamsMetricsAndFinalStatus() {
    MlflowSink sink = MlflowSink.of(workspace(), "/Users/me/genie-heal");

    run().forEach(sink::accept);

    assertThat(sink.failures()).isZero();
    assertThat(db.mlflowRuns()).singleElement().satisfies((MlflowRun r) -> {
      assertThat(r.status()).isEqualTo("FINISHED");
      assertThat(r.params()).containsEntry("target_score", "0.9").containsEntry("space_id", Emulated.SPACE_ID);
      assertThat(r.latest("score")).hasValue(0.0);
      assertThat(r.latest("failures.wrong_filter")).hasValue(1.0);
      assertThat(r.latest("final_score")).hasValue(0.25);
      assertThat(r.tags()).containsEntry("status", "MAX_ITERATIONS");
    });
  }

  @Test
  void appEndpointSink_postsIterationAndFinishJsonWithTheToken() {
    DatabricksWorkspace ws = workspace();
    AppEndpointSink sink = AppEndpointSink.of(ws, URI.create(db.baseUrl() + "/api/2.0/genie/spaces/"
        + Emulated.SPACE_ID + "/start-conversation"));
    db.addFaultRule(dev.genieheal.testkit.emulator.FaultRule.always(RequestMatcher.any(),
        Fault.respond(dev.genieheal.testkit.emulator.EmulatorResponse.json(200, "{}"))));

    run().forEach(sink::accept);

    assertThat(db.requests()).hasSize(2);
    assertThat(db.requests().get(0).body()).contains("\"event\":\"iteration\"").contains("\"score\":0.0")
        .contains("\"wrong_filter\":1");
    assertThat(db.requests().get(1).body()).contains("\"event\":\"finished\"").contains("MAX_ITERATIONS");
    assertThat(db.requests().get(0).header("authorization")).contains("Bearer " + db.token());
  }

  @Test
  void appEndpointSink_unreachable_neverThrows() {
    AppEndpointSink sink = AppEndpointSink.of(workspace(), URI.create("http://127.0.0.1:1/progress"));

    run().forEach(sink::accept);

    assertThat(sink.failures()).isEqualTo(2);
  }
}
