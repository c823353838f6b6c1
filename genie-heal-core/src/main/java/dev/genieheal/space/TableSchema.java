package dev.genieheal.space;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns of one warehouse table, as a {@link Catalog} reports them.
 *
 * @param identifier three-part name
 * @param columns columns in table order
 */
public record TableSchema(String identifier, List<ColumnSchema> columns) {
  /** Validates and copies. */
  public TableSchema {
    Objects.requireNonNull(identifier, "identifier");
    columns = List.copyOf(columns);
  }

  /** A column by name, matched case-insensitively. */
  public Optional<ColumnSchema> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * One column.
   *
   * @param name column name
   * @param type SQL type name as the warehouse reports it (e.g. {@code BIGINT}, {@code DECIMAL(18,2)})
   */
  public record ColumnSchema(String name, String type) {
    /** Validates. */
    public ColumnSchema {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }
}
