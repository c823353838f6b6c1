package dev.genieheal.doubles;

import dev.genieheal.analyze.Analysis;
import dev.genieheal.analyze.AnalysisContext;
import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.fix.Fix;
import dev.genieheal.port.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Answers queued analyses in order (then nothing) and records every context it was given. */
public final class ScriptedAnalyzer implements FailureAnalyzer {
  private final Deque<Analysis> script = new ArrayDeque<>();
  private final List<AnalysisContext> contexts = new ArrayList<>();
  private Consumer<AnalysisContext> onAnalyze = c -> { };

  public synchronized ScriptedAnalyzer then(Fix... fixes) {
    script.add(new Analysis(List.of(fixes), List.of(), TokenUsage.NONE));
    return this;
  }

  public synchronized ScriptedAnalyzer then(Analysis analysis) {
    script.add(analysis);
    return this;
  }

  public synchronized ScriptedAnalyzer onAnalyze(Consumer<AnalysisContext> hook) {
    this.onAnalyze = hook;
    return this;
  }

  @Override
  public synchronized Analysis analyze(AnalysisContext context) {
    contexts.add(context);
    onAnalyze.accept(context);
    Analysis next = script.poll();
    return next == null ? Analysis.empty() : next;
  }

  public synchronized List<AnalysisContext> contexts() {
    return List.copyOf(contexts);
  }
}
