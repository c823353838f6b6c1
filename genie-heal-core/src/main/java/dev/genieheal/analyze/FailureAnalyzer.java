package dev.genieheal.analyze;

import dev.genieheal.fix.Fix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.port.TokenUsage;
import dev.genieheal.score.QuestionResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Explains failures and proposes typed fixes.
 *
 * <p>Built-ins: {@link #rules()} ({@link RuleBasedFailureAnalyzer}, deterministic, no LLM), {@code LlmFailureAnalyzer}, and
 * {@link #composite(FailureAnalyzer...)}. An analyzer never throws for bad input or a failing model; it returns
 * rejected proposals with reasons. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface FailureAnalyzer {

  /** The deterministic rule-based analyzer with default options; see {@link RuleBasedFailureAnalyzer#builder()}. */
  static FailureAnalyzer rules() {
    return RuleBasedFailureAnalyzer.create();
  }

  /** Proposes fixes for the context's failures. */
  Analysis analyze(AnalysisContext context);

  /**
   * Runs analyzers in order; each sees only the failures no earlier analyzer proposed a fix for (a fix "covers" the
   * benchmarks in its {@link Fix#benchmarkIds()}). Proposals, rejections and token usage are concatenated.
   */
  static FailureAnalyzer composite(FailureAnalyzer... analyzers) {
    List<FailureAnalyzer> chain = List.of(analyzers);
    return context -> {
      List<Fix> proposed = new ArrayList<>();
      List<RejectedFix> rejected = new ArrayList<>();
      TokenUsage usage = TokenUsage.NONE;
      List<QuestionResult> remaining = context.failures();
      for (FailureAnalyzer analyzer : chain) {
        if (remaining.isEmpty()) {
          break;
        }
        Analysis analysis = analyzer.analyze(context.withFailures(remaining));
        proposed.addAll(analysis.proposed());
        rejected.addAll(analysis.rejected());
        usage = usage.plus(analysis.usage());
        Set<String> covered = new HashSet<>();
        analysis.proposed().forEach(f -> covered.addAll(f.benchmarkIds()));
        remaining = remaining.stream().filter(r -> !covered.contains(r.benchmark().id())).toList();
      }
      return new Analysis(proposed, rejected, usage);
    };
  }
}
