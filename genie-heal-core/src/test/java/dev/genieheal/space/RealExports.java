package dev.genieheal.space;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real exports kept beside the repository in {@code ../shared/reference/genie-examples} (relative to the
 * repository root). They are not ours to commit, so tests that need them are skipped when the folder is missing.
 * The system property {@code genieheal.examples.dir} or the environment variable {@code GENIE_HEAL_EXAMPLES} point
 * elsewhere (e.g. from a git worktree).
 */
public final class RealExports {
  static final String ENVELOPE = "databricks-solutions__vibe-coding-workshop-template__genie_space_export.json";

  private RealExports() {}

  /** The folder, or null when it is not there. */
  public static Path dir() {
    String override = System.getProperty("genieheal.examples.dir", System.getenv("GENIE_HEAL_EXAMPLES"));
    if (override != null && !override.isBlank()) {
      Path p = Paths.get(override);
      return Files.isDirectory(p) ? p : null;
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(".git"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      return null;
    }
    Path p = dir.resolve("../shared/reference/genie-examples").normalize();
    return Files.isDirectory(p) ? p : null;
  }

  /** Every export file name; skips the calling test when the folder is missing. */
  public static List<String> names() {
    Path dir = dir();
    assumeTrue(dir != null, "real exports not found beside the repository");
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw text of one export; skips the calling test when the folder is missing. */
  static String read(String name) {
    Path dir = dir();
    assumeTrue(dir != null, "real exports not found beside the repository");
    try {
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code serialized_space} document of one export (unwrapping the GET envelope). */
  public static String serializedSpace(String name) {
    String text = read(name);
    return name.equals(ENVELOPE) ? SpaceEnvelope.parse(text).serializedSpace() : text;
  }
}
