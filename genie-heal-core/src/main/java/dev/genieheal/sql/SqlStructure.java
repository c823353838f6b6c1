package dev.genieheal.sql;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The structure of one query as Genie or a benchmark wrote it: tables, joins, columns, aggregates, grouping,
 * filters, ordering and limit. Names are in comparison form (lower case, no quotes); column qualifiers are resolved
 * through aliases to the table's name as written in FROM (three-part when the SQL wrote it so). Expression texts use
 * short table qualifiers ({@code orders.amount}) so that texts from differently qualified queries compare equal.
 *
 * <p>Everything is collected from the whole statement (CTEs and subqueries included), except {@code selectItems},
 * {@code groupBy}, {@code orderBy} and {@code limit}, which describe the outermost query. Immutable.
 *
 * @param tables warehouse tables read (CTE names excluded), in order of appearance, without duplicates
 * @param joins equality conditions between columns of two different tables (ON clauses and WHERE)
 * @param selectItems the outermost select list as normalised expression texts
 * @param columns every resolved column reference, without duplicates
 * @param aggregates aggregate function calls
 * @param groupBy the outermost GROUP BY expression texts
 * @param filters WHERE, HAVING and QUALIFY conjuncts
 * @param orderBy the outermost ORDER BY expression texts (with direction)
 * @param limit the outermost LIMIT, or null
 * @param hasTopLevelOrderBy whether the outermost query orders its result
 * @param parameters {@code :name} placeholders, without the colon
 */
public record SqlStructure(
    List<TableRef> tables,
    List<JoinPair> joins,
    List<String> selectItems,
    List<ColumnRef> columns,
    List<Aggregate> aggregates,
    List<String> groupBy,
    List<FilterPredicate> filters,
    List<String> orderBy,
    Long limit,
    boolean hasTopLevelOrderBy,
    List<String> parameters) {

  /** Copies. */
  public SqlStructure {
    tables = List.copyOf(tables);
    joins = List.copyOf(joins);
    selectItems = List.copyOf(selectItems);
    columns = List.copyOf(columns);
    aggregates = List.copyOf(aggregates);
    groupBy = List.copyOf(groupBy);
    filters = List.copyOf(filters);
    orderBy = List.copyOf(orderBy);
    parameters = List.copyOf(parameters);
  }

  /**
   * The structure of one SELECT/WITH query, or empty when the SQL cannot be parsed, is blank, holds several
   * statements or is not a query. Never throws.
   */
  public static Optional<SqlStructure> parse(String sql) {
    return DerivedCache.SHARED.get(sql, DerivedCache.Kind.STRUCTURE, StructureExtractor::extract);
  }

  /** The table with the given name (full or short, case-insensitive), if the query reads it. */
  public Optional<TableRef> table(String name) {
    String wanted = Scope.comparable(name);
    return tables.stream().filter(t -> t.name().equals(wanted) || t.shortName().equals(shortName(wanted)))
        .findFirst();
  }

  /** The last part of a dotted name. */
  static String shortName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * A table read by the query.
   *
   * @param name the name as written in FROM, in comparison form (e.g. {@code shop.sales.orders})
   * @param alias the alias, or null
   */
  public record TableRef(String name, String alias) {
    /** Validates. */
    public TableRef {
      Objects.requireNonNull(name, "name");
    }

    /** The last part of the name. */
    public String shortName() {
      return SqlStructure.shortName(name);
    }
  }

  /**
   * A column reference.
   *
   * @param table the table's name as in {@link TableRef#name()}, or empty when the query does not say which table
   * @param column the column name in comparison form
   */
  public record ColumnRef(String table, String column) {
    /** Validates and lower-cases. */
    public ColumnRef {
      table = table == null ? "" : table.toLowerCase(Locale.ROOT);
      Objects.requireNonNull(column, "column");
      column = column.toLowerCase(Locale.ROOT);
    }

    /** The last part of the table name, or empty. */
    public String shortTable() {
      return shortName(table);
    }

    /** Whether both name the same column, comparing tables by short name; an unknown table matches any. */
    public boolean sameAs(ColumnRef other) {
      return column.equals(other.column)
          && (table.isEmpty() || other.table.isEmpty() || shortTable().equals(other.shortTable()));
    }

    @Override
    public String toString() {
      return table.isEmpty() ? column : table + "." + column;
    }
  }

  /**
   * An equality join condition between two tables; the side whose table sorts first is {@code left}.
   *
   * @param left one side
   * @param right the other side
   */
  public record JoinPair(ColumnRef left, ColumnRef right) {
    /** Validates and orders the sides. */
    public JoinPair {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      if (left.toString().compareTo(right.toString()) > 0) {
        ColumnRef swap = left;
        left = right;
        right = swap;
      }
    }

    /** Whether both join the same two columns, comparing tables by short name. */
    public boolean sameAs(JoinPair other) {
      return left.sameAs(other.left) && right.sameAs(other.right)
          || left.sameAs(other.right) && right.sameAs(other.left);
    }

    /** Whether both join the same two tables, on whatever columns. */
    public boolean sameTables(JoinPair other) {
      return left.shortTable().equals(other.left.shortTable()) && right.shortTable().equals(other.right.shortTable())
          || left.shortTable().equals(other.right.shortTable())
          && right.shortTable().equals(other.left.shortTable());
    }

    @Override
    public String toString() {
      return left + " = " + right;
    }
  }

  /**
   * An aggregate function call.
   *
   * @param function the function name in lower case (e.g. {@code sum}, {@code count}, {@code measure})
   * @param distinct whether it aggregates distinct values
   * @param argument the argument text ({@code *} for {@code COUNT(*)}), short-qualified
   * @param columns the columns the argument reads
   * @param expression the whole call as text, e.g. {@code sum(orders.amount)}
   */
  public record Aggregate(
      String function, boolean distinct, String argument, List<ColumnRef> columns, String expression) {
    /** Validates and copies. */
    public Aggregate {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(argument, "argument");
      columns = List.copyOf(columns);
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public String toString() {
      return expression;
    }
  }

  /**
   * One conjunct of a WHERE, HAVING or QUALIFY condition.
   *
   * @param column the filtered column (for an OR, the column all disjuncts share), or null
   * @param operator {@code =}, {@code <>}, {@code <}, {@code >=}, {@code like}, {@code in}, {@code between},
   *     {@code is null}, {@code or}, ... (with {@code not } in front when negated), or {@code expression}
   * @param values the literal values compared with (strings unquoted, {@code :name} for parameters)
   * @param expression the whole conjunct as text, short-qualified
   */
  public record FilterPredicate(ColumnRef column, String operator, List<String> values, String expression) {
    /** Validates and copies. */
    public FilterPredicate {
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
      Objects.requireNonNull(expression, "expression");
    }

    /** The column, when the predicate names one. */
    public Optional<ColumnRef> columnIfAny() {
      return Optional.ofNullable(column);
    }

    @Override
    public String toString() {
      return expression;
    }
  }
}
