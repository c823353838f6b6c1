package dev.genieheal.prompts;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads one version directory: {@code templates.properties} declares each template's file and variables
 * ({@code analysis.file=analysis.md}, {@code analysis.variables=a,b}) and extra files ({@code extra.files=...});
 * a released version also ships {@code SHA256SUMS}, checked on load. Not public API.
 */
final class PromptVersionLoader {
  static final String TEMPLATES = "templates.properties";
  static final String CHECKSUMS = "SHA256SUMS";

  private PromptVersionLoader() {}

  static PromptVersion load(PromptFiles files, String version, boolean released) {
    String prefix = version + "/";
    String spec = files.read(prefix + TEMPLATES).orElseThrow(() -> new IllegalArgumentException(
        "prompt version " + version + " not found: no " + files.describe(prefix + TEMPLATES)));
    Properties props = new Properties();
    try {
      props.load(new StringReader(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> texts = new HashMap<>();
    texts.put(TEMPLATES, spec);
    Map<String, PromptTemplate> templates = new HashMap<>();
    for (String key : new TreeSet<>(props.stringPropertyNames())) {
      if (!key.endsWith(".file") || key.startsWith("extra.")) {
        continue;
      }
      String name = key.substring(0, key.length() - ".file".length());
      String fileName = props.getProperty(key).trim();
      String text = readRequired(files, prefix, fileName, version);
      texts.put(fileName, text);
      templates.put(name, new PromptTemplate(name, version, text, split(props.getProperty(name + ".variables"))));
    }
    for (String extra : split(props.getProperty("extra.files"))) {
      texts.put(extra, readRequired(files, prefix, extra, version));
    }
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("prompt version " + version + " declares no templates in "
          + files.describe(prefix + TEMPLATES));
    }
    if (released) {
      verifyChecksums(files, prefix, version, texts);
    }
    return new PromptVersion(version, released, templates, texts, files.describe(prefix));
  }

  private static String readRequired(PromptFiles files, String prefix, String fileName, String version) {
    return files.read(prefix + fileName).orElseThrow(() -> new IllegalArgumentException(
        "prompt version " + version + " names file " + fileName + " but " + files.describe(prefix + fileName)
            + " does not exist"));
  }

  /** A released version must match its checksums exactly: a change to a released prompt needs a new version. */
  private static void verifyChecksums(PromptFiles files, String prefix, String version, Map<String, String> texts) {
    String sums = files.read(prefix + CHECKSUMS).orElseThrow(() -> new IllegalStateException(
        "released prompt version " + version + " has no " + CHECKSUMS));
    Map<String, String> expected = parseChecksums(sums, version);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String want = expected.get(e.getKey());
      if (want == null) {
        throw new IllegalStateException("released prompt version " + version + ": file " + e.getKey()
            + " is not listed in " + CHECKSUMS);
      }
      if (!want.equals(PromptFiles.sha256(e.getValue()))) {
        throw new IllegalStateException("released prompt version " + version + " was modified: " + e.getKey()
            + " no longer matches its SHA-256; released prompts are immutable, publish a new version instead");
      }
    }
    for (String listed : expected.keySet()) {
      if (!texts.containsKey(listed)) {
        throw new IllegalStateException("released prompt version " + version + ": " + CHECKSUMS + " lists "
            + listed + ", which the version does not declare");
      }
    }
  }

  static Map<String, String> parseChecksums(String sums, String version) {
    Map<String, String> out = new HashMap<>();
    for (String line : sums.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\s+\\*?", 2);
      if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
        throw new IllegalStateException("malformed " + CHECKSUMS + " line in prompt version " + version + ": "
            + line);
      }
      out.put(parts[1].trim(), parts[0]);
    }
    return out;
  }

  static Set<String> split(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }
}
