package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint: {@code page_size} (default 20, at most 100) and an opaque {@code page_token}. */
final class Page<T> {
  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  private final List<T> items;
  private final String nextToken;

  private Page(List<T> items, String nextToken) {
    this.items = items;
    this.nextToken = nextToken;
  }

  static <T> Page<T> of(List<T> all, Call call) {
    int size = DEFAULT_SIZE;
    String sizeText = call.query("page_size");
    if (sizeText != null) {
      try {
        size = Integer.parseInt(sizeText);
      } catch (NumberFormatException e) {
        throw ApiError.invalid("Invalid value for query parameter 'page_size': " + sizeText);
      }
      if (size < 0) {
        throw ApiError.invalid("page_size must be non-negative, got " + size);
      }
      size = size == 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }
    int offset = decode(call.query("page_token"));
    int from = Math.min(offset, all.size());
    int to = Math.min(from + size, all.size());
    String next = to < all.size() ? encode(to) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  List<T> items() {
    return items;
  }

  /** The token for the next page, or null on the last page. */
  String nextToken() {
    return nextToken;
  }

  /** The page as a list response: {@code {"<listField>": [each item rendered], "next_page_token": ...}}. */
  ObjectNode toJson(String listField, Function<? super T, ? extends JsonNode> render) {
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray(listField);
    items.forEach(item -> list.add(render.apply(item)));
    out.put("next_page_token", nextToken);
    return out;
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        int offset = Integer.parseInt(text.substring("offset:".length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw ApiError.invalid("Invalid page_token: " + token);
  }
}
