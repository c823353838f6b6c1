package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the model: lossless round trip, idempotent canonical form, canonical output validates. */
class SpaceProperties {

  @Provide
  Arbitrary<GenieSpace> anySpace() {
    return Arbitraries.longs().map(SpaceGenerator.anything()::generate);
  }

  @Provide
  Arbitrary<GenieSpace> validIshSpace() {
    return Arbitraries.longs().map(SpaceGenerator.validIsh()::generate);
  }

  @Property(tries = 300)
  void parse_ofToJson_isIdentity(@ForAll("anySpace") GenieSpace space) {
    assertThat(GenieSpace.parse(space.toJson())).isEqualTo(space);
    assertThat(GenieSpace.parse(space.toPrettyJson())).isEqualTo(space);
  }

  @Property(tries = 300)
  void canonicalize_twice_equalsOnce(@ForAll("anySpace") GenieSpace space) {
    GenieSpace once = space.canonicalize();
    assertThat(once.canonicalize()).isEqualTo(once);
  }

  @Property(tries = 300)
  void canonicalize_validIshSpace_validates(@ForAll("validIshSpace") GenieSpace space) {
    GenieSpace canonical = space.canonicalize();
    assertThat(SpaceValidator.standard().validate(canonical)).isEmpty();
    assertThat(SpaceValidator.standard().validateJson(canonical.toJson())).isEmpty();
  }

  @Property(tries = 300)
  void canonicalize_keepsJoinedTexts(@ForAll("validIshSpace") GenieSpace space) {
    GenieSpace canonical = space.canonicalize();
    assertThat(canonical.textInstruction().map(TextInstruction::text))
        .isEqualTo(space.textInstruction().map(TextInstruction::text).filter(t -> !t.isEmpty()));
    assertThat(canonical.benchmarkQuestions()).extracting(BenchmarkQuestion::questionText)
        .containsExactlyInAnyOrderElementsOf(space.benchmarkQuestions().stream()
            .map(BenchmarkQuestion::questionText).collect(java.util.stream.Collectors.toList()));
  }
}
