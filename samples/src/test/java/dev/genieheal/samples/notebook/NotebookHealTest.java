package dev.genieheal.samples.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.LoopResult;
import dev.genieheal.port.Benchmark;
import dev.genieheal.samples.retail.RetailDataset;
import dev.genieheal.samples.retail.RetailSample;
import dev.genieheal.testkit.LocalWarehouse;
import dev.genieheal.testkit.SimulatedGenie;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatedSpace;
import dev.genieheal.testkit.emulator.StatusProgression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Scala notebook code against the emulator, as a notebook would against a workspace. */
class NotebookHealTest {
  @Test
  void heal_fromScala_improvesTheSpaceAndWritesTheReport(@TempDir Path tmp) throws IOException {
    Path benchmarks = tmp.resolve("benchmarks.jsonl");
    Files.writeString(benchmarks, RetailSample.tuning().stream().map(NotebookHealTest::jsonLine)
        .collect(Collectors.joining("\n")));
    try (LocalWarehouse warehouse = LocalWarehouse.builder()
            .script(RetailDataset.small(RetailDataset.DEFAULT_SEED).script()).build();
        DatabricksEmulator workspace = DatabricksEmulator.builder()
            .space(EmulatedSpace.of(RetailSample.SPACE_ID, RetailSample.TITLE, "wh", RetailSample.spaceJson()))
            .genieFactory(store -> SimulatedGenie.builder().spaces(store).warehouse(warehouse).build())
            .sqlExecutor(warehouse)
            .questionsPerMinute(6_000)
            .messageProgression(StatusProgression.immediate())
            .start()) {
      LoopResult result = NotebookHeal.heal(workspace.baseUrl(), workspace.token(), RetailSample.SPACE_ID, "wh",
          benchmarks.toString(), tmp.resolve("report.html").toString(), 6_000, Duration.ZERO);

      assertThat(result.finalScore()).isGreaterThan(result.baselineScore());
      assertThat(NotebookHeal.iterations(result).head()).startsWith("iteration 0: tuning");
      assertThat(tmp.resolve("report.html")).exists();
    }
  }

  private static String jsonLine(Benchmark b) {
    return "{\"id\":\"" + b.id() + "\",\"question\":\"" + b.question().replace("\"", "\\\"")
        + "\",\"expected_sql\":\"" + b.expectedSql().replace("\"", "\\\"") + "\"}";
  }
}
