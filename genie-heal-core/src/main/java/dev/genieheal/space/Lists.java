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
    if (!list.contains(null)) {
      return List.copyOf(list);
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }
}
