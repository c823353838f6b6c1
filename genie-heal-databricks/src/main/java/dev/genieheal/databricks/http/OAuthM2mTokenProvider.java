package dev.genieheal.databricks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth machine-to-machine tokens for a service principal: {@code client_credentials} against the workspace's
 * {@code /oidc/v1/token} with scope {@code all-apis}, credentials in a Basic header. The token is cached and
 * fetched again {@code refreshMargin} before it expires (or after a 401). Thread-safe: one fetch at a time, other
 * callers wait for it and share the result. Internal.
 */
public final class OAuthM2mTokenProvider implements TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(OAuthM2mTokenProvider.class);
  /** Tokens are refreshed this long before they expire; the SDKs use 40 s, a minute leaves room for slow calls. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

  private final URI host;
  private final String clientId;
  private final String clientSecret;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Duration refreshMargin;
  private String token;
  private Instant refreshAt = Instant.MIN;
  private int fetches;

  /** Creates a provider; nothing is fetched until the first {@link #token()}. */
  public OAuthM2mTokenProvider(URI host, String clientId, String clientSecret, HttpClient http,
      Duration requestTimeout, Clock clock, Duration refreshMargin) {
    this.host = Objects.requireNonNull(host, "host");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
  }

  @Override
  public synchronized String token() {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      fetch();
    }
    return token;
  }

  @Override
  public synchronized void invalidate() {
    refreshAt = Instant.MIN;
  }

  @Override
  public String authType() {
    return "oauth-m2m";
  }

  /** How many tokens were fetched so far (for tests and diagnostics). */
  public synchronized int fetches() {
    return fetches;
  }

  private void fetch() {
    URI endpoint = host.resolve("/oidc/v1/token");
    ApiCall call = ApiCall.post("OAuth token request", "client id", clientId, endpoint.toString(), null);
    String basic = Base64.getEncoder().encodeToString(
        (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis"))
        .build();
    Instant sentAt = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ExceptionMapper.fromConnectionFailure(call, host.toString(), e, 1, clientSecret);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationException("interrupted while fetching an OAuth token for client id " + clientId);
    }
    if (response.statusCode() != 200) {
      if (response.statusCode() == 400 || response.statusCode() == 401) {
        throw new AuthenticationException(Redactor.redact("OAuth token request for client id " + clientId
            + " was refused by " + endpoint + " (HTTP " + response.statusCode() + ": "
            + ExceptionMapper.abbreviate(response.body()) + "); check DATABRICKS_CLIENT_ID and "
            + "DATABRICKS_CLIENT_SECRET and that the service principal belongs to this workspace", clientSecret));
      }
      throw ExceptionMapper.fromResponse(call, host.toString(), response.statusCode(), response.body(), null,
          null, 1, clientSecret);
    }
    JsonNode body;
    try {
      body = Json.read(response.body());
    } catch (IOException e) {
      throw ExceptionMapper.malformed(call, host.toString(), 200, response.body(), clientSecret);
    }
    String accessToken = Json.text(body, "access_token");
    if (accessToken == null || accessToken.isBlank()) {
      throw ExceptionMapper.malformed(call, host.toString(), 200, "(no access_token in the response)", null);
    }
    long expiresIn = Json.longValue(body, "expires_in", 3600);
    Duration ttl = Duration.ofSeconds(Math.max(expiresIn, 1));
    Duration margin = refreshMargin.compareTo(ttl.dividedBy(2)) > 0 ? ttl.dividedBy(2) : refreshMargin;
    token = accessToken;
    refreshAt = sentAt.plus(ttl).minus(margin);
    fetches++;
    LOG.debug("fetched an OAuth token for client id {} (expires in {} s)", clientId, expiresIn);
  }

  @Override
  public String toString() {
    return "OAuthM2mTokenProvider[host=" + host + ", clientId=" + clientId + ", clientSecret=[REDACTED]]";
  }
}
