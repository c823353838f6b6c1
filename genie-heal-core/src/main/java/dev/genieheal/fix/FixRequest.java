package dev.genieheal.fix;

import dev.genieheal.space.Catalog;
import dev.genieheal.space.GenieSpace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to apply, to which space.
 *
 * @param space the space to change
 * @param fixes the fixes, applied in order
 * @param catalog the warehouse catalog for checking tables and columns, or null when unknown
 */
public record FixRequest(GenieSpace space, List<Fix> fixes, Catalog catalog) {
  /** Validates and copies. */
  public FixRequest {
    Objects.requireNonNull(space, "space");
    fixes = List.copyOf(fixes);
  }

  /** The catalog, when known. */
  public Optional<Catalog> catalogIfKnown() {
    return Optional.ofNullable(catalog);
  }
}
