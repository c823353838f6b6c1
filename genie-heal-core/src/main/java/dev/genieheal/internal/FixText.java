package dev.genieheal.internal;

import dev.genieheal.fix.Fix;
import dev.genieheal.fix.FixJson;

/** A fix as text for reports and rejections. Not API. */
public final class FixText {
  private FixText() {}

  /**
   * The fix's JSON; its {@code toString()} when the JSON cannot be written, so a report never loses a fix (or
   * fails) because of the serializer.
   */
  public static String of(Fix fix) {
    if (fix == null) {
      return "null";
    }
    try {
      return FixJson.write(fix);
    } catch (RuntimeException e) {
      return fix.toString();
    }
  }
}
