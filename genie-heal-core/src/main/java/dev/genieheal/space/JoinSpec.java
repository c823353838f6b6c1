package dev.genieheal.space;

import java.util.List;
import java.util.Optional;

/**
 * A declared join between two tables ({@code instructions.join_specs[]}).
 *
 * <p>{@code sql} has exactly two elements in a valid export: the equality condition written with the declared
 * aliases (e.g. {@code `orders`.`customer_id` = `customers`.`customer_id`}) and the relationship marker.
 *
 * @param id 32 lowercase hex characters
 * @param left left table and alias
 * @param right right table and alias
 * @param sql condition and marker
 * @param comment business meaning of the join
 * @param instruction when to use the join
 * @param unknown fields the model does not know
 */
public record JoinSpec(
    String id,
    JoinSide left,
    JoinSide right,
    List<String> sql,
    List<String> comment,
    List<String> instruction,
    UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public JoinSpec {
    sql = Lists.copy(sql);
    comment = Lists.copy(comment);
    instruction = Lists.copy(instruction);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** Builds a well-formed spec: aliases from the identifiers, a back-ticked single-equality condition. */
  public static JoinSpec of(String id, String leftIdentifier, String leftColumn, String rightIdentifier,
      String rightColumn, RelationshipType type, List<String> comment) {
    JoinSide l = JoinSide.of(leftIdentifier);
    JoinSide r = JoinSide.of(rightIdentifier);
    String condition = "`" + l.alias() + "`.`" + leftColumn + "` = `" + r.alias() + "`.`" + rightColumn + "`";
    return new JoinSpec(id, l, r, List.of(condition, type.marker()), comment, List.of(), UnknownFields.none());
  }

  /** The condition element (the first sql element), or empty. */
  public Optional<String> condition() {
    return sql.isEmpty() ? Optional.empty() : Optional.ofNullable(sql.get(0));
  }

  /** The relationship the marker names, or empty when the marker is missing or invalid. */
  public Optional<RelationshipType> relationshipType() {
    return sql.size() < 2 ? Optional.empty() : RelationshipType.fromMarker(sql.get(sql.size() - 1));
  }
}
