package dev.genieheal.report;

/**
 * Escapes untrusted text (benchmark questions, SQL, model output, error messages) for HTML, so that it always renders
 * as text. Not API; thread-safe.
 *
 * <p>The same escaping is safe in element content and in double- or single-quoted attribute values (including
 * SVG {@code <title>} content). Control characters, which HTML forbids even as character references, become their
 * visible Unicode "control pictures" (U+0001 renders as ␁); tab, line feed and carriage return are kept. Unpaired
 * surrogates, which cannot be encoded, become U+FFFD.
 */
final class Html {
  private static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /** The text escaped; the empty string for null. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      String replacement = replacement(text, i, c);
      if (replacement == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(length + 16).append(text, 0, i);
      }
      out.append(replacement);
      if (Character.isHighSurrogate(c) && replacement.length() == 2) {
        i++;
      }
    }
    return out == null ? text : out.toString();
  }

  /** What to write for the char at {@code i}, or null to write it as it is. */
  private static String replacement(String text, int i, char c) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '"':
        return "&quot;";
      case '\'':
        return "&#39;";
      case '\t':
      case '\n':
      case '\r':
        return null;
      default:
        break;
    }
    if (c < 0x20) {
      return String.valueOf((char) (0x2400 + c));
    }
    if (c == 0x7F) {
      return "\u2421";
    }
    if (c >= 0x80 && c <= 0x9F) {
      return String.valueOf(REPLACEMENT);
    }
    if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      // A valid pair is copied unchanged (returned as two chars so the caller skips the low half).
      return paired ? text.substring(i, i + 2) : String.valueOf(REPLACEMENT);
    }
    if (Character.isLowSurrogate(c)) {
      return String.valueOf(REPLACEMENT);
    }
    return null;
  }
}
