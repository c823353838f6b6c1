package dev.genieheal.samples.demo;

import dev.genieheal.BenchmarkSet;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.ProgressSink;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.score.QuestionResult;
import java.io.PrintStream;
import java.util.Locale;

/** Prints the loop's progress for a person watching: one line per question, a block per iteration. Thread-safe. */
final class DemoConsole implements ProgressSink {
  private final PrintStream out;

  DemoConsole(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(LoopEvent event) {
    StringBuilder s = new StringBuilder();
    if (event instanceof LoopEvent.Started e) {
      s.append(String.format(Locale.ROOT, "%nHealing space %s: %d tuning and %d held-out questions%n", e.spaceId(),
          e.tuningQuestions(), e.heldOutQuestions()));
    } else if (event instanceof LoopEvent.QuestionScored e) {
      QuestionResult r = e.result();
      s.append(String.format(Locale.ROOT, "  it%d %-8s %s %-4s %s%s", e.iteration(),
          e.set() == BenchmarkSet.HELD_OUT ? "held-out" : "tuning", r.passed() ? "pass" : "FAIL", r.benchmark().id(),
          r.benchmark().question(), e.category() == null ? "" : "  [" + e.category().id() + "]"));
    } else if (event instanceof LoopEvent.IterationFinished e) {
      IterationRecord r = e.record();
      s.append(String.format(Locale.ROOT, "Iteration %d: tuning %s (%d/%d)%s, %d Genie questions, %.1f s%n",
          r.iteration(), percent(r.score()), r.tuning().passedCount(), r.tuning().results().size(),
          r.heldOutScore().map(h -> ", held-out " + percent(h)).orElse(""),
          r.tuning().questionsAsked() + (r.heldOut() == null ? 0 : r.heldOut().questionsAsked()),
          r.duration().toMillis() / 1000.0));
      if (!r.failuresByCategory().isEmpty()) {
        s.append("  failures by category: ").append(r.failuresByCategory()).append('\n');
      }
      for (AppliedFix f : r.applied()) {
        s.append("  + applied ").append(f.fix().type()).append(" at ").append(f.path()).append('\n');
      }
      if (!r.rejected().isEmpty()) {
        s.append(String.format(Locale.ROOT, "  - %d proposals rejected%n", r.rejected().size()));
      }
      s.setLength(s.length() - 1);
    } else if (event instanceof LoopEvent.RolledBack e) {
      s.append(String.format(Locale.ROOT, "Iteration %d scored %s, below the best %s: rolled back %d fixes",
          e.iteration(), percent(e.score()), percent(e.bestScore()), e.rolledBack().size()));
    } else {
      return;
    }
    synchronized (out) {
      out.println(s);
      out.flush();
    }
  }

  static String percent(double score) {
    return String.format(Locale.ROOT, "%.0f%%", score * 100);
  }
}
