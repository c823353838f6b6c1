package dev.genieheal.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a space against every rule the Databricks API enforces: a JSON Schema for the layout (shipped as the
 * resource {@code dev/genieheal/space/serialized-space.schema.json}, draft 2020-12) plus the rules a schema cannot
 * express. Each {@link Violation} carries the JSON path, a stable rule id and a message that quotes the API's own
 * error text where one is known. Validate the {@linkplain GenieSpace#canonicalize() canonical form} when you want
 * to know whether the API would accept the space after the client-side clean-up (sorting, v1 → v2 migration).
 *
 * <p>Rules checked by the schema:
 * <ul>
 *   <li>{@code unknown-field}: a field the API does not know ({@code additionalProperties: false} everywhere);
 *   <li>{@code json-type}: a wrong JSON type, e.g. {@code Expected an array for question but found "..."};
 *   <li>{@code null-element}: a null list element (repeated proto fields reject nulls);
 *   <li>{@code required-field}: a required field is missing (version, identifier, column_name, question, ...);
 *   <li>{@code id-missing}: an element has no id ({@code sample_question.id must be provided and non-empty});
 *   <li>{@code id-format}: an id is not 32 lowercase hex characters ({@code Invalid id for sample_question.id});
 *   <li>{@code fq-name}: an identifier is not a three-part name; a bundle placeholder such as {@code ${catalog}}
 *       counts as one part, because the CLI substitutes it before the export reaches the API;
 *   <li>{@code join-spec-marker}: a join spec's sql lacks the {@code --rt=FROM_RELATIONSHIP_TYPE_<TYPE>--} marker
 *       ({@code Failed to parse export proto: ... (of class java.lang.String)});
 *   <li>{@code join-spec-sql}: a join spec's sql has more than the two elements [condition, marker];
 *   <li>{@code benchmark-answer-count}: a benchmark question without exactly one answer;
 *   <li>{@code benchmark-answer-format}: an answer whose format is not {@code SQL};
 *   <li>{@code text-instruction-count}: more than one text instruction;
 *   <li>{@code string-length}: a string longer than 25,000 characters;
 *   <li>{@code array-size}: an array longer than 10,000 items;
 *   <li>{@code version}: a version other than 1 or 2;
 *   <li>{@code schema}: any other schema failure (not expected with the shipped schema).
 * </ul>
 *
 * <p>Rules checked on the model:
 * <ul>
 *   <li>{@code sort-order}: a list is not sorted by the key the API requires
 *       ({@code data_sources.tables must be sorted by identifier}); reported once per list, at the first element
 *       out of order; parameters are checked by name too;
 *   <li>{@code duplicate-id}: an id used twice within a group: questions (sample questions + benchmarks) or
 *       instructions (text, example SQLs, functions, join specs, all snippets);
 *   <li>{@code duplicate-data-object}: the same identifier twice in tables or twice in metric views;
 *   <li>{@code data-object-in-both}: the same identifier in tables and in metric views;
 *   <li>{@code duplicate-column-config}: (identifier, column_name) configured twice;
 *   <li>{@code v1-flags-in-v2}: {@code get_example_values}/{@code build_value_dictionary} in a version-2 export
 *       (the API's text, {@code ... uses version 1 fields ... but the export version is 2 ...});
 *   <li>{@code v2-flags-in-v1}: {@code enable_*} flags in a version-1 export;
 *   <li>{@code entity-matching-needs-format-assistance}: entity matching on without format assistance;
 *   <li>{@code join-alias-identifier}: a join alias that is not the last part of its identifier;
 *   <li>{@code join-condition}: a join condition that is not a single equality {@code a.x = b.y};
 *   <li>{@code join-alias}: a join condition whose aliases are not the declared left and right aliases;
 *   <li>{@code empty-sql}: an example SQL, snippet or benchmark answer whose sql is missing or blank;
 *   <li>{@code benchmark-parameter}: benchmark SQL with a {@code :param} placeholder;
 *   <li>{@code max-data-objects} (default 30 tables + metric views), {@code max-instructions} (default 100:
 *       example SQLs + SQL functions + 1 for the text block), {@code max-snippets} (default 200: described tables
 *       and metric views + join specs + filters, expressions and measures, following the Databricks docs rather
 *       than the Workbench, which counts descriptions as instructions), {@code max-benchmarks} (default 500),
 *       {@code max-entity-matching-columns} (default 120). The last one is a practical ceiling rather than an API
 *       error; it is reported as a violation all the same so that a healing loop never pushes a space past it;
 *       raise it with {@link Builder#maxEntityMatchingColumns(int)} if your workspace allows more;
 *   <li>{@code unknown-table}, {@code unknown-column}: with a {@link Catalog} only, a data object or join side
 *       that the warehouse does not have, or a configured column missing from its table.
 * </ul>
 *
 * <p>Parsing problems of {@link #validateJson(String)} use the rules {@code json-syntax} (not JSON) and
 * {@code json-type}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpaceValidator {
  /** Default maximum of tables plus metric views. */
  public static final int DEFAULT_MAX_DATA_OBJECTS = 30;
  /** Default maximum of instructions (example SQLs + SQL functions + the text block). */
  public static final int DEFAULT_MAX_INSTRUCTIONS = 100;
  /** Default maximum of knowledge-store snippets (table descriptions + join specs + SQL snippets). */
  public static final int DEFAULT_MAX_SNIPPETS = 200;
  /** Default maximum of benchmark questions. */
  public static final int DEFAULT_MAX_BENCHMARKS = 500;
  /** Default maximum of entity-matching columns. */
  public static final int DEFAULT_MAX_ENTITY_MATCHING_COLUMNS = 120;

  private static final SpaceValidator STANDARD = builder().build();

  /** The per-space limits. */
  record Limits(int maxDataObjects, int maxInstructions, int maxSnippets, int maxBenchmarks,
      int maxEntityMatchingColumns) {}

  private final Catalog catalog;
  private final Limits limits;

  private SpaceValidator(Catalog catalog, Limits limits) {
    this.catalog = catalog;
    this.limits = limits;
  }

  /** A validator without a catalog, with the default limits. */
  public static SpaceValidator standard() {
    return STANDARD;
  }

  /**
   * A validator that also checks identifiers and columns against the catalog.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public static SpaceValidator withCatalog(Catalog catalog) {
    return builder().catalog(catalog).build();
  }

  /** A builder starting from the defaults (no catalog, the API's limits). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this validator's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.catalog = catalog;
    b.maxDataObjects = limits.maxDataObjects();
    b.maxInstructions = limits.maxInstructions();
    b.maxSnippets = limits.maxSnippets();
    b.maxBenchmarks = limits.maxBenchmarks();
    b.maxEntityMatchingColumns = limits.maxEntityMatchingColumns();
    return b;
  }

  /**
   * Every violation of the space: schema violations first (sorted by path), then the model rules.
   *
   * @throws NullPointerException if {@code space} is null
   */
  public List<Violation> validate(GenieSpace space) {
    Objects.requireNonNull(space, "space");
    List<Violation> out = new ArrayList<>(SchemaCheck.check(SpaceJson.toTree(space)));
    out.addAll(new SpaceRules(space, limits, catalog).check());
    return List.copyOf(out);
  }

  /**
   * Every violation of a raw export document: a syntax error alone, else the schema violations, then either the
   * model rules (when the document reads into the model) or the reading errors the schema did not already report.
   *
   * @throws NullPointerException if {@code serializedSpace} is null
   */
  public List<Violation> validateJson(String serializedSpace) {
    JsonNode tree;
    try {
      tree = SpaceJson.tree(serializedSpace, "$");
    } catch (ValidationException e) {
      return e.violations();
    }
    List<Violation> out = new ArrayList<>(SchemaCheck.check(tree));
    try {
      GenieSpace space = SpaceJson.fromTree(tree, "$");
      out.addAll(new SpaceRules(space, limits, catalog).check());
    } catch (ValidationException e) {
      Set<String> reported = new HashSet<>();
      out.forEach(v -> reported.add(v.path()));
      e.violations().stream().filter(v -> !reported.contains(v.path())).forEach(out::add);
    }
    return List.copyOf(out);
  }

  /**
   * Returns the space when it is valid.
   *
   * @throws ValidationException listing every violation otherwise
   */
  public GenieSpace requireValid(GenieSpace space) {
    List<Violation> violations = validate(space);
    if (!violations.isEmpty()) {
      throw new ValidationException("invalid Genie space", violations);
    }
    return space;
  }

  /**
   * Builds a {@link SpaceValidator}. Defaults: no catalog, {@link #DEFAULT_MAX_DATA_OBJECTS},
   * {@link #DEFAULT_MAX_INSTRUCTIONS}, {@link #DEFAULT_MAX_SNIPPETS}, {@link #DEFAULT_MAX_BENCHMARKS},
   * {@link #DEFAULT_MAX_ENTITY_MATCHING_COLUMNS}. Not thread-safe.
   */
  public static final class Builder {
    private Catalog catalog;
    private int maxDataObjects = DEFAULT_MAX_DATA_OBJECTS;
    private int maxInstructions = DEFAULT_MAX_INSTRUCTIONS;
    private int maxSnippets = DEFAULT_MAX_SNIPPETS;
    private int maxBenchmarks = DEFAULT_MAX_BENCHMARKS;
    private int maxEntityMatchingColumns = DEFAULT_MAX_ENTITY_MATCHING_COLUMNS;

    private Builder() {}

    /**
     * Checks identifiers and columns against this catalog.
     *
     * @throws NullPointerException if {@code catalog} is null
     */
    public Builder catalog(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The most tables plus metric views.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder maxDataObjects(int max) {
      this.maxDataObjects = nonNegative(max, "maxDataObjects");
      return this;
    }

    /**
     * The most instructions.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder maxInstructions(int max) {
      this.maxInstructions = nonNegative(max, "maxInstructions");
      return this;
    }

    /**
     * The most knowledge-store snippets.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder maxSnippets(int max) {
      this.maxSnippets = nonNegative(max, "maxSnippets");
      return this;
    }

    /**
     * The most benchmark questions.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder maxBenchmarks(int max) {
      this.maxBenchmarks = nonNegative(max, "maxBenchmarks");
      return this;
    }

    /**
     * The most entity-matching columns.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public Builder maxEntityMatchingColumns(int max) {
      this.maxEntityMatchingColumns = nonNegative(max, "maxEntityMatchingColumns");
      return this;
    }

    /** An immutable validator with these settings. */
    public SpaceValidator build() {
      return new SpaceValidator(catalog, new Limits(maxDataObjects, maxInstructions, maxSnippets, maxBenchmarks,
          maxEntityMatchingColumns));
    }

    private static int nonNegative(int value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
