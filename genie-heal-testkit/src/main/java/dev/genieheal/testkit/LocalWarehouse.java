package dev.genieheal.testkit;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.internal.Checks;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.TableSchema;
import dev.genieheal.sql.ReadOnlySqlGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory SQL warehouse on DuckDB that runs Spark SQL as Genie writes it, for tests and demos.
 *
 * <pre>{@code
 * try (LocalWarehouse warehouse = LocalWarehouse.builder()
 *     .script("CREATE TABLE retail.sales.orders (order_id BIGINT, amount DECIMAL(10,2), order_date DATE);"
 *         + "INSERT INTO retail.sales.orders VALUES (1, 20.00, DATE '2024-03-01')")
 *     .csv("retail.sales.customers", Path.of("customers.csv"))
 *     .build()) {
 *   ResultTable t = warehouse.execute("SELECT sum(`amount`) FROM retail.sales.orders");
 * }
 * }</pre>
 *
 * <h2>Unity Catalog names</h2>
 * Three-part names {@code catalog.schema.table} work: any setup statement that creates a table or view (or a
 * schema) under a catalog or schema that does not exist yet creates it first (each catalog is an in-memory DuckDB
 * database). Back-ticked identifiers and {@code DATE '2024-01-01'} / {@code TIMESTAMP '...'} literals are native.
 *
 * <h2>Spark SQL compatibility</h2>
 * Native in DuckDB with Spark's meaning: {@code if}, {@code ifnull}, {@code coalesce}, {@code nullif},
 * {@code date_trunc('MONTH', d)}, {@code date_add(d, n)}, {@code last_day}, {@code year}, {@code month},
 * {@code day}, {@code dayofmonth}, {@code quarter}, {@code weekofyear}, {@code current_date}, {@code concat_ws},
 * {@code substring}, {@code instr}, {@code lpad}, {@code round}, {@code count_if}, {@code any_value},
 * {@code approx_count_distinct}, {@code median}, {@code ILIKE}, {@code CAST(x AS STRING)}. Added as macros:
 * <ul>
 *   <li>{@code nvl(a, b)}, {@code nvl2(a, b, c)};
 *   <li>{@code datediff(end, start)} (days; the three-argument DuckDB form still works);
 *   <li>{@code date_sub(d, n)} (days), {@code add_months(d, n)};
 *   <li>{@code dayofweek(d)} with Spark's numbering (1 = Sunday ... 7 = Saturday);
 *   <li>{@code date_format(d, pattern)} for the pattern letters {@code yyyy yy MMMM MMM MM M dd d HH hh mm ss
 *       EEEE EEE a} (other characters are copied);
 *   <li>{@code to_date(s)}, and {@code to_date(s, pattern)} for {@code yyyy-MM-dd}, {@code yyyy/MM/dd},
 *       {@code yyyyMMdd}, {@code MM/dd/yyyy}, {@code dd/MM/yyyy}, {@code dd-MM-yyyy}, {@code dd.MM.yyyy},
 *       {@code yyyy-MM-dd HH:mm:ss} (null when the text does not fit, as Spark does; other patterns fail);
 *   <li>{@code from_unixtime(n)}, {@code size(array)}, {@code collect_list}, {@code collect_set},
 *       {@code percentile(x, p)}, {@code percentile_approx(x, p)}.
 * </ul>
 * Not supported: {@code RLIKE}, {@code current_timestamp()} with parentheses, {@code trunc(d, fmt)}.
 *
 * <h2>Guard and limits</h2>
 * Every statement passed to {@link #execute} must pass {@link ReadOnlySqlGuard}; the builder's setup steps
 * ({@code script}, {@code csv}, {@code table}, {@code tablesOf}) are the only way to change data. Results are cut at
 * {@link Builder#maxRows(int)} rows (default {@value #DEFAULT_MAX_ROWS}, Genie's limit) and marked truncated.
 *
 * <p>Thread-safe: each query runs on its own DuckDB connection. Close the warehouse to free its memory.
 */
public final class LocalWarehouse implements SqlExecutor, AutoCloseable {
  /** The default row cap, the same as Genie's. */
  public static final int DEFAULT_MAX_ROWS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(LocalWarehouse.class);
  private static final Pattern CREATE = Pattern.compile(
      "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMP(?:ORARY)?\\s+)?(TABLE|VIEW|SCHEMA)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
          + "((?:[`\"]?[\\w$]+[`\"]?)(?:\\s*\\.\\s*[`\"]?[\\w$]+[`\"]?)*)",
      Pattern.CASE_INSENSITIVE);

  private final DuckDBConnection root;
  private final int maxRows;
  private final Catalog catalog;
  private final Builder setup;
  private volatile boolean closed;

  private LocalWarehouse(DuckDBConnection root, int maxRows, Catalog catalog, Builder setup) {
    this.root = root;
    this.maxRows = maxRows;
    this.catalog = catalog;
    this.setup = setup;
  }

  /** A builder for a warehouse with no tables. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs one read-only query and returns at most {@link #maxRows()} rows.
   *
   * @throws SqlExecutionException when the guard refuses the SQL (nothing runs) or DuckDB fails it; the message
   *     carries DuckDB's reason and the SQL state when there is one
   * @throws IllegalStateException when the warehouse is closed
   */
  @Override
  public ResultTable execute(String sql) {
    ReadOnlySqlGuard.check(sql);
    requireOpen();
    try (Connection c = root.duplicate(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return DuckRows.read(rs, maxRows);
    } catch (SQLException e) {
      LOG.debug("query failed: {}", sql, e);
      throw new SqlExecutionException("query failed on LocalWarehouse: " + firstLine(e.getMessage())
          + "\n  SQL: " + abbreviate(sql), e.getSQLState(), e);
    }
  }

  /** The tables and columns created during setup, with Spark type names ({@code STRING}, {@code INT}, ...). */
  @Override
  public Optional<Catalog> catalog() {
    return Optional.of(catalog);
  }

  /** The row cap of {@link #execute}. */
  public int maxRows() {
    return maxRows;
  }

  /** A builder holding this warehouse's setup steps and settings, to build another warehouse like it. */
  public Builder toBuilder() {
    return setup.copy();
  }

  /** Frees the database. Idempotent; {@link #execute} fails afterwards. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        root.close();
      } catch (SQLException e) {
        LOG.warn("closing LocalWarehouse failed", e);
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("LocalWarehouse is closed");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  /**
   * Builds a {@link LocalWarehouse}. Setup steps run in the order they were added, when {@link #build()} is called.
   * Defaults: no tables, {@code maxRows} {@value LocalWarehouse#DEFAULT_MAX_ROWS}. Not thread-safe.
   */
  public static final class Builder {
    private final List<Step> steps;
    private int maxRows = DEFAULT_MAX_ROWS;

    private Builder() {
      this.steps = new ArrayList<>();
    }

    private Builder copy() {
      Builder b = new Builder();
      b.steps.addAll(steps);
      b.maxRows = maxRows;
      return b;
    }

    /**
     * The most rows {@link LocalWarehouse#execute} returns; more are cut and the result marked truncated.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxRows(int maxRows) {
      this.maxRows = Checks.positive(maxRows, "maxRows");
      return this;
    }

    /**
     * Adds a setup script: statements separated by semicolons, any SQL DuckDB accepts (DDL, INSERT, ...). Catalogs
     * and schemas named in CREATE statements are created first. Not guarded.
     *
     * @throws IllegalArgumentException when the script is blank
     */
    public Builder script(String sql) {
      Checks.notBlank(sql, "sql");
      int index = steps.size() + 1;
      steps.add(new Step("script #" + index, s -> s.runScript(sql)));
      return this;
    }

    /** Adds a setup script read (UTF-8) from a file when the warehouse is built; see {@link #script(String)}. */
    public Builder script(Path file) {
      Objects.requireNonNull(file, "file");
      steps.add(new Step("script " + file, s -> s.runScript(read(file))));
      return this;
    }

    /**
     * Creates a table from a CSV file with a header row; column types are inferred.
     *
     * @param identifier the table's three-part name
     * @param file the CSV file
     */
    public Builder csv(String identifier, Path file) {
      requireIdentifier(identifier);
      Objects.requireNonNull(file, "file");
      steps.add(new Step("csv " + file + " into " + identifier, s -> {
        if (!Files.isReadable(file)) {
          throw new SQLException("cannot read CSV file " + file);
        }
        s.run("CREATE TABLE " + identifier + " AS SELECT * FROM read_csv(" + literal(file.toString())
            + ", header = true)");
      }));
      return this;
    }

    /**
     * Creates an empty table.
     *
     * @param identifier the table's three-part name
     * @param columns column definitions, e.g. {@code "order_id BIGINT, amount DECIMAL(10,2)"}
     */
    public Builder table(String identifier, String columns) {
      requireIdentifier(identifier);
      Objects.requireNonNull(columns, "columns");
      if (columns.isBlank()) {
        throw new IllegalArgumentException("columns must not be blank for table " + identifier);
      }
      steps.add(new Step("table " + identifier, s -> s.run("CREATE TABLE " + identifier + " (" + columns + ")")));
      return this;
    }

    /**
     * Creates an empty {@code STRING}-typed table for every table of the space that does not exist yet, with the
     * columns named in its {@code column_configs}; useful for validating a space without data. Tables without
     * column configs are skipped.
     */
    public Builder tablesOf(GenieSpace space) {
      Objects.requireNonNull(space, "space");
      steps.add(new Step("tables of a space", s -> {
        for (DataObject table : space.tables()) {
          List<String> cols = new ArrayList<>();
          for (ColumnConfig cc : table.columnConfigs()) {
            if (cc != null && cc.columnName() != null && !cc.columnName().isBlank()) {
              cols.add(quote(cc.columnName()) + " STRING");
            }
          }
          if (table.identifier() != null && !cols.isEmpty()) {
            s.run("CREATE TABLE IF NOT EXISTS " + table.identifier() + " (" + String.join(", ", cols) + ")");
          }
        }
      }));
      return this;
    }

    /**
     * Creates the database and runs the setup steps in order.
     *
     * @throws SqlExecutionException naming the step, statement and line that failed; nothing is left open
     */
    public LocalWarehouse build() {
      DuckDBConnection root;
      try {
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
      } catch (SQLException e) {
        throw new SqlExecutionException("cannot start DuckDB: " + e.getMessage(), e.getSQLState(), e);
      }
      Setup s = new Setup(root);
      String current = "Spark SQL macros";
      try {
        for (String macro : SparkCompat.macros()) {
          s.run(macro);
        }
        for (Step step : steps) {
          current = step.description();
          s.position = "";
          step.action().run(s);
        }
        Catalog catalog = s.readCatalog();
        return new LocalWarehouse(root, maxRows, catalog, copy());
      } catch (SQLException | RuntimeException e) {
        try {
          root.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        if (e instanceof GenieHealException) {
          throw (GenieHealException) e;
        }
        throw new SqlExecutionException("LocalWarehouse setup failed in " + current + s.position + ": "
            + firstLine(e.getMessage()), e instanceof SQLException ? ((SQLException) e).getSQLState() : null, e);
      }
    }

    private static void requireIdentifier(String identifier) {
      Checks.notBlank(identifier, "identifier");
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new GenieHealException("cannot read SQL script " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private record Step(String description, SetupAction action) {}

  @FunctionalInterface
  private interface SetupAction {
    void run(Setup setup) throws SQLException;
  }

  /** Runs setup statements on the root connection, creating catalogs and schemas on demand. */
  private static final class Setup {
    private final Connection connection;
    private String position = "";

    Setup(Connection connection) {
      this.connection = connection;
    }

    void runScript(String script) throws SQLException {
      List<SqlScript.Statement> statements = SqlScript.split(script);
      for (int i = 0; i < statements.size(); i++) {
        SqlScript.Statement st = statements.get(i);
        position = ", statement " + (i + 1) + " (line " + st.line() + ")";
        run(st.sql());
      }
    }

    void run(String sql) throws SQLException {
      Matcher m = CREATE.matcher(sql);
      if (m.find()) {
        ensureContainers(m.group(1).toUpperCase(java.util.Locale.ROOT), parts(m.group(2)));
      }
      try (Statement st = connection.createStatement()) {
        st.execute(sql);
      }
    }

    private void ensureContainers(String kind, List<String> parts) throws SQLException {
      boolean schema = kind.equals("SCHEMA");
      if (parts.size() != (schema ? 2 : 3)) {
        return;
      }
      String cat = parts.get(0);
      if (!List.of("memory", "system", "temp").contains(cat.toLowerCase(java.util.Locale.ROOT))) {
        exec("ATTACH IF NOT EXISTS ':memory:' AS " + quote(cat));
      }
      if (!schema) {
        exec("CREATE SCHEMA IF NOT EXISTS " + quote(cat) + "." + quote(parts.get(1)));
      }
    }

    private void exec(String sql) throws SQLException {
      try (Statement st = connection.createStatement()) {
        st.execute(sql);
      }
    }

    Catalog readCatalog() throws SQLException {
      Map<String, List<TableSchema.ColumnSchema>> tables = new LinkedHashMap<>();
      String q = "SELECT table_catalog, table_schema, table_name, column_name, data_type"
          + " FROM information_schema.columns WHERE table_catalog NOT IN ('system', 'temp')"
          + " ORDER BY table_catalog, table_schema, table_name, ordinal_position";
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(q)) {
        while (rs.next()) {
          String id = rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3);
          tables.computeIfAbsent(id, k -> new ArrayList<>())
              .add(new TableSchema.ColumnSchema(rs.getString(4), DuckRows.sparkType(rs.getString(5))));
        }
      }
      List<TableSchema> schemas = new ArrayList<>();
      tables.forEach((id, cols) -> schemas.add(new TableSchema(id, cols)));
      return Catalog.of(schemas);
    }
  }

  /** The parts of a dotted identifier, without quotes. */
  private static List<String> parts(String identifier) {
    List<String> out = new ArrayList<>();
    for (String p : identifier.split("\\.")) {
      out.add(p.strip().replace("`", "").replace("\"", ""));
    }
    return out;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
