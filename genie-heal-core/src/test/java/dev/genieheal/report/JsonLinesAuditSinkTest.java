package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.doubles.ExactSqlJudge;
import dev.genieheal.doubles.FakeSleeper;
import dev.genieheal.doubles.ManualClock;
import dev.genieheal.doubles.ScriptedAnalyzer;
import dev.genieheal.doubles.ShopWorld;
import dev.genieheal.doubles.SynonymApplier;
import dev.genieheal.doubles.SynonymGenie;
import dev.genieheal.port.SpaceStore;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesAuditSinkTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(MAPPER.readTree(line));
    }
    return nodes;
  }

  private LoopResult runLoop(JsonLinesAuditSink sink) {
    SpaceStore store = ShopWorld.store();
    ManualClock clock = new ManualClock();
    return SelfHealingLoop.builder().spaceId(ShopWorld.SPACE_ID).spaceStore(store)
        .genie(new SynonymGenie(store, ShopWorld.BENCHMARKS)).judge(new ExactSqlJudge())
        .analyzer(new ScriptedAnalyzer().then(ShopWorld.poison(1)).then(ShopWorld.revenue()))
        .fixApplier(new SynonymApplier()).stopPolicy(StopPolicy.maxIterations(2)).questionsPerMinute(0)
        .clock(clock).sleeper(new FakeSleeper(clock)).runId(() -> "run-7").sink(sink).build().run();
  }

  @Test
  void accept_aLoopRun_writesEveryEventAsOneJsonLine() throws Exception {
    Path file = dir.resolve("audit/run.jsonl");
    LoopResult result;
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      result = runLoop(sink);
    }

    List<JsonNode> nodes = lines(file);
    assertThat(nodes.get(0).get("event").asText()).isEqualTo("started");
    assertThat(nodes.get(nodes.size() - 1).get("event").asText()).isEqualTo("finished");
    assertThat(nodes).allSatisfy(n -> assertThat(n.get("run_id").asText()).isEqualTo("run-7"));
    assertThat(nodes).filteredOn(n -> n.get("event").asText().equals("question_scored")).hasSize(12);
    JsonNode rolledBack = nodes.stream().filter(n -> n.get("event").asText().equals("rolled_back")).findFirst()
        .orElseThrow();
    assertThat(rolledBack.get("best_score").asDouble()).isEqualTo(0.5);
    List<JsonNode> iterations = nodes.stream().filter(n -> n.get("event").asText().equals("iteration_finished"))
        .toList();
    assertThat(iterations).hasSize(3);
    JsonNode applied = iterations.get(1).get("applied").get(0);
    assertThat(applied.get("path").asText()).startsWith("$.data_sources.tables[0]");
    assertThat(applied.get("before").get("synonyms")).isEmpty();
    assertThat(applied.get("after").get("synonyms").get(0).asText()).isEqualTo("revenue");
    assertThat(applied.get("fix")).isNotNull();
    JsonNode question = nodes.get(1);
    assertThat(question.get("attempts").get(0).get("verdict").get("method").asText()).isEqualTo("SQL_MATCH");
    assertThat(nodes.get(nodes.size() - 1).get("status").asText()).isEqualTo(result.status().name());
    assertThat(result.status()).isEqualTo(LoopStatus.MAX_ITERATIONS);
  }

  @Test
  void open_existingFile_appends() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    List<LoopEvent> events = dev.genieheal.doubles.SampleEvents.oneOfEach();
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      events.forEach(sink::accept);
    }
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      events.forEach(sink::accept);
    }
    assertThat(lines(file)).hasSize(2 * events.size());
  }

  @Test
  void accept_fromManyThreads_neverInterleavesLines() throws Exception {
    StringWriter out = new StringWriter();
    List<LoopEvent> events = dev.genieheal.doubles.SampleEvents.oneOfEach();
    JsonLinesAuditSink sink = JsonLinesAuditSink.of(out);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      LoopEvent e = events.get(i % events.size());
      pool.submit(() -> sink.accept(e));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    sink.close();

    String[] written = out.toString().split("\n");
    assertThat(written).hasSize(200);
    for (String line : written) {
      assertThat(MAPPER.readTree(line).get("event")).isNotNull();
    }
  }

  @Test
  void accept_afterClose_isRefused_andCloseIsIdempotent() {
    JsonLinesAuditSink sink = JsonLinesAuditSink.of(new StringWriter());
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.accept(dev.genieheal.doubles.SampleEvents.oneOfEach().get(0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void accept_rejectionWithoutFix_keepsTheRawProposal() throws Exception {
    StringWriter out = new StringWriter();
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.of(out)) {
      dev.genieheal.doubles.SampleEvents.oneOfEach().forEach(sink::accept);
    }
    JsonNode rejected = java.util.Arrays.stream(out.toString().split("\n")).map(l -> {
      try {
        return MAPPER.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).filter(n -> n.get("event").asText().equals("fixes_rejected")).findFirst().orElseThrow();
    assertThat(rejected.get("rejected").get(1).get("proposal").asText()).isEqualTo("garbage");
    assertThat(rejected.get("rejected").get(0).get("fix").get("type").asText()).isEqualTo("column_synonyms");
  }
}
