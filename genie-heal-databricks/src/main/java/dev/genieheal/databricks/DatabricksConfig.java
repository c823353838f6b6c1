package dev.genieheal.databricks;

import dev.genieheal.error.AuthenticationException;
import dev.genieheal.internal.Checks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the workspace is and how to authenticate, plus the transport's limits. Immutable; {@link #toString()} never
 * shows a secret.
 *
 * <p>Explicit values only: {@code DatabricksConfig.builder().host(h).token(t).build()}. Resolved like the
 * Databricks SDKs: {@code DatabricksConfig.builder().resolve(env, homeDir)} — explicit values first, then the
 * environment ({@code DATABRICKS_HOST}, {@code DATABRICKS_TOKEN}, {@code DATABRICKS_CLIENT_ID},
 * {@code DATABRICKS_CLIENT_SECRET}, {@code DATABRICKS_AUTH_TYPE}), then a {@code ~/.databrickscfg} profile
 * ({@code DATABRICKS_CONFIG_PROFILE} or {@code DEFAULT}; the file is {@code DATABRICKS_CONFIG_FILE} when set). The
 * file is read only when a profile is named or when neither a host nor a credential came from code or the
 * environment, so a host from one place is never paired with a token from another by accident.
 * {@link #fromEnvironment()} resolves with the process environment and the user's home directory.
 *
 * <p>In a notebook, pass the notebook context's host and token explicitly:
 * <pre>{@code
 * DatabricksConfig config = DatabricksConfig.builder()
 *     .host(spark.conf().get("spark.databricks.workspaceUrl"))
 *     .token(dbutils.notebook().getContext().apiToken().get())
 *     .build();
 * }</pre>
 *
 * @see DatabricksWorkspace
 */
public final class DatabricksConfig {
  /** Default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(Builder.CONNECT_S);
  /** Default time limit of one HTTP attempt: 60 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(Builder.REQUEST_S);
  /** Default attempts per call (one try plus retries): 5. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** Default workspace-wide Genie question rate: 5 per minute (the documented free-tier limit). */
  public static final int DEFAULT_QUESTIONS_PER_MINUTE = 5;

  private final URI host;
  private final AuthType authType;
  private final String token;
  private final String clientId;
  private final String clientSecret;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final int questionsPerMinute;
  private final String source;

  private DatabricksConfig(Builder b, ConfigResolver.Resolved r) {
    this.host = r.host();
    this.authType = r.authType();
    this.token = r.token();
    this.clientId = r.clientId();
    this.clientSecret = r.clientSecret();
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.questionsPerMinute = b.questionsPerMinute;
    this.source = r.source();
  }

  /** A new builder with the defaults listed as constants. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves from the process environment and {@code ~/.databrickscfg}.
   *
   * @throws AuthenticationException when auth is missing or ambiguous, listing what was found
   */
  public static DatabricksConfig fromEnvironment() {
    return builder().resolve(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The workspace URL, e.g. {@code https://dbc-1234.cloud.databricks.com}. */
  public URI host() {
    return host;
  }

  /** How requests are authenticated. */
  public AuthType authType() {
    return authType;
  }

  /** The personal access token; present for {@link AuthType#PAT}. Never log it. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** The OAuth client id; present for {@link AuthType#OAUTH_M2M}. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  /** The OAuth client secret; present for {@link AuthType#OAUTH_M2M}. Never log it. */
  public Optional<String> clientSecret() {
    return Optional.ofNullable(clientSecret);
  }

  /** The connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The time limit of one HTTP attempt. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Attempts per call, one try plus retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The workspace-wide Genie question rate shared by every client of this host. */
  public int questionsPerMinute() {
    return questionsPerMinute;
  }

  /** Where the host and credentials came from, e.g. {@code "host from env DATABRICKS_HOST, token from ..."}. */
  public String source() {
    return source;
  }

  /** A builder holding this config's values (the resolved host and credentials become explicit). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host.toString();
    b.authType = authType;
    b.token = token;
    b.clientId = clientId;
    b.clientSecret = clientSecret;
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.maxAttempts = maxAttempts;
    b.questionsPerMinute = questionsPerMinute;
    return b;
  }

  @Override
  public String toString() {
    return "DatabricksConfig[host=" + host + ", authType=" + authType.id()
        + (token == null ? "" : ", token=[REDACTED]")
        + (clientId == null ? "" : ", clientId=" + clientId)
        + (clientSecret == null ? "" : ", clientSecret=[REDACTED]")
        + ", source=" + source + "]";
  }

  /**
   * Builds a {@link DatabricksConfig}. Defaults: connect timeout {@value #CONNECT_S} s, request timeout
   * {@value #REQUEST_S} s, {@value #DEFAULT_MAX_ATTEMPTS} attempts, {@value #DEFAULT_QUESTIONS_PER_MINUTE}
   * questions per minute. Not thread-safe.
   */
  public static final class Builder {
    // Here rather than only in the Durations so the javadoc above can show them with {@value}.
    private static final long CONNECT_S = 10;
    private static final long REQUEST_S = 60;

    String host;
    AuthType authType;
    String token;
    String clientId;
    String clientSecret;
    String profile;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private int questionsPerMinute = DEFAULT_QUESTIONS_PER_MINUTE;

    private Builder() {}

    /** The workspace URL; a bare host name gets {@code https://}, any path is dropped. */
    public Builder host(String value) {
      this.host = Checks.notBlank(value, "host").strip();
      ConfigResolver.normalizeHost(this.host);
      return this;
    }

    /** A personal access token (or a notebook context token). */
    public Builder token(String value) {
      this.token = Checks.notBlank(value, "token").strip();
      return this;
    }

    /** A service principal's OAuth client id. */
    public Builder clientId(String value) {
      this.clientId = Checks.notBlank(value, "clientId").strip();
      return this;
    }

    /** A service principal's OAuth client secret. */
    public Builder clientSecret(String value) {
      this.clientSecret = Checks.notBlank(value, "clientSecret").strip();
      return this;
    }

    /** Chooses the auth type when credentials of both kinds are present. */
    public Builder authType(AuthType value) {
      this.authType = Objects.requireNonNull(value, "authType");
      return this;
    }

    /** The {@code ~/.databrickscfg} profile to read in {@link #resolve}; default {@code DEFAULT}. */
    public Builder profile(String value) {
      this.profile = Checks.notBlank(value, "profile").strip();
      return this;
    }

    /** The connect timeout; default 10 s. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = Checks.positive(value, "connectTimeout");
      return this;
    }

    /** The time limit of one HTTP attempt; default 60 s. */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = Checks.positive(value, "requestTimeout");
      return this;
    }

    /** Attempts per call, one try plus retries, at least 1; default 5. */
    public Builder maxAttempts(int value) {
      this.maxAttempts = Checks.atLeast(value, 1, "maxAttempts");
      return this;
    }

    /** The workspace-wide Genie question rate, at least 1; default 5. */
    public Builder questionsPerMinute(int value) {
      this.questionsPerMinute = Checks.atLeast(value, 1, "questionsPerMinute");
      return this;
    }

    /**
     * Builds from the explicit values only.
     *
     * @throws AuthenticationException when the host or the credentials are missing or ambiguous
     */
    public DatabricksConfig build() {
      return new DatabricksConfig(this, ConfigResolver.resolve(this, null, null));
    }

    /**
     * Fills what is not set explicitly from {@code env} and then from the config file under {@code homeDir}, and
     * builds. Nothing here reads the real environment: pass {@code System.getenv()} and the user's home to do so.
     *
     * @throws AuthenticationException when the host or the credentials are missing or ambiguous, listing what was
     *     found and where (never the secret values)
     */
    public DatabricksConfig resolve(Map<String, String> env, Path homeDir) {
      Objects.requireNonNull(env, "env");
      Objects.requireNonNull(homeDir, "homeDir");
      return new DatabricksConfig(this, ConfigResolver.resolve(this, env, homeDir));
    }
  }
}
