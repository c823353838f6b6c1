package dev.genieheal.testkit;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.internal.Checks;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.space.GenieSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link GenieClient} that answers from a script, for precise tests of code that talks to Genie.
 *
 * <pre>{@code
 * ScriptedGenie genie = ScriptedGenie.builder()
 *     .on("What was total revenue?", ScriptedAnswer.sql("SELECT sum(price) FROM shop.sales.orders"))
 *     .when("What was total revenue?", space -> hasSynonym(space, "amount", "revenue"),
 *         ScriptedAnswer.sql("SELECT sum(amount) FROM shop.sales.orders"))
 *     .on("Who is the CEO?", ScriptedAnswer.noSql("I can only answer questions about the data."))
 *     .spaces(store)
 *     .warehouse(warehouse)
 *     .build();
 * }</pre>
 *
 * <p>Questions match after normalising case, whitespace and trailing punctuation. For each question, the first
 * {@link Builder#when conditional answer} whose condition holds for the space as it is now wins; otherwise the
 * queued answers of {@link Builder#on} are given in order, the last one repeating. Unscripted questions get the
 * {@link Builder#otherwise} answer, or throw when there is none. A latency is waited through the {@link Sleeper};
 * one at or beyond the question's timeout gives a {@link AnswerStatus#TIMED_OUT} answer. With a warehouse, SQL
 * answers carry its result, and SQL the warehouse fails gives a {@code FAILED} answer of type
 * {@value #SQL_ERROR_TYPE}. Every question is recorded ({@link #questions()}, {@link #takeQuestion()}).
 *
 * <p>Thread-safe.
 */
public final class ScriptedGenie implements GenieClient {
  /** The error type of answers whose SQL failed in the warehouse, as Genie reports it. */
  public static final String SQL_ERROR_TYPE = "SQL_EXECUTION_EXCEPTION";

  private final Map<String, Script> scripts;
  private final ScriptedAnswer otherwise;
  private final Function<String, GenieSpace> spaces;
  private final SqlExecutor warehouse;
  private final Sleeper sleeper;
  private final Builder config;
  private final List<GenieQuestion> asked = new ArrayList<>();
  private int taken;

  private ScriptedGenie(Builder b) {
    this.config = b.copy();
    this.scripts = new LinkedHashMap<>();
    b.scripts.forEach((k, v) -> scripts.put(k, v.copy()));
    this.otherwise = b.otherwise;
    this.spaces = b.spaces;
    this.warehouse = b.warehouse;
    this.sleeper = b.sleeper;
  }

  /** A builder with no scripts. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this double's scripts and settings (queues start from the beginning again). */
  public Builder toBuilder() {
    return config.copy();
  }

  /**
   * Answers from the script.
   *
   * @throws GenieHealException when the question is not scripted and there is no {@code otherwise} answer
   */
  @Override
  public GenieAnswer ask(GenieQuestion question) {
    Objects.requireNonNull(question, "question");
    int n;
    ScriptedAnswer answer;
    synchronized (this) {
      asked.add(question);
      n = asked.size();
    }
    answer = choose(question);
    String conversationId = "scripted-conversation-" + n;
    String messageId = "scripted-message-" + n;
    Optional<GenieAnswer> early = Answers.waitOut(sleeper, answer.latency(), question);
    if (early.isPresent()) {
      return early.get().withIds(conversationId, messageId);
    }
    return toAnswer(answer).withIds(conversationId, messageId);
  }

  private ScriptedAnswer choose(GenieQuestion question) {
    Script script = scripts.get(Questions.normalize(question.text()));
    if (script == null) {
      if (otherwise == null) {
        throw new GenieHealException("ScriptedGenie has no script for question '" + question.text()
            + "'; scripted: " + scripts.keySet() + ". Script it with on(...) or set otherwise(...)");
      }
      return otherwise;
    }
    if (!script.conditions.isEmpty()) {
      GenieSpace space = spaces.apply(question.spaceId());
      for (Conditional c : script.conditions) {
        if (c.condition.test(space)) {
          return c.answer;
        }
      }
    }
    if (script.queue.isEmpty()) {
      if (otherwise == null) {
        throw new GenieHealException("no condition holds for question '" + question.text()
            + "' and it has no unconditional answer; add on(...) or otherwise(...)");
      }
      return otherwise;
    }
    return script.next();
  }

  private GenieAnswer toAnswer(ScriptedAnswer a) {
    switch (a.status()) {
      case COMPLETED:
        if (warehouse == null) {
          return GenieAnswer.sql(a.sql(), null, a.latency());
        }
        return Answers.run(warehouse, a.sql(), a.text(), a.latency());
      case NO_SQL:
        return GenieAnswer.noSql(a.text(), a.latency());
      default:
        return new GenieAnswer(AnswerStatus.FAILED, a.sql(), null, a.text(), a.errorType(), a.error(), null, null,
            a.latency());
    }
  }

  /** Every question asked, in order. */
  public synchronized List<GenieQuestion> questions() {
    return List.copyOf(asked);
  }

  /**
   * The oldest question not yet taken.
   *
   * @throws IllegalStateException when every question was taken
   */
  public synchronized GenieQuestion takeQuestion() {
    if (taken >= asked.size()) {
      throw new IllegalStateException("no question left to take: " + asked.size() + " question(s) were asked");
    }
    return asked.get(taken++);
  }

  private static final class Conditional {
    final Predicate<GenieSpace> condition;
    final ScriptedAnswer answer;

    Conditional(Predicate<GenieSpace> condition, ScriptedAnswer answer) {
      this.condition = condition;
      this.answer = answer;
    }
  }

  private static final class Script {
    final String question;
    List<ScriptedAnswer> queue = List.of();
    final List<Conditional> conditions = new ArrayList<>();
    private int next;

    Script(String question) {
      this.question = question;
    }

    Script copy() {
      Script s = new Script(question);
      s.queue = queue;
      s.conditions.addAll(conditions);
      return s;
    }

    synchronized ScriptedAnswer next() {
      ScriptedAnswer a = queue.get(Math.min(next, queue.size() - 1));
      next++;
      return a;
    }
  }

  /**
   * Builds a {@link ScriptedGenie}. Defaults: no scripts, no {@code otherwise} answer (unscripted questions throw),
   * no spaces, no warehouse, {@link Sleeper#system()}. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Script> scripts = new LinkedHashMap<>();
    private ScriptedAnswer otherwise;
    private Function<String, GenieSpace> spaces;
    private SqlExecutor warehouse;
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      scripts.forEach((k, v) -> b.scripts.put(k, v.copy()));
      b.otherwise = otherwise;
      b.spaces = spaces;
      b.warehouse = warehouse;
      b.sleeper = sleeper;
      return b;
    }

    /**
     * Scripts the answers to a question: the first ask gets {@code first}, later asks the next ones in order, and
     * the last one repeats. Scripting the same question again with the same answers is allowed.
     *
     * @throws IllegalArgumentException when the question is blank, or when it was already scripted with other
     *     answers
     */
    public Builder on(String question, ScriptedAnswer first, ScriptedAnswer... then) {
      Script s = script(question);
      List<ScriptedAnswer> answers = new ArrayList<>();
      answers.add(Objects.requireNonNull(first, "first"));
      for (ScriptedAnswer a : then) {
        answers.add(Objects.requireNonNull(a, "then"));
      }
      if (!s.queue.isEmpty() && !s.queue.equals(answers)) {
        throw new IllegalArgumentException("question '" + question + "' is already scripted with other answers ("
            + s.queue + "); script it once, listing every answer in order");
      }
      s.queue = List.copyOf(answers);
      return this;
    }

    /**
     * Answers {@code answer} whenever {@code condition} holds for the space as it is when the question is asked,
     * e.g. "answers correctly once column amount has synonym revenue". Conditions are tried in the order added and
     * take precedence over {@link #on}. Needs {@link #spaces}.
     */
    public Builder when(String question, Predicate<GenieSpace> condition, ScriptedAnswer answer) {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(answer, "answer");
      script(question).conditions.add(new Conditional(condition, answer));
      return this;
    }

    /** The answer to questions that are not scripted; by default they throw. */
    public Builder otherwise(ScriptedAnswer answer) {
      this.otherwise = Objects.requireNonNull(answer, "answer");
      return this;
    }

    /** Where conditional answers read the current space: {@code store.load(spaceId).space()} per question. */
    public Builder spaces(SpaceStore store) {
      Objects.requireNonNull(store, "store");
      this.spaces = id -> store.load(id).space();
      return this;
    }

    /** Where conditional answers read the current space, by space id. */
    public Builder spaces(Function<String, GenieSpace> spaces) {
      this.spaces = Objects.requireNonNull(spaces, "spaces");
      return this;
    }

    /** Runs SQL answers on this executor and attaches the result. */
    public Builder warehouse(SqlExecutor warehouse) {
      this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
      return this;
    }

    /** Waits out latencies; use {@link FakeSleeper} in tests. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the double.
     *
     * @throws IllegalStateException when conditional answers are scripted without {@link #spaces}
     */
    public ScriptedGenie build() {
      if (spaces == null) {
        for (Script s : scripts.values()) {
          if (!s.conditions.isEmpty()) {
            throw new IllegalStateException("question '" + s.question + "' has a conditional answer, which reads"
                + " the space: set spaces(store) or spaces(function)");
          }
        }
      }
      return new ScriptedGenie(this);
    }

    private Script script(String question) {
      Checks.notBlank(question, "question");
      return scripts.computeIfAbsent(Questions.normalize(question), k -> new Script(question));
    }
  }
}
