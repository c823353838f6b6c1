package dev.genieheal.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.OldOracleJoinBinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Rewrites a parsed query in place so that equivalent spellings print alike. Both modes drop redundant
 * parentheses and resolve every column qualifier through the FROM scopes; they differ in what a qualifier becomes.
 *
 * <ul>
 *   <li>{@link Mode#NORMALIZE}: alias names stop mattering. A SELECT over one item drops qualifiers; otherwise a
 *       qualifier becomes the table's short name (or {@code tN} when two items share it), and aliases are set to
 *       match. Join keywords are spelled one way. Commutative spellings print alike: the conjuncts of the AND at
 *       the top of a WHERE, ON, HAVING or QUALIFY condition are sorted, and the sides of {@code =} and
 *       {@code <>} are put in order (the printed {@code !=} becomes {@code <>} in {@link SqlNormalizer}).
 *   <li>{@link Mode#RESOLVE}: every resolvable column is qualified with its table's full name (unqualified columns
 *       too, when the SELECT has one item), so structure extraction can read table.column pairs off the tree.
 * </ul>
 *
 * Not thread-safe; one instance per statement.
 */
final class AstCanonicalizer {
  enum Mode { NORMALIZE, RESOLVE }

  private final Mode mode;
  private final Set<String> cteNames = new HashSet<>();

  AstCanonicalizer(Mode mode) {
    this.mode = mode;
  }

  void select(Select select, Scope outer) {
    if (select == null) {
      return;
    }
    if (select.getWithItemsList() != null) {
      for (WithItem<?> with : select.getWithItemsList()) {
        cteNames.add(Scope.comparable(with.getUnquotedAliasName()));
        if (with.getSelect() != null) {
          select(with.getSelect(), outer);
        }
      }
    }
    if (select instanceof PlainSelect plain) {
      plain(plain, outer);
      return;
    }
    if (select instanceof SetOperationList setOp) {
      setOp.getSelects().forEach(s -> select(s, outer));
    } else if (select instanceof ParenthesedSelect parenthesed) {
      select(parenthesed.getSelect(), outer);
    }
    orderBy(select.getOrderByElements(), new Scope(outer), Set.of());
  }

  private void plain(PlainSelect select, Scope outer) {
    Scope scope = new Scope(outer);
    addFromItem(select.getFromItem(), scope, outer);
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        addFromItem(join.getRightItem(), scope, outer);
      }
    }
    if (select.getLateralViews() != null) {
      for (LateralView view : select.getLateralViews()) {
        String alias = view.getTableAlias() == null ? "" : Scope.comparable(view.getTableAlias().getName());
        scope.add(null, alias, alias, false);
      }
    }
    Set<String> selectAliases = new HashSet<>();
    for (SelectItem<?> item : select.getSelectItems()) {
      if (item.getAlias() != null) {
        selectAliases.add(Scope.comparable(item.getAlias().getName()));
      }
    }
    Rewriter rewriter = new Rewriter(scope, selectAliases);
    for (SelectItem<?> item : select.getSelectItems()) {
      rewriteSelectItem(item, rewriter);
    }
    select.setWhere(rewriter.condition(select.getWhere()));
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        if (join.getOnExpressions() != null && !join.getOnExpressions().isEmpty()) {
          join.setOnExpressions(join.getOnExpressions().stream().map(rewriter::condition).toList());
        }
        if (join.getUsingColumns() != null) {
          join.getUsingColumns().forEach(c -> c.setTable(null));
        }
        if (mode == Mode.NORMALIZE) {
          spellJoin(join);
        }
      }
    }
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy != null && groupBy.getGroupByExpressionList() != null) {
      rewriter.list(groupBy.getGroupByExpressionList());
    }
    select.setHaving(rewriter.condition(select.getHaving()));
    select.setQualify(rewriter.condition(select.getQualify()));
    orderBy(select.getOrderByElements(), scope, selectAliases);
    if (mode == Mode.NORMALIZE) {
      renameAliases(scope);
    }
  }

  private void addFromItem(FromItem item, Scope scope, Scope outer) {
    if (item == null) {
      return;
    }
    String alias = item.getAlias() == null ? null : Scope.comparable(item.getAlias().getName());
    if (item instanceof Table table) {
      String name = Scope.name(table);
      scope.add(item, name, alias, !cteNames.contains(name));
    } else {
      if (item instanceof ParenthesedSelect sub) {
        select(sub.getSelect(), outer);
      }
      scope.add(item, alias == null ? "" : alias, alias, false);
    }
  }

  private void rewriteSelectItem(SelectItem<?> item, Rewriter rewriter) {
    Expression expression = rewriter.root(item.getExpression());
    @SuppressWarnings("unchecked")
    SelectItem<Expression> typed = (SelectItem<Expression>) item;
    typed.setExpression(expression);
    Alias alias = item.getAlias();
    if (alias != null && mode == Mode.NORMALIZE) {
      if (expression instanceof Column column
          && Scope.comparable(column.getColumnName()).equals(Scope.comparable(alias.getName()))) {
        item.setAlias(null);
      } else {
        alias.setUseAs(true);
      }
    }
  }

  private void orderBy(List<OrderByElement> elements, Scope scope, Set<String> selectAliases) {
    if (elements == null) {
      return;
    }
    Rewriter rewriter = new Rewriter(scope, selectAliases);
    for (OrderByElement element : elements) {
      element.setExpression(rewriter.root(element.getExpression()));
    }
  }

  /** Renames aliases so that two spellings of the same query print the same names. */
  private void renameAliases(Scope scope) {
    List<Scope.Entry> entries = scope.entries();
    for (int i = 0; i < entries.size(); i++) {
      Scope.Entry entry = entries.get(i);
      if (entry.item() == null) {
        continue;
      }
      String qualifier = qualifier(scope, entry);
      if (entry.item() instanceof Table table && (qualifier == null || qualifier.equals(entry.shortName()))) {
        table.setAlias(null);
      } else if (qualifier != null) {
        entry.item().setAlias(new Alias(qualifier, true));
      }
    }
  }

  /** What columns of this entry are qualified with, or null for no qualifier. */
  private String qualifier(Scope scope, Scope.Entry entry) {
    if (mode == Mode.RESOLVE) {
      return entry.name().isEmpty() ? null : entry.name();
    }
    List<Scope.Entry> entries = scope.entries();
    int index = entries.indexOf(entry);
    if (entries.size() == 1 && scope.isLocal(entry)) {
      return entry.isTable() || entry.item() instanceof Table ? null : "sq1";
    }
    if (!entry.isTable() && !(entry.item() instanceof Table)) {
      return "sq" + (index + 1);
    }
    long sameShortName = entries.stream().filter(e -> e.shortName().equals(entry.shortName())).count();
    return sameShortName == 1 ? entry.shortName() : "t" + (index + 1);
  }

  private static void spellJoin(Join join) {
    boolean plainInner = !join.isSimple() && !join.isLeft() && !join.isRight() && !join.isFull()
        && !join.isCross() && !join.isNatural() && !join.isSemi() && !join.isApply();
    if (plainInner) {
      join.setInner(true);
    }
    if (join.isLeft() || join.isRight() || join.isFull()) {
      join.setOuter(false);
    }
  }

  /** What orders commutative operands: their text as the normal form will print it. */
  private static String sortKey(Expression expression) {
    return SqlNormalizer.caseAndQuotes(expression.toString());
  }

  /** Unwraps a single parenthesised expression; returns the argument otherwise. */
  static Expression unwrap(Expression expression) {
    Expression e = expression;
    while (true) {
      if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        e = list.get(0);
      } else if (e instanceof Parenthesis parenthesis) {
        e = parenthesis.getExpression();
      } else {
        return e;
      }
    }
  }

  /** Rewrites the expressions of one SELECT: columns, redundant parentheses and nested queries. */
  private final class Rewriter extends ExpressionVisitorAdapter<Void> {
    private final Scope scope;
    private final Set<String> selectAliases;

    Rewriter(Scope scope, Set<String> selectAliases) {
      this.scope = scope;
      this.selectAliases = selectAliases;
    }

    Expression root(Expression expression) {
      if (expression == null) {
        return null;
      }
      Expression e = unwrap(expression);
      e.accept(this, null);
      return e;
    }

    /**
     * Rewrites a filter condition; when normalising, the conjuncts of its top-level AND are sorted by their normal
     * text (AND is commutative, so the order a query spells them in does not change its result).
     */
    Expression condition(Expression expression) {
      Expression e = root(expression);
      if (mode != Mode.NORMALIZE || !(e instanceof AndExpression)) {
        return e;
      }
      List<Expression> conjuncts = new ArrayList<>();
      flattenAnd(e, conjuncts);
      conjuncts.sort(Comparator.comparing(AstCanonicalizer::sortKey));
      Expression sorted = conjuncts.get(0);
      for (int i = 1; i < conjuncts.size(); i++) {
        sorted = new AndExpression(sorted, conjuncts.get(i));
      }
      return sorted;
    }

    private void flattenAnd(Expression expression, List<Expression> conjuncts) {
      Expression inner = unwrap(expression);
      if (inner instanceof AndExpression and) {
        flattenAnd(and.getLeftExpression(), conjuncts);
        flattenAnd(and.getRightExpression(), conjuncts);
      } else {
        // An OR or XOR conjunct keeps its parentheses, which it needs under AND; others need none.
        boolean needsParentheses = inner instanceof OrExpression || inner instanceof XorExpression;
        conjuncts.add(needsParentheses && inner != expression ? expression : inner);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void list(ExpressionList<?> list) {
      ExpressionList raw = list;
      for (int i = 0; i < raw.size(); i++) {
        raw.set(i, root((Expression) raw.get(i)));
      }
    }

    @Override
    public <S> Void visit(Column column, S context) {
      Table qualifier = column.getTable();
      boolean qualified = qualifier != null && !Scope.name(qualifier).isEmpty();
      if (qualified) {
        scope.resolve(qualifier).ifPresent(entry -> {
          String q = scope.isLocal(entry) ? qualifier(scope, entry) : outerQualifier(entry);
          column.setTable(q == null ? null : new Table(q));
        });
      } else if (mode == Mode.RESOLVE && !selectAliases.contains(Scope.comparable(column.getColumnName()))) {
        scope.single().filter(e -> !e.name().isEmpty()).ifPresent(e -> column.setTable(new Table(e.name())));
      }
      return null;
    }

    private String outerQualifier(Scope.Entry entry) {
      return mode == Mode.RESOLVE ? entry.name() : entry.shortName();
    }

    @Override
    public <S> Void visit(Function function, S context) {
      if (function.getParameters() != null) {
        list(function.getParameters());
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(Select select, S context) {
      AstCanonicalizer.this.select(select, scope);
      return null;
    }

    @Override
    protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
      expression.setLeftExpression(simplify(expression, expression.getLeftExpression()));
      expression.setRightExpression(simplify(expression, expression.getRightExpression()));
      super.visitBinaryExpression(expression, context);
      if (mode == Mode.NORMALIZE && symmetric(expression)
          && sortKey(expression.getLeftExpression()).compareTo(sortKey(expression.getRightExpression())) > 0) {
        Expression left = expression.getLeftExpression();
        expression.setLeftExpression(expression.getRightExpression());
        expression.setRightExpression(left);
      }
      return null;
    }

    /** {@code =} and {@code <>} mean the same with their sides swapped (Oracle's {@code (+)} marks a side). */
    private static boolean symmetric(BinaryExpression expression) {
      return (expression instanceof EqualsTo || expression instanceof NotEqualsTo)
          && ((OldOracleJoinBinaryExpression) expression).getOldOracleJoinSyntax() == 0
          && ((OldOracleJoinBinaryExpression) expression).getOraclePriorPosition() == 0;
    }

    /** Drops parentheses around a child when the parent's precedence makes them redundant. */
    private Expression simplify(BinaryExpression parent, Expression child) {
      Expression inner = unwrap(child);
      if (inner == child) {
        return child;
      }
      boolean logicalParent = parent instanceof AndExpression || parent instanceof OrExpression;
      boolean innerIsLogical = inner instanceof AndExpression || inner instanceof OrExpression;
      boolean atomic = !(inner instanceof BinaryExpression);
      boolean sameLogical = parent.getClass() == inner.getClass() && logicalParent;
      boolean comparisonUnderLogical = logicalParent && !innerIsLogical;
      return atomic || sameLogical || comparisonUnderLogical ? inner : child;
    }
  }
}
