package dev.genieheal.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers for the immutable lists of the model; not public API. */
final class Lists {
  private Lists() {}

  /** An unmodifiable copy that tolerates null (becomes empty) and null elements (kept, for the validator). */
  static <T> List<T> copy(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    // List.contains(null) throws on immutable lists, so look for nulls by hand.
    for (T t : list) {
      if (t == null) {
        return Collections.unmodifiableList(new ArrayList<>(list));
      }
    }
    return List.copyOf(list);
  }

  /** The elements joined verbatim, as the API joins a string array; null elements count as absent. */
  static String join(List<String> lines) {
    if (lines.size() == 1 && lines.get(0) != null) {
      return lines.get(0);
    }
    StringBuilder s = new StringBuilder();
    for (String line : lines) {
      if (line != null) {
        s.append(line);
      }
    }
    return s.toString();
  }
}
