package dev.genieheal.databricks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.databricks.Emulated;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the job's main path end to end against the emulator over HTTP. */
class EnhancementJobTest {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private DatabricksEmulator db;

  @TempDir
  Path home;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private SqlExecutor recordingWarehouse() {
    SqlExecutor known = Emulated.warehouse();
    return sql -> {
      if (sql.startsWith("CREATE") || sql.startsWith("INSERT")) {
        statements.add(sql);
        return ResultTable.empty(List.of());
      }
      return known.execute(sql);
    };
  }

  private int run(DatabricksEmulator.Builder emulator, String... extra) {
    db = emulator.sqlExecutor(recordingWarehouse()).start();
    List<String> args = new ArrayList<>(List.of("--space-id", Emulated.SPACE_ID, "--warehouse-id", Emulated.WAREHOUSE,
        "--questions-per-minute", "600", "--settle-time", "0", "--question-timeout", "30",
        "--backup-dir", home.resolve("backups").toString()));
    args.addAll(List.of(extra));
    return EnhancementJob.run(args, Map.of("DATABRICKS_HOST", db.baseUrl(), "DATABRICKS_TOKEN", db.token()), home,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_spaceAlreadyGood_reachesTheTargetReportsAndExitsZero() {
    int code = run(Emulated.emulator().genie(q -> GenieAnswer.sql(q.text().startsWith("Sales")
            ? Emulated.SALES_SQL : Emulated.COUNT_SQL, null, Duration.ZERO)),
        "--report-table", "main.heal.progress", "--mlflow-experiment", "/Users/me/genie-heal");

    assertThat(code).as(output()).isEqualTo(EnhancementJob.EXIT_OK);
    assertThat(output()).contains("PASS " + Emulated.BENCH_SALES).contains("PASS " + Emulated.BENCH_COUNT)
        .contains("iteration 0: score 1.000").contains("finished TARGET_REACHED");
    assertThat(statements).anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE IF NOT EXISTS main.heal.progress"));
    assertThat(statements).anySatisfy(s -> assertThat(s).startsWith("INSERT INTO main.heal.progress"));
    assertThat(db.mlflowRuns()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("FINISHED"));
    assertThat(db.requests()).noneSatisfy(r -> assertThat(r.route()).contains(EmulatorRoute.UPDATE_SPACE));
  }

  @Test
  void run_wrongAnswersInADryRun_scoresProposesAndNeverSaves() {
    int code = run(Emulated.emulator(), "--dry-run", "--max-iterations", "2");

    assertThat(output()).contains("FAIL " + Emulated.BENCH_COUNT).contains("finished");
    assertThat(code).as(output()).isIn(EnhancementJob.EXIT_OK, EnhancementJob.EXIT_STOPPED);
    assertThat(db.requests()).noneSatisfy(r -> assertThat(r.route()).contains(EmulatorRoute.UPDATE_SPACE));
  }

  @Test
  void run_withLlmEndpoint_asksTheServingEndpointAndEndsCleanly() {
    List<String> prompts = new CopyOnWriteArrayList<>();
    int code = run(Emulated.emulator().servingEndpoint("heal-model", r -> {
      prompts.add(r.messages().get(r.messages().size() - 1).content());
      return new dev.genieheal.port.LlmResponse("[]", dev.genieheal.port.TokenUsage.NONE);
    }), "--dry-run", "--llm-endpoint", "heal-model", "--llm-temperature", "0");

    assertThat(code).as(output()).isIn(EnhancementJob.EXIT_OK, EnhancementJob.EXIT_STOPPED);
    assertThat(prompts).as(output()).isNotEmpty();
    assertThat(db.requests()).noneSatisfy(r -> assertThat(r.route()).contains(EmulatorRoute.UPDATE_SPACE));
  }

  @Test
  void run_cloneAndPromoteWithoutImprovement_leavesTheOriginalUntouched() {
    int code = run(Emulated.emulator(), "--clone-and-promote", "--max-iterations", "1");

    assertThat(code).as(output()).isNotEqualTo(EnhancementJob.EXIT_ERROR);
    assertThat(output()).contains("working on sandbox space").contains("not promoting");
    assertThat(db.spaces()).hasSize(2);
    assertThat(db.space(Emulated.SPACE_ID).orElseThrow().serializedSpace()).isEqualTo(Emulated.EXPORT);
  }

  @Test
  void run_unknownSpace_exitsWithConfigCode() {
    db = Emulated.emulator().start();
    int code = EnhancementJob.run(List.of("--space-id", "ffff0000ffff0000ffff0000ffff0000", "--warehouse-id", "w"),
        Map.of("DATABRICKS_HOST", db.baseUrl(), "DATABRICKS_TOKEN", db.token()), home,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(EnhancementJob.EXIT_CONFIG);
    assertThat(output()).contains("ffff0000ffff0000ffff0000ffff0000").doesNotContain(db.token());
  }
}
