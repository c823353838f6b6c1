package dev.genieheal.databricks;

import dev.genieheal.databricks.http.DatabricksTransport;
import dev.genieheal.databricks.http.OAuthM2mTokenProvider;
import dev.genieheal.databricks.http.RetryPolicy;
import dev.genieheal.databricks.http.TokenProvider;
import dev.genieheal.port.Sleeper;
import dev.genieheal.score.RateLimiter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection to one workspace: the resolved {@link DatabricksConfig}, one shared HTTP client, the token source
 * and the host's question rate limiter. Every client made from it shares them. Thread-safe.
 *
 * <pre>{@code
 * DatabricksWorkspace ws = DatabricksWorkspace.connect(DatabricksConfig.fromEnvironment());
 * GenieClient genie = ws.genie();
 * SpaceStore spaces = ws.spaces();
 * SqlExecutor sql = ws.sql("abcdef1234567890");
 * }</pre>
 */
public final class DatabricksWorkspace {
  /** Genie's question limit is per workspace, so every workspace object of one host shares one limiter. */
  private static final Map<String, RateLimiter> SHARED_LIMITERS = new ConcurrentHashMap<>();

  private final DatabricksConfig config;
  private final DatabricksTransport transport;
  private final RateLimiter questionLimiter;
  private final Clock clock;
  private final Sleeper sleeper;

  private DatabricksWorkspace(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    HttpClient http = DatabricksTransport.newHttpClient(config.connectTimeout());
    TokenProvider tokens = config.authType() == AuthType.PAT
        ? TokenProvider.pat(config.token().orElseThrow())
        : new OAuthM2mTokenProvider(config.host(), config.clientId().orElseThrow(),
            config.clientSecret().orElseThrow(), http, config.requestTimeout(), clock,
            OAuthM2mTokenProvider.DEFAULT_REFRESH_MARGIN);
    this.transport = new DatabricksTransport(config.host(), tokens, http, config.requestTimeout(),
        b.retryPolicy.withMaxAttempts(config.maxAttempts()), sleeper, clock, b.seed);
    this.questionLimiter = b.questionLimiter != null ? b.questionLimiter
        : SHARED_LIMITERS.computeIfAbsent(config.host().toString(),
            h -> RateLimiter.perMinute(config.questionsPerMinute(), Clock.systemUTC(), Sleeper.system()));
  }

  /** Connects with the system clock and sleeper and the host's shared rate limiter. */
  public static DatabricksWorkspace connect(DatabricksConfig config) {
    return builder(config).build();
  }

  /** A builder for tests and tuning: clock, sleeper, jitter seed, retry timing, rate limiter. */
  public static Builder builder(DatabricksConfig config) {
    return new Builder(config);
  }

  /** The configuration. */
  public DatabricksConfig config() {
    return config;
  }

  /** The shared transport. Internal API: its type may change without notice. */
  public DatabricksTransport transport() {
    return transport;
  }

  /**
   * The limiter every Genie client of this workspace shares: by default the process-wide limiter of the host,
   * created at the questions per minute of the first workspace connected to it (two budgets for one workspace
   * would let the total exceed Genie's limit).
   */
  public RateLimiter questionRateLimiter() {
    return questionLimiter;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The sleeper. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** A Genie client with default polling (see {@link GenieConversationClient.Builder}). */
  public GenieConversationClient genie() {
    return GenieConversationClient.builder(this).build();
  }

  /** A space store with backups in the default directory (see {@link GenieSpaceClient.Builder}). */
  public GenieSpaceClient spaces() {
    return GenieSpaceClient.builder(this).build();
  }

  /** A read-only SQL executor on the given warehouse. */
  public StatementExecutionClient sql(String warehouseId) {
    return StatementExecutionClient.builder(this).warehouseId(warehouseId).build();
  }

  /** A chat client for a model serving endpoint. */
  public ServingEndpointLlmClient llm(String endpointName) {
    return ServingEndpointLlmClient.builder(this).endpoint(endpointName).build();
  }

  @Override
  public String toString() {
    return "DatabricksWorkspace[" + config + "]";
  }

  /**
   * Builds a {@link DatabricksWorkspace}. Defaults: system UTC clock, real sleeper, jitter seed 0, the default retry
   * timing ({@link RetryPolicy#DEFAULT}) with the config's attempt limit, the host's shared rate limiter.
   */
  public static final class Builder {
    private final DatabricksConfig config;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private long seed;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private RateLimiter questionLimiter;

    private Builder(DatabricksConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock for token expiry, timeouts and timings. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Waits between retries and polls. */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** Seeds the retry jitter. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The retry timing; the attempt limit always comes from the config. */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /** A limiter to use instead of the host's shared one. */
    public Builder questionRateLimiter(RateLimiter value) {
      this.questionLimiter = Objects.requireNonNull(value, "questionRateLimiter");
      return this;
    }

    /** Builds; nothing is sent until a client makes a call. */
    public DatabricksWorkspace build() {
      return new DatabricksWorkspace(this);
    }
  }
}
