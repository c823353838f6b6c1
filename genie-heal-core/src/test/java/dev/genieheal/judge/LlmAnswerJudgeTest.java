package dev.genieheal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmAnswerJudgeTest {

  static final Benchmark TOP = new Benchmark("b1", "Top customer by revenue?",
      "SELECT customer, SUM(amount) AS revenue FROM t GROUP BY customer ORDER BY revenue DESC LIMIT 1");
  static final ResultTable EXPECTED = ResultTable.of(
      List.of(new ResultTable.Column("customer", "STRING"), new ResultTable.Column("revenue", "DECIMAL")),
      List.of(List.of("Ada", 10)));
  static final ResultTable ACTUAL = ResultTable.of(
      List.of(new ResultTable.Column("customer", "STRING"), new ResultTable.Column("revenue", "DECIMAL"),
          new ResultTable.Column("orders", "BIGINT")),
      List.of(List.of("Ada", 10, 3)));
  static final Verdict PRIOR = Verdict.fail(JudgeMethod.RESULT_COMPARISON,
      List.of(ReasonCode.RESULT_EXTRA_COLUMNS), "extra column orders");

  @Test
  void judge_equivalent_passesWithLlmMethodAndReasoning() {
    List<String> prompts = new ArrayList<>();
    LlmClient llm = r -> {
      prompts.add(r.messages().get(0).content());
      return new LlmResponse("{\"equivalent\": true, \"reasoning\": \"extra count column is fine\"}",
          new TokenUsage(100, 10));
    };

    Verdict v = judge(llm).judge(context());

    assertThat(v.passed()).isTrue();
    assertThat(v.method()).isEqualTo(JudgeMethod.LLM);
    assertThat(v.explanation()).contains("extra count column");
    assertThat(prompts.get(0)).contains("Ada | 10 | 3", "RESULT_EXTRA_COLUMNS", "Top customer by revenue?");
  }

  @Test
  void judge_notEquivalent_failsWithItsReasonAddedToThePriorOnes() {
    Verdict v = judge(r -> new LlmResponse("```json\n{\"equivalent\": false, \"reasoning\": \"wrong metric\"}\n```",
        null)).judge(context());

    assertThat(v.passed()).isFalse();
    assertThat(v.reasons()).containsExactly(ReasonCode.RESULT_EXTRA_COLUMNS, ReasonCode.LLM_JUDGE_NOT_EQUIVALENT);
  }

  @Test
  void judge_modelDown_keepsThePriorVerdict_neverPasses() {
    Verdict v = judge(r -> {
      throw new GenieHealException("endpoint timed out");
    }).judge(context());

    assertThat(v.passed()).isFalse();
    assertThat(v.method()).isEqualTo(JudgeMethod.RESULT_COMPARISON);
    assertThat(v.explanation()).contains("LLM judge unavailable", "endpoint timed out");
  }

  @Test
  void judge_unreadableAnswer_keepsThePriorVerdict() {
    for (String answer : List.of("yes", "{\"equivalent\": \"maybe\"}", "{\"equivalent\": true,}")) {
      Verdict v = judge(r -> new LlmResponse(answer, null)).judge(context());

      assertThat(v.passed()).as(answer).isFalse();
      assertThat(v.explanation()).as(answer).contains("LLM judge");
    }
  }

  @Test
  void judge_withoutPriorVerdictAndModelDown_fails() {
    JudgeContext bare = new JudgeContext(TOP, GenieAnswer.sql("SELECT 1", null, Duration.ZERO), "run");

    Verdict v = judge(r -> {
      throw new GenieHealException("down");
    }).judge(bare);

    assertThat(v.passed()).isFalse();
    assertThat(v.reasons()).containsExactly(ReasonCode.OTHER);
  }

  private static LlmAnswerJudge judge(LlmClient llm) {
    return LlmAnswerJudge.builder().llm(llm).retries(1, Duration.ZERO).build();
  }

  private static JudgeContext context() {
    return new JudgeContext(TOP, GenieAnswer.sql("SELECT customer, SUM(amount), COUNT(*) FROM t GROUP BY 1",
        null, Duration.ofSeconds(1)), "run").withEvidence(EXPECTED, ACTUAL, PRIOR);
  }
}
