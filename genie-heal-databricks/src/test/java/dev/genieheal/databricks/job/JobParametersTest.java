package dev.genieheal.databricks.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobParametersTest {
  private static final List<String> REQUIRED = List.of("--space-id", "s1", "--warehouse-id", "w1");

  private static List<String> with(String... more) {
    List<String> args = new java.util.ArrayList<>(REQUIRED);
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void parse_requiredOnly_usesSeedDefaults() {
    JobParameters p = JobParameters.parse(REQUIRED, Map.of());

    assertThat(p.spaceId()).isEqualTo("s1");
    assertThat(p.targetScore()).isEqualTo(0.9);
    assertThat(p.maxIterations()).isEqualTo(10);
    assertThat(p.minScoreImprovement()).isEqualTo(0.05);
    assertThat(p.llmTemperature()).isEqualTo(0.1);
    assertThat(p.questionTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(p.iterationTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(p.benchmarksFromSpace()).isTrue();
    assertThat(p.dryRun()).isFalse();
  }

  @Test
  void parse_equalsFormAndFlags_areRead() {
    JobParameters p = JobParameters.parse(with("--target-score=0.75", "--dry-run", "--clone-and-promote"), Map.of());

    assertThat(p.targetScore()).isEqualTo(0.75);
    assertThat(p.dryRun()).isTrue();
    assertThat(p.cloneAndPromote()).isTrue();
  }

  @Test
  void parse_environment_isUsedAndArgumentsWin() {
    JobParameters p = JobParameters.parse(List.of("--space-id", "from-arg"), Map.of("GENIE_HEAL_SPACE_ID", "from-env",
        "GENIE_HEAL_WAREHOUSE_ID", "w-env", "GENIE_HEAL_MAX_ITERATIONS", "3", "GENIE_HEAL_DRY_RUN", "true"));

    assertThat(p.spaceId()).isEqualTo("from-arg");
    assertThat(p.warehouseId()).isEqualTo("w-env");
    assertThat(p.maxIterations()).isEqualTo(3);
    assertThat(p.dryRun()).isTrue();
  }

  @Test
  void parse_missingRequired_listsBothWithTheirVariables() {
    assertThatThrownBy(() -> JobParameters.parse(List.of(), Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("--space-id").hasMessageContaining("GENIE_HEAL_SPACE_ID")
        .hasMessageContaining("--warehouse-id");
  }

  @Test
  void parse_badValues_areAllReported() {
    assertThatThrownBy(() -> JobParameters.parse(with("--target-score", "1.5", "--max-iterations", "zero",
        "--judge", "vibes", "--app-endpoint", "not a url", "--question-timeout", "0"), Map.of()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path())
            .containsExactlyInAnyOrder("--target-score", "--max-iterations", "--judge", "--app-endpoint",
                "--question-timeout"));
  }

  @Test
  void parse_unknownOption_isReported() {
    assertThatThrownBy(() -> JobParameters.parse(with("--token", "x"), Map.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("--token").hasMessageContaining("unknown");
  }

  @Test
  void parse_optionWithoutValue_isReported() {
    assertThatThrownBy(() -> JobParameters.parse(with("--report-table"), Map.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("needs a value");
  }

  @Test
  void parse_helpAlone_needsNothingElse() {
    assertThat(JobParameters.parse(List.of("--help"), Map.of()).help()).isTrue();
  }

  @Test
  void run_help_printsEveryOptionAndExitsZero() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    int code = EnhancementJob.run(List.of("--help"), Map.of(), Path.of("/nonexistent"),
        new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    String help = buffer.toString(StandardCharsets.UTF_8);
    for (JobOption o : JobOption.values()) {
      assertThat(help).contains("--" + o.optionName()).contains(o.envName());
    }
    assertThat(help).contains("Exit codes");
  }

  @Test
  void run_badParameters_exitsWithUsageCode() {
    int code = EnhancementJob.run(List.of("--space-id"), Map.of(), Path.of("/nonexistent"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(EnhancementJob.EXIT_USAGE);
  }

  @Test
  void run_noCredentials_exitsWithConfigCodeAndSaysWhatWasFound() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    int code = EnhancementJob.run(REQUIRED, Map.of("DATABRICKS_HOST", "https://h.example.com"),
        Path.of("/nonexistent"), new PrintStream(buffer, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(EnhancementJob.EXIT_CONFIG);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("no Databricks credentials");
  }

  @Test
  void benchmarks_tableNameFileOrSpace_areTold() {
    assertThat(TableBenchmarkSource.looksLikeTable("main.bench.questions")).isTrue();
    assertThat(TableBenchmarkSource.looksLikeTable("/dbfs/bench.json")).isFalse();
    assertThat(TableBenchmarkSource.looksLikeTable("bench.csv")).isFalse();
    assertThat(EnhancementJob.benchmarks("space", sql -> null)).isNull();
  }
}
