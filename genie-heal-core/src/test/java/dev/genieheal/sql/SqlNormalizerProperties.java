package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SqlNormalizerProperties {

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> column = Arbitraries.of("amount", "region", "order_date", "status", "quantity");
    Arbitrary<String> aggregate = Combinators.combine(Arbitraries.of("SUM", "AVG", "MAX", "COUNT"), column)
        .as((f, c) -> f + "(o." + c + ")");
    Arbitrary<String> predicate = Combinators.combine(column, Arbitraries.of("=", ">", "<>", ">="),
            Arbitraries.of("'East'", "'west'", "10", "DATE '2024-01-01'"))
        .as((c, op, v) -> "o." + c + " " + op + " " + v);
    Arbitrary<String> where = predicate.list().ofMinSize(0).ofMaxSize(3)
        .map(ps -> ps.isEmpty() ? "" : " WHERE " + String.join(" AND ", ps));
    return Combinators.combine(column, aggregate, where, Arbitraries.of("", " LIMIT 10", " ORDER BY 2 DESC"))
        .as((group, agg, w, tail) -> "SELECT o." + group + ", " + agg
            + " FROM shop.sales.orders o JOIN shop.sales.customers c ON o.customer_id = c.customer_id" + w
            + " GROUP BY o." + group + tail);
  }

  @Property(tries = 200)
  void normalize_isIdempotent(@ForAll("queries") String sql) {
    String once = SqlNormalizer.normalize(sql).orElseThrow();
    assertThat(SqlNormalizer.normalize(once)).contains(once);
  }

  @Property(tries = 200)
  void normalize_ignoresKeywordCaseAndWhitespace(@ForAll("queries") String sql,
      @ForAll("spaces") List<String> spaces) {
    StringBuilder perturbed = new StringBuilder();
    String[] tokens = sql.split(" ");
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      boolean literal = token.startsWith("'") || token.endsWith("'");
      perturbed.append(literal ? token : (i % 2 == 0 ? token.toLowerCase(Locale.ROOT) : token.toUpperCase(
          Locale.ROOT)));
      perturbed.append(spaces.get(i % spaces.size()));
    }
    assertThat(SqlNormalizer.normalize(perturbed + ";")).isEqualTo(SqlNormalizer.normalize(sql));
  }

  @Property(tries = 200)
  void normalize_ignoresAliasNames(@ForAll("queries") String sql, @ForAll("aliases") String alias) {
    String renamed = sql.replace(" o ", " " + alias + " ").replace("o.", alias + ".");
    assertThat(SqlNormalizer.normalize(renamed)).isEqualTo(SqlNormalizer.normalize(sql));
  }

  @Provide
  Arbitrary<List<String>> spaces() {
    return Arbitraries.of(" ", "  ", "\n", "\t", " \n  ").list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> aliases() {
    return Arbitraries.of("ord", "x", "orders_alias", "t1");
  }

  /** One conjunct as two spellings: {@code a = b} and {@code b = a} (or {@code !=}/{@code <>}). */
  record Conjunct(String spelled, String commuted) {}

  @Provide
  Arbitrary<List<Conjunct>> conjuncts() {
    Arbitrary<String> operand = Arbitraries.of("o.amount", "o.region", "c.segment", "10", "'East'", "o.qty * 2",
        "UPPER(c.name)");
    Arbitrary<Conjunct> comparison = Combinators.combine(operand, Arbitraries.of("=", "!=", "<>"), operand)
        .as((l, op, r) -> new Conjunct(l + " " + op + " " + r,
            r + " " + ("!=".equals(op) ? "<>" : op) + " " + l));
    Arbitrary<Conjunct> ordered = Combinators.combine(operand, Arbitraries.of("<", ">=", "LIKE"), operand)
        .as((l, op, r) -> new Conjunct(l + " " + op + " " + r, l + " " + op + " " + r));
    Arbitrary<Conjunct> disjunction = Combinators.combine(comparison, ordered)
        .as((a, b) -> new Conjunct("(" + a.spelled() + " OR " + b.spelled() + ")",
            "(" + a.commuted() + " OR " + b.commuted() + ")"));
    return Arbitraries.oneOf(comparison, ordered, disjunction).list().ofMinSize(1).ofMaxSize(5);
  }

  private static String query(String where, String on) {
    return "SELECT o.region, SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c ON " + on
        + " WHERE " + where + " GROUP BY o.region HAVING SUM(o.amount) > 10 AND COUNT(*) >= 2";
  }

  @Property(tries = 200)
  void normalize_commutativeForms_isIdempotent(@ForAll("conjuncts") List<Conjunct> conjuncts) {
    String sql = query(String.join(" AND ", conjuncts.stream().map(Conjunct::spelled).toList()),
        "o.customer_id = c.customer_id");
    String once = SqlNormalizer.normalize(sql).orElseThrow();
    assertThat(SqlNormalizer.normalize(once)).contains(once);
  }

  @Property(tries = 200)
  void normalize_permutedAndCommutedConjuncts_isInvariant(@ForAll("conjuncts") List<Conjunct> conjuncts,
      @ForAll long seed) {
    List<Conjunct> permuted = new ArrayList<>(conjuncts);
    Collections.shuffle(permuted, new Random(seed));
    String original = query(String.join(" AND ", conjuncts.stream().map(Conjunct::spelled).toList()),
        "o.customer_id = c.customer_id AND c.active = 1");
    String rewritten = query(String.join(" AND ", permuted.stream().map(Conjunct::commuted).toList()),
        "c.active = 1 AND c.customer_id = o.customer_id");
    assertThat(SqlNormalizer.normalize(rewritten)).isPresent().isEqualTo(SqlNormalizer.normalize(original));
  }
}
