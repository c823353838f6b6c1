package dev.genieheal.judge;

import static dev.genieheal.judge.Tables.row;
import static dev.genieheal.judge.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HybridAnswerJudgeTest {
  private static final String EXPECTED_SQL = "SELECT region, SUM(net) AS rev FROM sales GROUP BY region";
  private static final String GENIE_SQL = "SELECT region, SUM(net) AS total FROM sales WHERE net > 0 GROUP BY region";
  private static final ResultTable REVENUE = table("region,rev:DOUBLE", row("EMEA", 10.5), row("APAC", 3.0));
  private static final Benchmark BENCHMARK = new Benchmark("b1", "Revenue by region?", EXPECTED_SQL);

  private final FakeSqlExecutor warehouse = new FakeSqlExecutor().put(EXPECTED_SQL, REVENUE);

  private static JudgeContext context(GenieAnswer answer) {
    return new JudgeContext(BENCHMARK, answer, "run-1");
  }

  private static GenieAnswer answer(String sql, ResultTable result) {
    return GenieAnswer.sql(sql, result, Duration.ofSeconds(1));
  }

  @Test
  void judge_noSqlAnswer_failsNotComparableWithNoSql() {
    Verdict v = AnswerJudge.hybrid(warehouse).judge(context(GenieAnswer.noSql("I cannot answer that", Duration.ZERO)));

    assertThat(v.passed()).isFalse();
    assertThat(v.method()).isEqualTo(JudgeMethod.NOT_COMPARABLE);
    assertThat(v.reasons()).containsExactly(ReasonCode.NO_SQL);
    assertThat(warehouse.runs(EXPECTED_SQL)).isZero();
  }

  @Test
  void judge_failedAnswer_failsWithGenieFailedAndErrorType() {
    Verdict v = AnswerJudge.hybrid(warehouse)
        .judge(context(GenieAnswer.failed("SQL_EXECUTION_EXCEPTION", "boom", Duration.ZERO)));

    assertThat(v.reasons()).containsExactly(ReasonCode.GENIE_FAILED);
    assertThat(v.explanation()).contains("SQL_EXECUTION_EXCEPTION").contains("boom");
  }

  @Test
  void judge_cancelledAnswer_failsWithGenieFailed() {
    GenieAnswer cancelled = new GenieAnswer(AnswerStatus.CANCELLED, null, null, null, null, null, null, null, null);

    assertThat(AnswerJudge.hybrid(warehouse).judge(context(cancelled)).reasons())
        .containsExactly(ReasonCode.GENIE_FAILED);
  }

  @Test
  void judge_timedOutAnswer_failsWithTimedOut() {
    Verdict v = AnswerJudge.hybrid(warehouse).judge(context(GenieAnswer.timedOut(Duration.ofMinutes(2))));

    assertThat(v.reasons()).containsExactly(ReasonCode.TIMED_OUT);
    assertThat(v.method()).isEqualTo(JudgeMethod.NOT_COMPARABLE);
  }

  @Test
  void judge_sqlEqualAfterNormalisation_passesBySqlMatchWithoutRunningAnything() {
    String same = "select REGION, sum(NET) as rev from SALES group by REGION;";

    Verdict v = AnswerJudge.hybrid(warehouse).judge(context(answer(same, null)));

    assertThat(v.passed()).isTrue();
    assertThat(v.method()).isEqualTo(JudgeMethod.SQL_MATCH);
    assertThat(warehouse.runs(EXPECTED_SQL)).isZero();
  }

  @Test
  void judge_differentSqlSameResult_passesByResultComparison() {
    warehouse.put(GENIE_SQL, table("total:DOUBLE,region", row(3.0, "APAC"), row(10.5, "EMEA")));

    Verdict v = AnswerJudge.hybrid(warehouse).judge(context(answer(GENIE_SQL, null)));

    assertThat(v.passed()).as(v.explanation()).isTrue();
    assertThat(v.method()).isEqualTo(JudgeMethod.RESULT_COMPARISON);
  }

  @Test
  void judge_answerCarriesResult_usesItWithoutRunningGenieSql() {
    Verdict v = AnswerJudge.hybrid(warehouse)
        .judge(context(answer(GENIE_SQL, table("region,rev:DOUBLE", row("EMEA", 10.5), row("APAC", 4.0)))));

    assertThat(v.passed()).isFalse();
    assertThat(v.reasons()).containsExactly(ReasonCode.SINGLE_CELL_DIFFERENCE);
    assertThat(v.explanation()).contains("rev").contains("3.0").contains("4.0");
    assertThat(warehouse.runs(GENIE_SQL)).isZero();
  }

  @Test
  void judge_expectedSqlFails_failsWithExpectedSqlFailedBlamingTheBenchmark() {
    Benchmark broken = new Benchmark("b9", "q?", "SELECT * FROM missing_table");

    Verdict v = AnswerJudge.hybrid(warehouse)
        .judge(new JudgeContext(broken, answer(GENIE_SQL, REVENUE), "run-1"));

    assertThat(v.passed()).isFalse();
    assertThat(v.reasons()).containsExactly(ReasonCode.EXPECTED_SQL_FAILED);
    assertThat(v.explanation()).contains("b9").contains("broken benchmark, not Genie's fault")
        .contains("TABLE_OR_VIEW_NOT_FOUND");
  }

  @Test
  void judge_expectedSqlRefusedByGuard_failsWithExpectedSqlFailed() {
    FakeSqlExecutor guarded = new FakeSqlExecutor();
    Benchmark ddl = new Benchmark("b2", "q?", "DROP TABLE sales");

    Verdict v = AnswerJudge.hybrid(sql -> guarded.execute(dev.genieheal.sql.ReadOnlySqlGuard.check(sql)))
        .judge(new JudgeContext(ddl, answer(GENIE_SQL, REVENUE), "run-1"));

    assertThat(v.reasons()).containsExactly(ReasonCode.EXPECTED_SQL_FAILED);
    assertThat(v.explanation()).contains("read-only guard");
    assertThat(guarded.runs("DROP TABLE sales")).isZero();
  }

  @Test
  void judge_genieSqlFails_failsWithExecutionFailed() {
    Verdict v = AnswerJudge.hybrid(warehouse).judge(context(answer("SELECT nope FROM nowhere", null)));

    assertThat(v.reasons()).containsExactly(ReasonCode.EXECUTION_FAILED);
    assertThat(v.method()).isEqualTo(JudgeMethod.NOT_COMPARABLE);
  }

  @Test
  void judge_executorThrowsUnexpectedException_returnsVerdictInsteadOfThrowing() {
    AnswerJudge judge = AnswerJudge.hybrid(sql -> {
      throw new IllegalStateException("driver bug");
    });

    Verdict v = judge.judge(context(answer(GENIE_SQL, null)));

    assertThat(v.passed()).isFalse();
    assertThat(v.reasons()).containsExactly(ReasonCode.EXPECTED_SQL_FAILED);
  }

  @Test
  void judge_executorReturnsNull_failsInsteadOfThrowing() {
    Verdict v = AnswerJudge.hybrid(sql -> null).judge(context(answer(GENIE_SQL, null)));

    assertThat(v.reasons()).containsExactly(ReasonCode.EXPECTED_SQL_FAILED);
  }

  @Test
  void judge_unparseableSql_fallsBackToResultComparison() {
    String weird = "SELECT region, rev FROM sales TABLESAMPLE (50 PERCENT) ???";
    warehouse.put(weird, REVENUE);

    Verdict v = AnswerJudge.hybrid(warehouse).judge(context(answer(weird, null)));

    assertThat(v.passed()).isTrue();
    assertThat(v.method()).isEqualTo(JudgeMethod.RESULT_COMPARISON);
  }

  @Test
  void judge_sameBenchmarkTwiceInOneRun_runsExpectedSqlOnce() {
    AnswerJudge judge = AnswerJudge.hybrid(warehouse);

    judge.judge(context(answer(GENIE_SQL, REVENUE)));
    judge.judge(context(answer(GENIE_SQL, REVENUE)));
    judge.judge(new JudgeContext(BENCHMARK, answer(GENIE_SQL, REVENUE), "run-2"));

    assertThat(warehouse.runs(EXPECTED_SQL)).isEqualTo(2);
  }

  @Test
  void judge_cacheDisabled_runsExpectedSqlEveryTime() {
    AnswerJudge judge = HybridAnswerJudge.builder().executor(warehouse).cacheSize(0).build();

    judge.judge(context(answer(GENIE_SQL, REVENUE)));
    judge.judge(context(answer(GENIE_SQL, REVENUE)));

    assertThat(warehouse.runs(EXPECTED_SQL)).isEqualTo(2);
  }

  @Test
  void judge_expectedSqlFailure_isNotCachedSoATransientErrorHeals() {
    Benchmark later = new Benchmark("b3", "q?", "SELECT 1 AS one");
    AnswerJudge judge = AnswerJudge.hybrid(warehouse);

    Verdict first = judge.judge(new JudgeContext(later, answer(GENIE_SQL, table("one:BIGINT", row(1L))), "r"));
    warehouse.put("SELECT 1 AS one", table("one:BIGINT", row(1L)));
    Verdict second = judge.judge(new JudgeContext(later, answer(GENIE_SQL, table("one:BIGINT", row(1L))), "r"));

    assertThat(first.passed()).isFalse();
    assertThat(second.passed()).isTrue();
  }

  @Test
  void judge_expectedResultInContext_isUsedWithoutRunning() {
    JudgeContext withEvidence = context(answer(GENIE_SQL, REVENUE)).withEvidence(REVENUE, null, null);

    Verdict v = AnswerJudge.hybrid(warehouse).judge(withEvidence);

    assertThat(v.passed()).isTrue();
    assertThat(warehouse.runs(EXPECTED_SQL)).isZero();
  }

  @Test
  void judge_orderedExpectedSqlAndShuffledRows_failsWithRowOrderDifference() {
    String ordered = EXPECTED_SQL + " ORDER BY rev DESC";
    warehouse.put(ordered, REVENUE);
    Benchmark b = new Benchmark("b4", "Top regions?", ordered);

    Verdict v = AnswerJudge.hybrid(warehouse)
        .judge(new JudgeContext(b, answer(GENIE_SQL, table("region,rev:DOUBLE", row("APAC", 3.0), row("EMEA", 10.5))), "r"));

    assertThat(v.reasons()).containsExactly(ReasonCode.ROW_ORDER_DIFFERENCE);
  }

  @Test
  void judge_acceptableDisagreement_goesToSecondJudgeWithEvidence() {
    List<JudgeContext> seen = new CopyOnWriteArrayList<>();
    AnswerJudge llm = ctx -> {
      seen.add(ctx);
      return Verdict.pass(JudgeMethod.LLM, "the extra filter does not change the meaning");
    };
    AnswerJudge judge = HybridAnswerJudge.builder().executor(warehouse).secondJudge(llm).build();

    Verdict v = judge.judge(context(answer(GENIE_SQL, table("region", row("EMEA"), row("APAC")))));

    assertThat(v.passed()).isTrue();
    assertThat(v.method()).isEqualTo(JudgeMethod.LLM);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).expectedResult()).isEqualTo(REVENUE);
    assertThat(seen.get(0).priorVerdict().reasons()).containsExactly(ReasonCode.RESULT_MISSING_COLUMNS);
  }

  @Test
  void judge_clearDisagreement_doesNotReachSecondJudge() {
    List<JudgeContext> seen = new ArrayList<>();
    AnswerJudge judge = HybridAnswerJudge.builder().executor(warehouse)
        .secondJudge(ctx -> {
          seen.add(ctx);
          return Verdict.pass(JudgeMethod.LLM, "fine");
        }).build();

    Verdict v = judge.judge(context(answer(GENIE_SQL, table("region,rev:DOUBLE", row("AMER", 99.0)))));

    assertThat(v.passed()).isFalse();
    assertThat(v.method()).isEqualTo(JudgeMethod.RESULT_COMPARISON);
    assertThat(seen).isEmpty();
  }

  @Test
  void judge_secondJudgeFails_keepsReasonsOfBoth() {
    AnswerJudge judge = HybridAnswerJudge.builder().executor(warehouse).escalateWhen(c -> true)
        .secondJudge(ctx -> Verdict.fail(JudgeMethod.LLM, List.of(ReasonCode.LLM_JUDGE_NOT_EQUIVALENT), "no"))
        .build();

    Verdict v = judge.judge(context(answer(GENIE_SQL, table("region,rev:DOUBLE", row("AMER", 99.0)))));

    assertThat(v.method()).isEqualTo(JudgeMethod.LLM);
    assertThat(v.reasons()).contains(ReasonCode.LLM_JUDGE_NOT_EQUIVALENT, ReasonCode.RESULT_MISSING_ROWS);
  }

  @Test
  void judge_secondJudgeThrows_keepsResultComparison() {
    AnswerJudge judge = HybridAnswerJudge.builder().executor(warehouse).escalateWhen(c -> true)
        .secondJudge(ctx -> {
          throw new IllegalStateException("model down");
        }).build();

    Verdict v = judge.judge(context(answer(GENIE_SQL, table("region,rev:DOUBLE", row("AMER", 99.0)))));

    assertThat(v.method()).isEqualTo(JudgeMethod.RESULT_COMPARISON);
    assertThat(v.passed()).isFalse();
  }

  @Test
  void build_withoutExecutor_throwsNamingIt() {
    assertThatThrownBy(() -> HybridAnswerJudge.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("executor");
  }

  @Test
  void builder_nullOrNegativeArguments_throwNamingThem() {
    HybridAnswerJudge.Builder b = HybridAnswerJudge.builder();
    assertThatThrownBy(() -> b.executor(null)).hasMessageContaining("executor");
    assertThatThrownBy(() -> b.options(null)).hasMessageContaining("options");
    assertThatThrownBy(() -> b.secondJudge(null)).hasMessageContaining("secondJudge");
    assertThatThrownBy(() -> b.escalateWhen(null)).hasMessageContaining("escalateWhen");
    assertThatThrownBy(() -> b.cacheSize(-1)).hasMessageContaining("cacheSize");
  }

  @Test
  void toBuilder_copiesConfiguration() {
    HybridAnswerJudge judge = HybridAnswerJudge.builder().executor(warehouse).cacheSize(0).build();

    judge.toBuilder().build().judge(context(answer(GENIE_SQL, REVENUE)));
    judge.toBuilder().build().judge(context(answer(GENIE_SQL, REVENUE)));

    assertThat(warehouse.runs(EXPECTED_SQL)).isEqualTo(2);
  }
}
