package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
}
