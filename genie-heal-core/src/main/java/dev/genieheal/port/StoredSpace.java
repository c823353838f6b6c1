package dev.genieheal.port;

import dev.genieheal.space.GenieSpace;
import java.util.Objects;

/**
 * A space as a {@link SpaceStore} holds it: its export plus the etag to send back when saving.
 *
 * @param spaceId the space id
 * @param title the title, or null
 * @param warehouseId the warehouse, or null
 * @param etag the version tag, or null when the store does not version
 * @param space the export
 */
public record StoredSpace(String spaceId, String title, String warehouseId, String etag, GenieSpace space) {
  /** Validates. */
  public StoredSpace {
    Objects.requireNonNull(spaceId, "spaceId");
    Objects.requireNonNull(space, "space");
  }

  /** A copy with another export and etag. */
  public StoredSpace with(GenieSpace newSpace, String newEtag) {
    return new StoredSpace(spaceId, title, warehouseId, newEtag, newSpace);
  }
}
