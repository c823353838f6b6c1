package dev.genieheal.space;

import java.util.List;
import java.util.Optional;

/**
 * A table, view or metric view the space can query ({@code data_sources.tables[]} or
 * {@code data_sources.metric_views[]}; both have this shape).
 *
 * @param identifier three-part Unity Catalog name {@code catalog.schema.object}; required
 * @param description space-level description lines (overrides the UC comment inside this space)
 * @param columnConfigs per-column settings, sorted by column name in canonical form
 * @param unknown fields the model does not know
 */
public record DataObject(
    String identifier, List<String> description, List<ColumnConfig> columnConfigs, UnknownFields unknown) {

  /** Copies the lists; null lists become empty. */
  public DataObject {
    description = Lists.copy(description);
    columnConfigs = Lists.copy(columnConfigs);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** A data object with only its identifier. */
  public static DataObject of(String identifier) {
    return new DataObject(identifier, List.of(), List.of(), UnknownFields.none());
  }

  /** The description joined verbatim. */
  public String descriptionText() {
    return Lists.join(description);
  }

  /** The last part of the identifier (the table name), without back-ticks. */
  public String shortName() {
    String id = identifier == null ? "" : identifier;
    int dot = id.lastIndexOf('.');
    return id.substring(dot + 1).replace("`", "");
  }

  /** The config of a column, matched case-insensitively. */
  public Optional<ColumnConfig> column(String columnName) {
    return columnConfigs.stream()
        .filter(c -> c != null && c.columnName() != null && c.columnName().equalsIgnoreCase(columnName))
        .findFirst();
  }

  /** A copy with another description. */
  public DataObject withDescription(List<String> newDescription) {
    return new DataObject(identifier, newDescription, columnConfigs, unknown);
  }

  /** A copy with other column configs. */
  public DataObject withColumnConfigs(List<ColumnConfig> newColumnConfigs) {
    return new DataObject(identifier, description, newColumnConfigs, unknown);
  }
}
