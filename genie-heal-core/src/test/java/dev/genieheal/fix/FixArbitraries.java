package dev.genieheal.fix;

import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.UnknownFields;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of fixes: {@link #fixes()} for JSON round trips, {@link #hostileFixes} aimed at a generated space.
 */
final class FixArbitraries {
  private FixArbitraries() {}

  /** Non-blank text with spaces, punctuation, quotes, newlines and non-ASCII letters. */
  static Arbitrary<String> text() {
    return Arbitraries.strings().withChars("abcXYZ019 _.,;:'\"\n\t-éü€")
        .ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<String> optionalText() {
    return Arbitraries.oneOf(Arbitraries.just(""), text());
  }

  static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
  }

  static Arbitrary<String> identifier() {
    return Combinators.combine(word(), word(), word()).as((a, b, c) -> a + "." + b + "." + c);
  }

  static Arbitrary<String> id() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
  }

  static Arbitrary<List<String>> benchmarkIds() {
    return Arbitraries.oneOf(id(), word()).list().ofMaxSize(3);
  }

  static Arbitrary<Parameter> parameter() {
    return Combinators.combine(word(), Arbitraries.of("STRING", "DATE", "INTEGER").injectNull(0.3),
        optionalText().list().ofMaxSize(2), word().list().ofMaxSize(2))
        .as((name, type, description, defaults) ->
            new Parameter(name, type, new ArrayList<>(description), new ArrayList<>(defaults), UnknownFields.none()));
  }

  /** Any fix, over arbitrary (schema-valid) tables and columns. */
  static Arbitrary<Fix> fixes() {
    return fixes(identifier(), word(), text(), id().injectNull(0.8));
  }

  /**
   * Fixes aimed at a generated space, hostile ones included: tables and columns that do not exist, ids of join
   * specs to replace (real and made up), write statements as SQL, texts over the 25,000-character limit, synonyms
   * repeated in other case.
   */
  static Arbitrary<Fix> hostileFixes(List<String> tables, List<String> columns, List<String> joinIds) {
    Arbitrary<String> table = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(tables)), net.jqwik.api.Tuple.of(1, identifier()));
    Arbitrary<String> column = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.of(columns)), net.jqwik.api.Tuple.of(1, word()));
    Arbitrary<String> huge = Arbitraries.of("h".repeat(25_001), ("line " + "w".repeat(95) + "\n").repeat(300));
    Arbitrary<String> text = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, text()), net.jqwik.api.Tuple.of(1, huge),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("Revenue", "REVENUE", "revenue ")));
    Arbitrary<String> replaces = joinIds.isEmpty() ? id().injectNull(0.8)
        : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just((String) null)),
            net.jqwik.api.Tuple.of(3, Arbitraries.of(joinIds)), net.jqwik.api.Tuple.of(1, id()));
    return fixes(table, column, text, replaces);
  }

  private static Arbitrary<Fix> fixes(Arbitrary<String> table, Arbitrary<String> column, Arbitrary<String> text,
      Arbitrary<String> replaces) {
    Arbitrary<String> reason = optionalText();
    Arbitrary<List<String>> ids = benchmarkIds();
    Arbitrary<Fix> tableDescription = Combinators.combine(table, text, Arbitraries.of(true, false), reason, ids)
        .as(TableDescriptionFix::new);
    Arbitrary<Fix> columnDescription = Combinators.combine(table, column, text, Arbitraries.of(true, false),
        reason, ids).as(ColumnDescriptionFix::new);
    Arbitrary<Fix> synonyms = Combinators.combine(table, column, text.list().ofMinSize(1).ofMaxSize(4), reason,
        ids).as(ColumnSynonymsFix::new);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false).injectNull(0.4);
    Arbitrary<Fix> flags = Combinators.combine(table, column, flag, flag, flag, reason, ids)
        .filter((t, c, f, e, x, r, b) -> f != null || e != null || x != null)
        .as(ColumnFlagsFix::new);
    Arbitrary<Fix> join = Combinators.combine(table, column, table, column, Arbitraries.of(RelationshipType.class),
        optionalText(), replaces, reason)
        .as((lt, lc, rt, rc, rel, comment, rid, r) ->
            new JoinSpecFix(lt, lc, rt, rc, rel, comment, rid, r, List.of()));
    Arbitrary<String> sql = Arbitraries.of("SELECT 1", "SELECT a, b\nFROM x.y.z\nWHERE a > 1",
        "WITH t AS (SELECT 1 AS v)\nSELECT v FROM t", "DROP TABLE main.sales.orders", "DELETE FROM x.y.z",
        "SELECT 1; DROP TABLE x.y.z");
    Arbitrary<Fix> example = Combinators.combine(text, sql, parameter().list().ofMaxSize(2)
        .uniqueElements(Parameter::name), optionalText(), reason, ids).as(ExampleSqlFix::new);
    Arbitrary<Fix> instruction = Combinators.combine(text, reason, ids).as(TextInstructionFix::new);
    Arbitrary<Fix> snippet = Combinators.combine(Arbitraries.of(SnippetKind.class),
        Arbitraries.of("SUM(orders.net_amount)", "orders.status = 'OPEN'", "DROP TABLE x", "COUNT(*)"),
        word().injectNull(0.5), text, text.list().ofMaxSize(3), optionalText(), reason, ids)
        .as(SqlSnippetFix::new);
    Arbitrary<Fix> sample = Combinators.combine(text, reason, ids).as(SampleQuestionFix::new);
    return Arbitraries.oneOf(tableDescription, columnDescription, synonyms, flags, join, example, instruction,
        snippet, sample);
  }
}
