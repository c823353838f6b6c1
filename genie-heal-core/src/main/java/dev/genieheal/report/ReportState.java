package dev.genieheal.report;

import dev.genieheal.BenchmarkSet;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.RejectedFix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the report shows, accumulated from one run's events. A new {@link LoopEvent.Started} starts over. Not
 * API; not thread-safe (the sink guards it).
 */
final class ReportState {
  /** Settings key a run may use to state its target score directly, as a fraction in [0, 1]. */
  static final String TARGET_SETTING = "target";
  private static final Pattern TARGET_IN_POLICY =
      Pattern.compile("targetScore\\(([0-9]*\\.?[0-9]+(?:[eE]-?[0-9]+)?)\\)");

  private LoopEvent.Started started;
  private final Map<Integer, IterationRecord> records = new TreeMap<>();
  private final Map<Integer, List<RejectedFix>> rejected = new TreeMap<>();
  private final List<LoopEvent.RolledBack> rollbacks = new ArrayList<>();
  private QuestionMatrix matrix = new QuestionMatrix();
  private LoopResult result;

  /** Takes in one event. */
  void accept(LoopEvent event) {
    if (event instanceof LoopEvent.Started s) {
      started = s;
      records.clear();
      rejected.clear();
      rollbacks.clear();
      matrix = new QuestionMatrix();
      result = null;
    } else if (event instanceof LoopEvent.QuestionScored q) {
      if (q.set() != null && q.result() != null) {
        matrix.add(q.iteration(), q.set(), q.result(), q.category());
      }
    } else if (event instanceof LoopEvent.FixesRejected r) {
      rejected.put(r.iteration(), r.rejected());
    } else if (event instanceof LoopEvent.RolledBack b) {
      rollbacks.add(b);
    } else if (event instanceof LoopEvent.IterationFinished f && f.record() != null) {
      IterationRecord record = f.record();
      records.put(record.iteration(), record);
      if (!record.rejected().isEmpty()) {
        rejected.put(record.iteration(), record.rejected());
      }
      matrix.addCard(record.iteration(), BenchmarkSet.TUNING, record.tuning());
      matrix.addCard(record.iteration(), BenchmarkSet.HELD_OUT, record.heldOut());
    } else if (event instanceof LoopEvent.Finished f) {
      result = f.result();
    }
  }

  /** The start event, or null before the run started. */
  LoopEvent.Started started() {
    return started;
  }

  /** The finished iterations in order. */
  List<IterationRecord> records() {
    return List.copyOf(records.values());
  }

  /** The rejected proposals per iteration, in iteration order. */
  Map<Integer, List<RejectedFix>> rejected() {
    return rejected;
  }

  /** The question grid. */
  QuestionMatrix matrix() {
    return matrix;
  }

  /** The result, or null while the run is going on. */
  LoopResult result() {
    return result;
  }

  /** The iteration in which a fix applied in {@code appliedIn} was rolled back, or -1 when it was not. */
  int rolledBackIn(Fix fix, int appliedIn) {
    for (LoopEvent.RolledBack b : rollbacks) {
      if (b.iteration() > appliedIn && b.rolledBack().contains(fix)) {
        return b.iteration();
      }
    }
    return -1;
  }

  /**
   * The run's target score: the {@value #TARGET_SETTING} setting, else the first {@code targetScore(x)} in the
   * stop policy's description; empty when neither is there.
   */
  OptionalDouble target() {
    if (started == null) {
      return OptionalDouble.empty();
    }
    String explicit = started.settings().get(TARGET_SETTING);
    if (explicit != null) {
      try {
        double t = Double.parseDouble(explicit.trim());
        if (t >= 0 && t <= 1) {
          return OptionalDouble.of(t);
        }
      } catch (NumberFormatException e) {
        // fall through to the stop policy's description
      }
    }
    String policy = started.settings().get("stopPolicy");
    if (policy != null) {
      Matcher m = TARGET_IN_POLICY.matcher(policy);
      if (m.find()) {
        double t = Double.parseDouble(m.group(1));
        if (t >= 0 && t <= 1) {
          return OptionalDouble.of(t);
        }
      }
    }
    return OptionalDouble.empty();
  }
}
