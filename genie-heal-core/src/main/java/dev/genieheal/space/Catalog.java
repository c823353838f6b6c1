package dev.genieheal.space;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a warehouse knows about its tables: lets the validator and analyzers check that identifiers and columns
 * exist. Identifiers are matched case-insensitively with back-ticks removed.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Catalog {

  /** The table with the given three-part identifier, if the warehouse has it. */
  Optional<TableSchema> table(String identifier);

  /** Every table the catalog knows. */
  Collection<TableSchema> tables();

  /** A fixed catalog over the given tables. */
  static Catalog of(Collection<TableSchema> tables) {
    Map<String, TableSchema> byId = new TreeMap<>();
    for (TableSchema t : tables) {
      byId.put(normalize(t.identifier()), t);
    }
    Map<String, TableSchema> copy = Map.copyOf(byId);
    return new Catalog() {
      @Override
      public Optional<TableSchema> table(String identifier) {
        return Optional.ofNullable(copy.get(normalize(identifier)));
      }

      @Override
      public Collection<TableSchema> tables() {
        return copy.values();
      }
    };
  }

  /** The form identifiers are compared in: lower case, back-ticks removed. */
  static String normalize(String identifier) {
    return identifier == null ? "" : identifier.replace("`", "").toLowerCase(java.util.Locale.ROOT);
  }
}
