package dev.genieheal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.IdGenerator;
import dev.genieheal.space.SpaceValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The applier's laws over generated spaces and generated (often hostile) fixes. */
class FixApplierProperties {

  /**
   * A generated space with fixes aimed at it.
   *
   * @param generated the space, its catalog and join ids
   * @param fixes the fixes to apply
   */
  record Case(SpaceArbitraries.Generated generated, List<Fix> fixes) {
    FixRequest request() {
      return new FixRequest(generated.space(), fixes, generated.catalog());
    }

    @Override
    public String toString() {
      return generated + "\nfixes: " + FixJson.writeAll(fixes);
    }
  }

  private static FixApplier applier() {
    return DefaultFixApplier.builder()
        .idGenerator(IdGenerator.timeOrdered(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new SplittableRandom(7)))
        .build();
  }

  @Property(tries = 100)
  void generatedSpaces_areValid(@ForAll("spaces") SpaceArbitraries.Generated generated) {
    assertThat(validator(generated).validate(generated.space())).isEmpty();
  }

  @Property(tries = 150)
  void apply_outputAlwaysValidates(@ForAll("cases") Case c) {
    FixResult result = applier().apply(c.request());

    assertThat(validator(c.generated()).validate(result.space())).isEmpty();
    assertThat(result.applied().size() + result.rejected().size()).isEqualTo(c.fixes().size());
    result.applied().forEach(a -> Statistics.label("outcome").collect(a.fix().type(), "applied"));
    result.rejected().forEach(r -> Statistics.label("outcome").collect(r.fix().type(), outcome(r.reason())));
  }

  @Property(tries = 100)
  void apply_twice_equalsOnce(@ForAll("cases") Case c) {
    FixApplier applier = applier();
    FixResult once = applier.apply(c.request());
    FixResult twice = applier.apply(new FixRequest(once.space(), c.fixes(), c.generated().catalog()));

    assertThat(twice.space()).isEqualTo(once.space());
  }

  @Property(tries = 100)
  void apply_neverRemovesElements(@ForAll("cases") Case c) {
    GenieSpace before = c.generated().space();
    GenieSpace after = applier().apply(c.request()).space();

    assertThat(after.dataObjects()).hasSameSizeAs(before.dataObjects());
    assertThat(after.joinSpecs().size()).isGreaterThanOrEqualTo(before.joinSpecs().size());
    assertThat(after.exampleQuestionSqls()).containsAll(before.exampleQuestionSqls());
    assertThat(after.sampleQuestions()).containsAll(before.sampleQuestions());
    assertThat(after.sqlSnippets().measures()).containsAll(before.sqlSnippets().measures());
    for (DataObject table : before.dataObjects()) {
      DataObject now = after.dataObject(table.identifier()).orElseThrow();
      for (ColumnConfig column : table.columnConfigs()) {
        assertThat(now.column(column.columnName())).hasValueSatisfying(
            c2 -> assertThat(c2.synonyms()).containsAll(column.synonyms()));
      }
    }
  }

  /** The kind of a rejection, so the statistics show every path is exercised. */
  private static String outcome(String reason) {
    int cut = reason.indexOf(':');
    String head = cut < 0 ? reason : reason.substring(0, cut);
    return head.replaceAll("[0-9a-f]{32}|main\\.[a-z.]+|\\b[a-z]+\\.[a-z]+\\.[a-z]+\\b", "X")
        .replaceAll("'[^']*'", "'X'").replaceAll("column \\S+", "column X").replaceAll("\\(.*", "");
  }

  private static SpaceValidator validator(SpaceArbitraries.Generated generated) {
    return generated.catalog() == null ? SpaceValidator.standard() : SpaceValidator.withCatalog(generated.catalog());
  }

  @Provide
  Arbitrary<SpaceArbitraries.Generated> spaces() {
    return SpaceArbitraries.spaces();
  }

  @Provide
  Arbitrary<Case> cases() {
    return SpaceArbitraries.spaces().flatMap(g ->
        FixArbitraries.hostileFixes(g.tables(), SpaceArbitraries.COLUMNS, g.joinIds()).list().ofMaxSize(12)
            .map(fixes -> new Case(g, fixes)));
  }
}
