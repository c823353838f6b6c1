package dev.genieheal.error;

import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or a report: bearer tokens,
 * Databricks personal access tokens ({@code dapi...}), OAuth client secrets and {@code access_token} values.
 *
 * <p>Thread-safe and stateless.
 */
public final class Redactor {
  private static final String MASK = "[REDACTED]";
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  private static final Pattern PAT = Pattern.compile("\\bdapi[0-9a-fA-F]{16,}(-\\d+)?\\b");
  private static final Pattern FIELD = Pattern.compile(
      "(?i)(\"?(?:access_token|client_secret|token|password|secret)\"?\\s*[:=]\\s*\"?)([^\"&\\s,}]+)");

  private Redactor() {}

  /** Returns {@code text} with every secret-looking value replaced by {@code [REDACTED]}; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = BEARER.matcher(text).replaceAll("$1" + MASK);
    out = PAT.matcher(out).replaceAll(MASK);
    return FIELD.matcher(out).replaceAll("$1" + MASK);
  }

  /** Returns {@code text} with every occurrence of the given secret replaced, then {@link #redact(String)}. */
  public static String redact(String text, String secret) {
    if (text == null) {
      return null;
    }
    String out = secret == null || secret.isEmpty() ? text : text.replace(secret, MASK);
    return redact(out);
  }
}
