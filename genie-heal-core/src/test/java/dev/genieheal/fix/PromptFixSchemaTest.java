package dev.genieheal.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.prompts.PromptCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The prompts ask models to answer in the fix format; every shipped version must carry the schema FixJson reads. */
class PromptFixSchemaTest {

  @Test
  void everyPromptVersion_shipsTheFixSchemaThatFixJsonValidatesAgainst() throws IOException {
    String coreSchema;
    try (InputStream in = FixJson.class.getResourceAsStream("fix.schema.json")) {
      assertThat(in).isNotNull();
      coreSchema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PromptCatalog catalog = PromptCatalog.builtIn();

    for (String version : catalog.versions()) {
      assertThat(catalog.version(version).file("fix.schema.json")).as(version).contains(coreSchema);
    }
  }
}
