package dev.genieheal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.doubles.ExactSqlJudge;
import dev.genieheal.doubles.FakeSleeper;
import dev.genieheal.doubles.ManualClock;
import dev.genieheal.doubles.ScriptedAnalyzer;
import dev.genieheal.doubles.ShopWorld;
import dev.genieheal.doubles.SynonymGenie;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.report.JsonLinesAuditSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's loop example, with in-module doubles behind the same calls. */
class ReadmeExamplesTest {
  @TempDir
  Path dir;

  @Test
  void loopExample_runsAsWritten() throws Exception {
    Path csv = dir.resolve("benchmarks.csv");
    Files.writeString(csv, "id,question,expected_sql\n" + ShopWorld.BENCHMARKS.stream()
        .map(b -> b.id() + ",\"" + b.question() + "\"," + "\"" + b.expectedSql() + "\"")
        .reduce((a, b) -> a + "\n" + b).orElseThrow());
    Path jsonl = dir.resolve("held-out.jsonl");
    Files.writeString(jsonl, ShopWorld.HELD_OUT.stream().map(b -> "{\"id\":\"" + b.id() + "\",\"question\":\""
        + b.question() + "\",\"expected_sql\":\"" + b.expectedSql() + "\"}").reduce((a, b) -> a + "\n" + b)
        .orElseThrow());
    String spaceId = ShopWorld.SPACE_ID;
    SpaceStore store = ShopWorld.store();
    SynonymGenie genie = new SynonymGenie(store,
        Stream.concat(ShopWorld.BENCHMARKS.stream(), ShopWorld.HELD_OUT.stream()).toList());
    ExactSqlJudge judge = new ExactSqlJudge();
    ScriptedAnalyzer analyzer = new ScriptedAnalyzer().then(ShopWorld.revenue(), ShopWorld.client());
    ManualClock clock = new ManualClock();
    Path audit = dir.resolve("audit.jsonl");

    LoopResult result;
    try (JsonLinesAuditSink auditSink = JsonLinesAuditSink.open(audit)) {
      // --- README example (plus test-only time and paths) ---
      result = SelfHealingLoop.builder()
          .spaceId(spaceId)
          .spaceStore(store)
          .genie(genie)
          .judge(judge)
          .analyzer(analyzer)
          .benchmarks(BenchmarkSource.file(csv))
          .heldOut(BenchmarkSource.file(jsonl))
          .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(5),
              StopPolicy.questionBudget(500)))
          .sink(ProgressSink.logging())
          .sink(auditSink)
          .clock(clock)
          .sleeper(new FakeSleeper(clock))
          .build()
          .run();
    }

    assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(result.finalScore()).isEqualTo(1.0);
    assertThat(Files.readAllLines(audit)).isNotEmpty();
  }
}
