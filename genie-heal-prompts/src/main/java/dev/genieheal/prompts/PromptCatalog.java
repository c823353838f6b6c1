package dev.genieheal.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The prompt versions available to a run, and which one is active.
 *
 * <p>Released versions ship on the classpath under {@code dev/genieheal/prompts/<version>/}; {@code VERSIONS} lists
 * them and {@code ACTIVE} names the default. Each version holds the templates {@code best_practices},
 * {@code analysis}, {@code fix_generation} and {@code answer_comparison} and the fix JSON Schema
 * ({@code fix.schema.json}). Released versions are immutable: their files are checked against {@code SHA256SUMS}
 * when loaded.
 *
 * <p>A team iterates on prompts without rebuilding by pointing {@link Builder#directory(Path)} at a folder laid out
 * the same way ({@code <dir>/<version>/templates.properties}, no checksums needed); its versions join the released
 * ones (they may not reuse a released name). {@link Builder#activeVersion(String)} picks the version per run, which
 * is how A/B comparisons are run.
 *
 * <pre>{@code
 * PromptCatalog prompts = PromptCatalog.builder().directory(Path.of("my-prompts")).activeVersion("v3-draft").build();
 * String text = prompts.template("answer_comparison").render(Map.of("question", q, ...));
 * }</pre>
 *
 * <p>Immutable and thread-safe; versions are loaded and checked when the catalog is built.
 */
public final class PromptCatalog {
  private static final String ROOT = "dev/genieheal/prompts/";

  private final Map<String, PromptVersion> versions;
  private final String active;

  private PromptCatalog(Map<String, PromptVersion> versions, String active) {
    this.versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    this.active = active;
  }

  /** The released versions shipped with this jar, with the shipped active version. */
  public static PromptCatalog builtIn() {
    return builder().build();
  }

  /** A builder starting from the released versions. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every version name, sorted. */
  public List<String> versions() {
    return List.copyOf(versions.keySet());
  }

  /** The version used when none is named. */
  public String activeVersion() {
    return active;
  }

  /**
   * A version.
   *
   * @throws IllegalArgumentException naming the version and the ones that exist
   */
  public PromptVersion version(String name) {
    PromptVersion v = versions.get(Objects.requireNonNull(name, "version"));
    if (v == null) {
      throw new IllegalArgumentException("no prompt version '" + name + "' (available: " + versions() + ")");
    }
    return v;
  }

  /** A template of the active version. */
  public PromptTemplate template(String name) {
    return version(active).template(name);
  }

  /** A template of the named version. */
  public PromptTemplate template(String name, String version) {
    return version(version).template(name);
  }

  /** A builder holding this catalog's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.extra.putAll(versions);
    b.activeVersion = active;
    return b;
  }

  /**
   * Builds a {@link PromptCatalog}. Defaults: only the released versions; active version from the {@code ACTIVE}
   * resource (or the override directory's {@code ACTIVE} file when it has one).
   */
  public static final class Builder {
    private final List<Path> directories = new ArrayList<>();
    private final Map<String, PromptVersion> extra = new TreeMap<>();
    private String activeVersion;
    private ClassLoader classLoader = PromptCatalog.class.getClassLoader();

    private Builder() {}

    /**
     * Adds the versions in a directory ({@code <dir>/<version>/templates.properties}).
     *
     * @throws IllegalArgumentException when the path is not a directory
     */
    public Builder directory(Path dir) {
      Objects.requireNonNull(dir, "dir");
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("prompt directory does not exist or is not a directory: " + dir);
      }
      directories.add(dir);
      return this;
    }

    /** The version to use when none is named; must exist when {@link #build()} runs. */
    public Builder activeVersion(String version) {
      Objects.requireNonNull(version, "version");
      if (version.isBlank()) {
        throw new IllegalArgumentException("version must not be blank");
      }
      this.activeVersion = version;
      return this;
    }

    /** The class loader to read released versions from (default: this module's). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Loads and checks every version.
     *
     * @throws IllegalStateException when a released version was modified, a directory version reuses a released
     *     name, or the active version does not exist
     * @throws IllegalArgumentException when a template is malformed (undeclared or unused variables)
     */
    public PromptCatalog build() {
      PromptFiles released = PromptFiles.classpath(classLoader, ROOT);
      Map<String, PromptVersion> all = new TreeMap<>();
      for (String v : lines(released.read("VERSIONS").orElse(""))) {
        all.put(v, PromptVersionLoader.load(released, v, true));
      }
      String active = activeVersion;
      String shippedActive = lines(released.read("ACTIVE").orElse("")).stream().findFirst().orElse(null);
      for (Path dir : directories) {
        PromptFiles files = PromptFiles.directory(dir);
        for (String v : subdirectoriesWithTemplates(dir)) {
          if (all.containsKey(v) && all.get(v).released()) {
            throw new IllegalStateException("prompt version " + v + " in " + dir
                + " reuses the name of a released version; released prompts are immutable, name it differently");
          }
          all.put(v, PromptVersionLoader.load(files, v, false));
        }
        Optional<String> dirActive = files.read("ACTIVE").flatMap(s -> lines(s).stream().findFirst());
        if (active == null && dirActive.isPresent()) {
          active = dirActive.get();
        }
      }
      extra.forEach(all::putIfAbsent);
      if (active == null) {
        active = shippedActive;
      }
      if (active == null) {
        throw new IllegalStateException("no active prompt version: set activeVersion(...)");
      }
      if (!all.containsKey(active)) {
        throw new IllegalStateException("active prompt version '" + active + "' does not exist (available: "
            + all.keySet() + ")");
      }
      return new PromptCatalog(all, active);
    }

    private static List<String> subdirectoriesWithTemplates(Path dir) {
      try (Stream<Path> children = Files.list(dir)) {
        return children.filter(p -> Files.isRegularFile(p.resolve(PromptVersionLoader.TEMPLATES)))
            .map(p -> p.getFileName().toString()).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list prompt directory " + dir, e);
      }
    }

    private static List<String> lines(String text) {
      return text.lines().map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }
  }
}
