package dev.genieheal.testkit;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.GenieSpace;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, deterministic, metadata-driven text-to-SQL engine that stands in for Genie, so a healing loop can run end
 * to end offline and every fix has a real, causal effect on the answers.
 *
 * <pre>{@code
 * SimulatedGenie genie = SimulatedGenie.builder()
 *     .spaces(store)            // read per question, so fixes saved to the store apply at once
 *     .warehouse(warehouse)     // the catalog, entity values, and where the SQL runs
 *     .build();
 * GenieAnswer a = genie.ask(new GenieQuestion("space-1", "Total amount by region in 2024", Duration.ofMinutes(1)));
 * }</pre>
 *
 * <p>Like Genie it reads only the space ({@code store.load(spaceId).space()} on every question) and the warehouse
 * catalog; it never looks at benchmark answers. Tables of the space missing from the catalog, and excluded columns,
 * are invisible to it.
 *
 * <h2>What it understands</h2>
 * Words are matched case-insensitively after a crude singular ({@code orders -> order}, {@code categories ->
 * category}); underscores count as spaces. A question is read in this order:
 * <ol>
 *   <li><b>Example SQL.</b> A question equal (case, spacing and trailing punctuation aside) to an example question
 *       gets that example's SQL, {@code :param}s filled from their default values. An example question with
 *       {@code :param} slots is a template: "Total sales in :region" matches "Total sales in West" and the SQL gets
 *       {@code 'West'} (quoted unless the parameter's type hint is numeric; {@code DATE '...'} for DATE).
 *   <li><b>Dates.</b> "in 2024", "March 2024" / "Mar 2024", "Q1 2024", "last month", "this month", "last year",
 *       "this year", "last N days" (relative to the clock) filter the first date column named in the question,
 *       else the main table's first DATE/TIMESTAMP column, as a half-open {@code DATE} range. A main table without
 *       one is dated by the nearest table it belongs to through many-to-one (or one-to-one) join specs: a line item
 *       by its order. "by month" etc. bucket the same date column.
 *   <li><b>Keywords.</b> Aggregations: total/sum → SUM, average/avg/mean → AVG, how many/number of/count → COUNT,
 *       maximum/max → MAX, minimum/min → MIN. Ranking: top/highest/most/largest/biggest/best/greatest → descending,
 *       bottom/lowest/least/smallest/fewest/worst → ascending; a number next to it is the LIMIT (default 1, and 10
 *       for top/bottom). Grouping: "by X", "per X", "for each X"; "by day/week/month/quarter/year" buckets the date
 *       column with {@code date_trunc} unless the space names something "month" etc.
 *   <li><b>Terms</b> (longest phrase first, up to six words), strongest first: a SQL snippet's display name,
 *       synonym or alias; a column synonym; a column name (with underscores as spaces); a table name. A table word
 *       directly before a column of that table qualifies it ("product name"). A phrase naming several columns is
 *       ambiguous: it resolves to the one whose synonyms or description name the phrase when exactly one does, else
 *       to the first by identifier — a plausible but often wrong choice, as Genie makes.
 *   <li><b>Entity values.</b> Remaining phrases equal (case-insensitively) to a value of a string column with entity
 *       matching enabled become {@code column = 'Value'} filters (values looked up with {@code SELECT DISTINCT}).
 *       Without entity matching, literal values are not filtered on.
 *   <li><b>Descriptions.</b> A remaining word that a column's space description contains names that column.
 * </ol>
 * Then: filter snippets go to WHERE, expression snippets and terms after a grouping word are dimensions, a measure
 * snippet (used as is) or the first numeric non-key column is the measure. COUNT counts rows of a named table, or
 * distinct values of a named column. An aggregation whose value is not named falls back to the first numeric
 * non-key column near the question (a plausible wrong answer), or no SQL. Ranking with no dimension ranks the named
 * table's label column ("name"), or becomes MAX/MIN. Without any aggregation the named columns (or {@code *} of a
 * named table) are listed. Aggregates with dimensions are grouped and ordered by the dimensions, or by the measure
 * when ranking.
 *
 * <p><b>Joins</b> follow the space's join specs only (breadth-first from the main table, conditions as declared);
 * parts of a question on tables with no declared path are dropped (a plausible wrong answer), and a measure on such
 * a table gives no SQL. Questions that name nothing of the space get {@link AnswerStatus#NO_SQL}.
 *
 * <h2>Determinism, noise and latency</h2>
 * With the default noise rate 0 the same space and question always give the same SQL. With a noise rate, each ask
 * draws from a generator seeded by the seed, the question and how often it was asked: a noisy answer is no SQL,
 * drops a filter, swaps SUM and AVG, or drops the LIMIT. Latency is drawn uniformly from the configured range and
 * waited through the {@link Sleeper}; one at or beyond the question's timeout gives {@link AnswerStatus#TIMED_OUT}.
 *
 * <p>The SQL runs on the warehouse and the answer carries its result; SQL the warehouse fails gives a
 * {@link AnswerStatus#FAILED} answer of type {@value ScriptedGenie#SQL_ERROR_TYPE} with the SQL. Thread-safe.
 */
public final class SimulatedGenie implements GenieClient {
  private static final int DICTIONARY_LIMIT = 1_000;

  private final SpaceStore spaces;
  private final SqlExecutor warehouse;
  private final long seed;
  private final double noiseRate;
  private final Duration minLatency;
  private final Duration maxLatency;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Map<String, String>> dictionaries = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> askCounts = new ConcurrentHashMap<>();
  private final AtomicLong asked = new AtomicLong();
  private volatile CachedSchema cache;

  private record CachedSchema(GenieSpace space, Catalog catalog, SimSchema schema) {}

  private SimulatedGenie(Builder b) {
    this.spaces = b.spaces;
    this.warehouse = b.warehouse;
    this.seed = b.seed;
    this.noiseRate = b.noiseRate;
    this.minLatency = b.minLatency;
    this.maxLatency = b.maxLatency;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
  }

  /** A builder; {@code spaces} and {@code warehouse} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this engine's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.spaces = spaces;
    b.warehouse = warehouse;
    b.seed = seed;
    b.noiseRate = noiseRate;
    b.minLatency = minLatency;
    b.maxLatency = maxLatency;
    b.clock = clock;
    b.sleeper = sleeper;
    return b;
  }

  /**
   * Answers from the current space.
   *
   * @throws dev.genieheal.error.NotFoundException when the store has no such space
   */
  @Override
  public GenieAnswer ask(GenieQuestion question) {
    Objects.requireNonNull(question, "question");
    GenieSpace space = spaces.load(question.spaceId()).space();
    long n = asked.incrementAndGet();
    String key = Questions.normalize(question.text());
    long nth = askCounts.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
    SplittableRandom random = new SplittableRandom(seed ^ (key.hashCode() * 0x9E3779B97F4A7C15L) ^ (nth * 31L));
    int noise = noiseRate > 0 && random.nextDouble() < noiseRate ? 1 + random.nextInt(3) : 0;
    Duration latency = minLatency.plusNanos((long) (random.nextDouble() * maxLatency.minus(minLatency).toNanos()));

    SimPlanner.Outcome outcome = SimPlanner.exampleSql(space, question.text())
        .map(sql -> new SimPlanner.Outcome(sql, null))
        .orElseGet(() -> planner(space).plan(question.text(), noise));

    String conversationId = "simulated-conversation-" + n;
    String messageId = "simulated-message-" + n;
    Optional<GenieAnswer> early = Answers.waitOut(sleeper, latency, question);
    if (early.isPresent()) {
      return early.get().withIds(conversationId, messageId);
    }
    return answer(outcome, latency).withIds(conversationId, messageId);
  }

  private GenieAnswer answer(SimPlanner.Outcome outcome, Duration latency) {
    if (outcome.sql() == null) {
      return GenieAnswer.noSql(outcome.text(), latency);
    }
    return Answers.run(warehouse, outcome.sql(), null, latency);
  }

  private SimPlanner planner(GenieSpace space) {
    Catalog catalog = warehouse.catalog().orElseThrow();
    CachedSchema c = cache;
    if (c == null || c.space() != space || c.catalog() != catalog) {
      c = new CachedSchema(space, catalog, new SimSchema(space, catalog));
      cache = c;
    }
    return new SimPlanner(c.schema(), this::dictionary, LocalDate.now(clock));
  }

  private Map<String, String> dictionary(SimSchema.Column column) {
    return dictionaries.computeIfAbsent(column.key().toLowerCase(Locale.ROOT), k -> {
      Map<String, String> values = new HashMap<>();
      String sql = "SELECT DISTINCT CAST(" + column.ref() + " AS STRING) FROM `"
          + column.table().identifier().replace(".", "`.`") + "` AS `" + column.table().alias() + "` WHERE "
          + column.ref() + " IS NOT NULL LIMIT " + DICTIONARY_LIMIT;
      try {
        for (List<Object> row : warehouse.execute(sql).rows()) {
          String v = String.valueOf(row.get(0));
          values.putIfAbsent(v.toLowerCase(Locale.ROOT), v);
        }
      } catch (SqlExecutionException e) {
        // A column the warehouse cannot read simply has no values to match, as with a failed index build.
        return Map.of();
      }
      return Map.copyOf(values);
    });
  }

  /**
   * Builds a {@link SimulatedGenie}. Required: {@code spaces}, {@code warehouse}. Defaults: seed 0, noise rate 0,
   * latency zero, {@link Clock#systemUTC()}, {@link Sleeper#system()}. Not thread-safe.
   */
  public static final class Builder {
    private SpaceStore spaces;
    private SqlExecutor warehouse;
    private long seed;
    private double noiseRate;
    private Duration minLatency = Duration.ZERO;
    private Duration maxLatency = Duration.ZERO;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /** Where the space is read, on every question. */
    public Builder spaces(SpaceStore spaces) {
      this.spaces = Objects.requireNonNull(spaces, "spaces");
      return this;
    }

    /** The warehouse: its catalog, its values for entity matching, and where the SQL runs. */
    public Builder warehouse(SqlExecutor warehouse) {
      Objects.requireNonNull(warehouse, "warehouse");
      if (warehouse.catalog().isEmpty()) {
        throw new IllegalArgumentException("warehouse must expose a catalog (e.g. a LocalWarehouse)");
      }
      this.warehouse = warehouse;
      return this;
    }

    /** The seed of noise and latency draws. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How often, from 0 to 1, an answer is perturbed.
     *
     * @throws IllegalArgumentException outside [0, 1]
     */
    public Builder noiseRate(double noiseRate) {
      if (!(noiseRate >= 0 && noiseRate <= 1)) {
        throw new IllegalArgumentException("noiseRate must be within [0, 1]: " + noiseRate);
      }
      this.noiseRate = noiseRate;
      return this;
    }

    /** A fixed latency. */
    public Builder latency(Duration latency) {
      return latency(latency, latency);
    }

    /**
     * A latency drawn uniformly from {@code [min, max]} per answer.
     *
     * @throws IllegalArgumentException when negative or {@code max < min}
     */
    public Builder latency(Duration min, Duration max) {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("latency must satisfy 0 <= min <= max: min=" + min + ", max=" + max);
      }
      this.minLatency = min;
      this.maxLatency = max;
      return this;
    }

    /** The clock that "last month" and "this year" are relative to. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Waits out latencies; use {@link FakeSleeper} in tests. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalStateException naming a missing {@code spaces} or {@code warehouse}
     */
    public SimulatedGenie build() {
      if (spaces == null) {
        throw new IllegalStateException("spaces is required: the SpaceStore the engine reads the space from");
      }
      if (warehouse == null) {
        throw new IllegalStateException("warehouse is required: e.g. a LocalWarehouse with the space's tables");
      }
      return new SimulatedGenie(this);
    }
  }
}
