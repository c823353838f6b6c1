package dev.genieheal.prompts;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt template of one version, rendered strictly: the values given must be exactly the declared variables.
 *
 * <p>A placeholder is {@code {{name}}} where {@code name} matches {@code [a-z][a-z0-9_]*}; every other brace is
 * literal text, so JSON examples in a prompt need no escaping. Substituted values are inserted verbatim and never
 * expanded again, so a value that itself contains {@code {{x}}} (a benchmark question, model output) stays text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the template name, e.g. {@code analysis}
 * @param version the version it belongs to, e.g. {@code v2}
 * @param text the template text
 * @param variables the declared variables; exactly the placeholders the text uses
 */
public record PromptTemplate(String name, String version, String text, Set<String> variables) {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");

  /**
   * Validates that the declared variables are exactly the placeholders of the text.
   *
   * @throws IllegalArgumentException naming the template and the undeclared or unused variable
   */
  public PromptTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(text, "text");
    variables = Set.copyOf(variables);
    Set<String> used = placeholders(text);
    for (String v : used) {
      if (!variables.contains(v)) {
        throw new IllegalArgumentException(
            "template " + version + "/" + name + " uses {{" + v + "}} but does not declare it");
      }
    }
    for (String v : variables) {
      if (!used.contains(v)) {
        throw new IllegalArgumentException(
            "template " + version + "/" + name + " declares variable '" + v + "' but never uses it");
      }
    }
  }

  /**
   * Renders the template.
   *
   * @param values one value per declared variable, no more and no fewer
   * @return the text with every placeholder replaced
   * @throws IllegalArgumentException naming the template and the missing or unknown variable
   */
  public String render(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    for (String v : new TreeSet<>(variables)) {
      if (!values.containsKey(v) || values.get(v) == null) {
        throw new IllegalArgumentException("template " + version + "/" + name + " needs variable '" + v
            + "', which was not given (given: " + new TreeSet<>(values.keySet()) + ")");
      }
    }
    for (String k : new TreeSet<>(values.keySet())) {
      if (!variables.contains(k)) {
        throw new IllegalArgumentException("template " + version + "/" + name + " has no variable '" + k
            + "' (declared: " + new TreeSet<>(variables) + ")");
      }
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 1024);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start()).append(values.get(m.group(1)));
      last = m.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /** A template without variables renders to its text. */
  public String text() {
    return text;
  }

  static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
