package dev.genieheal.space;

import java.util.Optional;

/**
 * The response of {@code GET /api/2.0/genie/spaces/{id}?include_serialized_space=true}: the space's metadata and its
 * export, which the API sends as a JSON document encoded in a string.
 *
 * @param spaceId the space id
 * @param title the title, or null
 * @param description the description, or null
 * @param warehouseId the SQL warehouse the space runs on, or null
 * @param parentPath the workspace folder, or null
 * @param etag the version tag to send back with a PATCH; only present together with the export
 * @param serializedSpace the export as the raw string, or null when the caller lacks CAN EDIT
 * @param unknown other envelope fields (create_time, update_time, ...)
 */
public record SpaceEnvelope(
    String spaceId,
    String title,
    String description,
    String warehouseId,
    String parentPath,
    String etag,
    String serializedSpace,
    UnknownFields unknown) {

  /** Normalises a null {@code unknown}. */
  public SpaceEnvelope {
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /**
   * Parses the GET response body.
   *
   * @throws dev.genieheal.error.ValidationException when the body is not a JSON object or a field has the wrong
   *     type
   */
  public static SpaceEnvelope parse(String json) {
    return SpaceJson.readEnvelope(json);
  }

  /**
   * The parsed export, or empty when the response carried none.
   *
   * @throws dev.genieheal.error.ValidationException when {@code serialized_space} is not a valid export document;
   *     paths are prefixed with {@code $.serialized_space}
   */
  public Optional<GenieSpace> space() {
    return serializedSpace == null ? Optional.empty() : Optional.of(SpaceJson.readNested(serializedSpace));
  }
}
