package dev.genieheal.databricks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Checks the shaded {@code -all} jar: every class is either ours ({@code dev/genieheal/}, not counting the relocated
 * {@code dev/genieheal/shaded/}) or relocated under {@code dev/genieheal/shaded/}; in particular no
 * {@code com/fasterxml/jackson} class is left where the cluster's own Jackson would clash with it; slf4j is not
 * bundled; the manifest names the job's main class. Run by the build right after shading (see the module pom); not
 * a surefire test because the jar does not exist yet when tests run.
 */
public final class ShadedJarCheck {
  private ShadedJarCheck() {}

  /** Checks the jar at {@code args[0]}; throws (failing the build) listing what is wrong. */
  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    List<String> problems = problems(jar);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(jar + " is not correctly shaded:\n  " + String.join("\n  ", problems));
    }
    System.out.println("[shaded-jar-check] " + jar.getFileName() + ": all third-party classes relocated");
  }

  /** What is wrong with the jar; empty when it is fine. */
  public static List<String> problems(Path jar) throws IOException {
    List<String> problems = new ArrayList<>();
    if (!Files.isRegularFile(jar)) {
      problems.add("missing jar " + jar);
      return problems;
    }
    boolean sawRelocatedJackson = false;
    try (JarFile file = new JarFile(jar.toFile())) {
      var entries = file.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith("dev/genieheal/shaded/com/fasterxml/jackson/")) {
          sawRelocatedJackson = true;
        }
        if (!name.endsWith(".class") || name.startsWith("dev/genieheal/")) {
          continue;
        }
        if (name.startsWith("META-INF/versions/")) {
          String inner = name.replaceFirst("META-INF/versions/\\d+/", "");
          if (inner.startsWith("dev/genieheal/")) {
            continue;
          }
        }
        if (problems.size() < 20) {
          problems.add("unrelocated class " + name);
        }
      }
      String main = file.getManifest() == null ? null
          : file.getManifest().getMainAttributes().getValue("Main-Class");
      if (!"dev.genieheal.databricks.job.EnhancementJob".equals(main)) {
        problems.add("Main-Class is " + main + ", expected dev.genieheal.databricks.job.EnhancementJob");
      }
    }
    if (!sawRelocatedJackson) {
      problems.add("no relocated Jackson under dev/genieheal/shaded/com/fasterxml/jackson/");
    }
    return problems;
  }
}
