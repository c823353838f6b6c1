package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authentication: PAT bearer tokens (editor and read-only), OAuth M2M discovery and the client-credentials token
 * endpoint, and the bearer check every API route goes through. Thread-safe.
 */
final class OAuthApi {
  private final String token;
  private final Set<String> readOnlyTokens;
  private final Map<String, String> clients;
  private final Duration lifetime;
  private final Clock clock;
  private final Ids ids;
  private final Map<String, Instant> issued = new HashMap<>();

  OAuthApi(String token, Set<String> readOnlyTokens, Map<String, String> clients, Duration lifetime, Clock clock,
      Ids ids) {
    this.token = token;
    this.readOnlyTokens = Set.copyOf(readOnlyTokens);
    this.clients = Map.copyOf(clients);
    this.lifetime = lifetime;
    this.clock = clock;
    this.ids = ids;
  }

  /** Checks the bearer token: missing → 401, unknown or expired → 403. */
  synchronized Call.Principal authenticate(RecordedRequest request) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      throw ApiError.unauthenticated();
    }
    String presented = header.substring(7).trim();
    if (presented.equals(token)) {
      return Call.Principal.EDITOR;
    }
    if (readOnlyTokens.contains(presented)) {
      return Call.Principal.VIEWER;
    }
    Instant expiry = issued.get(presented);
    if (expiry != null && clock.instant().isBefore(expiry)) {
      return Call.Principal.EDITOR;
    }
    throw ApiError.invalidToken();
  }

  EmulatorResponse discovery(Call call, String baseUrl) {
    ObjectNode out = Json.object();
    out.put("issuer", baseUrl + "/oidc");
    out.put("authorization_endpoint", baseUrl + "/oidc/v1/authorize");
    out.put("token_endpoint", baseUrl + "/oidc/v1/token");
    out.putArray("grant_types_supported").add("client_credentials").add("authorization_code")
        .add("refresh_token");
    return Json.ok(out);
  }

  /** {@code POST /oidc/v1/token}: client credentials in a Basic header or in the form body. */
  synchronized EmulatorResponse token(Call call) {
    Map<String, List<String>> form = Call.parseForm(call.request().body());
    String grant = first(form, "grant_type");
    if (grant == null) {
      return oauthError(400, "invalid_request", "Missing grant_type");
    }
    if (!grant.equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "Unsupported grant_type: " + grant);
    }
    String id = first(form, "client_id");
    String secret = first(form, "client_secret");
    String basic = call.request().header("Authorization").orElse("");
    if (basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return oauthError(401, "invalid_client", "Client authentication failed");
      }
      int colon = decoded.indexOf(':');
      id = colon < 0 ? decoded : decoded.substring(0, colon);
      secret = colon < 0 ? "" : decoded.substring(colon + 1);
    }
    if (id == null || secret == null || !secret.equals(clients.get(id))) {
      return oauthError(401, "invalid_client", "Client authentication failed");
    }
    String accessToken = "eyJ" + ids.hex(48);
    issued.put(accessToken, clock.instant().plus(lifetime));
    ObjectNode out = Json.object();
    out.put("access_token", accessToken);
    out.put("token_type", "Bearer");
    out.put("expires_in", lifetime.toSeconds());
    String scope = first(form, "scope");
    out.put("scope", scope == null ? "all-apis" : scope);
    return Json.ok(out);
  }

  private static String first(Map<String, List<String>> form, String key) {
    List<String> v = form.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static EmulatorResponse oauthError(int status, String error, String description) {
    ObjectNode out = Json.object();
    out.put("error", error);
    out.put("error_description", description);
    return EmulatorResponse.json(status, Json.write(out));
  }
}
