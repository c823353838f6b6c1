package dev.genieheal.space;

/**
 * One side of a join spec.
 *
 * @param identifier three-part name of the table
 * @param alias the name the condition uses; in every real export the last part of the identifier
 * @param unknown fields the model does not know
 */
public record JoinSide(String identifier, String alias, UnknownFields unknown) {
  /** Normalises a null {@code unknown}. */
  public JoinSide {
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** A side whose alias is the last part of the identifier. */
  public static JoinSide of(String identifier) {
    String alias = identifier.substring(identifier.lastIndexOf('.') + 1).replace("`", "");
    return new JoinSide(identifier, alias, UnknownFields.none());
  }
}
