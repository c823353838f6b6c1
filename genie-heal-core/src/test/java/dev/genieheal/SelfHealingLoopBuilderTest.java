package dev.genieheal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.analyze.Analysis;
import dev.genieheal.doubles.ShopWorld;
import dev.genieheal.fix.FixResult;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.ScoreCard;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfHealingLoopBuilderTest {

  private static SelfHealingLoop.Builder complete() {
    return SelfHealingLoop.builder()
        .spaceId(ShopWorld.SPACE_ID)
        .spaceStore(ShopWorld.store())
        .genie(q -> GenieAnswer.noSql("?", Duration.ZERO))
        .judge(c -> null)
        .analyzer(c -> Analysis.empty())
        .fixApplier(r -> new FixResult(r.space(), List.of(), List.of()));
  }

  @Test
  void build_complete_succeeds() {
    assertThat(complete().build()).isNotNull();
  }

  @Test
  void build_withoutSpaceId_namesSpaceId() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceStore(ShopWorld.store());
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessage("spaceId is required");
  }

  @Test
  void build_withoutSpaceStore_namesSpaceStore() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceId("s");
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessage("spaceStore is required");
  }

  @Test
  void build_withoutGenieOrScorer_namesGenie() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceId("s").spaceStore(ShopWorld.store());
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessage("genie is required (or a custom scorer)");
  }

  @Test
  void build_genieWithoutJudgeOrSqlExecutor_namesJudge() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceId("s").spaceStore(ShopWorld.store())
        .genie(q -> null);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("judge is required").hasMessageContaining("sqlExecutor");
  }

  @Test
  void build_genieAndSqlExecutor_usesTheDefaultJudgeAnalyzerAndApplier() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceId("s").spaceStore(ShopWorld.store())
        .genie(q -> null).sqlExecutor(sql -> dev.genieheal.port.ResultTable.empty(List.of()));
    assertThat(b.build()).isNotNull();
  }

  @Test
  void build_customScorer_needsNoGenieOrJudge() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceId("s").spaceStore(ShopWorld.store())
        .scorer(r -> new ScoreCard(List.of())).analyzer(c -> Analysis.empty())
        .fixApplier(r -> new FixResult(r.space(), List.of(), List.of()));
    assertThat(b.build()).isNotNull();
  }

  @Test
  void build_withoutFixApplier_usesTheStandardApplier() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder().spaceId("s").spaceStore(ShopWorld.store())
        .scorer(r -> new ScoreCard(List.of())).analyzer(c -> Analysis.empty());
    assertThat(b.build()).isNotNull();
  }

  @Test
  void setters_null_throwNpeNamingTheArgument() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder();
    assertThatThrownBy(() -> b.spaceId(null)).isInstanceOf(NullPointerException.class).hasMessage("spaceId");
    assertThatThrownBy(() -> b.spaceStore(null)).isInstanceOf(NullPointerException.class).hasMessage("spaceStore");
    assertThatThrownBy(() -> b.genie(null)).isInstanceOf(NullPointerException.class).hasMessage("genie");
    assertThatThrownBy(() -> b.judge(null)).isInstanceOf(NullPointerException.class).hasMessage("judge");
    assertThatThrownBy(() -> b.analyzer(null)).isInstanceOf(NullPointerException.class).hasMessage("analyzer");
    assertThatThrownBy(() -> b.fixApplier(null)).isInstanceOf(NullPointerException.class).hasMessage("fixApplier");
    assertThatThrownBy(() -> b.stopPolicy(null)).isInstanceOf(NullPointerException.class).hasMessage("stopPolicy");
    assertThatThrownBy(() -> b.sink(null)).isInstanceOf(NullPointerException.class).hasMessage("sink");
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThatThrownBy(() -> b.sleeper(null)).isInstanceOf(NullPointerException.class).hasMessage("sleeper");
    assertThatThrownBy(() -> b.settleTime(null)).isInstanceOf(NullPointerException.class).hasMessage("settleTime");
  }

  @Test
  void setters_outOfRange_throwIaeNamingTheArgument() {
    SelfHealingLoop.Builder b = SelfHealingLoop.builder();
    assertThatThrownBy(() -> b.spaceId(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spaceId");
    assertThatThrownBy(() -> b.concurrency(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency");
    assertThatThrownBy(() -> b.questionsPerMinute(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("questionsPerMinute");
    assertThatThrownBy(() -> b.attempts(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempts");
    assertThatThrownBy(() -> b.questionTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("questionTimeout");
    assertThatThrownBy(() -> b.iterationTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterationTimeout");
    assertThatThrownBy(() -> b.settleTime(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("settleTime");
  }

  @Test
  void sinks_withNullElement_throwsNpe() {
    List<ProgressSink> sinks = new java.util.ArrayList<>();
    sinks.add(null);
    assertThatThrownBy(() -> SelfHealingLoop.builder().sinks(sinks)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toBuilder_afterBuild_doesNotChangeTheBuiltLoop() {
    SelfHealingLoop.Builder b = complete();
    SelfHealingLoop loop = b.build();
    b.dryRun(true);
    assertThat(loop.toString()).contains("dryRun=false");
    assertThat(loop.toBuilder().build().toString()).isEqualTo(loop.toString());
  }
}
