package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.dashboards.GenieAttachment;
import com.databricks.sdk.service.dashboards.GenieGetSpaceRequest;
import com.databricks.sdk.service.dashboards.GenieMessage;
import com.databricks.sdk.service.dashboards.GenieSpace;
import com.databricks.sdk.service.dashboards.GenieStartConversationMessageRequest;
import com.databricks.sdk.service.dashboards.GenieUpdateSpaceRequest;
import com.databricks.sdk.service.dashboards.MessageStatus;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.ResultTable.Column;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Databricks SDK for Java, pointed at the emulator, works unchanged: the emulator speaks the wire
 * protocol real clients expect (field names, status progression, etags, statement results, error bodies).
 */
class OfficialSdkCompatibilityTest {
  private static final String SPACE_JSON = "{\"version\":2,\"data_sources\":{\"tables\":"
      + "[{\"identifier\":\"shop.sales.orders\"}]}}";
  private static final ResultTable ROWS = ResultTable.of(
      List.of(new Column("region", "STRING"), new Column("revenue", "DECIMAL(10,2)")),
      List.of(List.of("West", new java.math.BigDecimal("15.50"))));

  private DatabricksEmulator emulator;
  private WorkspaceClient sdk;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder()
        .genie(q -> GenieAnswer.sql("SELECT region, SUM(amount) AS revenue FROM shop.sales.orders GROUP BY region",
            ROWS, Duration.ofMillis(5)))
        .sqlExecutor(sql -> ROWS)
        .space(EmulatedSpace.of("space-1", "Shop", "wh-1", SPACE_JSON))
        .noQuestionLimit()
        .start();
    sdk = new WorkspaceClient(new DatabricksConfig()
        .setHost(emulator.baseUrl())
        .setToken(emulator.token())
        .setAuthType("pat"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void sdk_startConversationAndWait_readsTheCompletedMessageAndItsQueryResult() throws Exception {
    GenieMessage message = sdk.genie().startConversation(new GenieStartConversationMessageRequest()
        .setSpaceId("space-1").setContent("Revenue by region?")).get(Duration.ofSeconds(30));

    assertThat(message.getStatus()).isEqualTo(MessageStatus.COMPLETED);
    GenieAttachment query = message.getAttachments().stream().filter(a -> a.getQuery() != null).findFirst()
        .orElseThrow();
    assertThat(query.getQuery().getQuery()).contains("SUM(amount)");
    var result = sdk.genie().getMessageAttachmentQueryResult("space-1", message.getConversationId(),
        message.getMessageId(), query.getAttachmentId());
    assertThat(result.getStatementResponse().getResult().getDataArray())
        .containsExactly(List.of("West", "15.50"));
  }

  @Test
  void sdk_getSpaceWithSerializedSpace_andUpdateWithEtag() {
    GenieSpace space = sdk.genie().getSpace(new GenieGetSpaceRequest().setSpaceId("space-1")
        .setIncludeSerializedSpace(true));

    assertThat(space.getTitle()).isEqualTo("Shop");
    assertThat(space.getSerializedSpace()).contains("shop.sales.orders");
    GenieSpace updated = sdk.genie().updateSpace(new GenieUpdateSpaceRequest().setSpaceId("space-1")
        .setSerializedSpace(SPACE_JSON).setEtag(space.getEtag()));
    assertThat(updated.getEtag()).isNotEqualTo(space.getEtag());
    assertThatThrownBy(() -> sdk.genie().updateSpace(new GenieUpdateSpaceRequest().setSpaceId("space-1")
        .setSerializedSpace(SPACE_JSON).setEtag(space.getEtag())))
        .hasMessageContaining("etag");
  }

  @Test
  void sdk_executeStatement_readsInlineJsonArrayResults() {
    StatementResponse response = sdk.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId("wh-1").setStatement("SELECT region, revenue FROM t").setWaitTimeout("10s")
        .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY));

    assertThat(response.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
    assertThat(response.getManifest().getSchema().getColumns()).extracting(c -> c.getName())
        .containsExactly("region", "revenue");
    assertThat(response.getResult().getDataArray()).containsExactly(List.of("West", "15.50"));
  }

  @Test
  void sdk_wrongToken_getsThePermissionErrorTheRealServiceSends() {
    WorkspaceClient wrong = new WorkspaceClient(new DatabricksConfig().setHost(emulator.baseUrl())
        .setToken("dapi-not-valid").setAuthType("pat"));

    assertThatThrownBy(() -> wrong.genie().getSpace("space-1")).hasMessageContaining("Invalid access token");
  }
}
