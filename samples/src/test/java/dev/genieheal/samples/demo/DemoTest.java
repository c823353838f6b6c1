package dev.genieheal.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Demo.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_help_printsTheOptionsAndExitsZero() {
    assertThat(run("--help")).isEqualTo(Demo.EXIT_OK);
    assertThat(out()).contains("--target-score", "--noise-rate", "--dry-run", "--prompt-version", "--output");
  }

  @Test
  void run_optionOutOfRange_isAClearMessageWithoutAStackTrace() {
    assertThat(run("--target-score", "2")).isEqualTo(Demo.EXIT_USAGE);
    assertThat(err()).startsWith("demo: --target-score must be from 0 to 1: 2").doesNotContain("\tat ");
  }

  @Test
  void run_outputIsAFile_isAClearMessage(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    assertThat(run("--output", file.toString())).isEqualTo(Demo.EXIT_USAGE);
    assertThat(err()).contains("cannot write to the output directory").contains("--output DIR")
        .doesNotContain("\tat ");
  }

  @Test
  void run_portInUse_isAClearMessage(@TempDir Path tmp) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(run("--output", tmp.toString(), "--port", String.valueOf(taken.getLocalPort())))
          .isEqualTo(Demo.EXIT_USAGE);
    }
    assertThat(err()).contains("is in use").contains("--port 0").doesNotContain("\tat ");
  }

  @Test
  void run_defaults_healsTheSpaceOverHttpAndWritesEveryOutput(@TempDir Path tmp) throws IOException {
    assertThat(run("--output", tmp.toString(), "--max-iterations", "3")).isEqualTo(Demo.EXIT_OK);

    assertThat(out()).contains("Iteration 0: tuning", "Summary", "TARGET_REACHED", "held-out", "wall time",
        "Genie questions");
    assertThat(Files.readString(tmp.resolve("space.diff"))).startsWith("--- original-space.json")
        .contains("+++ final-space.json", "\"synonyms\"", "measures");
    assertThat(Files.readAllLines(tmp.resolve("audit.jsonl"))).first().asString().contains("\"event\":\"started\"");
    assertThat(Files.readString(tmp.resolve("final-space.json"))).contains("join_specs");
    assertThat(tmp.resolve("original-space.json")).exists();
  }

  @Test
  void run_dryRun_savesNothing(@TempDir Path tmp) throws IOException {
    assertThat(run("--output", tmp.toString(), "--dry-run")).isEqualTo(Demo.EXIT_OK);
    assertThat(out()).contains("DRY_RUN");
    assertThat(Files.readString(tmp.resolve("space.diff"))).isEmpty();
  }
}
