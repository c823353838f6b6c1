package dev.genieheal.databricks.job;

import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.analyze.RuleBasedFailureAnalyzer;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.SqlExecutor;

/**
 * Chooses the job's judge and analyzers from core's built-ins: the hybrid judge (normalised SQL, then result
 * comparison on the warehouse) and the rule-based analyzer.
 */
final class JobWiring {
  private JobWiring() {}

  static AnswerJudge judge(SqlExecutor sql, LlmClient llm) {
    return AnswerJudge.hybrid(sql);
  }

  static FailureAnalyzer analyzer(JobParameters p, SqlExecutor sql, LlmClient llm) {
    return RuleBasedFailureAnalyzer.create();
  }
}
