package dev.genieheal.space;

import java.util.List;

/**
 * The {@code instructions} section.
 *
 * @param textInstructions at most one general-instructions block
 * @param exampleQuestionSqls example (trusted) queries, sorted by id in canonical form
 * @param sqlFunctions UC functions, sorted by (id, identifier) in canonical form
 * @param joinSpecs declared joins, sorted by id in canonical form
 * @param sqlSnippets filters, expressions and measures
 * @param unknown fields the model does not know
 */
public record Instructions(
    List<TextInstruction> textInstructions,
    List<ExampleQuestionSql> exampleQuestionSqls,
    List<SqlFunction> sqlFunctions,
    List<JoinSpec> joinSpecs,
    SqlSnippets sqlSnippets,
    UnknownFields unknown) {
  private static final Instructions EMPTY =
      new Instructions(List.of(), List.of(), List.of(), List.of(), SqlSnippets.empty(), UnknownFields.none());

  /** Copies the lists; null lists become empty. */
  public Instructions {
    textInstructions = Lists.copy(textInstructions);
    exampleQuestionSqls = Lists.copy(exampleQuestionSqls);
    sqlFunctions = Lists.copy(sqlFunctions);
    joinSpecs = Lists.copy(joinSpecs);
    sqlSnippets = sqlSnippets == null ? SqlSnippets.empty() : sqlSnippets;
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** An empty section. */
  public static Instructions empty() {
    return EMPTY;
  }

  /** Whether the section holds nothing. */
  public boolean isEmpty() {
    return textInstructions.isEmpty() && exampleQuestionSqls.isEmpty() && sqlFunctions.isEmpty()
        && joinSpecs.isEmpty() && sqlSnippets.isEmpty() && unknown.isEmpty();
  }

  /** A copy with other text instructions. */
  public Instructions withTextInstructions(List<TextInstruction> list) {
    return new Instructions(list, exampleQuestionSqls, sqlFunctions, joinSpecs, sqlSnippets, unknown);
  }

  /** A copy with other example queries. */
  public Instructions withExampleQuestionSqls(List<ExampleQuestionSql> list) {
    return new Instructions(textInstructions, list, sqlFunctions, joinSpecs, sqlSnippets, unknown);
  }

  /** A copy with other join specs. */
  public Instructions withJoinSpecs(List<JoinSpec> list) {
    return new Instructions(textInstructions, exampleQuestionSqls, sqlFunctions, list, sqlSnippets, unknown);
  }

  /** A copy with other snippets. */
  public Instructions withSqlSnippets(SqlSnippets snippets) {
    return new Instructions(textInstructions, exampleQuestionSqls, sqlFunctions, joinSpecs, snippets, unknown);
  }
}
