package dev.genieheal.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields of a space export that the model does not know, kept so that writing the space back loses nothing.
 *
 * <p>Values are plain Java JSON values: {@code String}, {@code Boolean}, {@code java.math.BigDecimal} or
 * {@code Long} for numbers, {@code List<Object>}, {@code Map<String, Object>} and {@code null}. The map keeps the
 * order the fields were read in. Immutable.
 *
 * @param fields field name to value, never null
 */
public record UnknownFields(Map<String, Object> fields) {
  private static final UnknownFields NONE = new UnknownFields(Map.of());

  /** Copies the map, keeping its order. */
  public UnknownFields {
    fields = fields == null || fields.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The empty set of unknown fields. */
  public static UnknownFields none() {
    return NONE;
  }

  /** Whether there are no unknown fields. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }
}
