package dev.genieheal.bench;

import dev.genieheal.LoopResult;
import dev.genieheal.ProgressSink;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.Analysis;
import dev.genieheal.doubles.ExactSqlJudge;
import dev.genieheal.doubles.ShopWorld;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.score.Scorer;
import dev.genieheal.score.ScorerOptions;
import dev.genieheal.score.ScoringRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The loop's own overhead: scoring 1,000 questions against an instant in-memory Genie with an exact-match judge
 * and no rate limit, (a) through the default scorer alone and (b) as a whole loop run (baseline only, events to a
 * no-op sink, categorisation of the failures). Prints the median ms per 1,000 questions.
 *
 * <p>Run: {@code mvn -q -o -pl genie-heal-core -am test-compile} then
 * {@code java -cp genie-heal-core/target/test-classes:genie-heal-core/target/classes:<deps> dev.genieheal.bench.LoopOverheadBenchmark}
 * (or from an IDE). Not a surefire test.
 */
public final class LoopOverheadBenchmark {
  private static final int QUESTIONS = 1_000;

  private LoopOverheadBenchmark() {}

  public static void main(String[] args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<Benchmark> benchmarks = IntStream.range(0, QUESTIONS)
        .mapToObj(i -> new Benchmark("q" + i, "question " + i, "SELECT " + (i % 10 == 9 ? -i : i))).toList();
    Map<String, String> answers = benchmarks.stream()
        .collect(Collectors.toMap(Benchmark::question, b -> "SELECT " + Math.abs(Integer.parseInt(
            b.expectedSql().substring("SELECT ".length())))));
    // Instant Genie: 90% right (every tenth expected SQL is negated), no latency.
    GenieClient genie = q -> GenieAnswer.sql(answers.get(q.text()), null, Duration.ZERO);

    for (int concurrency : new int[] {1, 4}) {
      Scorer scorer = Scorer.genie(genie, new ExactSqlJudge(),
          ScorerOptions.builder().questionsPerMinute(0).concurrency(concurrency).build());
      report("scorer only, concurrency " + concurrency, warmups, runs, i -> {
        double score = scorer.score(new ScoringRequest("space", benchmarks, "run-" + i, null)).score();
        if (score != 0.9) {
          throw new IllegalStateException("unexpected score " + score);
        }
        return score;
      });
    }

    SelfHealingLoop loop = SelfHealingLoop.builder().spaceId(ShopWorld.SPACE_ID).spaceStore(ShopWorld.store())
        .genie(genie).judge(new ExactSqlJudge()).analyzer(c -> Analysis.empty())
        .benchmarks(BenchmarkSource.of(benchmarks)).questionsPerMinute(0).concurrency(4)
        .stopPolicy(StopPolicy.maxIterations(0)).sink(e -> { }).sink(ProgressSink.logging()).build();
    report("whole loop run (baseline), concurrency 4", warmups, runs, i -> {
      LoopResult result = loop.run();
      return result.finalScore();
    });
  }

  private static void report(String what, int warmups, int runs, Function<Integer, Double> body) {
    for (int i = 0; i < warmups; i++) {
      body.apply(i);
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      body.apply(i);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf("%-45s median %7.2f ms per %,d questions (min %.2f, max %.2f, %d runs)%n", what,
        millis[runs / 2], QUESTIONS, millis[0], millis[runs - 1], runs);
  }
}
