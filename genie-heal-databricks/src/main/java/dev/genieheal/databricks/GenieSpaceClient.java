package dev.genieheal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.databricks.http.ApiCall;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.ServiceException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.GenieSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves Genie spaces through the space management API.
 *
 * <ul>
 *   <li>{@link #load} reads the space with {@code include_serialized_space=true} (the caller needs CAN EDIT).
 *   <li>{@link #save} replaces the export with a PATCH carrying the etag: if someone changed the space since it was
 *       loaded the service refuses and an {@link dev.genieheal.error.EtagConflictException} is thrown — nothing is
 *       overwritten. Before the first change to a space, its export as it is then is written to the backup
 *       directory; when the backup cannot be written nothing is changed.
 *   <li>{@link #cloneSpace} copies a space into a sandbox space, {@link #promote} copies an optimised sandbox back
 *       onto the original (with the same backup and etag rules), {@link #trash} removes a sandbox.
 * </ul>
 * Thread-safe.
 */
public final class GenieSpaceClient implements SpaceStore {
  private static final Logger LOG = LoggerFactory.getLogger(GenieSpaceClient.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final DatabricksWorkspace workspace;
  private final Path backupDirectory;
  private final Map<String, Path> backups = new ConcurrentHashMap<>();

  private GenieSpaceClient(Builder b) {
    this.workspace = b.workspace;
    this.backupDirectory = b.backupDirectory;
  }

  /** A builder on the given workspace. */
  public static Builder builder(DatabricksWorkspace workspace) {
    return new Builder(workspace);
  }

  /**
   * {@inheritDoc}
   *
   * @throws AuthenticationException also when the response has no {@code serialized_space} (no CAN EDIT)
   * @throws ValidationException when the export is not a valid space document
   */
  @Override
  public StoredSpace load(String spaceId) {
    JsonNode node = get(spaceId);
    return toStored(spaceId, node, exportOf(spaceId, node));
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.genieheal.error.EtagConflictException when the space changed since it was loaded
   * @throws ValidationException when the service rejects the export (with its message)
   * @throws GenieHealException when the backup of the original could not be written (nothing was changed)
   */
  @Override
  public StoredSpace save(String spaceId, GenieSpace space, String etag) {
    Objects.requireNonNull(spaceId, "spaceId");
    Objects.requireNonNull(space, "space");
    backupOnce(spaceId);
    ObjectNode body = Json.object().put("serialized_space", space.toJson());
    if (etag != null) {
      body.put("etag", etag);
    }
    JsonNode node = workspace.transport().send(new ApiCall("PATCH", path(spaceId), Map.of(), body, false,
        "update space", "space", spaceId, false).withEtagGuard());
    return toStored(spaceId, node, space);
  }

  /**
   * Creates a copy of a space (its export, warehouse and title with {@code titleSuffix}) to optimise in a sandbox.
   *
   * @param parentPath the workspace folder of the copy, or null for the service's default
   * @return the new space
   */
  public StoredSpace cloneSpace(String sourceSpaceId, String titleSuffix, String parentPath) {
    JsonNode source = get(sourceSpaceId);
    String serialized = serialized(sourceSpaceId, source);
    String title = Optional.ofNullable(Json.text(source, "title")).orElse(sourceSpaceId) + titleSuffix;
    ObjectNode body = Json.object()
        .put("warehouse_id", Json.text(source, "warehouse_id"))
        .put("serialized_space", serialized)
        .put("title", title);
    String description = Json.text(source, "description");
    if (description != null) {
      body.put("description", description);
    }
    if (parentPath != null) {
      body.put("parent_path", parentPath);
    }
    JsonNode created = workspace.transport().send(ApiCall.post("create space", "space", sourceSpaceId + " (copy)",
        "/api/2.0/genie/spaces", body));
    String newId = Json.text(created, "space_id");
    if (newId == null) {
      throw new ServiceException("create space (copy of " + sourceSpaceId + ") returned no space_id", 200,
          "MALFORMED_RESPONSE");
    }
    LOG.info("cloned space {} into sandbox space {}", sourceSpaceId, newId);
    return toStored(newId, created, exportOf(sourceSpaceId, source));
  }

  /**
   * Copies the sandbox's current export onto the target space, after backing up the target.
   *
   * @return the target as saved
   * @throws dev.genieheal.error.EtagConflictException when the target changed while promoting
   */
  public StoredSpace promote(String sandboxSpaceId, String targetSpaceId) {
    StoredSpace sandbox = load(sandboxSpaceId);
    StoredSpace target = load(targetSpaceId);
    StoredSpace saved = save(targetSpaceId, sandbox.space(), target.etag());
    LOG.info("promoted sandbox space {} onto space {}", sandboxSpaceId, targetSpaceId);
    return saved;
  }

  /** Moves a space to the trash (for sandboxes that are no longer needed). */
  public void trash(String spaceId) {
    workspace.transport().send(new ApiCall("DELETE", path(spaceId), Map.of(), null, true, "trash space", "space",
        spaceId, false));
  }

  /** The backup file written for the space, once it has been changed through this client. */
  public Optional<Path> backupOf(String spaceId) {
    return Optional.ofNullable(backups.get(spaceId));
  }

  /** The backup directory. */
  public Path backupDirectory() {
    return backupDirectory;
  }

  private JsonNode get(String spaceId) {
    Objects.requireNonNull(spaceId, "spaceId");
    return workspace.transport().send(ApiCall.get("get space", "space", spaceId, path(spaceId))
        .withQuery("include_serialized_space", "true"));
  }

  private static String serialized(String spaceId, JsonNode node) {
    String serialized = Json.text(node, "serialized_space");
    if (serialized == null || serialized.isBlank()) {
      throw new AuthenticationException("get space " + spaceId + " returned no serialized_space: the principal "
          + "can see the space but lacks CAN EDIT on it, which reading and changing its export requires; grant "
          + "CAN EDIT (or CAN MANAGE) to the user or service principal running genie-heal");
    }
    return serialized;
  }

  private static GenieSpace exportOf(String spaceId, JsonNode node) {
    String serialized = serialized(spaceId, node);
    try {
      return GenieSpace.parse(serialized);
    } catch (ValidationException e) {
      throw new ValidationException("serialized_space of space " + spaceId + " is not a valid export",
          e.violations());
    }
  }

  private StoredSpace toStored(String spaceId, JsonNode node, GenieSpace space) {
    return new StoredSpace(spaceId, Json.text(node, "title"), Json.text(node, "warehouse_id"),
        Json.text(node, "etag"), space);
  }

  /** Writes the export as it is now, before this client's first change to the space; once per space. */
  private void backupOnce(String spaceId) {
    if (backups.containsKey(spaceId)) {
      return;
    }
    synchronized (backups) {
      if (backups.containsKey(spaceId)) {
        return;
      }
      JsonNode original = get(spaceId);
      ObjectNode record = Json.object()
          .put("space_id", spaceId)
          .put("title", Json.text(original, "title"))
          .put("warehouse_id", Json.text(original, "warehouse_id"))
          .put("etag", Json.text(original, "etag"))
          .put("backed_up_at", workspace.clock().instant().toString())
          .put("serialized_space", serialized(spaceId, original));
      Path file = backupDirectory.resolve(spaceId + "-" + STAMP.format(workspace.clock().instant()) + ".json");
      try {
        Files.createDirectories(backupDirectory);
        Path tmp = Files.createTempFile(backupDirectory, spaceId, ".tmp");
        Files.writeString(tmp, Json.write(record), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new GenieHealException("cannot write the backup of space " + spaceId + " to " + file + " ("
            + e.getMessage() + "); nothing was changed — set a writable backup directory", e);
      }
      backups.put(spaceId, file);
      LOG.info("backed up space {} to {} before changing it", spaceId, file);
    }
  }

  private static String path(String spaceId) {
    return "/api/2.0/genie/spaces/" + spaceId;
  }

  @Override
  public String toString() {
    return "GenieSpaceClient[host=" + workspace.config().host() + ", backups=" + backupDirectory + "]";
  }

  /**
   * Builds a {@link GenieSpaceClient}. Default backup directory: {@code genie-heal-backups} under
   * {@code java.io.tmpdir} (on a cluster, point it at a Unity Catalog volume to keep backups). Not thread-safe.
   */
  public static final class Builder {
    private final DatabricksWorkspace workspace;
    private Path backupDirectory = Path.of(System.getProperty("java.io.tmpdir"), "genie-heal-backups");

    private Builder(DatabricksWorkspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** Where the original export of each changed space is written. */
    public Builder backupDirectory(Path value) {
      this.backupDirectory = Objects.requireNonNull(value, "backupDirectory");
      return this;
    }

    /** Builds. */
    public GenieSpaceClient build() {
      return new GenieSpaceClient(this);
    }
  }
}
