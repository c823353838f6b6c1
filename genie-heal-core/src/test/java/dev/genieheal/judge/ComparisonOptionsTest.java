package dev.genieheal.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComparisonOptionsTest {

  @Test
  void defaults_matchDocumentedValues() {
    ComparisonOptions o = ComparisonOptions.defaults();

    assertThat(o.relativeTolerance()).isEqualTo(1e-6);
    assertThat(o.absoluteTolerance()).isEqualTo(1e-9);
    assertThat(o.allowExtraColumns()).isTrue();
    assertThat(o.coerceStrings()).isTrue();
    assertThat(o.dateEqualsMidnight()).isTrue();
    assertThat(o.nearMissTolerance()).isEqualTo(1e-2);
  }

  @Test
  void toBuilder_roundTrips() {
    ComparisonOptions o = ComparisonOptions.builder().relativeTolerance(0.5).allowExtraColumns(false).build();

    assertThat(o.toBuilder().build()).isEqualTo(o);
  }

  @Test
  void relativeTolerance_negative_throwsNamingIt() {
    assertThatThrownBy(() -> ComparisonOptions.builder().relativeTolerance(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relativeTolerance");
  }

  @Test
  void absoluteTolerance_nan_throwsNamingIt() {
    assertThatThrownBy(() -> ComparisonOptions.builder().absoluteTolerance(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absoluteTolerance");
  }

  @Test
  void nearMissTolerance_infinite_throwsNamingIt() {
    assertThatThrownBy(() -> ComparisonOptions.builder().nearMissTolerance(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nearMissTolerance");
  }

  @Test
  void maxExplainedChars_tooSmall_throwsNamingIt() {
    assertThatThrownBy(() -> ComparisonOptions.builder().maxExplainedChars(3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxExplainedChars");
  }

  @Test
  void maxPairwiseChecks_negative_throwsNamingIt() {
    assertThatThrownBy(() -> ComparisonOptions.builder().maxPairwiseChecks(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPairwiseChecks");
  }
}
