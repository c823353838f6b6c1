package dev.genieheal.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptCatalogTest {

  private static final String[] STANDARD = {"best_practices", "analysis", "fix_generation", "answer_comparison"};

  @Test
  void builtIn_listsReleasedVersions_andAnActiveOne() {
    PromptCatalog catalog = PromptCatalog.builtIn();

    assertThat(catalog.versions()).contains("v1", "v2");
    assertThat(catalog.versions()).contains(catalog.activeVersion());
  }

  @Test
  void builtIn_everyVersionHasTheStandardTemplatesAndTheFixSchema() {
    PromptCatalog catalog = PromptCatalog.builtIn();

    for (String v : catalog.versions()) {
      PromptVersion version = catalog.version(v);
      for (String name : STANDARD) {
        assertThat(version.templates()).as(v).containsKey(name);
      }
      assertThat(version.file("fix.schema.json")).as(v).isPresent();
    }
  }

  @Test
  void builtIn_everyTemplateRendersWithExactlyItsDeclaredVariables() {
    PromptCatalog catalog = PromptCatalog.builtIn();

    for (String v : catalog.versions()) {
      for (PromptTemplate t : catalog.version(v).templates().values()) {
        Map<String, String> values = new HashMap<>();
        t.variables().forEach(name -> values.put(name, "<" + name + "-value>"));

        String out = t.render(values);

        assertThat(out).as(t.version() + "/" + t.name()).doesNotContainPattern("\\{\\{[a-z][a-z0-9_]*}}");
        t.variables().forEach(name -> assertThat(out).contains("<" + name + "-value>"));
      }
    }
  }

  @Test
  void builtIn_bestPracticesCarryTheCurrentFormat_notTheSeedsOutdatedOne() {
    for (String v : PromptCatalog.builtIn().versions()) {
      String kb = PromptCatalog.builtIn().template("best_practices", v).text();

      assertThat(kb).as(v).contains("enable_entity_matching", "enable_format_assistance",
          "--rt=FROM_RELATIONSHIP_TYPE_", "32 lowercase hex", "display_name");
      assertThat(kb).as(v).doesNotContain("build_value_dictionary: Enable");
    }
  }

  @Test
  void template_unknownName_listsWhatExists() {
    assertThatThrownBy(() -> PromptCatalog.builtIn().template("nope", "v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("analysis");
  }

  @Test
  void version_unknown_listsAvailableVersions() {
    assertThatThrownBy(() -> PromptCatalog.builtIn().version("v99"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v99")
        .hasMessageContaining("v1");
  }

  @Test
  void directory_addsVersions_andCanBeMadeActive(@TempDir Path dir) throws IOException {
    writeVersion(dir, "team-draft", "Hello {{name}}!");

    PromptCatalog catalog = PromptCatalog.builder().directory(dir).activeVersion("team-draft").build();

    assertThat(catalog.versions()).contains("v1", "team-draft");
    assertThat(catalog.template("greeting").render(Map.of("name", "Genie"))).isEqualTo("Hello Genie!");
  }

  @Test
  void directory_activeFileInDirectory_isUsedWhenNoActiveVersionGiven(@TempDir Path dir) throws IOException {
    writeVersion(dir, "exp", "x {{name}}");
    Files.writeString(dir.resolve("ACTIVE"), "exp\n");

    assertThat(PromptCatalog.builder().directory(dir).build().activeVersion()).isEqualTo("exp");
  }

  @Test
  void directory_reusingAReleasedName_isRejected(@TempDir Path dir) throws IOException {
    writeVersion(dir, "v1", "x {{name}}");

    assertThatThrownBy(() -> PromptCatalog.builder().directory(dir).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
  }

  @Test
  void directory_templateFileMissing_namesTheFile(@TempDir Path dir) throws IOException {
    Path v = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(v.resolve("templates.properties"), "greeting.file=missing.md\n");

    assertThatThrownBy(() -> PromptCatalog.builder().directory(dir).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.md");
  }

  @Test
  void build_activeVersionMissing_isRejected() {
    assertThatThrownBy(() -> PromptCatalog.builder().activeVersion("v42").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("v42");
  }

  @Test
  void directory_notADirectory_isRejectedEarly(@TempDir Path dir) {
    assertThatThrownBy(() -> PromptCatalog.builder().directory(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absent");
  }

  private static void writeVersion(Path dir, String version, String text) throws IOException {
    Path v = Files.createDirectories(dir.resolve(version));
    Files.writeString(v.resolve("greeting.md"), text);
    Files.writeString(v.resolve("templates.properties"), "greeting.file=greeting.md\ngreeting.variables=name\n");
  }
}
