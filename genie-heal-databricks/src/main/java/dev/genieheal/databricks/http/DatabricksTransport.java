package dev.genieheal.databricks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.port.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiCall}s to one workspace over {@code java.net.http}: bearer auth, JSON in and out, retries by
 * {@link RetryPolicy}, and every failure mapped by {@link ExceptionMapper}. One instance is shared by all clients of
 * a workspace; it is thread-safe. Internal: the public clients in {@code dev.genieheal.databricks} wrap it.
 */
public final class DatabricksTransport {
  private static final Logger LOG = LoggerFactory.getLogger(DatabricksTransport.class);
  private static final String USER_AGENT = "genie-heal/0.1 jvm/" + System.getProperty("java.specification.version");
  private static final String[] REQUEST_ID_HEADERS = {"x-request-id", "x-databricks-request-id", "x-amzn-requestid"};

  private final URI host;
  private final TokenProvider tokens;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Random random;
  private final Map<Integer, LongAdder> statusCounts = new ConcurrentHashMap<>();
  private final LongAdder retries = new LongAdder();

  /**
   * Creates a transport.
   *
   * @param host the workspace URL, e.g. {@code https://dbc-1234.cloud.databricks.com}
   * @param tokens the bearer tokens
   * @param http the shared client (its connect timeout applies)
   * @param requestTimeout the time limit of one attempt
   * @param retry when to retry
   * @param sleeper waits between attempts
   * @param clock reads {@code Retry-After} dates
   * @param seed seeds the back-off jitter
   */
  public DatabricksTransport(URI host, TokenProvider tokens, HttpClient http, Duration requestTimeout,
      RetryPolicy retry, Sleeper sleeper, Clock clock, long seed) {
    this.host = Objects.requireNonNull(host, "host");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = new Random(seed);
  }

  /** A client with the given connect timeout, HTTP/1.1, following no redirects (a redirect means a wrong host). */
  public static HttpClient newHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The workspace URL. */
  public URI host() {
    return host;
  }

  /**
   * Sends the call, retrying as the policy allows, and returns the JSON response ({@code {}} for an empty body).
   *
   * @throws GenieHealException mapped by {@link ExceptionMapper} when the call finally fails
   */
  public JsonNode send(ApiCall call) {
    boolean refreshedToken = false;
    for (int attempt = 1; ; attempt++) {
      String token = tokens.token();
      HttpResponse<String> response;
      try {
        response = http.send(request(call, token), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        Optional<Duration> delay = retry.retryDelay(attempt, 0, null, call.idempotent(), this::jitter);
        if (delay.isEmpty()) {
          throw ExceptionMapper.fromConnectionFailure(call, host.toString(), e, attempt, token);
        }
        logRetry(call, e.getClass().getSimpleName(), attempt, delay.get(), null);
        pause(call, delay.get());
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GenieHealException("interrupted during " + call.describe());
      }
      int status = response.statusCode();
      statusCounts.computeIfAbsent(status, s -> new LongAdder()).increment();
      String requestId = requestId(response);
      if (status >= 200 && status < 300) {
        return parse(call, response, token);
      }
      if ((status == 401 || status == 403) && !refreshedToken && !"pat".equals(tokens.authType())) {
        // An OAuth token can be revoked or expire early (the workspace then answers 401 or 403); fetch a new one
        // once before giving up.
        refreshedToken = true;
        tokens.invalidate();
        attempt--;
        continue;
      }
      Duration retryAfter = retryAfter(response);
      Optional<Duration> delay = retry.retryDelay(attempt, status, retryAfter, call.idempotent(), this::jitter);
      if (delay.isEmpty()) {
        throw ExceptionMapper.fromResponse(call, host.toString(), status, response.body(), retryAfter, requestId,
            attempt, token);
      }
      logRetry(call, "HTTP " + status, attempt, delay.get(), requestId);
      pause(call, delay.get());
    }
  }

  /** How many responses with this status were received so far (diagnostics, benchmarks). */
  public long responses(int status) {
    LongAdder count = statusCounts.get(status);
    return count == null ? 0 : count.sum();
  }

  /** How many retries were made so far. */
  public long retries() {
    return retries.sum();
  }

  private HttpRequest request(ApiCall call, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(call))
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT + " auth/" + tokens.authType());
    if (call.body() != null) {
      b.header("Content-Type", "application/json");
      b.method(call.method(), HttpRequest.BodyPublishers.ofString(Json.write(call.body())));
    } else {
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private URI uri(ApiCall call) {
    String base = call.path().startsWith("http://") || call.path().startsWith("https://")
        ? call.path() : host.resolve(call.path()).toString();
    if (call.query().isEmpty()) {
      return URI.create(base);
    }
    StringJoiner q = new StringJoiner("&", base + (base.contains("?") ? "&" : "?"), "");
    call.query().forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
    return URI.create(q.toString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private JsonNode parse(ApiCall call, HttpResponse<String> response, String token) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return Json.object();
    }
    try {
      JsonNode node = Json.read(body);
      if (node == null || !node.isObject()) {
        throw ExceptionMapper.malformed(call, host.toString(), response.statusCode(), body, token);
      }
      return node;
    } catch (IOException e) {
      throw ExceptionMapper.malformed(call, host.toString(), response.statusCode(), body, token);
    }
  }

  private Duration retryAfter(HttpResponse<String> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isEmpty()) {
      return null;
    }
    String value = header.get().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String requestId(HttpResponse<String> response) {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> id = response.headers().firstValue(name);
      if (id.isPresent()) {
        return id.get();
      }
    }
    return null;
  }

  private void logRetry(ApiCall call, String failure, int attempt, Duration delay, String requestId) {
    retries.increment();
    LOG.warn("{} got {} from {}; retry {} of {} in {} ms [request id {}]", call.describe(), failure, host,
        attempt, retry.maxAttempts() - 1, delay.toMillis(), requestId == null ? "none" : requestId);
  }

  private void pause(ApiCall call, Duration delay) {
    Polling.sleep(sleeper, delay, "to retry " + call.describe());
  }

  private double jitter() {
    synchronized (random) {
      return random.nextDouble();
    }
  }

  @Override
  public String toString() {
    return "DatabricksTransport[host=" + host + ", auth=" + tokens.authType() + "]";
  }
}
