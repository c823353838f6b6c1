package dev.genieheal.testkit.emulator;

import dev.genieheal.error.EtagConflictException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.GenieSpace;
import java.util.Objects;

/**
 * The emulator's spaces seen as a {@link SpaceStore}: reads and writes go to the same data the HTTP routes serve.
 * A save with a null etag is a conflict (the contract is "save if the etag is still this").
 */
final class EmulatorSpaceStore implements SpaceStore {
  private final SpaceRegistry registry;

  EmulatorSpaceStore(SpaceRegistry registry) {
    this.registry = registry;
  }

  @Override
  public StoredSpace load(String spaceId) {
    EmulatedSpace s = lookup(spaceId);
    return new StoredSpace(s.spaceId(), s.title(), s.warehouseId(), s.etag(), GenieSpace.parse(s.serializedSpace()));
  }

  @Override
  public StoredSpace save(String spaceId, GenieSpace space, String etag) {
    Objects.requireNonNull(space, "space");
    EmulatedSpace s;
    try {
      s = registry.update(spaceId, null, null, null, null, space.toJson(), etag == null ? "" : etag);
    } catch (ApiError e) {
      if (e.status() == 409) {
        throw new EtagConflictException(spaceId, e.getMessage());
      }
      if (e.status() == 404) {
        throw new NotFoundException(e.getMessage());
      }
      throw new ValidationException(new Violation("$", "serialized_space", e.getMessage()));
    }
    return new StoredSpace(s.spaceId(), s.title(), s.warehouseId(), s.etag(), space);
  }

  private EmulatedSpace lookup(String spaceId) {
    try {
      return registry.get(spaceId);
    } catch (ApiError e) {
      throw new NotFoundException(e.getMessage());
    }
  }
}
