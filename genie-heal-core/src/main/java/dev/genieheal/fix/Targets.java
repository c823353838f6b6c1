package dev.genieheal.fix;

import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finding the tables and columns a fix names, checking them against the catalog, and locating them by path. */
final class Targets {
  private Targets() {}

  /**
   * A table or metric view of the space and where it sits.
   *
   * @param list {@code tables} or {@code metric_views}
   * @param index its index in that list
   * @param table the data object
   */
  record TableRef(String list, int index, DataObject table) {
    String path() {
      return "$.data_sources." + list + "[" + index + "]";
    }

    /** The index of a column's config, matched case-insensitively, or -1. */
    int columnIndex(String column) {
      List<ColumnConfig> configs = table.columnConfigs();
      for (int i = 0; i < configs.size(); i++) {
        ColumnConfig c = configs.get(i);
        if (c != null && c.columnName() != null && c.columnName().equalsIgnoreCase(column)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The table or metric view with this identifier (case-insensitive, back-ticks ignored). */
  static Optional<TableRef> table(GenieSpace space, String identifier) {
    String wanted = Catalog.normalize(identifier);
    Optional<TableRef> table = find(space.tables(), "tables", wanted);
    return table.isPresent() ? table : find(space.metricViews(), "metric_views", wanted);
  }

  private static Optional<TableRef> find(List<DataObject> list, String name, String wanted) {
    for (int i = 0; i < list.size(); i++) {
      DataObject d = list.get(i);
      if (d != null && Catalog.normalize(d.identifier()).equals(wanted)) {
        return Optional.of(new TableRef(name, i, d));
      }
    }
    return Optional.empty();
  }

  /** A copy of the space with the referenced data object replaced. */
  static GenieSpace replace(GenieSpace space, TableRef ref, DataObject updated) {
    boolean tables = ref.list().equals("tables");
    List<DataObject> list = new ArrayList<>(tables ? space.tables() : space.metricViews());
    list.set(ref.index(), updated);
    return tables ? space.withTables(list) : space.withMetricViews(list);
  }

  /** Locates a table's field ({@code suffix} like {@code .description}) in any space. */
  static Function<GenieSpace, Optional<String>> tableLocator(String identifier, String suffix) {
    return s -> table(s, identifier).map(ref -> ref.path() + suffix);
  }

  /** Locates a column's config in any space. */
  static Function<GenieSpace, Optional<String>> columnLocator(String identifier, String column) {
    return s -> table(s, identifier).flatMap(ref -> {
      int i = ref.columnIndex(column);
      return i < 0 ? Optional.empty() : Optional.of(ref.path() + ".column_configs[" + i + "]");
    });
  }

  /** Why the table cannot be the target of a fix, or empty when it can. */
  static Optional<String> tableProblem(GenieSpace space, Catalog catalog, String identifier) {
    if (table(space, identifier).isEmpty()) {
      return Optional.of("table " + identifier + " is not in the space");
    }
    if (catalog != null && catalog.table(identifier).isEmpty()) {
      return Optional.of("table " + identifier + " does not exist in the warehouse");
    }
    return Optional.empty();
  }

  /** Why the column cannot be the target of a fix (table checks included), or empty when it can. */
  static Optional<String> columnProblem(GenieSpace space, Catalog catalog, String identifier, String column) {
    Optional<String> tableProblem = tableProblem(space, catalog, identifier);
    if (tableProblem.isPresent() || catalog == null) {
      return tableProblem;
    }
    TableSchema schema = catalog.table(identifier).orElseThrow();
    if (schema.column(column).isPresent()) {
      return Optional.empty();
    }
    String known = schema.columns().stream().limit(30).map(TableSchema.ColumnSchema::name)
        .collect(Collectors.joining(", "));
    return Optional.of("column " + column + " does not exist in table " + identifier + " in the warehouse"
        + (known.isEmpty() ? "" : " (its columns: " + known + (schema.columns().size() > 30 ? ", ..." : "") + ")"));
  }

  /** The column's name as the warehouse spells it, when the catalog knows it. */
  static String spelling(Catalog catalog, String identifier, String column) {
    if (catalog == null) {
      return column;
    }
    return catalog.table(identifier).flatMap(t -> t.column(column)).map(TableSchema.ColumnSchema::name)
        .orElse(column);
  }
}
