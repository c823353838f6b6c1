package dev.genieheal.score;

import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.Redactor;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.judge.JudgeContext;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default scorer: asks Genie each question (k times) on a bounded pool under a rate limiter and judges the
 * answers. Stateless between calls: each {@link #score} uses its own threads and shuts them down before returning.
 */
final class GenieScorer implements Scorer {
  private static final Logger LOG = LoggerFactory.getLogger(GenieScorer.class);
  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private final GenieClient genie;
  private final AnswerJudge judge;
  private final ScorerOptions options;

  GenieScorer(GenieClient genie, AnswerJudge judge, ScorerOptions options) {
    this.genie = Objects.requireNonNull(genie, "genie");
    this.judge = Objects.requireNonNull(judge, "judge");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public ScoreCard score(ScoringRequest request) {
    List<Benchmark> benchmarks = request.benchmarks();
    if (benchmarks.isEmpty()) {
      return new ScoreCard(List.of());
    }
    int poolId = POOL_IDS.incrementAndGet();
    ExecutorService workers = Executors.newFixedThreadPool(
        Math.min(options.concurrency(), benchmarks.size()), daemonThreads("genie-heal-scorer-" + poolId + "-"));
    // Asking runs on its own threads so a client that ignores its timeout cannot hold a worker past it.
    ExecutorService askers = Executors.newCachedThreadPool(daemonThreads("genie-heal-ask-" + poolId + "-"));
    AtomicReferenceArray<QuestionResult> results = new AtomicReferenceArray<>(benchmarks.size());
    try {
      List<Future<?>> futures = new ArrayList<>(benchmarks.size());
      for (int i = 0; i < benchmarks.size(); i++) {
        int index = i;
        futures.add(workers.submit(() -> {
          QuestionResult result = scoreOne(benchmarks.get(index), request, askers);
          if (result != null) {
            report(results, index, result, request);
          }
          return null;
        }));
      }
      awaitAll(futures, request);
    } finally {
      workers.shutdownNow();
      askers.shutdownNow();
    }
    // Whatever did not finish in time is a timed-out question, reported like the others.
    List<QuestionResult> ordered = new ArrayList<>(benchmarks.size());
    for (int i = 0; i < benchmarks.size(); i++) {
      if (results.get(i) == null) {
        report(results, i, failed(benchmarks.get(i), GenieAnswer.timedOut(options.iterationTimeout()),
          ReasonCode.TIMED_OUT, "not answered within the iteration timeout of " + options.iterationTimeout()),
          request);
      }
      ordered.add(results.get(i));
    }
    return new ScoreCard(ordered);
  }

  private void awaitAll(List<Future<?>> futures, ScoringRequest request) {
    long deadline = System.nanoTime() + options.iterationTimeout().toNanos();
    for (Future<?> future : futures) {
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        LOG.warn("scoring space {} hit the iteration timeout of {}; open questions count as timed out",
            request.spaceId(), options.iterationTimeout());
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GenieHealException("scoring space " + request.spaceId() + " was interrupted", e);
      } catch (CancellationException e) {
        // cannot happen before shutdown; the question is filled in as timed out below
      } catch (ExecutionException e) {
        if (e.getCause() instanceof AuthenticationException || e.getCause() instanceof NotFoundException) {
          throw (GenieHealException) e.getCause();
        }
        // Any other escape is a bug in scoreOne; the question is filled in below rather than lost.
        LOG.error("scoring a question failed unexpectedly", e.getCause());
      }
    }
  }

  /** Records the first result for a question and tells the listener; later results for it are ignored. */
  private static void report(
      AtomicReferenceArray<QuestionResult> results, int index, QuestionResult result, ScoringRequest request) {
    if (results.compareAndSet(index, null, result)) {
      try {
        request.onQuestion().accept(result);
      } catch (RuntimeException e) {
        LOG.warn("onQuestion listener failed for benchmark {}; ignored", result.benchmark().id(), e);
      }
    }
  }

  /** Asks and judges one question k times; null when interrupted (the caller fills in a timeout). */
  private QuestionResult scoreOne(Benchmark benchmark, ScoringRequest request, ExecutorService askers) {
    List<Attempt> attempts = new ArrayList<>(options.attempts());
    for (int k = 0; k < options.attempts(); k++) {
      try {
        options.rateLimiter().acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      GenieAnswer answer = ask(benchmark, request.spaceId(), askers);
      if (answer == null) {
        return null;
      }
      attempts.add(new Attempt(answer, judge(benchmark, answer, request.runId())));
    }
    return new QuestionResult(benchmark, attempts);
  }

  private GenieAnswer ask(Benchmark benchmark, String spaceId, ExecutorService askers) {
    Duration timeout = options.questionTimeout();
    GenieQuestion question = new GenieQuestion(spaceId, benchmark.question(), timeout);
    Future<GenieAnswer> future = askers.submit(() -> genie.ask(question));
    try {
      GenieAnswer answer = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return answer != null ? answer
          : GenieAnswer.failed("CLIENT_ERROR", "the Genie client returned no answer", Duration.ZERO);
    } catch (TimeoutException e) {
      future.cancel(true);
      return GenieAnswer.timedOut(timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AuthenticationException || cause instanceof NotFoundException) {
        throw (GenieHealException) cause;
      }
      return GenieAnswer.failed("CLIENT_ERROR",
          "the Genie client threw " + cause.getClass().getSimpleName() + ": " + Redactor.redact(cause.getMessage()),
          Duration.ZERO);
    }
  }

  private Verdict judge(Benchmark benchmark, GenieAnswer answer, String runId) {
    // Answers without SQL are failures whatever the judge: the scorer explains them itself.
    if (answer.status() != AnswerStatus.COMPLETED) {
      return notComparable(answer);
    }
    try {
      Verdict verdict = judge.judge(new JudgeContext(benchmark, answer, runId));
      return verdict != null ? verdict
          : Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.OTHER), "the judge returned no verdict");
    } catch (RuntimeException e) {
      LOG.warn("judge failed on benchmark {}; scored as failed", benchmark.id(), e);
      return Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.OTHER),
          "the judge threw " + e.getClass().getSimpleName() + ": " + Redactor.redact(e.getMessage()));
    }
  }

  private static Verdict notComparable(GenieAnswer answer) {
    return switch (answer.status()) {
      case NO_SQL -> Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.NO_SQL),
          "Genie answered without SQL" + (answer.text() == null ? "" : ": " + abbreviate(answer.text())));
      case TIMED_OUT -> Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.TIMED_OUT),
          answer.error() == null ? "Genie did not answer in time" : answer.error());
      case CANCELLED -> Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.GENIE_FAILED),
          "the question was cancelled" + (answer.error() == null ? "" : ": " + answer.error()));
      default -> Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(ReasonCode.GENIE_FAILED),
          "Genie failed" + (answer.errorType() == null ? "" : " (" + answer.errorType() + ")")
              + (answer.error() == null ? "" : ": " + answer.error()));
    };
  }

  private static QuestionResult failed(Benchmark benchmark, GenieAnswer answer, ReasonCode code, String why) {
    return QuestionResult.of(benchmark,
        new Attempt(answer, Verdict.fail(JudgeMethod.NOT_COMPARABLE, List.of(code), why)));
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "GenieScorer[" + options + "]";
  }
}
