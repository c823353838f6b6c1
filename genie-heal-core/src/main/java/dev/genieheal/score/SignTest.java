package dev.genieheal.score;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A paired, one-sided exact sign test: does a new score card beat an old one beyond noise?
 *
 * <p>Questions are paired by benchmark id (questions present in only one card are ignored). A question improved
 * when its pass rate rose, worsened when it fell, and is a tie otherwise. Under the null hypothesis (the change did
 * nothing; Genie's answers only vary by chance) an improvement and a worsening are equally likely, so the number of
 * improvements among the untied pairs is Binomial(n, 1/2). The p-value is the exact upper tail
 * {@code P(X >= improved)}. Stateless and thread-safe.
 */
public final class SignTest {
  /** The usual significance level. */
  public static final double DEFAULT_ALPHA = 0.05;

  private SignTest() {}

  /**
   * Compares {@code candidate} against {@code baseline}.
   *
   * @throws NullPointerException when a card is null
   */
  public static Result compare(ScoreCard baseline, ScoreCard candidate) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(candidate, "candidate");
    Map<String, Double> before = new HashMap<>();
    for (QuestionResult r : baseline.results()) {
      before.put(r.benchmark().id(), r.passRate());
    }
    int improved = 0;
    int worsened = 0;
    int ties = 0;
    for (QuestionResult r : candidate.results()) {
      Double old = before.get(r.benchmark().id());
      if (old == null) {
        continue;
      }
      int cmp = Double.compare(r.passRate(), old);
      if (cmp > 0) {
        improved++;
      } else if (cmp < 0) {
        worsened++;
      } else {
        ties++;
      }
    }
    return new Result(improved, worsened, ties, upperTail(improved + worsened, improved));
  }

  /**
   * {@code P(X >= k)} for {@code X ~ Binomial(n, 1/2)}, exact (summed in log space, so large {@code n} does not
   * underflow); 1 when {@code k <= 0}, 0 when {@code k > n}.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public static double upperTail(int n, int k) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    if (k <= 0) {
      return 1.0;
    }
    if (k > n) {
      return 0.0;
    }
    double[] logFactorial = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      logFactorial[i] = logFactorial[i - 1] + Math.log(i);
    }
    double logHalfPowN = -n * Math.log(2);
    double sum = 0;
    for (int i = k; i <= n; i++) {
      sum += Math.exp(logFactorial[n] - logFactorial[i] - logFactorial[n - i] + logHalfPowN);
    }
    return Math.min(1.0, sum);
  }

  /**
   * The outcome of a sign test.
   *
   * @param improved questions whose pass rate rose
   * @param worsened questions whose pass rate fell
   * @param ties questions whose pass rate did not change
   * @param pValue the one-sided p-value that the candidate is better
   */
  public record Result(int improved, int worsened, int ties, double pValue) {
    /** Validates. */
    public Result {
      if (improved < 0 || worsened < 0 || ties < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      if (!(pValue >= 0 && pValue <= 1)) {
        throw new IllegalArgumentException("pValue must be within [0, 1]: " + pValue);
      }
    }

    /** Whether the candidate is better at significance level {@code alpha} ({@code pValue <= alpha}). */
    public boolean better(double alpha) {
      return pValue <= alpha;
    }
  }
}
