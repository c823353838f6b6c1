package dev.genieheal.report;

import dev.genieheal.BenchmarkSet;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.fix.TextInstructionFix;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A synthetic four-iteration run (baseline, two kept iterations around one rolled back) whose questions, fix reasons,
 * model output and Genie answers carry hostile markup, built by hand: core's tests cannot use the testkit.
 */
final class ReportRun {
  static final String RUN_ID = "run-42";
  static final String SPACE_ID = "01ef00000000000000000000000000aa";
  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  /** Sets an attribute on the body if it ever runs; the browser test looks for it. */
  static final String SCRIPT = "<script>document.body.setAttribute('data-pwned','1')</script>";
  static final String ATTRIBUTE_BREAKER = "\" onmouseover=\"document.body.setAttribute('data-pwned','2')\" x=\"";
  static final String HOSTILE_QUESTION = "What is total revenue? " + SCRIPT;
  static final String HOSTILE_REASON = "questions say revenue " + SCRIPT + ATTRIBUTE_BREAKER;
  static final String HOSTILE_MODEL_OUTPUT = "Sure! <img src=x onerror=alert(1)> {\"type\": \"nonsense\"}";
  static final String HOSTILE_GENIE_SQL = "SELECT '</td><script>alert(2)</script>' AS x";

  static final List<Benchmark> TUNING = List.of(
      new Benchmark("t1", HOSTILE_QUESTION, "SELECT sum(amount) FROM shop.sales.orders"),
      new Benchmark("t2", "orders per client", "SELECT customer_id, count(*) FROM shop.sales.orders GROUP BY 1"),
      new Benchmark("t3", "how many orders are there", "SELECT count(*) FROM shop.sales.orders"),
      new Benchmark("t4", "largest order", "SELECT max(amount) FROM shop.sales.orders"),
      new Benchmark("t5", "orders in 2024", "SELECT count(*) FROM shop.sales.orders WHERE year = 2024"));
  static final List<Benchmark> HELD_OUT = List.of(
      new Benchmark("h1", "revenue last year " + ATTRIBUTE_BREAKER, "SELECT sum(amount) FROM o WHERE year = 2024"),
      new Benchmark("h2", "number of orders", "SELECT count(*) FROM o"));

  static final ColumnSynonymsFix REVENUE = new ColumnSynonymsFix("shop.sales.orders", "amount", List.of("revenue"),
      HOSTILE_REASON, List.of("t1"));
  static final ColumnSynonymsFix POISON = new ColumnSynonymsFix("shop.sales.orders", "customer_id",
      List.of("amount"), "a bad idea", List.of("t2"));
  static final ColumnSynonymsFix CLIENT = new ColumnSynonymsFix("shop.sales.orders", "customer_id",
      List.of("client"), "questions say client", List.of("t2"));
  static final TextInstructionFix ALREADY = new TextInstructionFix("Revenue means amount.", "known", List.of());

  private ReportRun() {}

  /** Passing questions: iteration 0 {t3,t4}; 1 {t1,t3,t4}; 2 (rolled back) {t3}; 3 {t1,t2,t3,t4}. */
  private static final IntPredicate[] PASSES = {
      i -> i == 2 || i == 3,
      i -> i == 0 || i == 2 || i == 3,
      i -> i == 2,
      i -> i != 4,
  };

  static QuestionResult result(Benchmark b, boolean passed) {
    GenieAnswer answer = b.id().equals("t5") ? GenieAnswer.failed("SQL_EXECUTION_EXCEPTION",
        "table not found <b>o</b>", Duration.ofMillis(900))
        : GenieAnswer.sql(b.id().equals("t1") ? HOSTILE_GENIE_SQL : "SELECT 1", null, Duration.ofMillis(1200));
    Verdict verdict = passed ? Verdict.pass(JudgeMethod.RESULT_COMPARISON, "")
        : Verdict.fail(JudgeMethod.RESULT_COMPARISON, List.of(ReasonCode.RESULT_MISSING_ROWS),
            "first differing row: <tr>2024</tr>");
    return QuestionResult.of(b, new Attempt(answer, verdict));
  }

  static ScoreCard tuning(int iteration) {
    List<QuestionResult> results = new ArrayList<>();
    for (int i = 0; i < TUNING.size(); i++) {
      results.add(result(TUNING.get(i), PASSES[iteration].test(i)));
    }
    return new ScoreCard(results);
  }

  static ScoreCard heldOut(int iteration) {
    return new ScoreCard(List.of(result(HELD_OUT.get(0), iteration == 1 || iteration == 3),
        result(HELD_OUT.get(1), true)));
  }

  static FailureCategory category(int index) {
    return index == 4 ? FailureCategory.EXECUTION_FAILED
        : index == 0 ? FailureCategory.MISSING_COLUMN : FailureCategory.WRONG_FILTER;
  }

  /** The events of the whole run, as the loop would send them. */
  static List<LoopEvent> events() {
    List<LoopEvent> events = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("stopPolicy", "anyOf(targetScore(0.8), maxIterations(5))");
    settings.put("dryRun", "false");
    settings.put("scorer", "GenieScorer[" + SCRIPT + "]");
    events.add(new LoopEvent.Started(RUN_ID, T0, SPACE_ID, TUNING.size(), HELD_OUT.size(), settings));
    Instant at = T0;
    double previous = 0;
    for (int it = 0; it <= 3; it++) {
      ScoreCard tuning = tuning(it);
      ScoreCard heldOut = heldOut(it);
      Map<FailureCategory, Integer> byCategory = new EnumMap<>(FailureCategory.class);
      for (int i = 0; i < TUNING.size(); i++) {
        QuestionResult r = tuning.results().get(i);
        FailureCategory c = r.passed() ? null : category(i);
        if (c != null) {
          byCategory.merge(c, 1, Integer::sum);
        }
        at = at.plusSeconds(2);
        events.add(new LoopEvent.QuestionScored(RUN_ID, at, it, BenchmarkSet.TUNING, r, c));
      }
      for (QuestionResult r : heldOut.results()) {
        at = at.plusSeconds(2);
        events.add(new LoopEvent.QuestionScored(RUN_ID, at, it, BenchmarkSet.HELD_OUT, r,
            r.passed() ? null : FailureCategory.WRONG_FILTER));
      }
      boolean rolledBack = it == 2;
      if (rolledBack) {
        events.add(new LoopEvent.RolledBack(RUN_ID, at, 2, tuning.score(), 0.6, List.<Fix>of(POISON)));
      }
      List<AppliedFix> applied = switch (it) {
        case 0 -> List.of(new AppliedFix(REVENUE, "$.data_sources.tables[0].column_configs[0]",
            "{\"column_name\":\"amount\"}", "{\"column_name\":\"amount\",\"synonyms\":[\"revenue\"]}"));
        case 1 -> List.of(new AppliedFix(POISON, "$.data_sources.tables[0].column_configs[1]",
            "{\"column_name\":\"customer_id\"}", "{\"column_name\":\"customer_id\",\"synonyms\":[\"amount\"]}"));
        case 2 -> List.of(new AppliedFix(CLIENT, "$.data_sources.tables[0].column_configs[1]",
            "{\"column_name\":\"customer_id\"}", "{\"column_name\":\"customer_id\",\"synonyms\":[\"client\"]}"));
        default -> List.of();
      };
      List<RejectedFix> rejected = it == 0
          ? List.of(new RejectedFix(null, HOSTILE_MODEL_OUTPUT, "not a fix: unknown type nonsense " + SCRIPT),
              RejectedFix.of(ALREADY, RejectedFix.ALREADY_PRESENT + ": the rule is there"))
          : it == 2 ? List.of(RejectedFix.of(POISON, "rolled back earlier because it lowered the score"))
          : List.of();
      Duration duration = Duration.ofSeconds(14 + it);
      at = at.plus(duration);
      IterationRecord record = new IterationRecord(it, at, tuning, heldOut, it == 0 ? 0 : tuning.score() - previous,
          byCategory, applied, rejected, rolledBack, duration, null);
      previous = tuning.score();
      if (!rejected.isEmpty()) {
        events.add(new LoopEvent.FixesRejected(RUN_ID, at, it, rejected));
      }
      events.add(new LoopEvent.IterationFinished(RUN_ID, at, record));
    }
    events.add(new LoopEvent.Finished(RUN_ID, at, result(events)));
    return events;
  }

  private static LoopResult result(List<LoopEvent> events) {
    List<IterationRecord> history = events.stream().filter(e -> e instanceof LoopEvent.IterationFinished)
        .map(e -> ((LoopEvent.IterationFinished) e).record()).toList();
    List<AppliedFix> kept = List.of(history.get(0).applied().get(0), history.get(2).applied().get(0));
    return new LoopResult(RUN_ID, LoopStatus.TARGET_REACHED, "tuning score 80% reached the target 80% "
        + SCRIPT, 0.4, 0.8, 0.8, history.size(), Duration.ofSeconds(95), history, GenieSpace.empty(), kept,
        history.stream().flatMap(r -> r.rejected().stream()).toList(), false);
  }

  /** The events up to and including the given iteration's {@code IterationFinished}. */
  static List<LoopEvent> eventsThrough(int iteration) {
    List<LoopEvent> all = events();
    List<LoopEvent> out = new ArrayList<>();
    for (LoopEvent e : all) {
      out.add(e);
      if (e instanceof LoopEvent.IterationFinished f && f.record().iteration() == iteration) {
        break;
      }
    }
    return out;
  }
}
