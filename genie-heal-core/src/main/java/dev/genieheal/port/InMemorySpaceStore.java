package dev.genieheal.port;

import dev.genieheal.error.EtagConflictException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.space.GenieSpace;
import java.util.Objects;

/** A {@link SpaceStore} holding one space in memory; etags are a counter. Thread-safe. */
final class InMemorySpaceStore implements SpaceStore {
  private StoredSpace current;
  private long version;

  InMemorySpaceStore(StoredSpace initial) {
    Objects.requireNonNull(initial, "initial");
    this.current = initial.with(initial.space(), initial.etag() == null ? "etag-0" : initial.etag());
  }

  @Override
  public synchronized StoredSpace load(String spaceId) {
    requireKnown(spaceId);
    return current;
  }

  @Override
  public synchronized StoredSpace save(String spaceId, GenieSpace space, String etag) {
    requireKnown(spaceId);
    Objects.requireNonNull(space, "space");
    if (!Objects.equals(etag, current.etag())) {
      throw new EtagConflictException(spaceId, "space " + spaceId + " was changed since it was loaded (etag "
          + etag + " is stale, current is " + current.etag() + "); reload and reapply");
    }
    version++;
    current = current.with(space, "etag-" + version);
    return current;
  }

  private void requireKnown(String spaceId) {
    if (!current.spaceId().equals(spaceId)) {
      throw new NotFoundException("no space " + spaceId + " in this in-memory store (it holds "
          + current.spaceId() + ")");
    }
  }
}
