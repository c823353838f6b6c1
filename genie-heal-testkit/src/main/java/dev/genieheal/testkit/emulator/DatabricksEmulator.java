package dev.genieheal.testkit.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.genieheal.internal.Checks;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.SqlExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A local HTTP server speaking the Databricks REST wire protocol — Genie spaces, conversations and eval runs, SQL
 * statements, serving-endpoint chat, MLflow tracking and OAuth M2M — backed by pluggable engines (a
 * {@link GenieClient}, a {@link SqlExecutor}, an {@link LlmClient}). Think MockWebServer for Databricks: start it,
 * point any client (ours or an official Databricks SDK) at {@link #baseUrl()} with {@link #token()}, inject faults,
 * and assert on {@link #takeRequest()}.
 *
 * <pre>{@code
 * try (DatabricksEmulator db = DatabricksEmulator.builder()
 *     .space(EmulatedSpace.of("01ef...", "Sales", "wh1", exportJson))
 *     .genieFactory(store -> new SimulatedGenie(store, warehouse))
 *     .sqlExecutor(warehouse)
 *     .start()) {
 *   GenieClient client = ...(db.baseUrl(), db.token());
 * }
 * }</pre>
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay=true} unless it is already set
 * (otherwise every response of the JDK server waits ~40 ms for a delayed ACK).
 *
 * <p>Thread-safe. Time (status progression, the question rate limit, token expiry) follows the injected
 * {@link Clock}; injected latency uses the injected {@link Sleeper}. Ids, etags and fault draws follow the seed.
 */
public final class DatabricksEmulator implements AutoCloseable {
  static {
    // The JDK server writes headers and body as two segments; with Nagle on, every response waits for the
    // client's delayed ACK (~40 ms). Only set when the application has not chosen a value itself.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Dispatcher dispatcher;
  private final FaultInjector faults;
  private final SpaceRegistry spaces;
  private final SpaceStore spaceStore;
  private final GenieApi genie;
  private final MlflowApi mlflow;
  private final String token;
  private final String baseUrl;

  private DatabricksEmulator(Builder b) throws IOException {
    Ids ids = new Ids(b.seed);
    this.token = b.token != null ? b.token : "dapi" + new Ids(b.seed ^ 0x5DEECE66DL).hex(32);
    this.spaces = new SpaceRegistry(b.clock, ids, b.spaceValidator);
    b.spaces.forEach(spaces::put);
    this.spaceStore = new EmulatorSpaceStore(spaces);
    GenieClient genieClient = b.genie != null ? b.genie
        : b.genieFactory != null ? Objects.requireNonNull(b.genieFactory.apply(spaceStore), "genieFactory result")
        : new ExampleSqlGenie(spaces);
    Backends backends = new Backends(genieClient, b.sqlExecutor, b.maxResultRows);
    this.genie = new GenieApi(spaces, backends, new QuestionRateLimiter(b.questionsPerMinute, b.clock), ids, b.clock,
        b.messageProgression, b.chunkRows);
    SpacesApi spacesApi = new SpacesApi(spaces, ids);
    StatementsApi statements = new StatementsApi(backends, ids, b.clock, b.statementProgression, b.chunkRows);
    EvalApi eval = new EvalApi(spaces, backends, b.evalJudge, ids, b.clock, b.evalProgression, b.chunkRows);
    ServingApi serving = new ServingApi(b.llms, b.llm, ids, b.clock);
    this.mlflow = new MlflowApi(ids, b.clock);
    OAuthApi auth = new OAuthApi(token, b.readOnlyTokens, b.oauthClients, b.oauthTokenLifetime, b.clock, ids);
    this.faults = new FaultInjector(b.seed, b.faultRules);
    this.dispatcher = new Dispatcher(auth, faults, b.clock, b.sleeper, b.requestLogCapacity);

    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "databricks-emulator-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

    register(EmulatorRoute.OAUTH_DISCOVERY, c -> auth.discovery(c, baseUrl));
    register(EmulatorRoute.OAUTH_TOKEN, auth::token);
    register(EmulatorRoute.LIST_SPACES, spacesApi::list);
    register(EmulatorRoute.CREATE_SPACE, spacesApi::create);
    register(EmulatorRoute.GET_SPACE, spacesApi::get);
    register(EmulatorRoute.UPDATE_SPACE, spacesApi::update);
    register(EmulatorRoute.TRASH_SPACE, spacesApi::trash);
    register(EmulatorRoute.START_CONVERSATION, genie::startConversation);
    register(EmulatorRoute.LIST_CONVERSATIONS, genie::listConversations);
    register(EmulatorRoute.DELETE_CONVERSATION, genie::deleteConversation);
    register(EmulatorRoute.CREATE_MESSAGE, genie::createMessage);
    register(EmulatorRoute.LIST_MESSAGES, genie::listMessages);
    register(EmulatorRoute.GET_MESSAGE, genie::getMessage);
    register(EmulatorRoute.SEND_FEEDBACK, genie::sendFeedback);
    register(EmulatorRoute.QUERY_RESULT, genie::queryResult);
    register(EmulatorRoute.MESSAGE_QUERY_RESULT, genie::queryResult);
    register(EmulatorRoute.MESSAGE_QUERY_RESULT_BY_ATTACHMENT, genie::queryResult);
    register(EmulatorRoute.EXECUTE_QUERY, genie::executeQuery);
    register(EmulatorRoute.EXECUTE_MESSAGE_QUERY, genie::executeQuery);
    register(EmulatorRoute.CREATE_EVAL_RUN, eval::create);
    register(EmulatorRoute.LIST_EVAL_RUNS, eval::list);
    register(EmulatorRoute.GET_EVAL_RUN, eval::get);
    register(EmulatorRoute.LIST_EVAL_RESULTS, eval::listResults);
    register(EmulatorRoute.GET_EVAL_RESULT, eval::getResult);
    register(EmulatorRoute.EXECUTE_STATEMENT, statements::execute);
    register(EmulatorRoute.GET_STATEMENT, statements::get);
    register(EmulatorRoute.GET_STATEMENT_CHUNK, statements::chunk);
    register(EmulatorRoute.CANCEL_STATEMENT, statements::cancel);
    register(EmulatorRoute.SERVING_INVOCATIONS, serving::invoke);
    register(EmulatorRoute.MLFLOW_GET_EXPERIMENT_BY_NAME, mlflow::getExperimentByName);
    register(EmulatorRoute.MLFLOW_CREATE_EXPERIMENT, mlflow::createExperiment);
    register(EmulatorRoute.MLFLOW_CREATE_RUN, mlflow::createRun);
    register(EmulatorRoute.MLFLOW_GET_RUN, mlflow::getRun);
    register(EmulatorRoute.MLFLOW_LOG_METRIC, mlflow::logMetric);
    register(EmulatorRoute.MLFLOW_LOG_PARAMETER, mlflow::logParameter);
    register(EmulatorRoute.MLFLOW_LOG_BATCH, mlflow::logBatch);
    register(EmulatorRoute.MLFLOW_SET_TAG, mlflow::setTag);
    register(EmulatorRoute.MLFLOW_UPDATE_RUN, mlflow::updateRun);

    server.createContext("/", dispatcher);
    server.setExecutor(executor);
    server.start();
  }

  private void register(EmulatorRoute route, Dispatcher.Handler handler) {
    dispatcher.register(route, handler);
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321} (no trailing slash); use it as the workspace host. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** A valid personal access token with CAN EDIT on every space. */
  public String token() {
    return token;
  }

  /** The emulator's spaces as a {@link SpaceStore}; reads and writes are the ones the HTTP routes see. */
  public SpaceStore spaceStore() {
    return spaceStore;
  }

  /** The space as currently stored (not trashed), if it exists. */
  public Optional<EmulatedSpace> space(String spaceId) {
    return spaces.contains(spaceId) ? Optional.of(spaces.get(spaceId)) : Optional.empty();
  }

  /** Every stored space, in creation order. */
  public List<EmulatedSpace> spaces() {
    return spaces.list();
  }

  /**
   * Adds (or replaces) a space at run time; etag and times are assigned when null.
   *
   * @throws IllegalArgumentException when {@code serializedSpace} is not a JSON object or fails the validator
   */
  public EmulatedSpace putSpace(EmulatedSpace space) {
    try {
      return spaces.put(Objects.requireNonNull(space, "space"));
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Waits for the next request not yet taken and returns it (requests are queued in arrival order). */
  public RecordedRequest takeRequest() throws InterruptedException {
    return dispatcher.take();
  }

  /** Like {@link #takeRequest()} but gives up after {@code timeout}. */
  public Optional<RecordedRequest> takeRequest(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(dispatcher.poll(Objects.requireNonNull(timeout, "timeout")));
  }

  /** The requests received so far (the newest {@code requestLogCapacity}), in arrival order, taken or not. */
  public List<RecordedRequest> requests() {
    return dispatcher.requests();
  }

  /** How many requests were received in total (including those the log no longer keeps). */
  public long requestCount() {
    return dispatcher.count();
  }

  /**
   * Makes the next {@code times} requests that {@code matcher} selects suffer {@code fault} (e.g. "the next 2 GETs
   * of a message fail with 503"). One-shot faults are used before the standing rules.
   *
   * @throws IllegalArgumentException when {@code times} is not positive
   */
  public void enqueueFault(RequestMatcher matcher, Fault fault, int times) {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(fault, "fault");
    faults.enqueue(matcher, fault, Checks.positive(times, "times"));
  }

  /** Adds a standing fault rule after the existing ones. */
  public void addFaultRule(FaultRule rule) {
    faults.add(Objects.requireNonNull(rule, "rule"));
  }

  /** Removes every fault rule and every queued one-shot fault. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Expires the query results of every completed Genie message: they then show {@code QUERY_RESULT_EXPIRED} and
   * their query-result is {@code CLOSED} until execute-query refreshes them.
   *
   * @return how many messages changed
   */
  public int expireQueryResults() {
    return genie.expire(null);
  }

  /** Expires one completed message's query result; returns whether it changed. */
  public boolean expireQueryResult(String messageId) {
    return genie.expire(Objects.requireNonNull(messageId, "messageId")) > 0;
  }

  /** How many Genie messages (questions) were accepted. */
  public int questionCount() {
    return genie.messageCount();
  }

  /** Every MLflow run logged so far, in creation order. */
  public List<MlflowRun> mlflowRuns() {
    return mlflow.runs();
  }

  /** The MLflow run with this id, if it exists. */
  public Optional<MlflowRun> mlflowRun(String runId) {
    return mlflow.runs().stream().filter(r -> r.runId().equals(runId)).findFirst();
  }

  /** Stops the server at once and releases its threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "DatabricksEmulator[" + baseUrl + "]";
  }

  /**
   * Configures a {@link DatabricksEmulator}. Defaults: port 0 (any free port), a generated token, the default Genie
   * (answers questions equal to an example question with its SQL, fails the rest), no SQL warehouse, no LLM,
   * 5 questions per minute, 5,000 result rows, result chunks of 5,000 rows,
   * {@link StatusProgression#messageDefault()}, eval runs NOT_STARTED → RUNNING (one response each), statements
   * submitted with {@code wait_timeout=0s} PENDING for one response, seed 42, the UTC system clock, the system
   * sleeper, OAuth tokens valid one hour, the result comparison judge for eval runs, a request log of 10,000.
   * Not thread-safe.
   */
  public static final class Builder {
    private int port;
    private String token;
    private final Set<String> readOnlyTokens = new LinkedHashSet<>();
    private GenieClient genie;
    private Function<SpaceStore, GenieClient> genieFactory;
    private SqlExecutor sqlExecutor;
    private LlmClient llm;
    private final Map<String, LlmClient> llms = new LinkedHashMap<>();
    private int questionsPerMinute = 5;
    private int maxResultRows = 5_000;
    private int chunkRows = 5_000;
    private StatusProgression messageProgression = StatusProgression.messageDefault();
    private StatusProgression evalProgression = StatusProgression.polls(List.of("NOT_STARTED", "RUNNING"), 1);
    private StatusProgression statementProgression = StatusProgression.polls(List.of("PENDING"), 1);
    private long seed = 42;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private final Map<String, String> oauthClients = new LinkedHashMap<>();
    private Duration oauthTokenLifetime = Duration.ofHours(1);
    private final List<EmulatedSpace> spaces = new ArrayList<>();
    private Consumer<String> spaceValidator;
    private EvalJudge evalJudge = EvalJudge.resultComparison();
    private final List<FaultRule> faultRules = new ArrayList<>();
    private int requestLogCapacity = 10_000;

    private Builder() {}

    /**
     * How many requests the log keeps (default 10,000); older ones are dropped from
     * {@link DatabricksEmulator#requests()} and from the {@link DatabricksEmulator#takeRequest()} queue so a long-running emulator does not grow without bound.
     */
    public Builder requestLogCapacity(int capacity) {
      this.requestLogCapacity = Checks.positive(capacity, "capacity");
      return this;
    }

    /** The port to listen on, 0 for any free port (the default). */
    public Builder port(int port) {
      this.port = Checks.within(port, 0, 65_535, "port");
      return this;
    }

    /** The personal access token that is accepted (with CAN EDIT on every space); generated from the seed if unset. */
    public Builder token(String token) {
      this.token = Checks.notBlank(token, "token");
      return this;
    }

    /** Another accepted token whose principal lacks CAN EDIT: no {@code serialized_space} on GET, 403 on writes. */
    public Builder readOnlyToken(String token) {
      readOnlyTokens.add(Checks.notBlank(token, "token"));
      return this;
    }

    /** The Genie engine that answers questions and eval runs (e.g. a {@code ScriptedGenie}). */
    public Builder genie(GenieClient genie) {
      this.genie = Objects.requireNonNull(genie, "genie");
      this.genieFactory = null;
      return this;
    }

    /**
     * A Genie engine built over the emulator's own spaces (e.g. {@code store -> new SimulatedGenie(store, wh)}),
     * so it answers from the space as the HTTP routes last wrote it. Called once by {@link #start()}.
     */
    public Builder genieFactory(Function<SpaceStore, GenieClient> factory) {
      this.genieFactory = Objects.requireNonNull(factory, "factory");
      this.genie = null;
      return this;
    }

    /** The warehouse behind SQL statements, Genie query results and eval runs (e.g. a {@code LocalWarehouse}). */
    public Builder sqlExecutor(SqlExecutor sqlExecutor) {
      this.sqlExecutor = Objects.requireNonNull(sqlExecutor, "sqlExecutor");
      return this;
    }

    /** The model behind every serving endpoint that has no model of its own. */
    public Builder llm(LlmClient llm) {
      this.llm = Objects.requireNonNull(llm, "llm");
      return this;
    }

    /** The model behind one serving endpoint name. */
    public Builder servingEndpoint(String name, LlmClient llm) {
      llms.put(Checks.notBlank(name, "name"), Objects.requireNonNull(llm, "llm"));
      return this;
    }

    /** New Genie questions accepted per minute across the workspace (default 5); GETs are never throttled. */
    public Builder questionsPerMinute(int questionsPerMinute) {
      if (questionsPerMinute <= 0) {
        throw new IllegalArgumentException("questionsPerMinute must be positive: " + questionsPerMinute
            + " (use noQuestionLimit() to disable the limit)");
      }
      this.questionsPerMinute = questionsPerMinute;
      return this;
    }

    /** Disables the question rate limit (benchmarks, load tests). */
    public Builder noQuestionLimit() {
      this.questionsPerMinute = 0;
      return this;
    }

    /** The most rows a Genie query result returns (default 5,000; more are cut and marked truncated). */
    public Builder maxResultRows(int maxResultRows) {
      this.maxResultRows = Checks.positive(maxResultRows, "maxResultRows");
      return this;
    }

    /** Rows per result chunk of the statement API (default 5,000). */
    public Builder chunkRows(int chunkRows) {
      this.chunkRows = Checks.positive(chunkRows, "chunkRows");
      return this;
    }

    /** How Genie messages move to their answer (default {@link StatusProgression#messageDefault()}). */
    public Builder messageProgression(StatusProgression progression) {
      this.messageProgression = Objects.requireNonNull(progression, "progression");
      return this;
    }

    /** How eval runs move to DONE (default NOT_STARTED then RUNNING, one response each). */
    public Builder evalProgression(StatusProgression progression) {
      this.evalProgression = Objects.requireNonNull(progression, "progression");
      return this;
    }

    /** How statements submitted with {@code wait_timeout=0s} move to their result (default PENDING, one response). */
    public Builder statementProgression(StatusProgression progression) {
      this.statementProgression = Objects.requireNonNull(progression, "progression");
      return this;
    }

    /** The seed for ids, etags, tokens and fault draws (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The clock for progression, rate limiting, timestamps and token expiry (default the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How injected latency waits (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** An OAuth M2M service principal accepted by {@code /oidc/v1/token}. */
    public Builder oauthClient(String clientId, String clientSecret) {
      oauthClients.put(Checks.notBlank(clientId, "clientId"), Checks.notBlank(clientSecret, "clientSecret"));
      return this;
    }

    /** The {@code expires_in} of OAuth tokens (default one hour); expired tokens get 403. */
    public Builder oauthTokenLifetime(Duration lifetime) {
      this.oauthTokenLifetime = Checks.positive(lifetime, "lifetime");
      return this;
    }

    /** A space to preload; its {@code serializedSpace} must be a JSON object. */
    public Builder space(EmulatedSpace space) {
      spaces.add(Objects.requireNonNull(space, "space"));
      return this;
    }

    /**
     * A check every written {@code serialized_space} must pass (e.g. the space validator); an exception it throws
     * becomes 400 INVALID_PARAMETER_VALUE "Invalid serialized_space: …" and nothing is written. Default: only
     * "is a JSON object".
     */
    public Builder spaceValidator(Consumer<String> validator) {
      this.spaceValidator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** How eval runs assess answers (default {@link EvalJudge#resultComparison()}). */
    public Builder evalJudge(EvalJudge judge) {
      this.evalJudge = Objects.requireNonNull(judge, "judge");
      return this;
    }

    /** A standing fault rule (applied in the order added). */
    public Builder fault(FaultRule rule) {
      faultRules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalArgumentException when a preloaded space is invalid
     */
    public DatabricksEmulator start() {
      try {
        return new DatabricksEmulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the Databricks emulator on port " + port, e);
      } catch (ApiError e) {
        throw new IllegalArgumentException("invalid preloaded space: " + e.getMessage(), e);
      }
    }
  }
}
