package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One routed request as a handler sees it: path parameters, query parameters, the parsed body, the principal. */
final class Call {
  private final RecordedRequest request;
  private final List<String> pathParams;
  private final Map<String, List<String>> queryParams;
  private final Principal principal;
  private ObjectNode body;

  Call(RecordedRequest request, List<String> pathParams, Principal principal) {
    this.request = request;
    this.pathParams = List.copyOf(pathParams);
    this.queryParams = parseForm(request.query());
    this.principal = principal;
  }

  /** The {@code i}-th path parameter (0-based), URL-decoded. */
  String param(int i) {
    return URLDecoder.decode(pathParams.get(i), StandardCharsets.UTF_8);
  }

  /** The first value of a query parameter, or null. */
  String query(String name) {
    List<String> values = queryParams.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A boolean query parameter ({@code true}/{@code false}); anything else is INVALID_PARAMETER_VALUE. */
  boolean queryFlag(String name) {
    String v = query(name);
    if (v == null) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiError.invalid("Invalid value for query parameter '" + name + "': expected true or false but got '"
        + v + "'");
  }

  /** The body as a JSON object (empty when there is no body). */
  ObjectNode body() {
    if (body == null) {
      body = Json.parseObject(request.body());
    }
    return body;
  }

  RecordedRequest request() {
    return request;
  }

  Principal principal() {
    return principal;
  }

  /** Parses {@code a=1&b=2} (a query string or a form body). */
  static Map<String, List<String>> parseForm(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** Who made the call. */
  enum Principal {
    /** No bearer check applies (OAuth endpoints). */
    ANONYMOUS,
    /** A token with CAN EDIT on every space. */
    EDITOR,
    /** A token without CAN EDIT: no serialized_space, no writes to spaces. */
    VIEWER
  }
}
