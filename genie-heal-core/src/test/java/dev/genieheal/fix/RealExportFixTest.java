package dev.genieheal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.IdGenerator;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.RealExports;
import dev.genieheal.space.SpaceValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fixes applied to the real exports beside the repository (skipped when they are not there). */
class RealExportFixTest {
  private final FixApplier applier = DefaultFixApplier.builder().idGenerator(IdGenerator.sequential(0)).build();

  static List<String> exports() {
    return RealExports.names();
  }

  /** One fix of each kind aimed at the export's own tables. */
  private static List<Fix> fixesFor(GenieSpace space) {
    List<DataObject> tables = space.dataObjects();
    DataObject first = tables.get(0);
    String column = first.columnConfigs().isEmpty() ? "id" : first.columnConfigs().get(0).columnName();
    List<Fix> fixes = new ArrayList<>();
    for (DataObject t : tables) {
      fixes.add(new TableDescriptionFix(t.identifier(), "One row per " + t.shortName() + ".", false, "", List.of()));
    }
    fixes.add(new ColumnDescriptionFix(first.identifier(), column, "The key.", false, "", List.of()));
    fixes.add(new ColumnSynonymsFix(first.identifier(), column, List.of("key", "KEY", "identifier"), "", List.of()));
    fixes.add(new ColumnFlagsFix(first.identifier(), column, null, true, null, "", List.of()));
    if (tables.size() > 1 && !tables.get(1).shortName().equalsIgnoreCase(first.shortName())) {
      fixes.add(new JoinSpecFix(first.identifier(), column, tables.get(1).identifier(), column,
          RelationshipType.MANY_TO_ONE, "Joined on the key.", null, "", List.of()));
    }
    fixes.add(new ExampleSqlFix("How many rows are there?", "SELECT COUNT(*)\nFROM " + first.identifier(), List.of(),
        "Use for counts.", "", List.of()));
    fixes.add(new TextInstructionFix("Answer in English.", "", List.of()));
    fixes.add(new SampleQuestionFix("How many rows are there?", "", List.of()));
    return fixes;
  }

  @ParameterizedTest
  @MethodSource("exports")
  void apply_toRealExport_resultValidatesRoundTripsAndIsIdempotent(String name) {
    GenieSpace space = GenieSpace.parse(RealExports.serializedSpace(name));
    List<Fix> fixes = fixesFor(space.canonicalize());

    FixResult once = applier.apply(new FixRequest(space, fixes, null));
    FixResult twice = applier.apply(new FixRequest(once.space(), fixes, null));

    assertThat(once.applied()).isNotEmpty();
    assertThat(SpaceValidator.standard().validate(once.space())).isEmpty();
    assertThat(GenieSpace.parse(once.space().toJson())).isEqualTo(once.space());
    assertThat(twice.space()).isEqualTo(once.space());
    assertThat(twice.applied()).isEmpty();
  }
}
