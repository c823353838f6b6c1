package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.error.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceValidatorRealExportsTest {
  private final SpaceValidator validator = SpaceValidator.standard();

  @Test
  void validate_realExportsOnceCanonicalised_accepted() {
    for (String name : RealExports.names()) {
      GenieSpace space = GenieSpace.parse(RealExports.serializedSpace(name)).canonicalize();
      assertThat(validator.validate(space)).as(name).isEmpty();
      assertThat(validator.validateJson(space.toJson())).as(name).isEmpty();
    }
  }

  @Test
  void validate_vibeCodingExportAsIs_onlySortOrderAndVersionProblems() {
    // The v1 GET lists sample questions and benchmarks in descending id order and one column out of order.
    List<Violation> v = validator.validate(GenieSpace.parse(RealExports.serializedSpace(RealExports.ENVELOPE)));
    assertThat(v).isNotEmpty().extracting(Violation::rule).containsOnly("sort-order");
  }

  @Test
  void validate_fullFixture_accepted() {
    assertThat(validator.validate(Fixtures.full())).isEmpty();
    assertThat(validator.validateJson(Fixtures.read(Fixtures.FULL))).isEmpty();
    assertThat(Fixtures.full().canonicalize()).isEqualTo(Fixtures.full());
  }
}
