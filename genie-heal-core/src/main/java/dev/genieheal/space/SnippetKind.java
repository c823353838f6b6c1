package dev.genieheal.space;

/** The three lists of {@code instructions.sql_snippets}. */
public enum SnippetKind {
  /** A reusable boolean condition, without {@code WHERE}. */
  FILTER("filters"),
  /** A non-aggregated dimension or computed field. */
  EXPRESSION("expressions"),
  /** An aggregated metric. */
  MEASURE("measures");

  private final String jsonName;

  SnippetKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The list's name in the export, e.g. {@code measures}. */
  public String jsonName() {
    return jsonName;
  }
}
