package dev.genieheal.fix;

import dev.genieheal.space.Catalog;
import dev.genieheal.space.JoinSpec;
import dev.genieheal.space.RelationshipType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a single-equality join spec means, independent of spelling: which column of which table equals which, and
 * the cardinality. Two specs that join the same columns the other way round with the inverse cardinality are the
 * same join.
 *
 * @param left normalised {@code table.column} of the left side
 * @param right normalised {@code table.column} of the right side
 * @param type the cardinality, or null when the marker is missing
 */
record JoinKey(String left, String right, RelationshipType type) {

  static JoinKey of(String leftTable, String leftColumn, String rightTable, String rightColumn, RelationshipType t) {
    return new JoinKey(endpoint(leftTable, leftColumn), endpoint(rightTable, rightColumn), t);
  }

  /** The key of an existing spec, or empty when its condition is not one {@code alias.column = alias.column}. */
  static Optional<JoinKey> of(JoinSpec spec) {
    if (spec.left() == null || spec.right() == null) {
      return Optional.empty();
    }
    String condition = spec.condition().orElse("").replace("`", "");
    String[] sides = condition.split("=", -1);
    if (sides.length != 2) {
      return Optional.empty();
    }
    Optional<String> a = resolve(spec, sides[0]);
    Optional<String> b = resolve(spec, sides[1]);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new JoinKey(a.get(), b.get(), spec.relationshipType().orElse(null)));
  }

  /** Whether both keys join the same pair of columns, in either direction. */
  boolean sameColumns(JoinKey other) {
    return (left.equals(other.left) && right.equals(other.right))
        || (left.equals(other.right) && right.equals(other.left));
  }

  /** Whether both keys describe the same join, cardinality included. */
  boolean sameJoin(JoinKey other) {
    return equals(other) || equals(other.reversed());
  }

  JoinKey reversed() {
    return new JoinKey(right, left, inverse(type));
  }

  private static RelationshipType inverse(RelationshipType t) {
    if (t == RelationshipType.MANY_TO_ONE) {
      return RelationshipType.ONE_TO_MANY;
    }
    if (t == RelationshipType.ONE_TO_MANY) {
      return RelationshipType.MANY_TO_ONE;
    }
    return t;
  }

  private static Optional<String> resolve(JoinSpec spec, String side) {
    String s = side.strip();
    int dot = s.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String alias = s.substring(0, dot).strip();
    String column = s.substring(dot + 1).strip();
    if (Objects.toString(spec.left().alias(), "").equalsIgnoreCase(alias)) {
      return Optional.of(endpoint(spec.left().identifier(), column));
    }
    if (Objects.toString(spec.right().alias(), "").equalsIgnoreCase(alias)) {
      return Optional.of(endpoint(spec.right().identifier(), column));
    }
    return Optional.empty();
  }

  private static String endpoint(String table, String column) {
    return Catalog.normalize(table) + "." + column.strip().toLowerCase(Locale.ROOT);
  }
}
