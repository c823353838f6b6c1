package dev.genieheal.space;

/**
 * A Unity Catalog function the space may call ({@code instructions.sql_functions[]}).
 *
 * @param id 32 lowercase hex characters
 * @param identifier three-part function name
 * @param unknown fields the model does not know (the API rejects any)
 */
public record SqlFunction(String id, String identifier, UnknownFields unknown) {
  /** Normalises a null {@code unknown}. */
  public SqlFunction {
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }
}
