package dev.genieheal.port;

import dev.genieheal.space.GenieSpace;

/**
 * Loads and saves a Genie space's export.
 *
 * <p>Implementations: {@code GenieSpaceClient} (Databricks), {@link #inMemory(StoredSpace)} for tests and demos.
 * Must be thread-safe.
 */
public interface SpaceStore {

  /**
   * Loads the space with its current etag.
   *
   * @throws dev.genieheal.error.NotFoundException when the space does not exist
   * @throws dev.genieheal.error.AuthenticationException when the caller may not read or edit it
   */
  StoredSpace load(String spaceId);

  /**
   * Replaces the space's export, provided its etag is still {@code etag}.
   *
   * @return the stored space with its new etag
   * @throws dev.genieheal.error.EtagConflictException when someone else changed the space; nothing was written
   */
  StoredSpace save(String spaceId, GenieSpace space, String etag);

  /** A thread-safe in-memory store holding one space, with etags that change on every save. */
  static SpaceStore inMemory(StoredSpace initial) {
    return new InMemorySpaceStore(initial);
  }
}
