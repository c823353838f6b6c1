package dev.genieheal.space;

import java.util.List;

/**
 * An example question with the SQL that answers it (a "trusted query"), optionally parameterized
 * ({@code instructions.example_question_sqls[]}).
 *
 * @param id 32 lowercase hex characters
 * @param question question text elements
 * @param sql query lines, each normally ending in a newline except the last
 * @param parameters parameters used as {@code :name} in the SQL, sorted by name in canonical form
 * @param usageGuidance when Genie should apply this example
 * @param unknown fields the model does not know
 */
public record ExampleQuestionSql(
    String id,
    List<String> question,
    List<String> sql,
    List<Parameter> parameters,
    List<String> usageGuidance,
    UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public ExampleQuestionSql {
    question = Lists.copy(question);
    sql = Lists.copy(sql);
    parameters = Lists.copy(parameters);
    usageGuidance = Lists.copy(usageGuidance);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** The question joined verbatim. */
  public String questionText() {
    return Lists.join(question);
  }

  /** The SQL joined verbatim. */
  public String sqlText() {
    return Lists.join(sql);
  }
}
