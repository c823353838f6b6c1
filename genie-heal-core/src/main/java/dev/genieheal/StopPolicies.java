package dev.genieheal;

import dev.genieheal.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The built-in stop policies, as records (values with equals and toString). Not public API: use the factories. */
final class StopPolicies {
  private StopPolicies() {}

  static String percent(double score) {
    return String.format(Locale.ROOT, "%.1f%%", score * 100);
  }

  /** The best score among history[0, end). */
  private static double bestBefore(List<IterationRecord> history, int end) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < end; i++) {
      best = Math.max(best, history.get(i).score());
    }
    return best;
  }

  record TargetScore(double score) implements StopPolicy {
    TargetScore {
      Checks.fraction(score, "target");
    }

    @Override
    public StopDecision decide(LoopState state) {
      return state.score() >= score
          ? StopDecision.stop(LoopStatus.TARGET_REACHED,
              "tuning score " + percent(state.score()) + " reached the target " + percent(score))
          : StopDecision.proceed();
    }

    @Override
    public OptionalDouble target() {
      return OptionalDouble.of(score);
    }

    @Override
    public String toString() {
      return "targetScore(" + score + ")";
    }
  }

  record MaxIterations(int iterations) implements StopPolicy {
    MaxIterations {
      Checks.atLeast(iterations, 0, "iterations");
    }

    @Override
    public StopDecision decide(LoopState state) {
      return state.iteration() >= iterations
          ? StopDecision.stop(LoopStatus.MAX_ITERATIONS, "reached the limit of " + iterations + " iterations")
          : StopDecision.proceed();
    }

    @Override
    public String toString() {
      return "maxIterations(" + iterations + ")";
    }
  }

  record Plateau(double minImprovement, int iterations) implements StopPolicy {
    Plateau {
      Checks.fraction(minImprovement, "minImprovement");
      Checks.atLeast(iterations, 1, "iterations");
    }

    @Override
    public StopDecision decide(LoopState state) {
      List<IterationRecord> history = state.history();
      if (history.size() < iterations + 1) {
        return StopDecision.proceed();
      }
      for (int i = history.size() - iterations; i < history.size(); i++) {
        if (history.get(i).score() - bestBefore(history, i) >= minImprovement) {
          return StopDecision.proceed();
        }
      }
      return StopDecision.stop(LoopStatus.PLATEAU, "the best score improved by less than "
          + percent(minImprovement) + " in each of the last " + iterations + " iterations");
    }

    @Override
    public String toString() {
      return "plateau(" + minImprovement + ", " + iterations + ")";
    }
  }

  record Degradation(int consecutiveDrops) implements StopPolicy {
    Degradation {
      Checks.atLeast(consecutiveDrops, 1, "consecutiveDrops");
    }

    @Override
    public StopDecision decide(LoopState state) {
      List<IterationRecord> history = state.history();
      if (history.size() < consecutiveDrops + 1) {
        return StopDecision.proceed();
      }
      for (int i = history.size() - consecutiveDrops; i < history.size(); i++) {
        if (history.get(i).score() >= bestBefore(history, i)) {
          return StopDecision.proceed();
        }
      }
      return StopDecision.stop(LoopStatus.DEGRADED, "the last " + consecutiveDrops
          + " iterations each scored below the best earlier score " + percent(state.bestScore()));
    }

    @Override
    public String toString() {
      return "degradation(" + consecutiveDrops + ")";
    }
  }

  record Deadline(Duration limit) implements StopPolicy {
    Deadline {
      Checks.positive(limit, "limit");
    }

    @Override
    public StopDecision decide(LoopState state) {
      return state.elapsed().compareTo(limit) >= 0
          ? StopDecision.stop(LoopStatus.DEADLINE, "the deadline of " + limit + " passed after " + state.elapsed())
          : StopDecision.proceed();
    }

    @Override
    public String toString() {
      return "deadline(" + limit + ")";
    }
  }

  record QuestionBudget(long maxQuestions) implements StopPolicy {
    QuestionBudget {
      Checks.positive(maxQuestions, "maxQuestions");
    }

    @Override
    public StopDecision decide(LoopState state) {
      IterationRecord latest = state.latest();
      long perIteration = latest.tuning().questionsAsked()
          + (latest.heldOut() == null ? 0 : latest.heldOut().questionsAsked());
      long asked = state.questionsAsked();
      return asked >= maxQuestions || asked + perIteration > maxQuestions
          ? StopDecision.stop(LoopStatus.BUDGET_EXHAUSTED, "asked " + asked + " of " + maxQuestions
              + " Genie questions; another iteration needs " + perIteration)
          : StopDecision.proceed();
    }

    @Override
    public String toString() {
      return "questionBudget(" + maxQuestions + ")";
    }
  }

  record TokenBudget(long maxTokens) implements StopPolicy {
    TokenBudget {
      Checks.positive(maxTokens, "maxTokens");
    }

    @Override
    public StopDecision decide(LoopState state) {
      return state.llmTokens() >= maxTokens
          ? StopDecision.stop(LoopStatus.BUDGET_EXHAUSTED,
              "spent " + state.llmTokens() + " of " + maxTokens + " LLM tokens")
          : StopDecision.proceed();
    }

    @Override
    public String toString() {
      return "tokenBudget(" + maxTokens + ")";
    }
  }

  private static List<StopPolicy> requirePolicies(List<StopPolicy> policies) {
    List<StopPolicy> copy = List.copyOf(policies);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("at least one policy is required");
    }
    return copy;
  }

  private static String describe(String name, List<StopPolicy> policies) {
    return policies.stream().map(String::valueOf).collect(Collectors.joining(", ", name + "(", ")"));
  }

  private static OptionalDouble firstTarget(List<StopPolicy> policies) {
    return policies.stream().map(StopPolicy::target).filter(OptionalDouble::isPresent).findFirst()
        .orElse(OptionalDouble.empty());
  }

  record AnyOf(List<StopPolicy> policies) implements StopPolicy {
    AnyOf {
      policies = requirePolicies(policies);
    }

    @Override
    public StopDecision decide(LoopState state) {
      for (StopPolicy policy : policies) {
        StopDecision decision = policy.decide(state);
        if (decision.stops()) {
          return decision;
        }
      }
      return StopDecision.proceed();
    }

    @Override
    public OptionalDouble target() {
      return firstTarget(policies);
    }

    @Override
    public String toString() {
      return describe("anyOf", policies);
    }
  }

  record AllOf(List<StopPolicy> policies) implements StopPolicy {
    AllOf {
      policies = requirePolicies(policies);
    }

    @Override
    public StopDecision decide(LoopState state) {
      List<StopDecision.Stop> stops = new ArrayList<>();
      for (StopPolicy policy : policies) {
        StopDecision decision = policy.decide(state);
        if (decision instanceof StopDecision.Stop stop) {
          stops.add(stop);
        }
      }
      if (stops.size() < policies.size()) {
        return StopDecision.proceed();
      }
      return StopDecision.stop(stops.get(0).status(),
          String.join("; ", stops.stream().map(StopDecision.Stop::reason).toList()));
    }

    @Override
    public OptionalDouble target() {
      return firstTarget(policies);
    }

    @Override
    public String toString() {
      return describe("allOf", policies);
    }
  }
}
