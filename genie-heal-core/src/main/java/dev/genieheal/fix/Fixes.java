package dev.genieheal.fix;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the fix records; not public API. */
final class Fixes {
  private Fixes() {}

  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
