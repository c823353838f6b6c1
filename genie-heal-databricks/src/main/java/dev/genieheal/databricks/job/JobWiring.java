package dev.genieheal.databricks.job;

import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.analyze.LlmFailureAnalyzer;
import dev.genieheal.analyze.RuleBasedFailureAnalyzer;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.judge.HybridAnswerJudge;
import dev.genieheal.judge.LlmAnswerJudge;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.SqlExecutor;

/**
 * Chooses the job's judge and analyzers from core's built-ins. Without an LLM endpoint: the hybrid judge
 * (normalised SQL, then result comparison on the warehouse) and the rule-based analyzer. With one: the LLM judges
 * what the comparison cannot settle, and the LLM analyzer handles the failures the rules did not cover, both at the
 * job's temperature and prompt version.
 */
final class JobWiring {
  private JobWiring() {}

  static AnswerJudge judge(JobParameters p, SqlExecutor sql, LlmClient llm) {
    if (llm == null) {
      return AnswerJudge.hybrid(sql);
    }
    LlmAnswerJudge.Builder second = LlmAnswerJudge.builder().llm(llm).temperature(p.llmTemperature());
    if (p.promptVersion() != null) {
      second.promptVersion(p.promptVersion());
    }
    return HybridAnswerJudge.builder().executor(sql).secondJudge(second.build()).build();
  }

  static FailureAnalyzer analyzer(JobParameters p, LlmClient llm) {
    if (llm == null) {
      return RuleBasedFailureAnalyzer.create();
    }
    LlmFailureAnalyzer.Builder model = LlmFailureAnalyzer.builder().llm(llm).temperature(p.llmTemperature());
    if (p.promptVersion() != null) {
      model.promptVersion(p.promptVersion());
    }
    return FailureAnalyzer.composite(RuleBasedFailureAnalyzer.create(), model.build());
  }
}
