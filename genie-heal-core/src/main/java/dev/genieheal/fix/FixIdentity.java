package dev.genieheal.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What makes two fixes "the same change": their JSON without {@code reason} and {@code benchmark_ids}. The loop and
 * the analyzers use it to refuse a fix that was rolled back, whatever reason it is proposed with this time.
 * Thread-safe.
 */
public final class FixIdentity {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FixIdentity() {}

  /** The fix's JSON without {@code reason} and {@code benchmark_ids}; equal for the same change. */
  public static String of(Fix fix) {
    ObjectNode node = tree(fix);
    node.remove("reason");
    node.remove("benchmark_ids");
    return node.toString();
  }

  /** The same fix attributed to the given benchmarks. */
  public static Fix withBenchmarkIds(Fix fix, List<String> ids) {
    ObjectNode node = tree(fix);
    node.set("benchmark_ids", MAPPER.valueToTree(ids));
    return FixJson.read(node.toString());
  }

  private static ObjectNode tree(Fix fix) {
    try {
      return (ObjectNode) MAPPER.readTree(FixJson.write(fix));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("FixJson wrote unreadable JSON for " + fix.type(), e);
    }
  }
}
