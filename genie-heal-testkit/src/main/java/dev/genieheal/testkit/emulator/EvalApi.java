package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.port.GenieAnswer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Genie eval-run routes: create (all or selected benchmark ids of the space's export), get, list, list results,
 * result details. Each benchmark is asked of Genie, both SQLs run on the warehouse, and the {@link EvalJudge}
 * assesses; the run then shows NOT_STARTED → RUNNING → DONE per its progression. Thread-safe.
 */
final class EvalApi {
  private final SpaceRegistry spaces;
  private final Backends backends;
  private final EvalJudge judge;
  private final Ids ids;
  private final Clock clock;
  private final StatusProgression progression;
  private final int chunkRows;
  private final Map<String, Run> runs = new LinkedHashMap<>();

  EvalApi(SpaceRegistry spaces, Backends backends, EvalJudge judge, Ids ids, Clock clock,
      StatusProgression progression, int chunkRows) {
    this.spaces = spaces;
    this.backends = backends;
    this.judge = judge;
    this.ids = ids;
    this.clock = clock;
    this.progression = progression;
    this.chunkRows = chunkRows;
  }

  EmulatorResponse create(Call call) {
    String spaceId = call.param(0);
    List<SpaceRegistry.BenchmarkItem> all = spaces.benchmarks(spaceId);
    List<String> wanted = Json.textList(call.body(), "benchmark_question_ids");
    List<SpaceRegistry.BenchmarkItem> chosen = choose(spaceId, all, wanted);
    long created = clock.millis();
    Run run = new Run(ids.id(), spaceId, created, new Progress(progression, clock.instant()));
    for (SpaceRegistry.BenchmarkItem item : chosen) {
      run.results.add(evaluate(spaceId, item));
    }
    synchronized (this) {
      runs.put(run.evalRunId, run);
      return Json.ok(render(run, run.progress.current("DONE")));
    }
  }

  synchronized EmulatorResponse get(Call call) {
    Run run = run(call);
    return Json.ok(render(run, run.progress.observe(clock.instant(), "DONE")));
  }

  synchronized EmulatorResponse list(Call call) {
    String spaceId = call.param(0);
    spaces.get(spaceId);
    List<Run> mine = new ArrayList<>();
    runs.values().stream().filter(r -> r.spaceId.equals(spaceId)).forEach(mine::add);
    return Json.ok(Page.of(mine, call).toJson("eval_runs", r -> render(r, r.progress.current("DONE"))));
  }

  synchronized EmulatorResponse listResults(Call call) {
    Run run = run(call);
    String status = run.progress.current("DONE");
    return Json.ok(Page.of(run.results, call).toJson("eval_results", r -> {
      ObjectNode o = Json.object();
      o.put("result_id", r.resultId);
      o.put("space_id", run.spaceId);
      o.put("benchmark_question_id", r.c.benchmarkId());
      o.put("question", r.c.question());
      o.put("benchmark_answer", r.c.expectedSql());
      o.put("created_by_user", GenieApi.USER_ID);
      o.put("status", status);
      return o;
    }));
  }

  synchronized EmulatorResponse getResult(Call call) {
    Run run = run(call);
    String resultId = call.param(2);
    Result r = run.results.stream().filter(x -> x.resultId.equals(resultId)).findFirst()
        .orElseThrow(() -> ApiError.notFound("Eval result " + resultId + " does not exist in eval run "
            + run.evalRunId + "."));
    String status = run.progress.current("DONE");
    ObjectNode out = Json.object();
    out.put("result_id", r.resultId);
    out.put("space_id", run.spaceId);
    out.put("benchmark_question_id", r.c.benchmarkId());
    out.put("eval_run_status", status);
    if (status.equals("DONE")) {
      out.put("assessment", r.assessment.assessment().name());
      out.put("manual_assessment", false);
      ArrayNode reasons = out.putArray("assessment_reasons");
      r.assessment.reasons().forEach(reasons::add);
      out.set("actual_response", response(actualText(r.c.answer()), r.c.answer().hasSql(), r.actual));
      out.set("expected_response", response(r.c.expectedSql(), true, r.expected));
    }
    return Json.ok(out);
  }

  private List<SpaceRegistry.BenchmarkItem> choose(String spaceId, List<SpaceRegistry.BenchmarkItem> all,
      List<String> wanted) {
    if (all.isEmpty()) {
      throw ApiError.invalid("Genie space " + spaceId + " has no benchmark questions to evaluate.");
    }
    if (wanted.isEmpty()) {
      return all;
    }
    Set<String> seen = new LinkedHashSet<>();
    List<SpaceRegistry.BenchmarkItem> out = new ArrayList<>();
    for (String id : wanted) {
      SpaceRegistry.BenchmarkItem item = all.stream().filter(b -> b.id().equals(id)).findFirst()
          .orElseThrow(() -> ApiError.invalid("Benchmark question " + id + " does not exist in Genie space "
              + spaceId + "."));
      if (seen.add(id)) {
        out.add(item);
      }
    }
    return out;
  }

  private Result evaluate(String spaceId, SpaceRegistry.BenchmarkItem item) {
    GenieAnswer answer = backends.ask(spaceId, item.question());
    StatementRecord actual = answer.hasSql() ? backends.resultOf(ids.statementId(), answer) : null;
    StatementRecord expected = item.sql() == null ? null
        : backends.run(ids.statementId(), item.sql(), backends.maxResultRows(), null);
    EvalCase c = new EvalCase(item.id(), item.question(), item.sql(),
        expected == null ? null : expected.result,
        expected == null ? "the benchmark has no SQL answer" : expected.errorMessage,
        answer,
        actual == null ? null : actual.result,
        actual == null ? answer.error() : actual.errorMessage);
    EvalAssessment assessment = judge.assess(c);
    if (assessment == null) {
      throw new IllegalStateException("the eval judge returned null for benchmark " + item.id());
    }
    return new Result(ids.id(), c, assessment, actual, expected);
  }

  private static String actualText(GenieAnswer a) {
    if (a.hasSql()) {
      return a.sql();
    }
    return a.text() != null ? a.text() : a.error();
  }

  private JsonNode response(String text, boolean sql, StatementRecord statement) {
    ArrayNode list = Json.array();
    ObjectNode o = list.addObject();
    o.put("response", text);
    o.put("response_type", sql ? "SQL" : "TEXT");
    if (statement != null) {
      o.set("sql_execution_result", StatementJson.response(statement, statement.terminalState(), chunkRows));
    }
    return list;
  }

  private Run run(Call call) {
    String spaceId = call.param(0);
    spaces.get(spaceId);
    Run run = runs.get(call.param(1));
    if (run == null || !run.spaceId.equals(spaceId)) {
      throw ApiError.notFound("Eval run " + call.param(1) + " does not exist in Genie space " + spaceId + ".");
    }
    return run;
  }

  private static ObjectNode render(Run run, String status) {
    boolean done = status.equals("DONE");
    ObjectNode out = Json.object();
    out.put("eval_run_id", run.evalRunId);
    out.put("eval_run_status", status);
    out.put("run_by_user", GenieApi.USER_ID);
    out.put("created_timestamp", run.createdMs);
    out.put("last_updated_timestamp", run.createdMs);
    out.put("num_questions", run.results.size());
    out.put("num_done", done ? run.results.size() : 0);
    out.put("num_correct", done ? count(run, EvalAssessment.Assessment.GOOD) : 0);
    out.put("num_needs_review", done ? count(run, EvalAssessment.Assessment.NEEDS_REVIEW) : 0);
    return out;
  }

  private static long count(Run run, EvalAssessment.Assessment a) {
    return run.results.stream().filter(r -> r.assessment.assessment() == a).count();
  }

  /** One eval run. */
  private static final class Run {
    final String evalRunId;
    final String spaceId;
    final long createdMs;
    final Progress progress;
    final List<Result> results = new ArrayList<>();

    Run(String evalRunId, String spaceId, long createdMs, Progress progress) {
      this.evalRunId = evalRunId;
      this.spaceId = spaceId;
      this.createdMs = createdMs;
      this.progress = progress;
    }
  }

  /** One judged benchmark. */
  private static final class Result {
    final String resultId;
    final EvalCase c;
    final EvalAssessment assessment;
    final StatementRecord actual;
    final StatementRecord expected;

    Result(String resultId, EvalCase c, EvalAssessment assessment, StatementRecord actual,
        StatementRecord expected) {
      this.resultId = resultId;
      this.c = c;
      this.assessment = assessment;
      this.actual = actual;
      this.expected = expected;
    }
  }
}
