package dev.genieheal.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void parse_noArguments_givesTheDefaults() {
    assertThat(DemoOptions.parse(List.of())).isEqualTo(DemoOptions.defaults());
    assertThat(DemoOptions.defaults().questionsPerMinute()).isEqualTo(600);
  }

  @Test
  void parse_everyOption_inBothSpellings() {
    DemoOptions o = DemoOptions.parse(List.of("--target-score", "0.8", "--max-iterations=2", "--noise-rate", "0.1",
        "--dry-run", "--output", "out", "--seed=7", "--questions-per-minute", "5", "--port", "8080",
        "--llm-endpoint", "my-model"));
    assertThat(o).isEqualTo(new DemoOptions(0.8, 2, 0.1, true, null, "my-model", Path.of("out"), 7, 5, 8080,
        false));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--target-score|1.5|--target-score must be from 0 to 1",
      "--target-score|high|--target-score must be a number from 0 to 1",
      "--noise-rate|-0.1|--noise-rate must be from 0 to 1",
      "--max-iterations|0|--max-iterations must be from 1 to 50",
      "--questions-per-minute|0|--questions-per-minute must be from 1 to 100000",
      "--port|70000|--port must be from 0 to 65535",
      "--seed|1.5|--seed must be a whole number",
      "--prompt-version|v999|--prompt-version must be one of",
      "--colour|red|unknown option --colour"})
  void parse_badValue_namesTheOptionAndTheRange(String option, String value, String message) {
    assertThatThrownBy(() -> DemoOptions.parse(List.of(option, value)))
        .isInstanceOf(DemoException.class).hasMessageContaining(message);
  }

  @Test
  void parse_missingValueOrFlagWithValue_isRejected() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--seed"))).hasMessage("--seed needs a value");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--dry-run=yes")))
        .hasMessage("--dry-run is a flag and takes no value");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("seed"))).hasMessageContaining("unexpected argument 'seed'");
  }
}
