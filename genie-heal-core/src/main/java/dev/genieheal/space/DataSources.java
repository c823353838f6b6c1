package dev.genieheal.space;

import java.util.List;

/**
 * The {@code data_sources} section.
 *
 * @param tables tables and views, sorted by identifier in canonical form
 * @param metricViews Unity Catalog metric views, sorted by identifier in canonical form
 * @param unknown fields the model does not know
 */
public record DataSources(List<DataObject> tables, List<DataObject> metricViews, UnknownFields unknown) {
  private static final DataSources EMPTY = new DataSources(List.of(), List.of(), UnknownFields.none());

  /** Copies the lists; null lists become empty. */
  public DataSources {
    tables = Lists.copy(tables);
    metricViews = Lists.copy(metricViews);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** An empty section. */
  public static DataSources empty() {
    return EMPTY;
  }

  /** Whether the section holds nothing. */
  public boolean isEmpty() {
    return tables.isEmpty() && metricViews.isEmpty() && unknown.isEmpty();
  }
}
