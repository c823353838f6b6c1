package dev.genieheal.space;

import java.util.List;

/**
 * A parameter of a parameterized example query; the SQL refers to it as {@code :name}.
 *
 * @param name the placeholder name; required
 * @param typeHint a type such as {@code STRING}, {@code DATE} or {@code INTEGER}, or null
 * @param description description lines
 * @param defaultValues the {@code default_value.values} list, empty when absent
 * @param unknown fields the model does not know (including any other shape of {@code default_value})
 */
public record Parameter(
    String name, String typeHint, List<String> description, List<String> defaultValues, UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public Parameter {
    description = Lists.copy(description);
    defaultValues = Lists.copy(defaultValues);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }
}
