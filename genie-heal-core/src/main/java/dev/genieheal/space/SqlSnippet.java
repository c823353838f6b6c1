package dev.genieheal.space;

import java.util.List;

/**
 * A SQL snippet: a filter, expression (dimension) or measure ({@code instructions.sql_snippets.*[]}).
 * Which of the three lists it sits in is given by the containing {@link SqlSnippets}.
 *
 * @param id 32 lowercase hex characters
 * @param alias the name used in generated SQL (expressions and measures), or null
 * @param sql the expression lines; must not be empty
 * @param displayName the name shown to users and matched against questions, or null
 * @param synonyms alternative terms
 * @param instruction when to use it
 * @param comment what it means
 * @param unknown fields the model does not know
 */
public record SqlSnippet(
    String id,
    String alias,
    List<String> sql,
    String displayName,
    List<String> synonyms,
    List<String> instruction,
    List<String> comment,
    UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public SqlSnippet {
    sql = Lists.copy(sql);
    synonyms = Lists.copy(synonyms);
    instruction = Lists.copy(instruction);
    comment = Lists.copy(comment);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** The SQL joined verbatim. */
  public String sqlText() {
    return Lists.join(sql);
  }
}
