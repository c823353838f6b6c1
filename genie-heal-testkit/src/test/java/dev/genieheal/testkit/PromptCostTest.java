package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.analyze.Analysis;
import dev.genieheal.analyze.AnalysisContext;
import dev.genieheal.analyze.LlmFailureAnalyzer;
import dev.genieheal.analyze.LlmFailureAnalyzer.Granularity;
import dev.genieheal.fix.Fix;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.TokenUsage;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.UnknownFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The prompt-token cost of one analysis on a space of 15 tables with 20 failures: the seed's design (one call per
 * failure with the whole space and the whole knowledge base) against ours (one call per cluster with the cluster's
 * part of the space). Tokens are estimated as characters / 4 (no tokenizer is bundled). The scripted model answers
 * one fix per failure it is shown, so both designs propose the same fixes and only the cost differs.
 */
class PromptCostTest {
  private static final Pattern BENCHMARK_ID = Pattern.compile("benchmark_id: (\\S+)");

  @Test
  void clusteredPrompts_costAtMostAThirdOfTheSeedsDesign_forTheSameFixes() {
    GenieSpace space = space(15, 32);
    List<QuestionResult> failures = failures(20, 5);
    AnalysisContext context = new AnalysisContext(space, failures,
        failures.stream().map(QuestionResult::benchmark).toList(), List.of(), null, null, 1);

    Run seed = run(Granularity.PER_FAILURE_WHOLE_SPACE, context);
    Run ours = run(Granularity.PER_CLUSTER, context);

    double ratio = (double) ours.usage.promptTokens() / seed.usage.promptTokens();
    System.out.printf("prompt tokens per analysis (15 tables, 20 failures, chars/4): seed design %d in %d calls, "
        + "clustered %d in %d calls, ratio %.3f%n", seed.usage.promptTokens(), seed.calls,
        ours.usage.promptTokens(), ours.calls, ratio);
    assertThat(fixes(ours.analysis)).containsExactlyInAnyOrderElementsOf(fixes(seed.analysis)).hasSize(20);
    assertThat(ratio).isLessThanOrEqualTo(1.0 / 3);
  }

  private record Run(Analysis analysis, TokenUsage usage, int calls) {}

  private static Run run(Granularity granularity, AnalysisContext context) {
    RecordingLlm llm = RecordingLlm.wrapping(ScriptedLlm.answering(request -> {
      Matcher m = BENCHMARK_ID.matcher(request.messages().get(0).content());
      List<String> fixes = new ArrayList<>();
      while (m.find()) {
        String id = m.group(1);
        int n = Integer.parseInt(id.substring(1));
        fixes.add("{\"type\": \"column_synonyms\", \"table\": \"corp.dw.table_" + n % 5 + "\", \"column\": \""
            + column(n) + "\", \"synonyms\": [\"term " + id + "\"], \"reason\": \"r\", \"benchmark_ids\": [\""
            + id + "\"]}");
      }
      return "{\"fixes\": [" + String.join(",", fixes) + "]}";
    }));
    Analysis analysis = LlmFailureAnalyzer.builder().llm(llm).granularity(granularity).tokenBudget(10_000_000)
        .maxFixesPerCluster(20).maxFailuresPerCluster(20).retries(1, Duration.ZERO).build().analyze(context);
    return new Run(analysis, llm.usage(), llm.callCount());
  }

  private static List<String> fixes(Analysis analysis) {
    return analysis.proposed().stream().map(Fix::benchmarkIds).map(Object::toString).toList();
  }

  /** Tables corp.dw.table_0..n-1, each with described columns col_0..col_(c-1). */
  static GenieSpace space(int tables, int columns) {
    List<DataObject> objects = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      List<ColumnConfig> configs = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        configs.add(ColumnConfig.of(column(c)).withDescription(List.of(
            "Column " + c + " of table " + t + ": a business attribute kept for reporting.\n")));
      }
      objects.add(new DataObject("corp.dw.table_" + t,
          List.of("Table " + t + " holds one row per business event of kind " + t + ".\n"), configs,
          UnknownFields.none()));
    }
    return GenieSpace.empty().withTables(objects).canonicalize();
  }

  static String column(int n) {
    return String.format("col_%02d", n);
  }

  /** n failures, each a wrong column on one of {@code clusters} tables. */
  static List<QuestionResult> failures(int n, int clusters) {
    List<QuestionResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String table = "corp.dw.table_" + (i % clusters);
      Benchmark b = new Benchmark("b" + i, "What is the total measure " + i + "?",
          "SELECT SUM(" + column(i) + ") FROM " + table);
      Verdict v = Verdict.fail(JudgeMethod.RESULT_COMPARISON, List.of(ReasonCode.SINGLE_CELL_DIFFERENCE), "");
      out.add(QuestionResult.of(b, new Attempt(
          GenieAnswer.sql("SELECT SUM(col_99) FROM " + table, null, Duration.ofSeconds(1)), v)));
    }
    return out;
  }
}
