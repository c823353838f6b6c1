package dev.genieheal;

import dev.genieheal.analyze.Analysis;
import dev.genieheal.analyze.AnalysisContext;
import dev.genieheal.analyze.FailureCategorizer;
import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.analyze.LeakageGuard;
import dev.genieheal.error.EtagConflictException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.Redactor;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.FixIdentity;
import dev.genieheal.fix.FixRequest;
import dev.genieheal.fix.FixResult;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import dev.genieheal.score.ScoringRequest;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.SpaceValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link SelfHealingLoop}: the mutable state of the loop, confined to the thread that called
 * {@code run()} (only question events arrive from scoring threads).
 */
final class LoopRun {
  private static final Logger LOG = LoggerFactory.getLogger(SelfHealingLoop.class);

  private final SelfHealingLoop loop;
  private final String runId;
  private final FailureCategorizer categorizer = FailureCategorizer.create();
  private final SpaceValidator validator = SpaceValidator.standard();
  /** Categories of this iteration's failed questions, by set and benchmark id; filled from scoring threads. */
  private final Map<String, FailureCategory> categories = new ConcurrentHashMap<>();

  private Instant startedAt;
  private StoredSpace stored;
  private GenieSpace bestSpace;
  private ScoreCard bestCard;
  private double baselineScore;
  private List<Benchmark> tuning;
  private List<Benchmark> heldOut;
  private LeakageGuard guard;
  private Catalog catalog;
  private final List<IterationRecord> history = new ArrayList<>();
  private final List<AppliedFix> kept = new ArrayList<>();
  private final List<RejectedFix> rejectedAll = new ArrayList<>();
  private final List<Fix> rolledBackFixes = new ArrayList<>();
  /** Fixes saved by the previous iteration and not yet judged by a rescore. */
  private List<AppliedFix> pending = List.of();
  private long questionsAsked;
  private long llmTokens;

  LoopRun(SelfHealingLoop loop) {
    this.loop = loop;
    this.runId = loop.runIds.get();
  }

  LoopResult execute() {
    startedAt = loop.clock.instant();
    stored = loop.spaceStore.load(loop.spaceId);
    bestSpace = stored.space();
    BenchmarkSource source = loop.benchmarks != null ? loop.benchmarks : BenchmarkSource.fromSpace(bestSpace);
    tuning = source.load();
    heldOut = loop.heldOut == null ? List.of() : loop.heldOut.load();
    if (tuning.isEmpty()) {
      throw new ValidationException(new Violation("$.benchmarks.questions", "benchmarks-required",
          "space " + loop.spaceId + " has no tuning benchmarks; add benchmarks to the space or pass a source"));
    }
    catalog = loadCatalog();
    emit(new LoopEvent.Started(runId, loop.clock.instant(), loop.spaceId, tuning.size(), heldOut.size(),
        loop.settings()));
    LoopResult result;
    try {
      result = iterate();
    } catch (RuntimeException e) {
      LOG.error("[{}] healing space {} failed", runId, loop.spaceId, e);
      result = finish(LoopStatus.FAILED, describe(e) + restoreUnjudgedChanges());
    }
    emit(new LoopEvent.Finished(runId, loop.clock.instant(), result));
    return result;
  }

  private LoopResult iterate() {
    for (int iteration = 0; ; iteration++) {
      Instant iterationStart = loop.clock.instant();
      ScoreCard card = score(BenchmarkSet.TUNING, tuning, iteration);
      ScoreCard heldOutCard = heldOut.isEmpty() ? null : score(BenchmarkSet.HELD_OUT, heldOut, iteration);
      boolean rolledBack = false;
      if (iteration == 0) {
        bestCard = card;
        baselineScore = card.score();
      } else if (loop.acceptance.accepts(card, bestCard)) {
        bestCard = card;
        bestSpace = stored.space();
        kept.addAll(pending);
        pending = List.of();
      } else {
        rollBack(iteration, card);
        rolledBack = true;
      }
      Map<FailureCategory, Integer> byCategory = failuresByCategory(card);
      IterationRecord scored = record(iteration, iterationStart, card, heldOutCard, byCategory, List.of(),
          List.of(), rolledBack);
      List<IterationRecord> withCurrent = new ArrayList<>(history);
      withCurrent.add(scored);
      StopDecision decision = loop.stopPolicy.decide(
          new LoopState(withCurrent, startedAt, loop.clock.instant(), questionsAsked, llmTokens));
      if (decision instanceof StopDecision.Stop stop) {
        finishIteration(scored, List.of());
        return finish(stop.status(), stop.reason());
      }

      List<RejectedFix> rejected = new ArrayList<>();
      FixResult fixed = propose(iteration, rejected);
      if (fixed.applied().isEmpty()) {
        finishIteration(record(iteration, iterationStart, card, heldOutCard, byCategory, List.of(), rejected,
            rolledBack), rejected);
        return finish(LoopStatus.NO_FIXES, "no fix could be applied to the remaining " + bestCard.failures().size()
            + " failures (" + rejected.size() + " proposals rejected)");
      }
      List<Violation> violations = validator.validate(fixed.space());
      if (!violations.isEmpty()) {
        fixed.applied().forEach(a -> rejected.add(RejectedFix.of(a.fix(), "not saved: the applier produced an invalid "
            + "space: " + violations.get(0))));
        finishIteration(record(iteration, iterationStart, card, heldOutCard, byCategory, List.of(), rejected,
            rolledBack), rejected);
        return finish(LoopStatus.FAILED, "the fix applier produced an invalid space (" + violations.size()
            + " violations, first: " + violations.get(0) + "); nothing was saved");
      }
      if (loop.dryRun) {
        finishIteration(record(iteration, iterationStart, card, heldOutCard, byCategory, fixed.applied(), rejected,
            rolledBack), rejected);
        return finish(LoopStatus.DRY_RUN, "dry run: " + fixed.applied().size() + " fixes proposed, "
            + rejected.size() + " rejected; nothing was saved");
      }
      try {
        stored = loop.spaceStore.save(loop.spaceId, fixed.space(), stored.etag());
      } catch (GenieHealException e) {
        String why = e instanceof EtagConflictException
            ? "space " + loop.spaceId + " was changed by someone else since it was loaded (etag conflict); "
                + "nothing was overwritten: " + Redactor.redact(e.getMessage())
            : "saving space " + loop.spaceId + " failed: " + describe(e);
        fixed.applied().forEach(a -> rejected.add(RejectedFix.of(a.fix(), "not saved: " + why)));
        finishIteration(record(iteration, iterationStart, card, heldOutCard, byCategory, List.of(), rejected,
            rolledBack), rejected);
        return finish(LoopStatus.FAILED, why);
      }
      pending = fixed.applied();
      settle();
      finishIteration(record(iteration, iterationStart, card, heldOutCard, byCategory, fixed.applied(), rejected,
          rolledBack), rejected);
    }
  }

  /** Analyses the best space's failures, filters the proposals and applies the rest in memory. */
  private FixResult propose(int iteration, List<RejectedFix> rejected) {
    Analysis analysis = loop.analyzer.analyze(new AnalysisContext(bestSpace, bestCard.failures(), tuning,
        rolledBackFixes, catalog, loop.sqlExecutor, iteration));
    llmTokens += analysis.usage().total();
    rejected.addAll(analysis.rejected());
    List<Fix> accepted = new ArrayList<>();
    Set<String> undoneIdentities = new HashSet<>();
    rolledBackFixes.forEach(f -> undoneIdentities.add(FixIdentity.of(f)));
    for (Fix fix : analysis.proposed()) {
      if (undoneIdentities.contains(FixIdentity.of(fix))) {
        rejected.add(RejectedFix.of(fix, "rolled back earlier because it lowered the score"));
        continue;
      }
      String leak = loop.leakageGuard ? guard().check(fix).orElse(null) : null;
      if (leak != null) {
        rejected.add(RejectedFix.of(fix, "leaks a benchmark: " + leak));
        continue;
      }
      accepted.add(fix);
    }
    if (accepted.isEmpty()) {
      return new FixResult(bestSpace, List.of(), List.of());
    }
    FixResult result = loop.fixApplier.apply(new FixRequest(bestSpace, accepted, catalog));
    rejected.addAll(result.rejected());
    return result;
  }

  /** The leakage guard over both sets, built on first use (it normalises every benchmark's SQL). */
  private LeakageGuard guard() {
    if (guard == null) {
      guard = LeakageGuard.of(Stream.concat(tuning.stream(), heldOut.stream()).toList());
    }
    return guard;
  }

  /** Saves the best space back over a worse one and tells everyone which fixes were undone. */
  private void rollBack(int iteration, ScoreCard card) {
    stored = loop.spaceStore.save(loop.spaceId, bestSpace, stored.etag());
    List<Fix> undone = pending.stream().map(AppliedFix::fix).toList();
    String why = "rolled back in iteration " + iteration + ": score " + StopPolicies.percent(card.score())
        + " not accepted against the best " + StopPolicies.percent(bestCard.score()) + " (" + loop.acceptance + ")";
    undone.forEach(f -> rejectedAll.add(RejectedFix.of(f, why)));
    rolledBackFixes.addAll(undone);
    pending = List.of();
    settle();
    emit(new LoopEvent.RolledBack(runId, loop.clock.instant(), iteration, card.score(), bestCard.score(), undone));
  }

  /** After an error: puts the best space back when unjudged changes are in place; says what happened. */
  private String restoreUnjudgedChanges() {
    if (pending.isEmpty() || stored == null) {
      return "";
    }
    try {
      stored = loop.spaceStore.save(loop.spaceId, bestSpace, stored.etag());
      pending.forEach(a -> rejectedAll.add(RejectedFix.of(a.fix(), "rolled back after the run failed")));
      pending = List.of();
      return "; the unscored changes were rolled back to the best space";
    } catch (RuntimeException e) {
      LOG.error("[{}] could not restore the best space of {}", runId, loop.spaceId, e);
      return "; the last " + pending.size() + " saved fixes were not scored and could not be rolled back ("
          + describe(e) + ")";
    }
  }

  private ScoreCard score(BenchmarkSet set, List<Benchmark> benchmarks, int iteration) {
    Set<String> reported = ConcurrentHashMap.newKeySet();
    if (set == BenchmarkSet.TUNING) {
      categories.clear();
    }
    ScoreCard card = loop.scorer.score(new ScoringRequest(loop.spaceId, benchmarks, runId, r -> {
      reported.add(r.benchmark().id());
      onQuestion(set, iteration, r);
    }));
    // A custom scorer may not call back; every question still gets its event and category.
    for (QuestionResult r : card.results()) {
      if (!reported.contains(r.benchmark().id())) {
        onQuestion(set, iteration, r);
      }
    }
    questionsAsked += card.questionsAsked();
    return card;
  }

  private void onQuestion(BenchmarkSet set, int iteration, QuestionResult result) {
    FailureCategory category = null;
    if (!result.passed()) {
      category = categorize(result);
      if (set == BenchmarkSet.TUNING) {
        categories.put(result.benchmark().id(), category);
      }
    }
    emit(new LoopEvent.QuestionScored(runId, loop.clock.instant(), iteration, set, result, category));
  }

  private FailureCategory categorize(QuestionResult result) {
    try {
      return categorizer.categorize(result).category();
    } catch (RuntimeException e) {
      LOG.warn("[{}] categorizing benchmark {} failed; counted as unknown", runId, result.benchmark().id(), e);
      return FailureCategory.UNKNOWN;
    }
  }

  private Map<FailureCategory, Integer> failuresByCategory(ScoreCard card) {
    Map<FailureCategory, Integer> counts = new EnumMap<>(FailureCategory.class);
    for (QuestionResult r : card.failures()) {
      counts.merge(categories.getOrDefault(r.benchmark().id(), FailureCategory.UNKNOWN), 1, Integer::sum);
    }
    return counts;
  }

  private IterationRecord record(int iteration, Instant start, ScoreCard card, ScoreCard heldOutCard,
      Map<FailureCategory, Integer> byCategory, List<AppliedFix> applied, List<RejectedFix> rejected,
      boolean rolledBack) {
    Instant now = loop.clock.instant();
    double previous = history.isEmpty() ? card.score() : history.get(history.size() - 1).score();
    return new IterationRecord(iteration, now, card, heldOutCard, card.score() - previous, byCategory, applied,
        rejected, rolledBack, Duration.between(start, now), eta(now));
  }

  /** A linear estimate from the baseline to the best score so far; null when not improving or no target. */
  private Duration eta(Instant now) {
    OptionalDouble target = loop.stopPolicy.target();
    if (target.isEmpty() || bestCard == null) {
      return null;
    }
    double best = bestCard.score();
    if (best >= target.getAsDouble()) {
      return Duration.ZERO;
    }
    double gained = best - baselineScore;
    if (gained <= 0) {
      return null;
    }
    double elapsedMillis = Duration.between(startedAt, now).toMillis();
    return Duration.ofMillis(Math.round(elapsedMillis * (target.getAsDouble() - best) / gained));
  }

  private void finishIteration(IterationRecord record, List<RejectedFix> rejected) {
    rejectedAll.addAll(rejected);
    history.add(record);
    if (!rejected.isEmpty()) {
      emit(new LoopEvent.FixesRejected(runId, loop.clock.instant(), record.iteration(), rejected));
    }
    emit(new LoopEvent.IterationFinished(runId, loop.clock.instant(), record));
  }

  private LoopResult finish(LoopStatus status, String reason) {
    double best = history.stream().mapToDouble(IterationRecord::score).max().orElse(baselineScore);
    double finalScore = bestCard == null ? 0.0 : bestCard.score();
    return new LoopResult(runId, status, reason, baselineScore, finalScore, best, history.size(),
        Duration.between(startedAt, loop.clock.instant()), history, stored.space(), kept, rejectedAll,
        loop.dryRun);
  }

  private void settle() {
    try {
      loop.sleeper.sleep(loop.settleTime);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenieHealException("interrupted while waiting for space " + loop.spaceId + " to settle", e);
    }
  }

  private Catalog loadCatalog() {
    if (loop.sqlExecutor == null) {
      return null;
    }
    try {
      return loop.sqlExecutor.catalog().orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("[{}] could not read the warehouse catalog; fixes are checked without it", runId, e);
      return null;
    }
  }

  private void emit(LoopEvent event) {
    FanOutSink.deliver(loop.sinks, event);
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + ": " + Redactor.redact(e.getMessage());
  }
}
