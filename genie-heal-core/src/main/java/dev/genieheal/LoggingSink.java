package dev.genieheal;

import dev.genieheal.score.QuestionResult;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs loop progress through slf4j. */
final class LoggingSink implements ProgressSink {
  static final LoggingSink INSTANCE = new LoggingSink();
  private static final Logger LOG = LoggerFactory.getLogger("dev.genieheal.progress");

  private LoggingSink() {}

  @Override
  public void accept(LoopEvent event) {
    if (event instanceof LoopEvent.QuestionScored q) {
      if (LOG.isDebugEnabled()) {
        QuestionResult r = q.result();
        LOG.debug("[{}] iteration {} {} {} {}{}: {}", q.runId(), q.iteration(), q.set(), r.benchmark().id(),
            r.passed() ? "passed" : "failed", q.category() == null ? "" : " (" + q.category().id() + ")",
            r.representative().verdict().explanation());
      }
    } else if (event instanceof LoopEvent.Started s) {
      LOG.info("[{}] healing space {}: {} tuning and {} held-out questions, settings {}", s.runId(), s.spaceId(),
          s.tuningQuestions(), s.heldOutQuestions(), s.settings());
    } else if (event instanceof LoopEvent.IterationFinished f) {
      IterationRecord r = f.record();
      LOG.info("[{}] iteration {}: score {} ({}){}, {} applied, {} rejected{}, failures {}, took {}{}", f.runId(),
          r.iteration(), StopPolicies.percent(r.score()), signed(r.delta()),
          r.heldOutScore().map(h -> ", held-out " + StopPolicies.percent(h)).orElse(""), r.applied().size(),
          r.rejected().size(), r.rolledBack() ? ", rolled back" : "", r.failuresByCategory(), r.duration(),
          r.eta().map(e -> ", ETA to target " + e).orElse(""));
    } else if (event instanceof LoopEvent.RolledBack b) {
      LOG.info("[{}] iteration {} scored {} below the best {}: rolled back {} fixes", b.runId(), b.iteration(),
          StopPolicies.percent(b.score()), StopPolicies.percent(b.bestScore()), b.rolledBack().size());
    } else if (event instanceof LoopEvent.FixesRejected r) {
      LOG.info("[{}] iteration {}: {} proposals rejected", r.runId(), r.iteration(), r.rejected().size());
      r.rejected().forEach(x -> LOG.debug("[{}] rejected {}: {}", r.runId(),
          x.fix() == null ? "proposal" : x.fix().type(), x.reason()));
    } else if (event instanceof LoopEvent.Finished f) {
      LoopResult r = f.result();
      LOG.info("[{}] finished {}: {}; score {} -> {} (best {}) in {} iterations, {}{}", r.runId(), r.status(),
          r.stopReason(), StopPolicies.percent(r.baselineScore()), StopPolicies.percent(r.finalScore()),
          StopPolicies.percent(r.bestScore()), r.iterations(), r.duration(), r.dryRun() ? " (dry run)" : "");
    }
  }

  private static String signed(double delta) {
    return String.format(Locale.ROOT, "%+.1f points", delta * 100);
  }

  @Override
  public String toString() {
    return "logging";
  }
}
