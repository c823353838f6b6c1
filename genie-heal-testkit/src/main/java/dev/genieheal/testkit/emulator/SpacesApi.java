package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The Genie space management routes: list, get, create, PATCH with etag, trash. */
final class SpacesApi {
  private final SpaceRegistry registry;
  private final Ids ids;

  SpacesApi(SpaceRegistry registry, Ids ids) {
    this.registry = registry;
    this.ids = ids;
  }

  EmulatorResponse list(Call call) {
    return Json.ok(Page.of(registry.list(), call).toJson("spaces", s -> render(s, false)));
  }

  EmulatorResponse get(Call call) {
    EmulatedSpace space = registry.get(call.param(0));
    boolean include = call.queryFlag("include_serialized_space") && call.principal() == Call.Principal.EDITOR;
    return Json.ok(render(space, include));
  }

  EmulatorResponse create(Call call) {
    ObjectNode body = call.body();
    String warehouseId = Json.requiredText(body, "warehouse_id");
    String serialized = Json.requiredText(body, "serialized_space");
    EmulatedSpace created = registry.put(new EmulatedSpace(ids.id(), Json.text(body, "title"),
        Json.text(body, "description"), warehouseId, Json.text(body, "parent_path"), serialized, null, null, null));
    return Json.ok(render(created, true));
  }

  EmulatorResponse update(Call call) {
    requireEditor(call);
    ObjectNode body = call.body();
    EmulatedSpace updated = registry.update(call.param(0), Json.text(body, "title"), Json.text(body, "description"),
        Json.text(body, "warehouse_id"), Json.text(body, "parent_path"), Json.text(body, "serialized_space"),
        Json.text(body, "etag"));
    return Json.ok(render(updated, true));
  }

  EmulatorResponse trash(Call call) {
    requireEditor(call);
    registry.trash(call.param(0));
    return Json.ok(Json.object());
  }

  private static void requireEditor(Call call) {
    if (call.principal() != Call.Principal.EDITOR) {
      throw ApiError.permissionDenied("You need CAN EDIT permission on this Genie space to change it.");
    }
  }

  /** The GenieSpace object; {@code serialized_space} and {@code etag} only when {@code withContent}. */
  static ObjectNode render(EmulatedSpace s, boolean withContent) {
    ObjectNode out = Json.object();
    out.put("space_id", s.spaceId());
    out.put("title", s.title());
    out.put("description", s.description());
    out.put("warehouse_id", s.warehouseId());
    out.put("parent_path", s.parentPath());
    if (withContent) {
      out.put("serialized_space", s.serializedSpace());
      out.put("etag", s.etag());
    }
    out.put("create_time", rfc3339(s.createTime()));
    out.put("update_time", rfc3339(s.updateTime()));
    return out;
  }

  static String rfc3339(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
