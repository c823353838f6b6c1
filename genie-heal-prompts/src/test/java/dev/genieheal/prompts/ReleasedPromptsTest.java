package dev.genieheal.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Released prompt versions are immutable. Each ships SHA256SUMS (checked when loaded); this test pins the hash of
 * each SHA256SUMS file, so changing a released prompt fails here and the change has to become a new version.
 */
class ReleasedPromptsTest {

  /** SHA-256 of each released version's SHA256SUMS. Never edit an entry: add a version instead. */
  static final Map<String, String> RELEASED = Map.of(
      "v1", "01ba6dbf7bc070901d52b03f4f6e0455f07356451a9dcf4c26da006970cb52ed",
      "v2", "0f68109a763fc3802e2a3150898932d7d7c2c8557e66524fbd484b970e93ebe6");

  @Test
  void releasedVersions_matchTheirPinnedChecksumManifests() throws IOException {
    for (Map.Entry<String, String> e : RELEASED.entrySet()) {
      String sums = resource(e.getKey() + "/SHA256SUMS");

      assertThat(PromptFiles.sha256(sums)).as("SHA256SUMS of " + e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void releasedVersions_areListedInVersions() throws IOException {
    assertThat(resource("VERSIONS").lines().map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")))
        .containsAll(RELEASED.keySet());
  }

  @Test
  void modifiedReleasedFile_isRefusedOnLoad(@TempDir Path dir) throws IOException {
    Path v = Files.createDirectories(dir.resolve("v7"));
    Files.writeString(v.resolve("a.md"), "original {{x}}");
    Files.writeString(v.resolve("templates.properties"), "a.file=a.md\na.variables=x\n");
    String sums = PromptFiles.sha256("original {{x}}") + "  a.md\n"
        + PromptFiles.sha256(Files.readString(v.resolve("templates.properties"))) + "  templates.properties\n";
    Files.writeString(v.resolve("SHA256SUMS"), sums);
    PromptFiles files = PromptFiles.directory(dir);
    assertThat(PromptVersionLoader.load(files, "v7", true).template("a").render(Map.of("x", "1")))
        .isEqualTo("original 1");

    Files.writeString(v.resolve("a.md"), "edited {{x}}");

    assertThatThrownBy(() -> PromptVersionLoader.load(files, "v7", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("v7 was modified")
        .hasMessageContaining("a.md");
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ReleasedPromptsTest.class.getClassLoader()
        .getResourceAsStream("dev/genieheal/prompts/" + path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
