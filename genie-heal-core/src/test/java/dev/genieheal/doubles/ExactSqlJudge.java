package dev.genieheal.doubles;

import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.judge.JudgeContext;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import java.util.List;

/** Passes an answer whose SQL equals the expected SQL exactly. */
public final class ExactSqlJudge implements AnswerJudge {
  @Override
  public Verdict judge(JudgeContext context) {
    String sql = context.answer().sql();
    return context.benchmark().expectedSql().equals(sql)
        ? Verdict.pass(JudgeMethod.SQL_MATCH, "same SQL")
        : Verdict.fail(JudgeMethod.SQL_MATCH, List.of(ReasonCode.OTHER), "expected " + context.benchmark()
            .expectedSql() + " but got " + sql);
  }
}
