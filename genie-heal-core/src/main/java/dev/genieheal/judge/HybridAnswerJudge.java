package dev.genieheal.judge;

import dev.genieheal.error.Redactor;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.sql.SqlNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default judge: normalised SQL, then results, then optionally a second judge for acceptable-looking
 * disagreements.
 *
 * <ol>
 *   <li>An answer that is not {@code COMPLETED} fails ({@link JudgeMethod#NOT_COMPARABLE}) with {@link
 *       ReasonCode#NO_SQL}, {@link ReasonCode#GENIE_FAILED} or {@link ReasonCode#TIMED_OUT}.
 *   <li>Genie's SQL equal to the expected SQL after {@link SqlNormalizer#normalize} passes ({@link
 *       JudgeMethod#SQL_MATCH}).
 *   <li>The expected SQL is run through the executor (cached per run id and benchmark). When it fails or the
 *       read-only guard refuses it, the answer fails with {@link ReasonCode#EXPECTED_SQL_FAILED}: the benchmark is
 *       broken, not Genie. Genie's result is taken from the answer or, when absent, by running Genie's SQL
 *       (failure: {@link ReasonCode#EXECUTION_FAILED}).
 *   <li>The results are compared by a {@link ResultComparator} ({@link JudgeMethod#RESULT_COMPARISON}); row order
 *       counts when the expected SQL has a top-level ORDER BY ({@link SqlNormalizer#ordersResult}; for SQL the
 *       parser cannot read, only when the text ends with an ORDER BY outside parentheses).
 *   <li>A failed comparison that {@link Builder#escalateWhen} selects (by default {@link
 *       Comparison#mayBeAcceptable()}: only the column set differs, only row order, numbers within the near-miss
 *       tolerance, or an empty expected result) goes to the second judge, when one is set, with the results as
 *       evidence ({@link JudgeContext#withEvidence}). Its verdict is final; if it throws, the comparison stands.
 * </ol>
 *
 * <p>Never throws for bad input: every problem becomes a failing verdict with a reason. Thread-safe when the
 * executor and second judge are.
 */
public final class HybridAnswerJudge implements AnswerJudge {
  private static final Logger LOG = LoggerFactory.getLogger(HybridAnswerJudge.class);

  private final SqlExecutor executor;
  private final ComparisonOptions options;
  private final ResultComparator comparator;
  private final AnswerJudge secondJudge;
  private final Predicate<Comparison> escalateWhen;
  private final int cacheSize;
  private final ExpectedResultCache cache;

  private HybridAnswerJudge(Builder b) {
    this.executor = b.executor;
    this.options = b.options;
    this.comparator = ResultComparator.of(b.options);
    this.secondJudge = b.secondJudge;
    this.escalateWhen = b.escalateWhen;
    this.cacheSize = b.cacheSize;
    this.cache = new ExpectedResultCache(b.cacheSize);
  }

  /** A builder; {@link Builder#executor} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this judge's configuration. */
  public Builder toBuilder() {
    Builder b = new Builder().executor(executor).options(options).escalateWhen(escalateWhen).cacheSize(cacheSize);
    b.secondJudge = secondJudge;
    return b;
  }

  @Override
  public Verdict judge(JudgeContext context) {
    Objects.requireNonNull(context, "context");
    try {
      return decide(context);
    } catch (RuntimeException e) { // a bug or a misbehaving executor must not end the run
      LOG.warn("judging benchmark {} failed unexpectedly", context.benchmark().id(), e);
      return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.OTHER),
          "judging failed unexpectedly: " + Redactor.redact(String.valueOf(e)));
    }
  }

  private Verdict decide(JudgeContext context) {
    GenieAnswer answer = context.answer();
    if (answer.status() != AnswerStatus.COMPLETED || !answer.hasSql()) {
      return notCompleted(answer);
    }
    String expectedSql = context.benchmark().expectedSql();
    if (sqlMatches(expectedSql, answer.sql())) {
      return Verdict.pass(JudgeMethod.SQL_MATCH, "Genie's SQL equals the expected SQL after normalisation");
    }
    ExpectedResultCache.Outcome expected = context.expectedResultIfKnown()
        .map(table -> new ExpectedResultCache.Outcome(table, null))
        .orElseGet(() -> cache.get(
            new ExpectedResultCache.Key(context.runId(), context.benchmark().id(), expectedSql),
            () -> run(expectedSql)));
    if (expected.table() == null) {
      return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.EXPECTED_SQL_FAILED),
          "the expected SQL of benchmark '" + context.benchmark().id() + "' could not be run: "
              + expected.failure() + ". This is a broken benchmark, not Genie's fault: fix or remove it.");
    }
    Optional<ResultTable> known = context.actualResultIfKnown();
    ExpectedResultCache.Outcome actual = known.isPresent()
        ? new ExpectedResultCache.Outcome(known.get(), null) : run(answer.sql());
    if (actual.table() == null) {
      return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.EXECUTION_FAILED),
          "Genie's SQL could not be run: " + actual.failure());
    }
    Comparison comparison = comparator.compare(expected.table(), actual.table(), ordersResult(expectedSql),
        SortKeys.of(expectedSql, expected.table()).orElse(List.of()));
    Verdict verdict = comparison.toVerdict();
    if (comparison.passed() || secondJudge == null || !escalateWhen.test(comparison)) {
      return verdict;
    }
    return askSecondJudge(context.withEvidence(expected.table(), actual.table(), verdict), verdict);
  }

  private Verdict askSecondJudge(JudgeContext evidence, Verdict comparisonVerdict) {
    Verdict second;
    try {
      second = Objects.requireNonNull(secondJudge.judge(evidence), "the second judge returned null");
    } catch (RuntimeException e) {
      LOG.warn("second judge failed on benchmark {}; keeping the result comparison", evidence.benchmark().id(), e);
      return comparisonVerdict;
    }
    String text = second.explanation() + " (result comparison: " + comparisonVerdict.explanation() + ")";
    if (second.passed()) {
      return new Verdict(true, second.method(), second.reasons(), text);
    }
    LinkedHashSet<ReasonCode> reasons = new LinkedHashSet<>(comparisonVerdict.reasons());
    reasons.addAll(second.reasons());
    return new Verdict(false, second.method(), new ArrayList<>(reasons), text);
  }

  private static Verdict notCompleted(GenieAnswer answer) {
    String detail = answer.error() != null ? answer.error() : answer.text();
    String suffix = detail == null || detail.isBlank() ? "" : ": " + Redactor.redact(detail);
    switch (answer.status()) {
      case TIMED_OUT:
        return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.TIMED_OUT),
            "Genie did not answer in time" + suffix);
      case FAILED:
      case CANCELLED:
        String type = answer.errorType() == null ? "" : " (" + answer.errorType() + ")";
        return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.GENIE_FAILED),
            "Genie's answer ended " + answer.status() + type + suffix);
      default:
        return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.NO_SQL),
            "Genie answered without SQL" + suffix);
    }
  }

  private static boolean sqlMatches(String expectedSql, String genieSql) {
    try {
      Optional<String> expected = SqlNormalizer.normalize(expectedSql);
      return expected.isPresent() && expected.equals(SqlNormalizer.normalize(genieSql));
    } catch (RuntimeException e) { // the normaliser degrading must only cost the fast path
      LOG.debug("SQL normalisation failed; comparing results instead", e);
      return false;
    }
  }

  static boolean ordersResult(String expectedSql) {
    Optional<Boolean> parsed;
    try {
      parsed = SqlNormalizer.ordersResult(expectedSql);
    } catch (RuntimeException e) {
      parsed = Optional.empty();
    }
    return parsed.orElseGet(() -> OrderingFallback.endsWithTopLevelOrderBy(expectedSql));
  }

  private ExpectedResultCache.Outcome run(String sql) {
    try {
      ResultTable table = executor.execute(sql);
      return table == null
          ? new ExpectedResultCache.Outcome(null, "the executor returned no result")
          : new ExpectedResultCache.Outcome(table, null);
    } catch (RuntimeException e) { // SqlExecutionException, and anything an executor throws by mistake
      return new ExpectedResultCache.Outcome(null, Redactor.redact(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Builds a {@link HybridAnswerJudge}. Defaults: {@link ComparisonOptions#defaults()}, no second judge,
   * escalate only comparisons that {@link Comparison#mayBeAcceptable()}, an expected-result cache of
   * {@value #DEFAULT_CACHE_SIZE} entries. Not thread-safe; the built judge is.
   */
  public static final class Builder {
    /** Default number of cached expected results. */
    public static final int DEFAULT_CACHE_SIZE = 1_000;

    private SqlExecutor executor;
    private ComparisonOptions options = ComparisonOptions.defaults();
    private AnswerJudge secondJudge;
    private Predicate<Comparison> escalateWhen = Comparison::mayBeAcceptable;
    private int cacheSize = DEFAULT_CACHE_SIZE;

    private Builder() {}

    /**
     * Runs the expected SQL and, when an answer carries no result, Genie's SQL. Required.
     *
     * @throws NullPointerException when null
     */
    public Builder executor(SqlExecutor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * How results are compared.
     *
     * @throws NullPointerException when null
     */
    public Builder options(ComparisonOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * A judge for disagreements that may be acceptable (e.g. the LLM judge).
     *
     * @throws NullPointerException when null
     */
    public Builder secondJudge(AnswerJudge value) {
      this.secondJudge = Objects.requireNonNull(value, "secondJudge");
      return this;
    }

    /**
     * Which failed comparisons go to the second judge.
     *
     * @throws NullPointerException when null
     */
    public Builder escalateWhen(Predicate<Comparison> value) {
      this.escalateWhen = Objects.requireNonNull(value, "escalateWhen");
      return this;
    }

    /**
     * How many expected results to keep (per run id and benchmark); 0 disables caching.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder cacheSize(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0 but was " + value);
      }
      this.cacheSize = value;
      return this;
    }

    /**
     * The judge.
     *
     * @throws IllegalStateException when no executor was set
     */
    public HybridAnswerJudge build() {
      if (executor == null) {
        throw new IllegalStateException("executor is required");
      }
      return new HybridAnswerJudge(this);
    }
  }
}
