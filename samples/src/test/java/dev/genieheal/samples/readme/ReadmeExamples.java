package dev.genieheal.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.LoopResult;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.databricks.DatabricksConfig;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.judge.ComparisonOptions;
import dev.genieheal.judge.HybridAnswerJudge;
import dev.genieheal.judge.LlmAnswerJudge;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.report.HtmlReportSink;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.testkit.LocalWarehouse;
import dev.genieheal.testkit.SimulatedGenie;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatedSpace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Java example of the README, compiled here; {@link ReadmeExamplesTest} checks the README still shows exactly
 * these lines and runs the ones that need no workspace. Keep the two in sync.
 */
final class ReadmeExamples {
  private ReadmeExamples() {}

  /** README "A complete example" (needs a workspace: compiled only). */
  static void completeExample() {
    DatabricksWorkspace workspace = DatabricksWorkspace.connect(DatabricksConfig.fromEnvironment());
    SqlExecutor warehouse = workspace.sql("abcdef1234567890");
    LoopResult result = SelfHealingLoop.builder()
        .spaceId("01ef274d35a310b5bffd01dadcbaf577")
        .spaceStore(workspace.spaces())
        .genie(workspace.genie())
        .sqlExecutor(warehouse)
        .judge(AnswerJudge.hybrid(warehouse))
        .analyzer(FailureAnalyzer.rules())
        .heldOut(BenchmarkSource.file(Path.of("held-out.jsonl")))
        .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(5)))
        .sink(HtmlReportSink.to(Path.of("genie-heal-report.html")))
        .build()
        .run();
    System.out.printf("%s: %.0f%% -> %.0f%%%n", result.status(), result.baselineScore() * 100,
        result.finalScore() * 100);
  }

  /** README "Testing your code": a simulated Genie over a local warehouse. */
  static void simulatedGenie() {
    try (LocalWarehouse warehouse = LocalWarehouse.builder()
        .script("CREATE TABLE shop.sales.orders (order_id INT, amount DECIMAL(10,2), order_date DATE);"
            + "INSERT INTO shop.sales.orders VALUES (1, 20.00, DATE '2024-03-01'), (2, 35.50, DATE '2023-04-02')")
        .build()) {
      SpaceStore spaces = SpaceStore.inMemory(new StoredSpace("space-1", "Shop", null, null,
          GenieSpace.empty().withTables(new ArrayList<>(List.of(DataObject.of("shop.sales.orders"))))));
      GenieClient genie = SimulatedGenie.builder().spaces(spaces).warehouse(warehouse).build();
      GenieAnswer answer = genie.ask(new GenieQuestion("space-1", "Total amount in 2024", Duration.ofMinutes(1)));
      assertThat(answer.status()).isEqualTo(AnswerStatus.COMPLETED);
      assertThat(answer.sql()).contains("SUM(", "DATE '2024-01-01'");
    }
  }

  /** README "Testing your code": the Databricks emulator, reached through the real clients. */
  static void emulator(LocalWarehouse warehouse, String spaceJson) {
    try (DatabricksEmulator databricks = DatabricksEmulator.builder()
        .space(EmulatedSpace.of("space-1", "Shop", "wh1", spaceJson))
        .genieFactory(store -> SimulatedGenie.builder().spaces(store).warehouse(warehouse).build())
        .sqlExecutor(warehouse)
        .start()) {
      DatabricksWorkspace workspace = DatabricksWorkspace.connect(DatabricksConfig.builder()
          .host(databricks.baseUrl()).token(databricks.token()).build());
      GenieAnswer answer = workspace.genie().ask("space-1", "How many orders?");
      assertThat(answer.result().rows()).hasSize(1);
    }
  }

  /** README "How judging works": tuning the judge (the second judge needs a workspace: compiled only). */
  static AnswerJudge tunedJudge(SqlExecutor warehouse, DatabricksWorkspace workspace) {
    AnswerJudge judge = HybridAnswerJudge.builder()
        .executor(warehouse)
        .options(ComparisonOptions.builder().relativeTolerance(1e-4).allowExtraColumns(false).build())
        .secondJudge(LlmAnswerJudge.builder().llm(workspace.llm("databricks-claude-sonnet-4")).build())
        .build();
    return judge;
  }
}
