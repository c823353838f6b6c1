package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.port.ResultTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link StatementRecord} as the SQL API's StatementResponse (INLINE, JSON_ARRAY) and its chunks. */
final class StatementJson {
  private static final Pattern PRECISION = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  private StatementJson() {}

  /** The StatementResponse for a statement showing {@code state}. */
  static ObjectNode response(StatementRecord s, String state, int chunkRows) {
    ObjectNode out = Json.object();
    out.put("statement_id", s.statementId);
    ObjectNode status = out.putObject("status");
    status.put("state", state);
    if (state.equals("FAILED")) {
      ObjectNode error = status.putObject("error");
      error.put("error_code", s.errorCode);
      error.put("message", s.errorMessage);
      if (s.sqlState != null) {
        status.put("sql_state", s.sqlState);
      }
    }
    if (state.equals("SUCCEEDED")) {
      out.set("manifest", manifest(s.result, chunkRows));
      out.set("result", chunk(s.result, 0, chunkRows, s.statementId));
    }
    return out;
  }

  /** The {@code statement_response} wrapper Genie's query-result endpoints return. */
  static ObjectNode wrapped(StatementRecord s, String state, int chunkRows) {
    ObjectNode out = Json.object();
    out.set("statement_response", response(s, state, chunkRows));
    return out;
  }

  static int chunkCount(ResultTable table, int chunkRows) {
    return (table.rowCount() + chunkRows - 1) / chunkRows;
  }

  static ObjectNode manifest(ResultTable table, int chunkRows) {
    ObjectNode m = Json.object();
    m.put("format", "JSON_ARRAY");
    ObjectNode schema = m.putObject("schema");
    schema.put("column_count", table.columns().size());
    ArrayNode columns = schema.putArray("columns");
    for (int i = 0; i < table.columns().size(); i++) {
      columns.add(column(table.columns().get(i), i));
    }
    int chunks = chunkCount(table, chunkRows);
    m.put("total_chunk_count", chunks);
    m.put("total_row_count", table.rowCount());
    m.put("truncated", table.truncated());
    ArrayNode list = m.putArray("chunks");
    for (int c = 0; c < chunks; c++) {
      ObjectNode info = list.addObject();
      info.put("chunk_index", c);
      info.put("row_offset", (long) c * chunkRows);
      info.put("row_count", Math.min(chunkRows, table.rowCount() - c * chunkRows));
    }
    return m;
  }

  /** The ResultData of chunk {@code index}, with the link to the next chunk when there is one. */
  static ObjectNode chunk(ResultTable table, int index, int chunkRows, String statementId) {
    int from = Math.min(index * chunkRows, table.rowCount());
    int to = Math.min(from + chunkRows, table.rowCount());
    ObjectNode data = Json.object();
    data.put("chunk_index", index);
    data.put("row_offset", from);
    data.put("row_count", to - from);
    ArrayNode rows = data.putArray("data_array");
    for (List<Object> row : table.rows().subList(from, to)) {
      ArrayNode r = rows.addArray();
      for (Object cell : row) {
        if (cell == null) {
          r.addNull();
        } else {
          r.add(cell(cell));
        }
      }
    }
    if (index + 1 < chunkCount(table, chunkRows)) {
      data.put("next_chunk_index", index + 1);
      data.put("next_chunk_internal_link",
          "/api/2.0/sql/statements/" + statementId + "/result/chunks/" + (index + 1));
    }
    return data;
  }

  /** A cell as the JSON_ARRAY format writes it: every non-null value is a string. */
  static String cell(Object value) {
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof byte[]) {
      return Base64.getEncoder().encodeToString((byte[]) value);
    }
    if (value instanceof LocalDateTime) {
      return TIMESTAMP.format((LocalDateTime) value);
    }
    if (value instanceof Instant) {
      return TIMESTAMP.format(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
    }
    return value.toString();
  }

  /** A ColumnInfo with the Databricks {@code type_name} for the executor's type. */
  static ObjectNode column(ResultTable.Column column, int position) {
    ObjectNode c = Json.object();
    c.put("name", column.name());
    c.put("position", position);
    String upper = column.type().trim().toUpperCase(Locale.ROOT);
    String typeName = typeName(upper);
    c.put("type_name", typeName);
    c.put("type_text", typeText(upper, typeName));
    Matcher m = PRECISION.matcher(upper);
    if (typeName.equals("DECIMAL")) {
      c.put("type_precision", m.find() ? Integer.parseInt(m.group(1)) : 10);
      c.put("type_scale", m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }
    return c;
  }

  static String typeName(String upper) {
    String base = upper.replaceAll("\\(.*", "").trim();
    if (base.startsWith("DECIMAL") || base.startsWith("NUMERIC")) {
      return "DECIMAL";
    }
    if (base.startsWith("TIMESTAMP") || base.equals("DATETIME")) {
      return "TIMESTAMP";
    }
    if (base.startsWith("ARRAY") || base.endsWith("[]")) {
      return "ARRAY";
    }
    if (base.startsWith("MAP")) {
      return "MAP";
    }
    if (base.startsWith("STRUCT")) {
      return "STRUCT";
    }
    switch (base) {
      case "BIGINT": case "LONG": case "INT8": case "HUGEINT": case "UBIGINT":
        return "LONG";
      case "INT": case "INTEGER": case "INT4": case "UINTEGER":
        return "INT";
      case "SMALLINT": case "SHORT": case "INT2": case "USMALLINT":
        return "SHORT";
      case "TINYINT": case "BYTE": case "INT1": case "UTINYINT":
        return "BYTE";
      case "DOUBLE": case "FLOAT8":
        return "DOUBLE";
      case "FLOAT": case "REAL": case "FLOAT4":
        return "FLOAT";
      case "BOOLEAN": case "BOOL":
        return "BOOLEAN";
      case "DATE":
        return "DATE";
      case "BINARY": case "BLOB": case "BYTEA":
        return "BINARY";
      case "INTERVAL":
        return "INTERVAL";
      case "NULL":
        return "NULL";
      default:
        return "STRING";
    }
  }

  private static String typeText(String upper, String typeName) {
    switch (typeName) {
      case "LONG": return "BIGINT";
      case "SHORT": return "SMALLINT";
      case "BYTE": return "TINYINT";
      case "DECIMAL": return upper.replace("NUMERIC", "DECIMAL").replace(" ", "");
      case "TIMESTAMP": return "TIMESTAMP";
      default: return typeName;
    }
  }
}
