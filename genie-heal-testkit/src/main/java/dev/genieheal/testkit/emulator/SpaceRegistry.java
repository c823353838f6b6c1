package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The emulator's Genie spaces: create, read, replace with an etag check, trash. Every write either happens whole or
 * not at all, and gets a new etag. Thread-safe (one monitor).
 */
final class SpaceRegistry {
  private final Map<String, EmulatedSpace> spaces = new LinkedHashMap<>();
  private final Clock clock;
  private final Ids ids;
  private final Consumer<String> validator;

  SpaceRegistry(Clock clock, Ids ids, Consumer<String> validator) {
    this.clock = clock;
    this.ids = ids;
    this.validator = validator;
  }

  /** Adds a space (preload or API create), assigning etag and times when they are missing. */
  synchronized EmulatedSpace put(EmulatedSpace space) {
    check(space.serializedSpace());
    Instant now = clock.instant();
    EmulatedSpace stored = new EmulatedSpace(space.spaceId(), space.title(), space.description(),
        space.warehouseId(), space.parentPath(), space.serializedSpace(),
        space.etag() == null ? ids.hex(16) : space.etag(),
        space.createTime() == null ? now : space.createTime(),
        space.updateTime() == null ? now : space.updateTime());
    spaces.put(stored.spaceId(), stored);
    return stored;
  }

  /** The space, or 404 RESOURCE_DOES_NOT_EXIST. */
  synchronized EmulatedSpace get(String spaceId) {
    EmulatedSpace space = spaces.get(spaceId);
    if (space == null) {
      throw ApiError.notFound("Genie space " + spaceId + " does not exist.");
    }
    return space;
  }

  synchronized boolean contains(String spaceId) {
    return spaces.containsKey(spaceId);
  }

  synchronized List<EmulatedSpace> list() {
    return new ArrayList<>(spaces.values());
  }

  /**
   * Applies a PATCH: null arguments leave a field unchanged; {@code serializedSpace} replaces the whole export.
   *
   * @throws ApiError 404 for an unknown space, 400 for an invalid export, 409 when {@code etag} is stale
   */
  synchronized EmulatedSpace update(String spaceId, String title, String description, String warehouseId,
      String parentPath, String serializedSpace, String etag) {
    EmulatedSpace current = get(spaceId);
    if (serializedSpace != null) {
      check(serializedSpace);
    }
    if (etag != null && !etag.equals(current.etag())) {
      throw ApiError.conflict("Genie space " + spaceId + " was modified since it was read: etag '" + etag
          + "' is stale. Get the space again and retry with its current etag.");
    }
    EmulatedSpace updated = new EmulatedSpace(spaceId,
        title != null ? title : current.title(),
        description != null ? description : current.description(),
        warehouseId != null ? warehouseId : current.warehouseId(),
        parentPath != null ? parentPath : current.parentPath(),
        serializedSpace != null ? serializedSpace : current.serializedSpace(),
        ids.hex(16), current.createTime(), clock.instant());
    spaces.put(spaceId, updated);
    return updated;
  }

  /** Moves the space to the trash: it is gone from every read. */
  synchronized void trash(String spaceId) {
    get(spaceId);
    spaces.remove(spaceId);
  }

  /** The benchmark questions of the space's export, in export order. */
  List<BenchmarkItem> benchmarks(String spaceId) {
    JsonNode root = parse(get(spaceId).serializedSpace());
    List<BenchmarkItem> out = new ArrayList<>();
    for (JsonNode q : root.path("benchmarks").path("questions")) {
      String sql = null;
      for (JsonNode a : q.path("answer")) {
        if ("SQL".equals(a.path("format").asText())) {
          sql = Json.joinedLines(a.get("content"));
          break;
        }
      }
      out.add(new BenchmarkItem(q.path("id").asText(), Objects.toString(Json.joinedLines(q.get("question")), ""),
          sql));
    }
    return out;
  }

  /** Example question SQLs of the space's export: question text and SQL. */
  List<String[]> exampleSqls(String spaceId) {
    JsonNode root = parse(get(spaceId).serializedSpace());
    List<String[]> out = new ArrayList<>();
    for (JsonNode e : root.path("instructions").path("example_question_sqls")) {
      String question = Json.joinedLines(e.get("question"));
      String sql = Json.joinedLines(e.get("sql"));
      if (question != null && sql != null) {
        out.add(new String[] {question, sql});
      }
    }
    return out;
  }

  private void check(String serializedSpace) {
    parse(serializedSpace);
    if (validator != null) {
      try {
        validator.accept(serializedSpace);
      } catch (RuntimeException e) {
        throw ApiError.invalid("Invalid serialized_space: " + e.getMessage());
      }
    }
  }

  private static JsonNode parse(String serializedSpace) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(serializedSpace);
    } catch (JsonProcessingException e) {
      throw ApiError.invalid("Invalid serialized_space: not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiError.invalid("Invalid serialized_space: expected a JSON object");
    }
    return node;
  }

  /** A benchmark question of an export; {@code sql} is null when it has no SQL answer. */
  record BenchmarkItem(String id, String question, String sql) {}
}
