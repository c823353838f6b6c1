package dev.genieheal.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Finds the one JSON object in a language model's answer. Accepts what models commonly wrap around JSON (code fences,
 * prose before or after); refuses everything that would need guessing (no object, an unbalanced object, trailing
 * commas, an answer over the size limit) with a reason. Not API; thread-safe.
 */
public final class ModelJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ModelJson() {}

  /** The parsed object, or the reason it could not be read. */
  public sealed interface Result permits Ok, Refused {}

  /**
   * A parsed object.
   *
   * @param json the object
   * @param text the object's text as it appeared in the answer
   */
  public record Ok(JsonNode json, String text) implements Result {}

  /**
   * A refusal.
   *
   * @param reason why the answer was not read
   */
  public record Refused(String reason) implements Result {}

  /** Extracts the first top-level JSON object of an answer at most {@code maxChars} long. */
  public static Result extract(String answer, int maxChars) {
    if (answer == null || answer.isBlank()) {
      return new Refused("the model's answer is empty");
    }
    if (answer.length() > maxChars) {
      return new Refused("the model's answer has " + answer.length() + " characters, over the limit of "
          + maxChars + "; not read");
    }
    int start = answer.indexOf('{');
    if (start < 0) {
      return new Refused("the model's answer holds no JSON object");
    }
    int end = matchingBrace(answer, start);
    if (end < 0) {
      return new Refused("the model's answer has an unterminated JSON object starting at character " + start
          + " (truncated output?)");
    }
    String text = answer.substring(start, end + 1);
    int comma = trailingComma(text);
    if (comma >= 0) {
      return new Refused("the JSON object has a trailing comma at character " + (start + comma)
          + "; not repaired, since repairing would mean guessing");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return new Ok(node, text);
    } catch (JsonProcessingException e) {
      return new Refused("the JSON object does not parse: " + e.getOriginalMessage());
    }
  }

  /** The index of the brace closing the object opened at {@code start}, or -1; braces in strings are skipped. */
  static int matchingBrace(String s, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return c == '}' ? i : -1;
        }
      }
    }
    return -1;
  }

  /** The index of a comma directly followed (after white space) by a closing bracket, outside strings; or -1. */
  static int trailingComma(String s) {
    boolean inString = false;
    int lastComma = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
        lastComma = -1;
      } else if (c == ',') {
        lastComma = i;
      } else if (c == '}' || c == ']') {
        if (lastComma >= 0) {
          return lastComma;
        }
      } else if (!Character.isWhitespace(c)) {
        lastComma = -1;
      }
    }
    return -1;
  }

  /** Writes a value as compact JSON (for prompts and reports). */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + value.getClass().getName(), e);
    }
  }
}
