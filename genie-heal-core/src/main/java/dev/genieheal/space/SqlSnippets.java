package dev.genieheal.space;

import java.util.List;

/**
 * The {@code instructions.sql_snippets} object.
 *
 * @param filters filter snippets, sorted by id in canonical form
 * @param expressions expression (dimension) snippets
 * @param measures measure snippets
 * @param unknown fields the model does not know
 */
public record SqlSnippets(
    List<SqlSnippet> filters, List<SqlSnippet> expressions, List<SqlSnippet> measures, UnknownFields unknown) {
  private static final SqlSnippets EMPTY = new SqlSnippets(List.of(), List.of(), List.of(), UnknownFields.none());

  /** Copies the lists; null lists become empty. */
  public SqlSnippets {
    filters = Lists.copy(filters);
    expressions = Lists.copy(expressions);
    measures = Lists.copy(measures);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** No snippets. */
  public static SqlSnippets empty() {
    return EMPTY;
  }

  /** The list of the given kind. */
  public List<SqlSnippet> of(SnippetKind kind) {
    switch (kind) {
      case FILTER:
        return filters;
      case EXPRESSION:
        return expressions;
      default:
        return measures;
    }
  }

  /** A copy with the list of one kind replaced. */
  public SqlSnippets with(SnippetKind kind, List<SqlSnippet> list) {
    switch (kind) {
      case FILTER:
        return new SqlSnippets(list, expressions, measures, unknown);
      case EXPRESSION:
        return new SqlSnippets(filters, list, measures, unknown);
      default:
        return new SqlSnippets(filters, expressions, list, unknown);
    }
  }

  /** Whether all three lists are empty and nothing unknown is kept. */
  public boolean isEmpty() {
    return filters.isEmpty() && expressions.isEmpty() && measures.isEmpty() && unknown.isEmpty();
  }

  /** The number of snippets in all three lists. */
  public int size() {
    return filters.size() + expressions.size() + measures.size();
  }
}
