package dev.genieheal.databricks.bench;

import dev.genieheal.databricks.AskTimings;
import dev.genieheal.databricks.DatabricksConfig;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.Emulated;
import dev.genieheal.databricks.GenieConversationClient;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.Sleeper;
import dev.genieheal.score.RateLimiter;
import dev.genieheal.score.ScoreCard;
import dev.genieheal.score.Scorer;
import dev.genieheal.score.ScorerOptions;
import dev.genieheal.score.ScoringRequest;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.FaultRule;
import dev.genieheal.testkit.emulator.RequestMatcher;
import dev.genieheal.testkit.emulator.StatusProgression;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scores N questions through {@link GenieConversationClient} and core's default scorer against the emulator at
 * 300 questions/min with 200 ms ± 50 ms answer latency (150 ms in ASKING_AI plus 0, 50 or 100 ms on the
 * start-conversation POST, p = 1/4, 1/2, 1/4), and prints wall time over the lower bound
 * max(N / rate, N × latency / concurrency), polls per question, detection lag (server's last update to the poll
 * that saw it) and the number of 429s. A plain harness, not a test: {@code java ... GenieScoringBench [N] [c]}.
 */
public final class GenieScoringBench {
  private GenieScoringBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rate = 300;
    double latencyS = 0.2;
    try (DatabricksEmulator db = DatabricksEmulator.builder().space(Emulated.space())
        .genie(q -> GenieAnswer.sql(Emulated.COUNT_SQL, null, Duration.ZERO)).sqlExecutor(Emulated.warehouse())
        .questionsPerMinute(rate)
        .messageProgression(StatusProgression.timed(List.of("ASKING_AI"), Duration.ofMillis(150)))
        .fault(FaultRule.sometimes(RequestMatcher.route(EmulatorRoute.START_CONVERSATION), 0.5,
            Fault.latency(Duration.ofMillis(50))))
        .fault(FaultRule.sometimes(RequestMatcher.route(EmulatorRoute.START_CONVERSATION), 0.5,
            Fault.latency(Duration.ofMillis(50))))
        .start()) {
      for (String profile : List.of("default", "tuned")) {
        run(db, profile, 10, concurrency, rate, latencyS, false);
        run(db, profile, n, concurrency, rate, latencyS, true);
      }
    }
  }

  private static void run(DatabricksEmulator db, String profile, int n, int concurrency, int rate, double latencyS,
      boolean print) {
    DatabricksWorkspace ws = DatabricksWorkspace.builder(DatabricksConfig.builder().host(db.baseUrl())
        .token(db.token()).questionsPerMinute(rate).build())
        .questionRateLimiter(RateLimiter.perMinute(rate, Clock.systemUTC(), Sleeper.system())).build();
    List<AskTimings> timings = new CopyOnWriteArrayList<>();
    GenieConversationClient.Builder genie = GenieConversationClient.builder(ws).onTimings(timings::add);
    if (profile.equals("tuned")) {
      genie.firstPoll(Duration.ofMillis(50)).pollMultiplier(1.25);
    }
    AnswerJudge judge = ctx -> Verdict.pass(JudgeMethod.SQL_MATCH, "bench");
    Scorer scorer = Scorer.genie(genie.build(), judge, ScorerOptions.builder().concurrency(concurrency)
        .questionsPerMinute(rate).questionTimeout(Duration.ofSeconds(30)).build());
    List<Benchmark> benchmarks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      benchmarks.add(new Benchmark("q" + i, "question " + i, Emulated.COUNT_SQL));
    }
    long start = System.nanoTime();
    ScoreCard card = scorer.score(new ScoringRequest(Emulated.SPACE_ID, benchmarks, "bench", null));
    double wall = (System.nanoTime() - start) / 1e9;
    if (!print) {
      return;
    }
    double rateBound = n / (rate / 60.0);
    double latencyBound = n * latencyS / concurrency;
    double lower = Math.max(rateBound, latencyBound);
    double polls = timings.stream().mapToInt(AskTimings::polls).average().orElse(0);
    List<Long> lags = timings.stream().filter(t -> t.detectionLag() != null)
        .map(t -> t.detectionLag().toMillis()).sorted().toList();
    double meanLag = lags.stream().mapToLong(Long::longValue).average().orElse(0);
    long p95 = lags.isEmpty() ? 0 : lags.get((int) Math.min(lags.size() - 1, Math.round(lags.size() * 0.95)));
    double meanAnswer = timings.stream().mapToLong(t -> t.answerTime().toMillis()).average().orElse(0);
    System.out.printf(Locale.ROOT, "[%s] N=%d c=%d passed=%d wall=%.2fs lowerBound=max(%.1fs,%.1fs)=%.1fs "
            + "ratio=%.3f wall/latencyBound=%.2f meanAnswer=%.0fms polls/question=%.2f detectionLag mean=%.0fms "
            + "p95=%dms 429s=%d retries=%d%n", profile, n, concurrency, card.passedCount(), wall, rateBound,
        latencyBound, lower, wall / lower, wall / latencyBound, meanAnswer, polls, meanLag, p95,
        ws.transport().responses(429), ws.transport().retries());
  }
}
