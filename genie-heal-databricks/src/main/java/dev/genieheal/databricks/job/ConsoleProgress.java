package dev.genieheal.databricks.job;

import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.ProgressSink;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the job's progress, one line per question and a few per iteration, to the job's output. Thread-safe. */
final class ConsoleProgress implements ProgressSink {
  private final PrintStream out;

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(LoopEvent event) {
    String line;
    if (event instanceof LoopEvent.Started s) {
      line = String.format(Locale.ROOT, "genie-heal run %s on space %s: %d tuning and %d held-out questions",
          s.runId(), s.spaceId(), s.tuningQuestions(), s.heldOutQuestions());
    } else if (event instanceof LoopEvent.QuestionScored q) {
      QuestionResult r = q.result();
      Attempt a = r.representative();
      String reasons = a.verdict().reasons().stream().map(Enum::name).collect(Collectors.joining(","));
      line = String.format(Locale.ROOT, "  [iteration %d %s] %s %s \"%s\" (%s%s, %d ms)", q.iteration(),
          q.set() == null ? "" : q.set().name().toLowerCase(Locale.ROOT), r.passed() ? "PASS" : "FAIL",
          r.benchmark().id(), abbreviate(r.benchmark().question()), a.verdict().method(),
          reasons.isEmpty() ? "" : " " + reasons, a.answer().latency().toMillis());
    } else if (event instanceof LoopEvent.IterationFinished it) {
      IterationRecord r = it.record();
      line = String.format(Locale.ROOT, "iteration %d: score %.3f (%+.3f), %d/%d passed%s, %d fixes applied, "
              + "%d rejected, %.1f s", r.iteration(), r.score(), r.delta(), r.tuning().passedCount(),
          r.tuning().results().size(), r.heldOutScore().map(h -> String.format(Locale.ROOT, ", held-out %.3f", h))
              .orElse(""), r.applied().size(), r.rejected().size(), r.duration().toMillis() / 1000.0);
    } else if (event instanceof LoopEvent.RolledBack rb) {
      line = String.format(Locale.ROOT, "iteration %d scored %.3f, below the best %.3f: rolled back %d fixes",
          rb.iteration(), rb.score(), rb.bestScore(), rb.rolledBack().size());
    } else if (event instanceof LoopEvent.FixesRejected fr) {
      line = String.format(Locale.ROOT, "iteration %d: %d proposals rejected", fr.iteration(), fr.rejected().size());
    } else if (event instanceof LoopEvent.Finished f) {
      LoopResult r = f.result();
      line = String.format(Locale.ROOT, "finished %s after %d iterations: score %.3f -> %.3f (best %.3f)%s%s",
          r.status(), r.iterations(), r.baselineScore(), r.finalScore(), r.bestScore(),
          r.stopReason().isEmpty() ? "" : " — " + r.stopReason(), r.dryRun() ? " [dry run]" : "");
    } else {
      return;
    }
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private static String abbreviate(String s) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= 70 ? flat : flat.substring(0, 67) + "...";
  }
}
