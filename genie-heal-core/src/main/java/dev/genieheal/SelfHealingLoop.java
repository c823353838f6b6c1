package dev.genieheal;

import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.analyze.RuleBasedFailureAnalyzer;
import dev.genieheal.fix.FixApplier;
import dev.genieheal.internal.Checks;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.score.AcceptanceRule;
import dev.genieheal.score.Scorer;
import dev.genieheal.score.ScorerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a Genie space heal itself: score it on benchmark questions, analyse the failures, apply typed fixes, save
 * with the etag, wait for Genie to settle, rescore, and repeat until a {@link StopPolicy} says stop — never leaving
 * the space worse or invalid.
 *
 * <pre>{@code
 * LoopResult result = SelfHealingLoop.builder()
 *     .spaceId("01ef...")
 *     .spaceStore(store)
 *     .genie(genie)
 *     .sqlExecutor(warehouse)                  // for the default hybrid judge and the rule-based analyzer
 *     .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(5)))
 *     .sink(ProgressSink.logging())
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>One run, step by step:
 * <ol>
 *   <li>Load the space and its etag; load the tuning benchmarks (default: the space's own {@code benchmarks}
 *       section) and the optional held-out set. Emit {@link LoopEvent.Started}.
 *   <li>Iteration 0 scores the space as loaded (the baseline). Every later iteration scores the space saved by the
 *       previous one; if the {@link AcceptanceRule} does not accept the new tuning card against the best one, the
 *       best space is saved back (with the current etag), the analyzer is told which fixes were rolled back on every
 *       later call, and {@link LoopEvent.RolledBack} is emitted. The held-out set is scored every iteration but
 *       never shown to the analyzer.
 *   <li>Ask the stop policy; a stop ends the run with its status.
 *   <li>Analyse the best space's tuning failures; reject proposals that were rolled back before and (leakage guard
 *       on) that copy a tuning or held-out benchmark; apply the rest with the {@link FixApplier}; re-validate the
 *       result (an invalid space is never saved: the run fails instead). Nothing applied → {@link
 *       LoopStatus#NO_FIXES}. A dry run stops here with {@link LoopStatus#DRY_RUN} and never saves.
 *   <li>Save with the etag (a conflict ends the run {@link LoopStatus#FAILED}; nothing is overwritten), wait the
 *       settle time, emit {@link LoopEvent.FixesRejected} (when any) and {@link LoopEvent.IterationFinished}, and go
 *       to 2.
 * </ol>
 * Any other error after the start ends the run {@link LoopStatus#FAILED} with the reason; changes saved but not yet
 * scored are rolled back first when possible. Errors before the start (the space or benchmarks cannot be loaded,
 * no tuning benchmarks) are thrown.
 *
 * <p>Instances are immutable and thread-safe; each {@link #run()} is independent. Two runs on the same space at
 * once do not overwrite each other: the etag makes the later save fail.
 */
public final class SelfHealingLoop {

  /** The default stop policy: target 0.9, 10 iterations, plateau of less than 0.05 for 3, 2 drops. */
  public static final StopPolicy DEFAULT_STOP_POLICY = StopPolicy.anyOf(StopPolicy.targetScore(0.9),
      StopPolicy.maxIterations(10), StopPolicy.plateau(0.05, 3), StopPolicy.degradation(2));
  /** The default time waited after each save for Genie to pick up the change. */
  public static final Duration DEFAULT_SETTLE_TIME = Duration.ofSeconds(30);

  final String spaceId;
  final SpaceStore spaceStore;
  final Scorer scorer;
  final SqlExecutor sqlExecutor;
  final BenchmarkSource benchmarks;
  final BenchmarkSource heldOut;
  final FailureAnalyzer analyzer;
  final FixApplier fixApplier;
  final StopPolicy stopPolicy;
  final List<ProgressSink> sinks;
  final Duration settleTime;
  final boolean dryRun;
  final boolean leakageGuard;
  final AcceptanceRule acceptance;
  final Clock clock;
  final Sleeper sleeper;
  final Supplier<String> runIds;
  private final Builder config;

  private SelfHealingLoop(Builder b) {
    this.config = b.copy();
    this.spaceId = b.spaceId;
    this.spaceStore = b.spaceStore;
    this.sqlExecutor = b.sqlExecutor;
    this.benchmarks = b.benchmarks;
    this.heldOut = b.heldOut;
    this.analyzer = b.analyzer != null ? b.analyzer : RuleBasedFailureAnalyzer.create();
    this.fixApplier = b.fixApplier;
    this.stopPolicy = b.stopPolicy;
    this.sinks = List.copyOf(b.sinks);
    this.settleTime = b.settleTime;
    this.dryRun = b.dryRun;
    this.leakageGuard = b.leakageGuard;
    this.acceptance = b.acceptance;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.runIds = b.runIds;
    this.scorer = b.scorer != null ? b.scorer : Scorer.genie(b.genie,
        b.judge != null ? b.judge : AnswerJudge.hybrid(b.sqlExecutor), b.scorerOptions());
  }

  /** A builder with every default; set at least {@code spaceId}, {@code spaceStore} and a Genie source. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this loop's settings. */
  public Builder toBuilder() {
    return config.copy();
  }

  /**
   * Runs the loop until the stop policy, a lack of fixes, a dry run or an error ends it.
   *
   * @return how the run ended; ordinary endings and errors after the start are results, not exceptions
   * @throws dev.genieheal.error.GenieHealException when the space or the benchmarks cannot be loaded
   * @throws dev.genieheal.error.ValidationException when there are no tuning benchmarks or a file is malformed
   */
  public LoopResult run() {
    return new LoopRun(this).execute();
  }

  /** The run's settings as text, for {@link LoopEvent.Started}; never secrets. */
  java.util.Map<String, String> settings() {
    java.util.Map<String, String> s = new java.util.LinkedHashMap<>();
    s.put("stopPolicy", String.valueOf(stopPolicy));
    // Reports draw the target line from this key rather than parsing the policy's toString().
    stopPolicy.target().ifPresent(t -> s.put("target", Double.toString(t)));
    s.put("acceptance", String.valueOf(acceptance));
    s.put("scorer", String.valueOf(scorer));
    s.put("settleTime", settleTime.toString());
    s.put("dryRun", Boolean.toString(dryRun));
    s.put("leakageGuard", Boolean.toString(leakageGuard));
    return s;
  }

  @Override
  public String toString() {
    return "SelfHealingLoop[space=" + spaceId + ", " + settings() + "]";
  }

  /**
   * Builds a {@link SelfHealingLoop}. Setters validate at once (NPE/IAE naming the argument); {@link #build()}
   * names the missing collaborator. Not thread-safe.
   *
   * <p>Defaults: benchmarks from the space's own {@code benchmarks} section; no held-out set; judge
   * {@link AnswerJudge#hybrid AnswerJudge.hybrid(sqlExecutor)}; analyzer {@link RuleBasedFailureAnalyzer#create()};
   * fix applier {@link FixApplier#standard()}; stop policy
   * {@link SelfHealingLoop#DEFAULT_STOP_POLICY}; acceptance {@link AcceptanceRule#higherScore()}; concurrency 4;
   * 5 questions per minute; question timeout 120 s; iteration timeout 1 h; 1 attempt; settle time 30 s; leakage
   * guard on; no dry run; no sinks; the system UTC clock; {@link Sleeper#system()}; random UUID run ids.
   *
   * <p>Required: {@code spaceId}, {@code spaceStore}, and either a {@code scorer} or a {@code genie} with a
   * {@code judge} or a {@code sqlExecutor} (for the default judge).
   */
  public static final class Builder {
    private String spaceId;
    private SpaceStore spaceStore;
    private GenieClient genie;
    private Scorer scorer;
    private SqlExecutor sqlExecutor;
    private BenchmarkSource benchmarks;
    private BenchmarkSource heldOut;
    private AnswerJudge judge;
    private FailureAnalyzer analyzer;
    private FixApplier fixApplier = FixApplier.standard();
    private StopPolicy stopPolicy = DEFAULT_STOP_POLICY;
    private List<ProgressSink> sinks = new ArrayList<>();
    private int concurrency = ScorerOptions.DEFAULT_CONCURRENCY;
    private int questionsPerMinute = ScorerOptions.DEFAULT_QUESTIONS_PER_MINUTE;
    private Duration questionTimeout = ScorerOptions.DEFAULT_QUESTION_TIMEOUT;
    private Duration iterationTimeout = ScorerOptions.DEFAULT_ITERATION_TIMEOUT;
    private int attempts = 1;
    private Duration settleTime = DEFAULT_SETTLE_TIME;
    private boolean dryRun;
    private boolean leakageGuard = true;
    private AcceptanceRule acceptance = AcceptanceRule.higherScore();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Supplier<String> runIds = () -> UUID.randomUUID().toString();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.spaceId = spaceId;
      b.spaceStore = spaceStore;
      b.genie = genie;
      b.scorer = scorer;
      b.sqlExecutor = sqlExecutor;
      b.benchmarks = benchmarks;
      b.heldOut = heldOut;
      b.judge = judge;
      b.analyzer = analyzer;
      b.fixApplier = fixApplier;
      b.stopPolicy = stopPolicy;
      b.sinks = new ArrayList<>(sinks);
      b.concurrency = concurrency;
      b.questionsPerMinute = questionsPerMinute;
      b.questionTimeout = questionTimeout;
      b.iterationTimeout = iterationTimeout;
      b.attempts = attempts;
      b.settleTime = settleTime;
      b.dryRun = dryRun;
      b.leakageGuard = leakageGuard;
      b.acceptance = acceptance;
      b.clock = clock;
      b.sleeper = sleeper;
      b.runIds = runIds;
      return b;
    }

    private ScorerOptions scorerOptions() {
      return ScorerOptions.builder().concurrency(concurrency).questionsPerMinute(questionsPerMinute)
          .clock(clock).sleeper(sleeper).questionTimeout(questionTimeout).iterationTimeout(iterationTimeout)
          .attempts(attempts).build();
    }

    /** The space to heal (required). */
    public Builder spaceId(String spaceId) {
      this.spaceId = Checks.notBlank(spaceId, "spaceId");
      return this;
    }

    /** Where the space is loaded from and saved to (required). */
    public Builder spaceStore(SpaceStore spaceStore) {
      this.spaceStore = Objects.requireNonNull(spaceStore, "spaceStore");
      return this;
    }

    /** The Genie client the default scorer asks (required unless a {@link #scorer} is given). */
    public Builder genie(GenieClient genie) {
      this.genie = Objects.requireNonNull(genie, "genie");
      return this;
    }

    /**
     * A custom scorer; replaces the default one built from {@code genie}, {@code judge}, {@code concurrency},
     * {@code questionsPerMinute}, the timeouts and {@code attempts} (which are then ignored).
     */
    public Builder scorer(Scorer scorer) {
      this.scorer = Objects.requireNonNull(scorer, "scorer");
      return this;
    }

    /** A SQL executor the analyzer may use to probe data, and whose catalog checks fixes (optional). */
    public Builder sqlExecutor(SqlExecutor sqlExecutor) {
      this.sqlExecutor = Objects.requireNonNull(sqlExecutor, "sqlExecutor");
      return this;
    }

    /** Where the tuning benchmarks come from (default: the space's own {@code benchmarks} section). */
    public Builder benchmarks(BenchmarkSource benchmarks) {
      this.benchmarks = Objects.requireNonNull(benchmarks, "benchmarks");
      return this;
    }

    /** A held-out set, scored every iteration and never shown to the analyzer (default none). */
    public Builder heldOut(BenchmarkSource heldOut) {
      this.heldOut = Objects.requireNonNull(heldOut, "heldOut");
      return this;
    }

    /** How the default scorer judges answers (default {@code AnswerJudge.hybrid(sqlExecutor)}). */
    public Builder judge(AnswerJudge judge) {
      this.judge = Objects.requireNonNull(judge, "judge");
      return this;
    }

    /** Proposes fixes for failures (default {@link RuleBasedFailureAnalyzer#create()}). */
    public Builder analyzer(FailureAnalyzer analyzer) {
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
      return this;
    }

    /** Applies fixes to the space (default {@link FixApplier#standard()}). */
    public Builder fixApplier(FixApplier fixApplier) {
      this.fixApplier = Objects.requireNonNull(fixApplier, "fixApplier");
      return this;
    }

    /** When to stop (default {@link SelfHealingLoop#DEFAULT_STOP_POLICY}). */
    public Builder stopPolicy(StopPolicy stopPolicy) {
      this.stopPolicy = Objects.requireNonNull(stopPolicy, "stopPolicy");
      return this;
    }

    /** Adds a progress sink (events go to every sink, in the order added). */
    public Builder sink(ProgressSink sink) {
      this.sinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /** Replaces the progress sinks. */
    public Builder sinks(List<ProgressSink> sinks) {
      Objects.requireNonNull(sinks, "sinks");
      sinks.forEach(s -> Objects.requireNonNull(s, "sinks contains null"));
      this.sinks = new ArrayList<>(sinks);
      return this;
    }

    /** Questions in flight at once (default 4). */
    public Builder concurrency(int concurrency) {
      this.concurrency = Checks.atLeast(concurrency, 1, "concurrency");
      return this;
    }

    /** New Genie questions per minute (default 5, Genie's workspace limit); 0 disables rate limiting. */
    public Builder questionsPerMinute(int questionsPerMinute) {
      this.questionsPerMinute = Checks.atLeast(questionsPerMinute, 0, "questionsPerMinute");
      return this;
    }

    /** How long one question may take before it counts as timed out (default 120 s). */
    public Builder questionTimeout(Duration questionTimeout) {
      this.questionTimeout = Checks.positive(questionTimeout, "questionTimeout");
      return this;
    }

    /** How long scoring one set may take (default 1 h). */
    public Builder iterationTimeout(Duration iterationTimeout) {
      this.iterationTimeout = Checks.positive(iterationTimeout, "iterationTimeout");
      return this;
    }

    /** How many times each question is asked (k, default 1); the pass rate is over the attempts. */
    public Builder attempts(int attempts) {
      this.attempts = Checks.atLeast(attempts, 1, "attempts");
      return this;
    }

    /** How long to wait after each save for Genie to pick up the change (default 30 s; zero for none). */
    public Builder settleTime(Duration settleTime) {
      this.settleTime = Checks.notNegative(settleTime, "settleTime");
      return this;
    }

    /** Propose and report, but never save (default false). */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Reject proposals that copy a tuning or held-out benchmark (default true). */
    public Builder leakageGuard(boolean leakageGuard) {
      this.leakageGuard = leakageGuard;
      return this;
    }

    /** When a rescored space replaces the best one (default {@link AcceptanceRule#higherScore()}). */
    public Builder acceptance(AcceptanceRule acceptance) {
      this.acceptance = Objects.requireNonNull(acceptance, "acceptance");
      return this;
    }

    /** The loop's clock, for events, deadlines and the rate limiter (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the loop waits (settle time, rate limiting; default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Where run ids come from (default random UUIDs). */
    public Builder runId(Supplier<String> runIds) {
      this.runIds = Objects.requireNonNull(runIds, "runId");
      return this;
    }

    /**
     * The loop.
     *
     * @throws IllegalStateException naming the first missing collaborator
     */
    public SelfHealingLoop build() {
      Checks.required(spaceId, "spaceId");
      Checks.required(spaceStore, "spaceStore");
      if (scorer == null) {
        if (genie == null) {
          throw new IllegalStateException("genie is required (or a custom scorer)");
        }
        if (judge == null && sqlExecutor == null) {
          throw new IllegalStateException(
              "judge is required when there is neither a scorer nor a sqlExecutor for the default hybrid judge");
        }
      }
      return new SelfHealingLoop(this);
    }
  }
}
