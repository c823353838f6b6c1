package dev.genieheal.space;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cardinality of a join spec, written as the marker {@code --rt=FROM_RELATIONSHIP_TYPE_<TYPE>--}. */
public enum RelationshipType {
  /** Each left row matches at most one right row. */
  MANY_TO_ONE,
  /** Each right row matches at most one left row. */
  ONE_TO_MANY,
  /** At most one match on both sides. */
  ONE_TO_ONE,
  /** No restriction. */
  MANY_TO_MANY;

  private static final Pattern MARKER = Pattern.compile("^--rt=FROM_RELATIONSHIP_TYPE_([A-Z_]+)--$");

  /** The marker line, e.g. {@code --rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--}. */
  public String marker() {
    return "--rt=FROM_RELATIONSHIP_TYPE_" + name() + "--";
  }

  /** The type a marker line names, or empty when the line is not a valid marker. */
  public static Optional<RelationshipType> fromMarker(String line) {
    if (line == null) {
      return Optional.empty();
    }
    Matcher m = MARKER.matcher(line.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    for (RelationshipType t : values()) {
      if (t.name().equals(m.group(1))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
