package dev.genieheal.testkit.emulator;

import dev.genieheal.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A Genie space as the emulator holds it: the envelope fields plus {@code serialized_space} exactly as it was
 * written. Used both to preload spaces ({@link DatabricksEmulator.Builder#space(EmulatedSpace)}; etag and times may
 * be null and are then assigned) and to inspect them ({@link DatabricksEmulator#space(String)}).
 *
 * @param spaceId the space id, not blank
 * @param title the title, or null
 * @param description the description, or null
 * @param warehouseId the warehouse id, or null
 * @param parentPath the workspace folder, or null
 * @param serializedSpace the export, a JSON object as a string
 * @param etag the current etag, or null before the emulator assigns one
 * @param createTime when it was created, or null before the emulator assigns it
 * @param updateTime when it was last written, or null before the emulator assigns it
 */
public record EmulatedSpace(
    String spaceId,
    String title,
    String description,
    String warehouseId,
    String parentPath,
    String serializedSpace,
    String etag,
    Instant createTime,
    Instant updateTime) {

  /** Validates. */
  public EmulatedSpace {
    Checks.notBlank(spaceId, "spaceId");
    Objects.requireNonNull(serializedSpace, "serializedSpace");
  }

  /** A space to preload. */
  public static EmulatedSpace of(String spaceId, String title, String warehouseId, String serializedSpace) {
    return new EmulatedSpace(spaceId, title, null, warehouseId, null, serializedSpace, null, null, null);
  }
}
