package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksEmulatorMainTest {
  @TempDir
  Path dir;

  @Test
  void configure_tokenAndSpaceFiles_servesThemWithThatToken() throws IOException {
    Path envelope = dir.resolve("sales.json");
    Files.writeString(envelope, "{\"space_id\":\"s1\",\"title\":\"Sales\",\"warehouse_id\":\"w\","
        + "\"serialized_space\":{\"version\":2}}");
    Path bare = dir.resolve("hr.json");
    Files.writeString(bare, "{\"version\":2}");

    try (DatabricksEmulator emulator = DatabricksEmulatorMain.configure(new String[] {"--token", "dapi42",
        "--questions-per-minute", "0", "--space", envelope.toString(), "--space", bare.toString()}).start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DatabricksEmulatorMain.print(emulator, new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(emulator.token()).isEqualTo("dapi42");
      assertThat(new Http(emulator).get("/api/2.0/genie/spaces/s1?include_serialized_space=true")
          .text("/serialized_space")).isEqualTo("{\"version\":2}");
      assertThat(emulator.spaces()).extracting(EmulatedSpace::title).containsExactly("Sales", "hr");
      assertThat(emulator.spaces().get(1).spaceId()).hasSize(32);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("DATABRICKS_HOST=" + emulator.baseUrl())
          .contains("DATABRICKS_TOKEN=dapi42");
    }
  }

  @Test
  void configure_unknownOption_isRejected() {
    assertThatThrownBy(() -> DatabricksEmulatorMain.configure(new String[] {"--colour", "red"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
  }

  @Test
  void configure_nonNumericPort_isRejected() {
    assertThatThrownBy(() -> DatabricksEmulatorMain.configure(new String[] {"--port", "eighty"}))
        .hasMessageContaining("--port");
  }

  @Test
  void configure_missingSpaceFile_namesTheFile() {
    assertThatThrownBy(() -> DatabricksEmulatorMain.configure(new String[] {"--space", "/no/such.json"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/no/such.json");
  }
}
