package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ScriptedGenieTest {
  private static final String TABLE = "shop.sales.orders";
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private static GenieQuestion q(String text) {
    return new GenieQuestion("space-1", text, TIMEOUT);
  }

  private static GenieSpace space(List<String> amountSynonyms) {
    ColumnConfig amount = ColumnConfig.of("amount").withSynonyms(new ArrayList<>(amountSynonyms));
    DataObject orders = DataObject.of(TABLE).withColumnConfigs(new ArrayList<>(List.of(amount)));
    return GenieSpace.empty().withTables(new ArrayList<>(List.of(orders)));
  }

  private static final Predicate<GenieSpace> AMOUNT_MEANS_REVENUE = s -> s.dataObject(TABLE)
      .flatMap(t -> t.column("amount")).map(c -> c.synonyms().contains("revenue")).orElse(false);

  @Test
  void ask_scriptedQuestion_matchesIgnoringCaseSpacesAndPunctuation() {
    ScriptedGenie genie = ScriptedGenie.builder().on("Total revenue?", ScriptedAnswer.sql("SELECT 1")).build();
    GenieAnswer a = genie.ask(q("  total   REVENUE "));
    assertThat(a.status()).isEqualTo(AnswerStatus.COMPLETED);
    assertThat(a.sql()).isEqualTo("SELECT 1");
    assertThat(a.conversationId()).isEqualTo("scripted-conversation-1");
  }

  @Test
  void ask_noSqlAndFailedAnswers_areReturnedAsScripted() {
    ScriptedGenie genie = ScriptedGenie.builder()
        .on("who", ScriptedAnswer.noSql("I only know the data"))
        .on("boom", ScriptedAnswer.failed("INTERNAL_ERROR", "went wrong"))
        .build();
    assertThat(genie.ask(q("who"))).satisfies(a -> {
      assertThat(a.status()).isEqualTo(AnswerStatus.NO_SQL);
      assertThat(a.text()).isEqualTo("I only know the data");
    });
    assertThat(genie.ask(q("boom"))).satisfies(a -> {
      assertThat(a.status()).isEqualTo(AnswerStatus.FAILED);
      assertThat(a.errorType()).isEqualTo("INTERNAL_ERROR");
      assertThat(a.error()).isEqualTo("went wrong");
    });
  }

  @Test
  void ask_queuedAnswers_areGivenInOrderAndTheLastRepeats() {
    ScriptedGenie genie = ScriptedGenie.builder()
        .on("q", ScriptedAnswer.noSql("thinking"), ScriptedAnswer.sql("SELECT 2")).build();
    assertThat(genie.ask(q("q")).status()).isEqualTo(AnswerStatus.NO_SQL);
    assertThat(genie.ask(q("q")).sql()).isEqualTo("SELECT 2");
    assertThat(genie.ask(q("q")).sql()).isEqualTo("SELECT 2");
  }

  @Test
  void ask_conditionalAnswer_changesOnceTheSpaceSatisfiesTheCondition() {
    SpaceStore store = SpaceStore.inMemory(new StoredSpace("space-1", "t", null, null, space(List.of())));
    ScriptedGenie genie = ScriptedGenie.builder()
        .on("total revenue", ScriptedAnswer.sql("SELECT sum(price) FROM shop.sales.orders"))
        .when("total revenue", AMOUNT_MEANS_REVENUE, ScriptedAnswer.sql("SELECT sum(amount) FROM shop.sales.orders"))
        .spaces(store)
        .build();
    assertThat(genie.ask(q("total revenue")).sql()).contains("price");
    StoredSpace current = store.load("space-1");
    store.save("space-1", space(List.of("revenue")), current.etag());
    assertThat(genie.ask(q("total revenue")).sql()).contains("amount");
  }

  @Test
  void ask_unknownQuestionWithoutOtherwise_failsNamingIt() {
    ScriptedGenie genie = ScriptedGenie.builder().on("known", ScriptedAnswer.sql("SELECT 1")).build();
    assertThatThrownBy(() -> genie.ask(q("unknown one")))
        .isInstanceOf(GenieHealException.class)
        .hasMessageContaining("unknown one")
        .hasMessageContaining("known");
  }

  @Test
  void ask_unknownQuestionWithOtherwise_getsIt() {
    ScriptedGenie genie = ScriptedGenie.builder().otherwise(ScriptedAnswer.noSql("no idea")).build();
    assertThat(genie.ask(q("anything")).status()).isEqualTo(AnswerStatus.NO_SQL);
  }

  @Test
  void ask_latency_isSleptAndReported() {
    FakeSleeper sleeper = FakeSleeper.create();
    ScriptedGenie genie = ScriptedGenie.builder()
        .on("slow", ScriptedAnswer.sql("SELECT 1").withLatency(Duration.ofSeconds(3)))
        .sleeper(sleeper).build();
    assertThat(genie.ask(q("slow")).latency()).isEqualTo(Duration.ofSeconds(3));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void ask_latencyBeyondTimeout_timesOut() {
    FakeSleeper sleeper = FakeSleeper.create();
    ScriptedGenie genie = ScriptedGenie.builder()
        .on("slow", ScriptedAnswer.sql("SELECT 1").withLatency(Duration.ofMinutes(5)))
        .sleeper(sleeper).build();
    GenieAnswer a = genie.ask(q("slow"));
    assertThat(a.status()).isEqualTo(AnswerStatus.TIMED_OUT);
    assertThat(sleeper.sleeps()).containsExactly(TIMEOUT);
  }

  @Test
  void ask_withWarehouse_attachesResultOrFailsBadSql() {
    try (LocalWarehouse warehouse = LocalWarehouse.builder()
        .script("CREATE TABLE shop.sales.orders AS SELECT 5 AS amount").build()) {
      ScriptedGenie genie = ScriptedGenie.builder()
          .on("good", ScriptedAnswer.sql("SELECT amount FROM shop.sales.orders"))
          .on("bad", ScriptedAnswer.sql("SELECT nope FROM shop.sales.orders"))
          .warehouse(warehouse).build();
      assertThat(genie.ask(q("good")).result().rows()).containsExactly(List.of(5L));
      GenieAnswer bad = genie.ask(q("bad"));
      assertThat(bad.status()).isEqualTo(AnswerStatus.FAILED);
      assertThat(bad.errorType()).isEqualTo(ScriptedGenie.SQL_ERROR_TYPE);
      assertThat(bad.sql()).isEqualTo("SELECT nope FROM shop.sales.orders");
      assertThat(bad.error()).contains("nope");
    }
  }

  @Test
  void questions_recordsEveryAskAndTakeQuestionConsumesThem() {
    ScriptedGenie genie = ScriptedGenie.builder().otherwise(ScriptedAnswer.noSql("x")).build();
    genie.ask(q("a"));
    genie.ask(q("b"));
    assertThat(genie.questions()).extracting(GenieQuestion::text).containsExactly("a", "b");
    assertThat(genie.takeQuestion().text()).isEqualTo("a");
    assertThat(genie.takeQuestion().text()).isEqualTo("b");
    assertThatThrownBy(genie::takeQuestion).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void scriptedAnswer_emptySql_isRejected() {
    assertThatThrownBy(() -> ScriptedAnswer.sql(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-blank SQL");
  }

  @Test
  void scriptedAnswer_negativeLatency_isRejected() {
    assertThatThrownBy(() -> ScriptedAnswer.sql("SELECT 1").withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
  }

  @Test
  void scriptedAnswer_failedWithoutError_isRejected() {
    assertThatThrownBy(() -> ScriptedAnswer.failed(null, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error");
  }

  @Test
  void scriptedAnswer_timedOutStatus_isRejected() {
    assertThatThrownBy(() -> new ScriptedAnswer(AnswerStatus.TIMED_OUT, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
  }

  @Test
  void builder_conflictingDuplicateQuestion_isRejected() {
    ScriptedGenie.Builder b = ScriptedGenie.builder().on("Q?", ScriptedAnswer.sql("SELECT 1"));
    b.on("q", ScriptedAnswer.sql("SELECT 1"));
    assertThatThrownBy(() -> b.on("q", ScriptedAnswer.sql("SELECT 2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already scripted");
  }

  @Test
  void builder_conditionWithoutSpaces_isRejectedAtBuild() {
    ScriptedGenie.Builder b = ScriptedGenie.builder().when("q", s -> true, ScriptedAnswer.sql("SELECT 1"));
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("spaces");
  }

  @Test
  void builder_blankQuestion_isRejected() {
    assertThatThrownBy(() -> ScriptedGenie.builder().on(" ", ScriptedAnswer.sql("SELECT 1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("question");
  }

  @Test
  void toBuilder_restartsQueues() {
    ScriptedGenie genie = ScriptedGenie.builder()
        .on("q", ScriptedAnswer.sql("SELECT 1"), ScriptedAnswer.sql("SELECT 2")).build();
    genie.ask(q("q"));
    assertThat(genie.toBuilder().build().ask(q("q")).sql()).isEqualTo("SELECT 1");
    assertThat(genie.ask(q("q")).sql()).isEqualTo("SELECT 2");
  }
}
