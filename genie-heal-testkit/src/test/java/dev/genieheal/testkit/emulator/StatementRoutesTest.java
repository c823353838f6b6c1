package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementRoutesTest {
  private static final String STATEMENTS = "/api/2.0/sql/statements";
  private DatabricksEmulator emulator;
  private Http http;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder().sqlExecutor(Fixtures.warehouse()).chunkRows(3_000).start();
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static String execute(String sql, String wait) {
    return "{\"warehouse_id\":\"" + Fixtures.WAREHOUSE + "\",\"statement\":\"" + sql + "\",\"wait_timeout\":\""
        + wait + "\",\"format\":\"JSON_ARRAY\",\"disposition\":\"INLINE\"}";
  }

  @Test
  void execute_withinWait_returnsSucceededWithManifestAndInlineRows() {
    JsonNode r = http.post(STATEMENTS, execute(Fixtures.REGION_SQL, "30s")).json();

    assertThat(r.get("statement_id").asText()).matches("01f0[0-9a-f]{4}-[0-9a-f]{4}-.*");
    assertThat(r.at("/status/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(r.at("/manifest/format").asText()).isEqualTo("JSON_ARRAY");
    assertThat(r.at("/manifest/schema/columns/0/name").asText()).isEqualTo("region");
    assertThat(r.at("/manifest/schema/columns/0/position").asInt()).isZero();
    assertThat(r.at("/manifest/total_chunk_count").asInt()).isEqualTo(1);
    assertThat(r.at("/result/data_array/0/1").asText()).isEqualTo("1200.50");
    assertThat(r.at("/result").has("next_chunk_index")).isFalse();
  }

  @Test
  void execute_zeroWait_isPendingThenSucceededOnPoll() {
    JsonNode r = http.post(STATEMENTS, execute(Fixtures.COUNT_SQL, "0s")).json();

    assertThat(r.at("/status/state").asText()).isEqualTo("PENDING");
    assertThat(r.has("result")).isFalse();
    JsonNode polled = http.get(STATEMENTS + "/" + r.get("statement_id").asText()).json();
    assertThat(polled.at("/status/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(polled.at("/result/data_array/0/0").asText()).isEqualTo("42");
    assertThat(polled.at("/manifest/schema/columns/0/type_name").asText()).isEqualTo("LONG");
  }

  @Test
  void cancel_pendingStatement_becomesCanceled() {
    String id = http.post(STATEMENTS, execute(Fixtures.COUNT_SQL, "0s")).text("/statement_id");

    Http.Reply cancel = http.post(STATEMENTS + "/" + id + "/cancel", null);

    assertThat(cancel.status).isEqualTo(200);
    assertThat(http.get(STATEMENTS + "/" + id).text("/status/state")).isEqualTo("CANCELED");
  }

  @Test
  void execute_sqlError_isHttp200WithFailedStateAndError() {
    Http.Reply r = http.post(STATEMENTS, execute("SELECT * FROM missing", "10s"));

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/status/state")).isEqualTo("FAILED");
    assertThat(r.text("/status/error/error_code")).isEqualTo("BAD_REQUEST");
    assertThat(r.text("/status/error/message")).contains("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(r.text("/status/sql_state")).isEqualTo("42P01");
    assertThat(r.json().has("manifest")).isFalse();
  }

  @Test
  void execute_largeResult_isChunkedWithInternalLinks() {
    JsonNode r = http.post(STATEMENTS, execute(Fixtures.BIG_SQL, "10s")).json();

    assertThat(r.at("/manifest/total_row_count").asInt()).isEqualTo(7_000);
    assertThat(r.at("/manifest/total_chunk_count").asInt()).isEqualTo(3);
    assertThat(r.at("/manifest/chunks/2/row_offset").asInt()).isEqualTo(6_000);
    assertThat(r.at("/result/row_count").asInt()).isEqualTo(3_000);
    String link = r.at("/result/next_chunk_internal_link").asText();
    assertThat(link).endsWith("/result/chunks/1");
    JsonNode chunk1 = http.get(link).json();
    assertThat(chunk1.get("row_offset").asInt()).isEqualTo(3_000);
    assertThat(chunk1.at("/data_array/0/0").asText()).isEqualTo("3000");
    JsonNode chunk2 = http.get(chunk1.get("next_chunk_internal_link").asText()).json();
    assertThat(chunk2.get("row_count").asInt()).isEqualTo(1_000);
    assertThat(chunk2.has("next_chunk_internal_link")).isFalse();
  }

  @Test
  void execute_rowLimit_truncates() {
    JsonNode r = http.post(STATEMENTS, "{\"warehouse_id\":\"w\",\"statement\":\"" + Fixtures.BIG_SQL
        + "\",\"row_limit\":10}").json();

    assertThat(r.at("/manifest/total_row_count").asInt()).isEqualTo(10);
    assertThat(r.at("/manifest/truncated").asBoolean()).isTrue();
  }

  @Test
  void execute_namedParameters_areBoundAsLiterals() {
    emulator.close();
    emulator = DatabricksEmulator.builder().sqlExecutor(sql -> {
      assertThat(sql).isEqualTo("SELECT * FROM t WHERE region = 'O''Brien' AND n > 5");
      return Fixtures.big(1);
    }).start();
    http = new Http(emulator);

    Http.Reply r = http.post(STATEMENTS, "{\"warehouse_id\":\"w\",\"statement\":"
        + "\"SELECT * FROM t WHERE region = :region AND n > :n\",\"parameters\":["
        + "{\"name\":\"region\",\"value\":\"O'Brien\"},{\"name\":\"n\",\"value\":\"5\",\"type\":\"INT\"}]}");

    assertThat(r.text("/status/state")).isEqualTo("SUCCEEDED");
  }

  @Test
  void execute_badWaitTimeout_is400() {
    Http.Reply r = http.post(STATEMENTS, execute(Fixtures.COUNT_SQL, "3s"));

    r.error(400, "INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).contains("wait_timeout");
  }

  @Test
  void execute_externalLinks_is400NotSupported() {
    Http.Reply r = http.post(STATEMENTS, "{\"warehouse_id\":\"w\",\"statement\":\"SELECT 1\","
        + "\"disposition\":\"EXTERNAL_LINKS\"}");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/message")).contains("EXTERNAL_LINKS");
  }

  @Test
  void execute_missingStatement_is400NamingTheField() {
    Http.Reply r = http.post(STATEMENTS, "{\"warehouse_id\":\"w\"}");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/message")).contains("statement");
  }

  @Test
  void execute_withoutWarehouseConfigured_failsSayingSo() {
    emulator.close();
    emulator = DatabricksEmulator.builder().start();
    http = new Http(emulator);

    Http.Reply r = http.post(STATEMENTS, execute("SELECT 1", "10s"));

    assertThat(r.text("/status/state")).isEqualTo("FAILED");
    assertThat(r.text("/status/error/message")).contains("No SQL warehouse is configured");
  }

  @Test
  void get_unknownStatement_is404() {
    Http.Reply r = http.get(STATEMENTS + "/nope");

    r.error(404, "RESOURCE_DOES_NOT_EXIST");
  }
}
