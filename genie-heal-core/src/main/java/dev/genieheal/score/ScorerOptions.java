package dev.genieheal.score;

import dev.genieheal.internal.Checks;
import dev.genieheal.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the default scorer ({@link Scorer#genie}).
 *
 * <p>Defaults: concurrency 4, rate limit 5 new questions per minute (Genie's workspace limit), question timeout
 * 120 s, iteration timeout 1 h, 1 attempt per question, the system UTC clock and {@link Sleeper#system()}.
 *
 * @param concurrency questions in flight at once, at least 1
 * @param rateLimiter paces new questions (shared by every attempt); {@link RateLimiter#unlimited()} for none
 * @param questionTimeout how long one question may take before it is scored as {@code TIMED_OUT}
 * @param iterationTimeout how long scoring a whole set may take; questions still open then are scored as timed out
 * @param attempts how many times each question is asked (k; the pass rate is over the attempts), at least 1
 */
public record ScorerOptions(
    int concurrency, RateLimiter rateLimiter, Duration questionTimeout, Duration iterationTimeout, int attempts) {

  /** Default number of questions in flight. */
  public static final int DEFAULT_CONCURRENCY = 4;
  /** Genie's limit of new questions per minute per workspace. */
  public static final int DEFAULT_QUESTIONS_PER_MINUTE = 5;
  /** Default time one question may take. */
  public static final Duration DEFAULT_QUESTION_TIMEOUT = Duration.ofSeconds(120);
  /** Default time scoring one set may take. */
  public static final Duration DEFAULT_ITERATION_TIMEOUT = Duration.ofHours(1);

  /** Validates. */
  public ScorerOptions {
    Checks.atLeast(concurrency, 1, "concurrency");
    Objects.requireNonNull(rateLimiter, "rateLimiter");
    Checks.positive(questionTimeout, "questionTimeout");
    Checks.positive(iterationTimeout, "iterationTimeout");
    Checks.atLeast(attempts, 1, "attempts");
  }

  /** The defaults, with a real-time rate limiter. */
  public static ScorerOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.concurrency = concurrency;
    b.rateLimiter = rateLimiter;
    b.questionTimeout = questionTimeout;
    b.iterationTimeout = iterationTimeout;
    b.attempts = attempts;
    return b;
  }

  /** Builds {@link ScorerOptions}. Not thread-safe. */
  public static final class Builder {
    private int concurrency = DEFAULT_CONCURRENCY;
    private RateLimiter rateLimiter;
    private int questionsPerMinute = DEFAULT_QUESTIONS_PER_MINUTE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration questionTimeout = DEFAULT_QUESTION_TIMEOUT;
    private Duration iterationTimeout = DEFAULT_ITERATION_TIMEOUT;
    private int attempts = 1;

    private Builder() {}

    /** Questions in flight at once (default 4). */
    public Builder concurrency(int concurrency) {
      this.concurrency = Checks.atLeast(concurrency, 1, "concurrency");
      return this;
    }

    /**
     * New questions per minute (default 5); 0 disables rate limiting. Ignored when {@link #rateLimiter} is set.
     */
    public Builder questionsPerMinute(int questionsPerMinute) {
      this.questionsPerMinute = Checks.atLeast(questionsPerMinute, 0, "questionsPerMinute");
      return this;
    }

    /** A limiter to share (e.g. with other scorers in the same workspace); overrides questionsPerMinute. */
    public Builder rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** The clock the rate limiter reads (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the rate limiter waits (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** How long one question may take (default 120 s). */
    public Builder questionTimeout(Duration questionTimeout) {
      this.questionTimeout = Checks.positive(questionTimeout, "questionTimeout");
      return this;
    }

    /** How long scoring one set may take (default 1 h). */
    public Builder iterationTimeout(Duration iterationTimeout) {
      this.iterationTimeout = Checks.positive(iterationTimeout, "iterationTimeout");
      return this;
    }

    /** How many times each question is asked (default 1). */
    public Builder attempts(int attempts) {
      this.attempts = Checks.atLeast(attempts, 1, "attempts");
      return this;
    }

    /** The options. */
    public ScorerOptions build() {
      RateLimiter limiter = rateLimiter != null ? rateLimiter
          : questionsPerMinute == 0 ? RateLimiter.unlimited()
          : RateLimiter.perMinute(questionsPerMinute, clock, sleeper);
      return new ScorerOptions(concurrency, limiter, questionTimeout, iterationTimeout, attempts);
    }
  }
}
