package dev.genieheal.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.doubles.ExactSqlJudge;
import dev.genieheal.doubles.FakeSleeper;
import dev.genieheal.doubles.ManualClock;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenieScorerTest {
  private static final List<Benchmark> BENCHMARKS = IntStream.range(0, 10)
      .mapToObj(i -> new Benchmark("q" + i, "question " + i, "SELECT " + i)).toList();
  /** Answers "question i" with "SELECT i": every answer right. */
  private static final GenieClient RIGHT = q -> GenieAnswer.sql(
      "SELECT " + q.text().substring("question ".length()), null, Duration.ofMillis(1));

  private static ScorerOptions.Builder fast() {
    return ScorerOptions.builder().questionsPerMinute(0);
  }

  private static ScoreCard score(GenieClient genie, ScorerOptions options, List<Benchmark> benchmarks) {
    return Scorer.genie(genie, new ExactSqlJudge(), options)
        .score(new ScoringRequest("space", benchmarks, "run", null));
  }

  /** Blocks until interrupted, like a client that ignores its timeout. */
  private static void hang() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  private static ReasonCode reason(QuestionResult r) {
    return r.representative().verdict().reasons().get(0);
  }

  @Test
  void score_concurrently_keepsBenchmarkOrderAndReportsEachQuestionOnce() {
    Map<String, Integer> reported = new ConcurrentHashMap<>();
    ScoreCard card = Scorer.genie(RIGHT, new ExactSqlJudge(), fast().concurrency(4).build())
        .score(new ScoringRequest("space", BENCHMARKS, "run", r -> reported.merge(r.benchmark().id(), 1,
            Integer::sum)));

    assertThat(card.results()).extracting(r -> r.benchmark().id())
        .isEqualTo(BENCHMARKS.stream().map(Benchmark::id).toList());
    assertThat(card.score()).isEqualTo(1.0);
    assertThat(reported).hasSize(10).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void score_emptyRequest_isAnEmptyCard() {
    assertThat(score(RIGHT, fast().build(), List.of()).results()).isEmpty();
  }

  @Test
  void score_questionTimesOut_isFailedTimedOutNotACrash() {
    GenieClient slowForQ3 = q -> {
      if (q.text().equals("question 3")) {
        hang();
      }
      return RIGHT.ask(q);
    };
    ScoreCard card = score(slowForQ3, fast().questionTimeout(Duration.ofMillis(50)).build(), BENCHMARKS);

    QuestionResult q3 = card.results().get(3);
    assertThat(q3.passed()).isFalse();
    assertThat(reason(q3)).isEqualTo(ReasonCode.TIMED_OUT);
    assertThat(q3.representative().answer().status()).isEqualTo(dev.genieheal.port.AnswerStatus.TIMED_OUT);
    assertThat(card.passedCount()).isEqualTo(9);
  }

  @Test
  void score_clientThrows_isFailedGenieFailedWithTheError() {
    GenieClient broken = q -> {
      throw new IllegalStateException("connection reset");
    };
    ScoreCard card = score(broken, fast().build(), BENCHMARKS.subList(0, 2));

    assertThat(card.results()).allSatisfy(r -> {
      assertThat(reason(r)).isEqualTo(ReasonCode.GENIE_FAILED);
      assertThat(r.representative().verdict().explanation()).contains("CLIENT_ERROR").contains("connection reset");
    });
  }

  @Test
  void score_clientRefusesCredentials_throws() {
    GenieClient denied = q -> {
      throw new AuthenticationException("invalid token");
    };
    assertThatThrownBy(() -> score(denied, fast().build(), BENCHMARKS))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void score_judgeThrows_isFailedWithExplanation() {
    ScoreCard card = Scorer.genie(RIGHT, c -> {
      throw new IllegalArgumentException("bad judge");
    }, fast().build()).score(new ScoringRequest("space", BENCHMARKS.subList(0, 1), "run", null));

    assertThat(card.results().get(0).passed()).isFalse();
    assertThat(reason(card.results().get(0))).isEqualTo(ReasonCode.OTHER);
    assertThat(card.results().get(0).representative().verdict().explanation()).contains("bad judge");
  }

  @Test
  void score_answersWithoutSql_areFailedWithGeniesReason() {
    GenieClient mixed = q -> switch (q.text()) {
      case "question 0" -> GenieAnswer.noSql("I cannot tell", Duration.ZERO);
      case "question 1" -> GenieAnswer.failed("SQL_EXECUTION_EXCEPTION", "table not found", Duration.ZERO);
      default -> GenieAnswer.timedOut(Duration.ofSeconds(120));
    };
    ScoreCard card = score(mixed, fast().build(), BENCHMARKS.subList(0, 3));

    assertThat(card.results()).extracting(GenieScorerTest::reason)
        .containsExactly(ReasonCode.NO_SQL, ReasonCode.GENIE_FAILED, ReasonCode.TIMED_OUT);
    assertThat(card.results().get(1).representative().verdict().explanation())
        .contains("SQL_EXECUTION_EXCEPTION").contains("table not found");
  }

  @Test
  void score_kAttempts_asksKTimesAndReportsThePassRate() {
    AtomicInteger calls = new AtomicInteger();
    GenieClient flaky = q -> calls.incrementAndGet() % 3 == 0
        ? GenieAnswer.sql("SELECT wrong", null, Duration.ZERO) : RIGHT.ask(q);
    ScoreCard card = score(flaky, fast().attempts(3).concurrency(1).build(), BENCHMARKS.subList(0, 2));

    assertThat(calls).hasValue(6);
    assertThat(card.questionsAsked()).isEqualTo(6);
    assertThat(card.results()).allSatisfy(r -> assertThat(r.passRate()).isEqualTo(2.0 / 3));
  }

  @Test
  void score_iterationTimeout_failsOpenQuestionsAsTimedOut() {
    GenieClient hangs = q -> {
      if (!q.text().equals("question 0")) {
        hang();
      }
      return RIGHT.ask(q);
    };
    List<String> reported = java.util.Collections.synchronizedList(new ArrayList<>());
    ScoreCard card = Scorer.genie(hangs, new ExactSqlJudge(), fast().concurrency(1)
            .iterationTimeout(Duration.ofMillis(200)).questionTimeout(Duration.ofMinutes(5)).build())
        .score(new ScoringRequest("space", BENCHMARKS.subList(0, 3), "run", r -> reported.add(r.benchmark().id())));

    assertThat(card.results().get(0).passed()).isTrue();
    assertThat(card.results().subList(1, 3)).allSatisfy(r -> {
      assertThat(reason(r)).isEqualTo(ReasonCode.TIMED_OUT);
      assertThat(r.representative().verdict().explanation()).contains("iteration timeout");
    });
    assertThat(reported).containsExactlyInAnyOrder("q0", "q1", "q2");
  }

  @Test
  void score_rateLimited_pacesNewQuestionsOnTheInjectedClock() {
    ManualClock clock = new ManualClock();
    FakeSleeper sleeper = new FakeSleeper(clock);
    ScoreCard card = score(RIGHT, ScorerOptions.builder().questionsPerMinute(5).clock(clock).sleeper(sleeper)
        .concurrency(1).build(), BENCHMARKS);

    assertThat(card.score()).isEqualTo(1.0);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void options_badValues_areRefusedNamingThem() {
    assertThatThrownBy(() -> ScorerOptions.builder().concurrency(0)).hasMessageContaining("concurrency");
    assertThatThrownBy(() -> ScorerOptions.builder().attempts(0)).hasMessageContaining("attempts");
    assertThatThrownBy(() -> ScorerOptions.builder().questionTimeout(Duration.ZERO))
        .hasMessageContaining("questionTimeout");
    assertThatThrownBy(() -> ScorerOptions.builder().questionsPerMinute(-1))
        .hasMessageContaining("questionsPerMinute");
    ScorerOptions defaults = ScorerOptions.defaults();
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
  }
}
