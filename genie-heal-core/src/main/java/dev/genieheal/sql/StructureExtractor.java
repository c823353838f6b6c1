package dev.genieheal.sql;

import dev.genieheal.sql.SqlStructure.Aggregate;
import dev.genieheal.sql.SqlStructure.ColumnRef;
import dev.genieheal.sql.SqlStructure.FilterPredicate;
import dev.genieheal.sql.SqlStructure.JoinPair;
import dev.genieheal.sql.SqlStructure.TableRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/** Reads a {@link SqlStructure} off a query whose columns {@link AstCanonicalizer} has resolved. */
final class StructureExtractor {
  /** Aggregate functions of Spark SQL and Databricks (MEASURE aggregates a metric-view measure). */
  private static final Set<String> AGGREGATES = Set.of(
      "sum", "avg", "mean", "count", "count_if", "min", "max", "median", "mode", "percentile",
      "percentile_approx", "approx_percentile", "approx_count_distinct", "stddev", "stddev_pop", "stddev_samp",
      "variance", "var_pop", "var_samp", "collect_list", "collect_set", "array_agg", "any_value", "first",
      "first_value", "last", "last_value", "max_by", "min_by", "bool_and", "bool_or", "every", "some", "any",
      "try_sum", "try_avg", "measure", "listagg", "string_agg", "corr", "covar_pop", "covar_samp", "kurtosis",
      "skewness", "bit_and", "bit_or", "bit_xor", "histogram_numeric", "regr_slope", "product");

  private final Set<String> cteNames = new LinkedHashSet<>();
  private final Set<String> tableNames = new LinkedHashSet<>();
  private final List<TableRef> tables = new ArrayList<>();
  private final List<JoinPair> joins = new ArrayList<>();
  private final Set<ColumnRef> columns = new LinkedHashSet<>();
  private final List<Aggregate> aggregates = new ArrayList<>();
  private final List<FilterPredicate> filters = new ArrayList<>();
  private final Set<String> parameters = new LinkedHashSet<>();
  private List<String> shortenOrder = List.of();

  private StructureExtractor() {}

  static Optional<SqlStructure> extract(String sql) {
    Optional<Statement> parsed = SqlParsing.single(sql).filter(Select.class::isInstance);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Select select = (Select) parsed.get();
    boolean ordered = SqlNormalizer.hasTopLevelOrderBy(select);
    try {
      new AstCanonicalizer(AstCanonicalizer.Mode.RESOLVE).select(select, null);
      return Optional.of(new StructureExtractor().read(select, ordered));
    } catch (RuntimeException e) {
      // A parse tree shape the walker does not expect is "cannot analyse", never a crash of the loop.
      return Optional.empty();
    }
  }

  private SqlStructure read(Select root, boolean ordered) {
    collectTableNames(root);
    walk(root);
    PlainSelect outer = outermost(root);
    List<String> selectItems = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    if (outer != null) {
      for (SelectItem<?> item : outer.getSelectItems()) {
        selectItems.add(text(item.toString()));
      }
      if (outer.getGroupBy() != null && outer.getGroupBy().getGroupByExpressionList() != null) {
        for (Object e : outer.getGroupBy().getGroupByExpressionList()) {
          groupBy.add(text(e.toString()));
        }
      }
    }
    List<String> orderBy = new ArrayList<>();
    Select ordering = orderingSelect(root);
    if (ordering.getOrderByElements() != null) {
      for (OrderByElement element : ordering.getOrderByElements()) {
        orderBy.add(text(element.toString()));
      }
    }
    Long limit = null;
    if (ordering.getLimit() != null && ordering.getLimit().getRowCount() instanceof LongValue value) {
      limit = value.getValue();
    }
    return new SqlStructure(tables, joins, selectItems, List.copyOf(columns), aggregates, groupBy, filters,
        orderBy, limit, ordered, List.copyOf(parameters));
  }

  private static Select orderingSelect(Select root) {
    Select select = root;
    while (select instanceof ParenthesedSelect p && p.getSelect() != null
        && (select.getOrderByElements() == null || select.getOrderByElements().isEmpty())) {
      select = p.getSelect();
    }
    return select;
  }

  private static PlainSelect outermost(Select select) {
    if (select instanceof PlainSelect plain) {
      return plain;
    }
    if (select instanceof ParenthesedSelect p) {
      return outermost(p.getSelect());
    }
    if (select instanceof SetOperationList setOp && !setOp.getSelects().isEmpty()) {
      return outermost(setOp.getSelects().get(0));
    }
    return null;
  }

  /** First pass: the names of CTEs and tables, so texts can be short-qualified. */
  private void collectTableNames(Select select) {
    new Object() {
      void select(Select s) {
        if (s == null) {
          return;
        }
        if (s.getWithItemsList() != null) {
          for (WithItem<?> with : s.getWithItemsList()) {
            cteNames.add(Scope.comparable(with.getUnquotedAliasName()));
            select(with.getSelect());
          }
        }
        if (s instanceof PlainSelect plain) {
          from(plain.getFromItem());
          if (plain.getJoins() != null) {
            plain.getJoins().forEach(j -> from(j.getRightItem()));
          }
        } else if (s instanceof SetOperationList setOp) {
          setOp.getSelects().forEach(this::select);
        } else if (s instanceof ParenthesedSelect p) {
          select(p.getSelect());
        }
      }

      void from(FromItem item) {
        if (item instanceof Table table) {
          tableNames.add(Scope.name(table));
        } else if (item instanceof ParenthesedSelect p) {
          select(p.getSelect());
        }
      }
    }.select(select);
    // Longest first so "shop.sales.orders" is shortened before a two-part "sales.orders" could be.
    shortenOrder = tableNames.stream().filter(n -> n.contains(".")).sorted(Comparator.comparingInt(String::length)
        .reversed()).toList();
  }

  private void walk(Select select) {
    if (select == null) {
      return;
    }
    if (select.getWithItemsList() != null) {
      for (WithItem<?> with : select.getWithItemsList()) {
        walk(with.getSelect());
      }
    }
    if (select instanceof PlainSelect plain) {
      plain(plain);
    } else if (select instanceof SetOperationList setOp) {
      setOp.getSelects().forEach(this::walk);
    } else if (select instanceof ParenthesedSelect p) {
      walk(p.getSelect());
    }
    if (!(select instanceof PlainSelect) && select.getOrderByElements() != null) {
      select.getOrderByElements().forEach(e -> expression(e.getExpression()));
    }
  }

  private void plain(PlainSelect select) {
    fromItem(select.getFromItem());
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        fromItem(join.getRightItem());
        if (join.getOnExpressions() != null) {
          for (Expression on : join.getOnExpressions()) {
            joinConditions(on);
            expression(on);
          }
        }
      }
    }
    for (SelectItem<?> item : select.getSelectItems()) {
      expression(item.getExpression());
    }
    if (select.getWhere() != null) {
      joinConditions(select.getWhere());
      conjuncts(select.getWhere());
      expression(select.getWhere());
    }
    if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
      for (Object e : select.getGroupBy().getGroupByExpressionList()) {
        expression((Expression) e);
      }
    }
    for (Expression condition : new Expression[] {select.getHaving(), select.getQualify()}) {
      if (condition != null) {
        conjuncts(condition);
        expression(condition);
      }
    }
    if (select.getOrderByElements() != null) {
      select.getOrderByElements().forEach(e -> expression(e.getExpression()));
    }
  }

  private void fromItem(FromItem item) {
    if (item instanceof Table table) {
      String name = Scope.name(table);
      if (!cteNames.contains(name) && tables.stream().noneMatch(t -> t.name().equals(name))) {
        tables.add(new TableRef(name, table.getAlias() == null ? null : Scope.comparable(table.getAlias().getName())));
      }
    } else if (item instanceof ParenthesedSelect p) {
      walk(p.getSelect());
    } else if (item instanceof ParenthesedFromItem p) {
      fromItem(p.getFromItem());
      if (p.getJoins() != null) {
        p.getJoins().forEach(j -> fromItem(j.getRightItem()));
      }
    }
  }

  /** Records column = column equalities between two different tables. */
  private void joinConditions(Expression condition) {
    Expression e = AstCanonicalizer.unwrap(condition);
    if (e instanceof AndExpression and) {
      joinConditions(and.getLeftExpression());
      joinConditions(and.getRightExpression());
    } else if (e instanceof EqualsTo eq
        && AstCanonicalizer.unwrap(eq.getLeftExpression()) instanceof Column l
        && AstCanonicalizer.unwrap(eq.getRightExpression()) instanceof Column r) {
      ColumnRef left = ref(l);
      ColumnRef right = ref(r);
      if (!left.table().isEmpty() && !right.table().isEmpty() && !left.table().equals(right.table())) {
        JoinPair pair = new JoinPair(left, right);
        if (joins.stream().noneMatch(pair::equals)) {
          joins.add(pair);
        }
      }
    }
  }

  private void conjuncts(Expression condition) {
    Expression e = AstCanonicalizer.unwrap(condition);
    if (e instanceof AndExpression and) {
      conjuncts(and.getLeftExpression());
      conjuncts(and.getRightExpression());
      return;
    }
    if (e instanceof EqualsTo eq && AstCanonicalizer.unwrap(eq.getLeftExpression()) instanceof Column
        && AstCanonicalizer.unwrap(eq.getRightExpression()) instanceof Column) {
      return; // a join condition, not a filter
    }
    filters.add(predicate(e));
  }

  private FilterPredicate predicate(Expression e) {
    String text = text(e.toString());
    if (e instanceof NotExpression not) {
      FilterPredicate inner = predicate(AstCanonicalizer.unwrap(not.getExpression()));
      return new FilterPredicate(inner.column(), "not " + inner.operator(), inner.values(), text);
    }
    if (e instanceof OrExpression) {
      List<FilterPredicate> parts = new ArrayList<>();
      disjuncts(e, parts);
      ColumnRef shared = parts.get(0).column();
      List<String> values = new ArrayList<>();
      for (FilterPredicate p : parts) {
        if (shared != null && !shared.equals(p.column())) {
          shared = null;
        }
        values.addAll(p.values());
      }
      return new FilterPredicate(shared, "or", values, text);
    }
    if (e instanceof LikeExpression like) {
      String op = like.getLikeKeyWord() == null ? "like" : like.getLikeKeyWord().toString().toLowerCase(Locale.ROOT);
      return binary(like, (like.isNot() ? "not " : "") + op, text);
    }
    if (e instanceof ComparisonOperator comparison) {
      return binary(comparison, comparison.getStringExpression().replace("!=", "<>"), text);
    }
    if (e instanceof InExpression in) {
      List<String> values = new ArrayList<>();
      Expression right = in.getRightExpression();
      if (right instanceof ExpressionList<?> list) {
        list.forEach(v -> value(v).ifPresent(values::add));
      }
      return new FilterPredicate(columnOf(in.getLeftExpression()), in.isNot() ? "not in" : "in", values, text);
    }
    if (e instanceof Between between) {
      List<String> values = new ArrayList<>();
      value(between.getBetweenExpressionStart()).ifPresent(values::add);
      value(between.getBetweenExpressionEnd()).ifPresent(values::add);
      return new FilterPredicate(columnOf(between.getLeftExpression()),
          between.isNot() ? "not between" : "between", values, text);
    }
    if (e instanceof IsNullExpression isNull) {
      return new FilterPredicate(columnOf(isNull.getLeftExpression()),
          isNull.isNot() ? "is not null" : "is null", List.of(), text);
    }
    return new FilterPredicate(columnOf(e), "expression", List.of(), text);
  }

  private void disjuncts(Expression e, List<FilterPredicate> out) {
    Expression u = AstCanonicalizer.unwrap(e);
    if (u instanceof OrExpression or) {
      disjuncts(or.getLeftExpression(), out);
      disjuncts(or.getRightExpression(), out);
    } else {
      out.add(predicate(u));
    }
  }

  private FilterPredicate binary(BinaryExpression e, String operator, String text) {
    Expression left = AstCanonicalizer.unwrap(e.getLeftExpression());
    Expression right = AstCanonicalizer.unwrap(e.getRightExpression());
    ColumnRef column = columnOf(left);
    Expression other = right;
    if (column == null) {
      column = columnOf(right);
      other = left;
    }
    List<String> values = new ArrayList<>();
    value(other).ifPresent(values::add);
    return new FilterPredicate(column, operator.toLowerCase(Locale.ROOT), values, text);
  }

  /** The single column an expression reads (e.g. {@code lower(region)} reads region), or null. */
  private ColumnRef columnOf(Expression e) {
    List<ColumnRef> found = new ArrayList<>();
    e.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Column column, S context) {
        found.add(ref(column));
        return null;
      }

      @Override
      public <S> Void visit(Select select, S context) {
        return null;
      }
    }, null);
    return found.stream().distinct().count() == 1 ? found.get(0) : null;
  }

  /** A literal's value (strings unquoted), a parameter as {@code :name}; empty for anything reading a column. */
  private Optional<String> value(Expression e) {
    Expression u = AstCanonicalizer.unwrap(e);
    if (u instanceof StringValue s) {
      return Optional.of(s.getValue().replace("''", "'"));
    }
    if (u instanceof CastExpression cast && cast.isImplicitCast()
        && AstCanonicalizer.unwrap(cast.getLeftExpression()) instanceof StringValue literal) {
      return Optional.of(literal.getValue()); // DATE '2024-01-01' and TIMESTAMP '...'
    }
    if (u instanceof DateTimeLiteralExpression d) {
      return Optional.of(d.getValue().replace("'", ""));
    }
    if (u instanceof JdbcNamedParameter p) {
      return Optional.of(":" + p.getName());
    }
    if (columnOf(u) != null || u instanceof ParenthesedSelect) {
      return Optional.empty();
    }
    return Optional.of(text(u.toString()));
  }

  /** Columns, aggregates and parameters anywhere in an expression, descending into subqueries. */
  private void expression(Expression expression) {
    if (expression == null) {
      return;
    }
    expression.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Column column, S context) {
        columns.add(ref(column));
        return null;
      }

      @Override
      public <S> Void visit(Function function, S context) {
        String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
        if (AGGREGATES.contains(name)) {
          aggregates.add(aggregate(function, name));
        }
        return super.visit(function, context);
      }

      @Override
      public <S> Void visit(JdbcNamedParameter parameter, S context) {
        parameters.add(parameter.getName());
        return null;
      }

      @Override
      public <S> Void visit(Select select, S context) {
        walk(select);
        return null;
      }
    }, null);
  }

  private Aggregate aggregate(Function function, String name) {
    String argument = function.isAllColumns() || function.getParameters() == null
        ? "*" : text(function.getParameters().toString());
    List<ColumnRef> read = new ArrayList<>();
    if (function.getParameters() != null) {
      for (Object p : function.getParameters()) {
        ((Expression) p).accept(new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S context) {
            read.add(ref(column));
            return null;
          }
        }, null);
      }
    }
    return new Aggregate(name, function.isDistinct(), argument, read, text(function.toString()));
  }

  private ColumnRef ref(Column column) {
    String table = column.getTable() == null ? "" : Scope.name(column.getTable());
    return new ColumnRef(table, Scope.comparable(column.getColumnName()));
  }

  /** Normalised text with table qualifiers shortened to the table's last name part. */
  private String text(String raw) {
    String t = SqlNormalizer.caseAndQuotes(raw);
    for (String full : shortenOrder) {
      t = t.replace(full + ".", SqlStructure.shortName(full) + ".");
    }
    return t;
  }
}
