package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL Statement Execution routes: execute (INLINE + JSON_ARRAY, {@code wait_timeout}, named parameters), get,
 * result chunks, cancel. SQL errors are HTTP 200 with {@code status.state = FAILED}. Thread-safe.
 */
final class StatementsApi {
  private static final Pattern WAIT = Pattern.compile("(\\d+)s");
  private static final Pattern MARKER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");
  private static final int MAX_STATEMENT_CHARS = 16 * 1024 * 1024;
  private final Backends backends;
  private final Ids ids;
  private final Clock clock;
  private final StatusProgression asyncProgression;
  private final int chunkRows;
  private final Map<String, StatementRecord> statements = new HashMap<>();

  StatementsApi(Backends backends, Ids ids, Clock clock, StatusProgression asyncProgression, int chunkRows) {
    this.backends = backends;
    this.ids = ids;
    this.clock = clock;
    this.asyncProgression = asyncProgression;
    this.chunkRows = chunkRows;
  }

  EmulatorResponse execute(Call call) {
    ObjectNode body = call.body();
    String statement = Json.requiredText(body, "statement");
    Json.requiredText(body, "warehouse_id");
    if (statement.length() > MAX_STATEMENT_CHARS) {
      throw ApiError.invalid("statement is larger than 16 MiB");
    }
    int waitSeconds = waitTimeout(Json.text(body, "wait_timeout"));
    oneOf(body, "on_wait_timeout", "CONTINUE", "CONTINUE", "CANCEL");
    String disposition = oneOf(body, "disposition", "INLINE", "INLINE", "EXTERNAL_LINKS");
    String format = oneOf(body, "format", "JSON_ARRAY", "JSON_ARRAY", "ARROW_STREAM", "CSV");
    if (!format.equals("JSON_ARRAY") && disposition.equals("INLINE")) {
      throw ApiError.invalid("format " + format + " requires disposition EXTERNAL_LINKS");
    }
    if (disposition.equals("EXTERNAL_LINKS")) {
      throw ApiError.invalid("disposition EXTERNAL_LINKS is not supported by the Databricks emulator; use INLINE");
    }
    long rowLimit = Json.longValue(body, "row_limit", Long.MAX_VALUE);
    if (rowLimit < 0) {
      throw ApiError.invalid("row_limit must be non-negative, got " + rowLimit);
    }
    String sql = bind(statement, body.get("parameters"));
    Progress progress = waitSeconds == 0 ? new Progress(asyncProgression, clock.instant()) : null;
    StatementRecord record = backends.run(ids.statementId(), sql, (int) Math.min(Integer.MAX_VALUE, rowLimit),
        progress);
    synchronized (this) {
      statements.put(record.statementId, record);
      return Json.ok(StatementJson.response(record, record.state(clock.instant(), false), chunkRows));
    }
  }

  synchronized EmulatorResponse get(Call call) {
    StatementRecord s = statement(call.param(0));
    return Json.ok(StatementJson.response(s, s.state(clock.instant(), true), chunkRows));
  }

  synchronized EmulatorResponse chunk(Call call) {
    StatementRecord s = statement(call.param(0));
    int index;
    try {
      index = Integer.parseInt(call.param(1));
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Invalid chunk_index: " + call.param(1));
    }
    if (!s.state(clock.instant(), false).equals("SUCCEEDED")) {
      throw ApiError.invalidState("Statement " + s.statementId + " has no result: it is "
          + s.state(clock.instant(), false));
    }
    if (index < 0 || index >= Math.max(1, StatementJson.chunkCount(s.result, chunkRows))) {
      throw ApiError.invalid("chunk_index " + index + " is out of range for statement " + s.statementId);
    }
    return Json.ok(StatementJson.chunk(s.result, index, chunkRows, s.statementId));
  }

  synchronized EmulatorResponse cancel(Call call) {
    StatementRecord s = statement(call.param(0));
    if (!s.finished()) {
      s.canceled = true;
    }
    return Json.ok(Json.object());
  }

  private StatementRecord statement(String id) {
    StatementRecord s = statements.get(id);
    if (s == null) {
      throw ApiError.notFound("Statement " + id + " does not exist.");
    }
    return s;
  }

  /** {@code "<N>s"} with N = 0 or 5..50; default 10 s. */
  private static int waitTimeout(String text) {
    if (text == null) {
      return 10;
    }
    Matcher m = WAIT.matcher(text.trim());
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      if (n == 0 || (n >= 5 && n <= 50)) {
        return n;
      }
    }
    throw ApiError.invalid("wait_timeout must be 0s or between 5s and 50s, got '" + text + "'");
  }

  private static String oneOf(JsonNode body, String field, String dflt, String... allowed) {
    String v = Json.text(body, field);
    if (v == null) {
      return dflt;
    }
    String upper = v.toUpperCase(Locale.ROOT);
    if (!List.of(allowed).contains(upper)) {
      throw ApiError.invalid("Invalid value for field '" + field + "': " + v + " (expected one of "
          + String.join(", ", allowed) + ")");
    }
    return upper;
  }

  /** Replaces named {@code :markers} with SQL literals of their parameters. */
  private static String bind(String statement, JsonNode parameters) {
    if (parameters == null || parameters.isNull()) {
      return statement;
    }
    if (!parameters.isArray()) {
      throw ApiError.invalid("Invalid value for field 'parameters': expected an array");
    }
    Map<String, String> literals = new HashMap<>();
    for (JsonNode p : parameters) {
      String name = Json.requiredText(p, "name");
      String type = p.hasNonNull("type") ? p.get("type").asText().toUpperCase(Locale.ROOT) : "STRING";
      String value = Json.text(p, "value");
      literals.put(name, literal(value, type, name));
    }
    Matcher m = MARKER.matcher(statement);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String literal = literals.get(m.group(1));
      if (literal == null) {
        throw ApiError.invalid("No value was given for parameter marker :" + m.group(1));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(literal));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String literal(String value, String type, String name) {
    if (value == null) {
      return "NULL";
    }
    String base = type.replaceAll("\\(.*", "").trim();
    switch (base) {
      case "INT": case "INTEGER": case "BIGINT": case "LONG": case "SMALLINT": case "TINYINT": case "SHORT":
      case "BYTE": case "DOUBLE": case "FLOAT": case "DECIMAL":
        try {
          return new java.math.BigDecimal(value.trim()).toPlainString();
        } catch (NumberFormatException e) {
          throw ApiError.invalid("Parameter '" + name + "' of type " + type + " has a non-numeric value '"
              + value + "'");
        }
      case "BOOLEAN":
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw ApiError.invalid("Parameter '" + name + "' of type BOOLEAN has value '" + value + "'");
        }
        return value.toUpperCase(Locale.ROOT);
      case "DATE":
        return "DATE '" + value.replace("'", "''") + "'";
      case "TIMESTAMP":
        return "TIMESTAMP '" + value.replace("'", "''") + "'";
      default:
        return "'" + value.replace("'", "''") + "'";
    }
  }
}
