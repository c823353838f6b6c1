package dev.genieheal.prompts;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All templates of one prompt version, plus the other files it ships (such as the fix JSON Schema).
 *
 * @param version the version name, e.g. {@code v2}
 * @param released whether the version is a released, immutable one (shipped with checksums)
 * @param templates the templates by name
 * @param files every file of the version by name, template files included
 * @param source where it was loaded from (a classpath location or a directory), for messages
 */
public record PromptVersion(
    String version, boolean released, Map<String, PromptTemplate> templates, Map<String, String> files,
    String source) {
  /** Validates and copies. */
  public PromptVersion {
    Objects.requireNonNull(version, "version");
    templates = Map.copyOf(templates);
    files = Map.copyOf(files);
    Objects.requireNonNull(source, "source");
  }

  /**
   * The template with the given name.
   *
   * @throws IllegalArgumentException naming the version and the templates it has
   */
  public PromptTemplate template(String name) {
    PromptTemplate t = templates.get(name);
    if (t == null) {
      throw new IllegalArgumentException("prompt version " + version + " has no template '" + name
          + "' (it has " + new TreeMap<>(templates).keySet() + ")");
    }
    return t;
  }

  /** A shipped file by name (e.g. {@code fix.schema.json}). */
  public Optional<String> file(String name) {
    return Optional.ofNullable(files.get(name));
  }
}
