package dev.genieheal.space;

import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.List;

/**
 * Checks a space against every rule the Databricks API enforces: a JSON Schema for the layout (shipped as a
 * resource) plus the rules a schema cannot express (sort order, id uniqueness, join-spec aliases, flags, limits, and
 * optionally tables and columns missing from the warehouse catalog). Thread-safe and immutable.
 */
public final class SpaceValidator {
  private final Catalog catalog;

  private SpaceValidator(Catalog catalog) {
    this.catalog = catalog;
  }

  /** A validator without a catalog. */
  public static SpaceValidator standard() {
    return new SpaceValidator(null);
  }

  /** A validator that also checks identifiers and columns against the catalog. */
  public static SpaceValidator withCatalog(Catalog catalog) {
    return new SpaceValidator(java.util.Objects.requireNonNull(catalog, "catalog"));
  }

  /** Every violation of the space, in document order; empty when valid. */
  public List<Violation> validate(GenieSpace space) {
    // TODO(issue 2): schema + semantic rules.
    return List.of();
  }

  /** Every violation of a raw export document (schema first, then the semantic rules). */
  public List<Violation> validateJson(String serializedSpace) {
    // TODO(issue 2)
    return List.of();
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
}
