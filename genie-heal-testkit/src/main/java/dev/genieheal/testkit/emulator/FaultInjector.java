package dev.genieheal.testkit.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides which faults a request suffers: first the one-shot queue (in the order faults were enqueued), then the
 * standing rules in order. Each rule draws from its own generator (seed mixed with the rule's position), so traffic
 * on one route does not change the draws on another. Thread-safe.
 */
final class FaultInjector {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long seed;
  private final List<Rule> rules = new ArrayList<>();
  private final LinkedList<OneShot> queue = new LinkedList<>();

  FaultInjector(long seed, List<FaultRule> initial) {
    this.seed = seed;
    initial.forEach(this::add);
  }

  synchronized void add(FaultRule rule) {
    rules.add(new Rule(rule, new SplittableRandom(seed ^ (GOLDEN * (rules.size() + 1)))));
  }

  synchronized void enqueue(RequestMatcher matcher, Fault fault, int times) {
    queue.add(new OneShot(matcher, fault, times));
  }

  synchronized void clear() {
    rules.clear();
    queue.clear();
  }

  /** The faults for this request, in order; a non-latency fault is always last. */
  synchronized List<Fault> select(RecordedRequest request) {
    List<Fault> out = new ArrayList<>();
    for (Iterator<OneShot> it = queue.iterator(); it.hasNext(); ) {
      OneShot shot = it.next();
      if (shot.matcher.matches(request)) {
        out.add(shot.fault);
        if (--shot.remaining == 0) {
          it.remove();
        }
        if (!(shot.fault instanceof Fault.Latency)) {
          return out;
        }
      }
    }
    for (Rule rule : rules) {
      if (rule.rule.matcher().matches(request) && rule.random.nextDouble() < rule.rule.rate()) {
        out.add(rule.rule.fault());
        if (!(rule.rule.fault() instanceof Fault.Latency)) {
          return out;
        }
      }
    }
    return out;
  }

  private static final class Rule {
    final FaultRule rule;
    final SplittableRandom random;

    Rule(FaultRule rule, SplittableRandom random) {
      this.rule = rule;
      this.random = random;
    }
  }

  private static final class OneShot {
    final RequestMatcher matcher;
    final Fault fault;
    int remaining;

    OneShot(RequestMatcher matcher, Fault fault, int remaining) {
      this.matcher = matcher;
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
