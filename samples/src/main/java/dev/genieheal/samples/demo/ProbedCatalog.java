package dev.genieheal.samples.demo;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SqlExecutor} that also describes a fixed list of tables, learnt by running {@code SELECT * ... LIMIT 0}
 * on each through the executor itself, so a remote warehouse (the statement execution API) can back the analyzer's
 * and the validator's column checks. Tables the warehouse cannot read are left out. Thread-safe.
 */
final class ProbedCatalog implements SqlExecutor {
  private final SqlExecutor executor;
  private final Catalog catalog;

  private ProbedCatalog(SqlExecutor executor, Catalog catalog) {
    this.executor = executor;
    this.catalog = catalog;
  }

  /** Probes every table once, now. */
  static ProbedCatalog probe(SqlExecutor executor, List<String> identifiers) {
    Objects.requireNonNull(executor, "executor");
    List<TableSchema> tables = new ArrayList<>();
    for (String identifier : identifiers) {
      String quoted = "`" + identifier.replace("`", "").replace(".", "`.`") + "`";
      try {
        ResultTable empty = executor.execute("SELECT * FROM " + quoted + " LIMIT 0");
        tables.add(new TableSchema(identifier, empty.columns().stream()
            .map(c -> new TableSchema.ColumnSchema(c.name(), c.type())).toList()));
      } catch (SqlExecutionException e) {
        // A table the warehouse cannot read stays unknown; the validator then reports it, as the service would.
      }
    }
    return new ProbedCatalog(executor, Catalog.of(tables));
  }

  @Override
  public ResultTable execute(String sql) {
    return executor.execute(sql);
  }

  @Override
  public Optional<Catalog> catalog() {
    return Optional.of(catalog);
  }

  @Override
  public String toString() {
    return "ProbedCatalog[" + executor + ", " + catalog.tables().size() + " tables]";
  }
}
