package dev.genieheal.databricks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.ResultTables;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a SQL statement API {@code StatementResponse} (also Genie's {@code statement_response}) that
 * genie-heal reads. Internal.
 *
 * @param statementId the statement id, or null
 * @param state PENDING, RUNNING, SUCCEEDED, FAILED, CANCELED or CLOSED (null when missing or unknown)
 * @param errorCode the statement's error code when FAILED, or null
 * @param errorMessage the statement's error message when FAILED, or null
 * @param sqlState the SQLSTATE when FAILED, or null
 * @param columns the result columns (type is the manifest's {@code type_name})
 * @param rows the rows of the first chunk (or of all chunks once merged), all values strings or null
 * @param truncated whether the manifest says the result was truncated
 * @param nextChunk the path of the next chunk, or null on the last chunk
 */
public record StatementResponse(String statementId, String state, String errorCode, String errorMessage,
    String sqlState, List<ResultTable.Column> columns, List<List<String>> rows, boolean truncated,
    String nextChunk) {

  /** Reads a statement response. */
  public static StatementResponse parse(JsonNode node) {
    JsonNode status = node.path("status");
    JsonNode error = status.path("error");
    JsonNode manifest = node.path("manifest");
    List<ResultTable.Column> columns = new ArrayList<>();
    for (JsonNode c : Json.array(manifest.path("schema"), "columns")) {
      String name = Json.text(c, "name");
      String type = Json.text(c, "type_name");
      if (type == null) {
        type = Json.text(c, "type_text");
      }
      columns.add(new ResultTable.Column(name == null ? "col" + columns.size() : name, type == null ? "STRING" : type));
    }
    JsonNode result = node.path("result");
    return new StatementResponse(Json.text(node, "statement_id"), Json.text(status, "state"),
        Json.text(error, "error_code"), Json.text(error, "message"), Json.text(status, "sql_state"),
        columns, rows(result), manifest.path("truncated").asBoolean(false) || isTruncated(node),
        nextChunk(result, Json.text(node, "statement_id")));
  }

  private static boolean isTruncated(JsonNode node) {
    return node.path("result").path("truncated").asBoolean(false);
  }

  /** The rows of a {@code ResultData} node. */
  public static List<List<String>> rows(JsonNode resultData) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : Json.array(resultData, "data_array")) {
      List<String> values = new ArrayList<>(row.size());
      row.forEach(v -> values.add(v == null || v.isNull() ? null : v.isContainerNode() ? v.toString() : v.asText()));
      rows.add(values);
    }
    return rows;
  }

  /** The path of the chunk after this {@code ResultData}, or null. */
  public static String nextChunk(JsonNode resultData, String statementId) {
    String link = Json.text(resultData, "next_chunk_internal_link");
    if (link != null) {
      return link;
    }
    long index = Json.longValue(resultData, "next_chunk_index", -1);
    return index < 0 || statementId == null ? null
        : "/api/2.0/sql/statements/" + statementId + "/result/chunks/" + index;
  }

  /** A copy with more rows appended and the given next chunk. */
  public StatementResponse plusRows(List<List<String>> more, String next) {
    List<List<String>> all = new ArrayList<>(rows);
    all.addAll(more);
    return new StatementResponse(statementId, state, errorCode, errorMessage, sqlState, columns, all, truncated, next);
  }

  /** Whether the state is final (SUCCEEDED, FAILED, CANCELED, CLOSED). */
  public boolean terminal() {
    return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELED".equals(state) || "CLOSED".equals(state);
  }

  /** The rows as a typed table. */
  public ResultTable toTable() {
    return ResultTables.fromStrings(columns, rows, truncated);
  }
}
