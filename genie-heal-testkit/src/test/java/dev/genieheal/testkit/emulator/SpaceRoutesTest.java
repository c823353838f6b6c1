package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.error.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpaceRoutesTest {
  private static final String SPACES = "/api/2.0/genie/spaces";
  private static final String SPACE = SPACES + "/" + Fixtures.SPACE_ID;
  private static final String VIEWER = "dapi-viewer-token";
  private DatabricksEmulator emulator;
  private Http http;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder().space(Fixtures.space()).readOnlyToken(VIEWER).start();
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static String patchBody(String serialized, String etag) {
    ObjectNode body = Http.MAPPER.createObjectNode();
    if (serialized != null) {
      body.put("serialized_space", serialized);
    }
    if (etag != null) {
      body.put("etag", etag);
    }
    return body.toString();
  }

  @Test
  void getSpace_withoutFlag_omitsSerializedSpaceAndEtag() {
    JsonNode space = http.get(SPACE).json();

    assertThat(space.get("space_id").asText()).isEqualTo(Fixtures.SPACE_ID);
    assertThat(space.get("title").asText()).isEqualTo("Sales");
    assertThat(space.get("warehouse_id").asText()).isEqualTo(Fixtures.WAREHOUSE);
    assertThat(space.has("serialized_space")).isFalse();
    assertThat(space.has("etag")).isFalse();
    assertThat(space.has("description")).isFalse();
  }

  @Test
  void getSpace_withFlag_returnsTheExportAsAStringAndAnEtag() {
    JsonNode space = http.get(SPACE + "?include_serialized_space=true").json();

    assertThat(space.get("serialized_space").isTextual()).isTrue();
    assertThat(space.get("serialized_space").asText()).isEqualTo(Fixtures.EXPORT);
    assertThat(space.get("etag").asText()).isNotBlank();
    assertThat(space.get("create_time").asText()).endsWith("Z");
  }

  @Test
  void getSpace_viewerWithoutCanEdit_getsNoSerializedSpace() {
    JsonNode space = http.withToken(VIEWER).get(SPACE + "?include_serialized_space=true").json();

    assertThat(space.get("space_id").asText()).isEqualTo(Fixtures.SPACE_ID);
    assertThat(space.has("serialized_space")).isFalse();
    assertThat(space.has("etag")).isFalse();
  }

  @Test
  void getSpace_badFlagValue_is400() {
    Http.Reply r = http.get(SPACE + "?include_serialized_space=maybe");

    r.error(400, "INVALID_PARAMETER_VALUE");
  }

  @Test
  void updateSpace_currentEtag_replacesExportAndChangesEtag() {
    String etag = http.get(SPACE + "?include_serialized_space=true").text("/etag");

    Http.Reply r = http.patch(SPACE, patchBody("{\"version\":2}", etag));

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/serialized_space")).isEqualTo("{\"version\":2}");
    assertThat(r.text("/etag")).isNotEqualTo(etag);
    assertThat(r.text("/title")).isEqualTo("Sales");
    assertThat(emulator.space(Fixtures.SPACE_ID).orElseThrow().serializedSpace()).isEqualTo("{\"version\":2}");
  }

  @Test
  void updateSpace_staleEtag_is409AndNothingIsWritten() {
    String etag = http.get(SPACE + "?include_serialized_space=true").text("/etag");
    http.patch(SPACE, patchBody("{\"version\":2}", etag));
    EmulatedSpace before = emulator.space(Fixtures.SPACE_ID).orElseThrow();

    Http.Reply r = http.patch(SPACE, "{\"serialized_space\":\"{}\",\"title\":\"New\",\"etag\":\"" + etag + "\"}");

    r.error(409, "RESOURCE_CONFLICT");
    assertThat(r.text("/message")).contains(Fixtures.SPACE_ID).contains("stale");
    assertThat(emulator.space(Fixtures.SPACE_ID).orElseThrow()).isEqualTo(before);
  }

  @Test
  void updateSpace_withoutEtag_writesUnconditionally() {
    Http.Reply r = http.patch(SPACE, "{\"title\":\"Renamed\"}");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/title")).isEqualTo("Renamed");
    assertThat(r.text("/serialized_space")).isEqualTo(Fixtures.EXPORT);
  }

  @Test
  void updateSpace_serializedSpaceNotAnObject_is400AndNothingIsWritten() {
    EmulatedSpace before = emulator.space(Fixtures.SPACE_ID).orElseThrow();

    Http.Reply r = http.patch(SPACE, patchBody("[1,2]", null));
    Http.Reply r2 = http.patch(SPACE, patchBody("{not json", null));

    r.error(400, "INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).startsWith("Invalid serialized_space");
    assertThat(r2.status).isEqualTo(400);
    assertThat(emulator.space(Fixtures.SPACE_ID).orElseThrow()).isEqualTo(before);
  }

  @Test
  void updateSpace_viewer_is403PermissionDenied() {
    Http.Reply r = http.withToken(VIEWER).patch(SPACE, "{\"title\":\"x\"}");

    r.error(403, "PERMISSION_DENIED");
  }

  @Test
  void updateSpace_validatorHookRejects_is400WithItsMessage() {
    emulator.close();
    emulator = DatabricksEmulator.builder().space(Fixtures.space()).spaceValidator(s -> {
      if (s.contains("\"title\"")) {
        throw new IllegalArgumentException("Unknown field 'title'");
      }
    }).start();
    http = new Http(emulator);

    Http.Reply r = http.patch(SPACE, patchBody("{\"version\":2,\"title\":\"x\"}", null));

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/message")).isEqualTo("Invalid serialized_space: Unknown field 'title'");
  }

  @Test
  void createSpace_validBody_returnsNewSpaceWithExport() {
    Http.Reply r = http.post(SPACES, "{\"warehouse_id\":\"wh\",\"serialized_space\":\"{\\\"version\\\":2}\","
        + "\"title\":\"New space\",\"parent_path\":\"/Users/me\"}");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/space_id")).hasSize(32);
    assertThat(r.text("/serialized_space")).isEqualTo("{\"version\":2}");
    assertThat(r.text("/parent_path")).isEqualTo("/Users/me");
    assertThat(http.get(SPACES + "/" + r.text("/space_id")).text("/title")).isEqualTo("New space");
  }

  @Test
  void createSpace_missingWarehouse_is400NamingTheField() {
    Http.Reply r = http.post(SPACES, "{\"serialized_space\":\"{}\"}");

    r.error(400, "INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).contains("warehouse_id");
  }

  @Test
  void listSpaces_pages_omitSerializedSpaceAndFollowTokens() {
    for (int i = 0; i < 3; i++) {
      http.post(SPACES, "{\"warehouse_id\":\"wh\",\"serialized_space\":\"{}\",\"title\":\"s" + i + "\"}");
    }

    JsonNode first = http.get(SPACES + "?page_size=3").json();
    JsonNode second = http.get(SPACES + "?page_size=3&page_token=" + first.get("next_page_token").asText()).json();

    assertThat(first.get("spaces")).hasSize(3);
    assertThat(first.at("/spaces/0").has("serialized_space")).isFalse();
    assertThat(second.get("spaces")).hasSize(1);
    assertThat(second.has("next_page_token")).isFalse();
  }

  @Test
  void listSpaces_badPageToken_is400() {
    assertThat(http.get(SPACES + "?page_token=garbage").status).isEqualTo(400);
  }

  @Test
  void trashSpace_thenGet_is404() {
    Http.Reply r = http.delete(SPACE);

    assertThat(r.status).isEqualTo(200);
    assertThat(r.body).isEqualTo("{}");
    Http.Reply after = http.get(SPACE);
    after.error(404, "RESOURCE_DOES_NOT_EXIST");
    assertThat(emulator.space(Fixtures.SPACE_ID)).isEmpty();
  }

  @Test
  void spaceStore_unknownSpace_throwsNotFound() {
    assertThatThrownBy(() -> emulator.spaceStore().load("missing"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void putSpace_notAnObject_throwsIllegalArgument() {
    assertThatThrownBy(() -> emulator.putSpace(EmulatedSpace.of("s2", null, null, "[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serialized_space");
  }
}
