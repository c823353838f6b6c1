package dev.genieheal.judge;

/**
 * How {@link ResultComparator} decides that two results are the same answer.
 *
 * <p>Two numbers are equal when both are exact integers ({@code Long}, or an integral {@code BigDecimal}) of the
 * same value, or otherwise when {@code |a - b| <= max(absoluteTolerance, relativeTolerance * max(|a|, |b|))}
 * computed in double precision. NaN equals NaN, an infinity equals only the same infinity. Integers never get a
 * tolerance because they are ids and counts, where 1,000,000 and 1,000,001 are different answers.
 *
 * @param relativeTolerance relative tolerance for non-integer numbers; default {@value Builder#DEFAULT_RELATIVE}
 * @param absoluteTolerance absolute tolerance for non-integer numbers (guards values near zero); default
 *     {@value Builder#DEFAULT_ABSOLUTE}
 * @param allowExtraColumns whether Genie may return columns the expected result lacks (reported as the
 *     informational {@link ReasonCode#RESULT_EXTRA_COLUMNS}); default true
 * @param coerceStrings whether a string column may match a numeric, date/time or boolean column when all its
 *     values parse as such (e.g. {@code "12.50"} equals {@code 12.5}); default true
 * @param dateEqualsMidnight whether a date equals a timestamp at midnight of that day; default true
 * @param nearMissTolerance a looser relative tolerance used only to label a failure as "may be acceptable"
 *     (numeric differences that look like rounding); default {@value Builder#DEFAULT_NEAR_MISS}
 * @param maxExplainedChars the longest cell text shown in an explanation before it is cut; default
 *     {@value Builder#DEFAULT_MAX_EXPLAINED_CHARS}
 * @param maxPairwiseChecks the most row-pair comparisons spent on rows that neither exact hashing nor the sorted
 *     merge could pair up (guards the quadratic fallback); default {@value Builder#DEFAULT_MAX_PAIRWISE}
 */
public record ComparisonOptions(
    double relativeTolerance,
    double absoluteTolerance,
    boolean allowExtraColumns,
    boolean coerceStrings,
    boolean dateEqualsMidnight,
    double nearMissTolerance,
    int maxExplainedChars,
    long maxPairwiseChecks) {

  /** Validates. */
  public ComparisonOptions {
    requireTolerance(relativeTolerance, "relativeTolerance");
    requireTolerance(absoluteTolerance, "absoluteTolerance");
    requireTolerance(nearMissTolerance, "nearMissTolerance");
    if (maxExplainedChars < 8) {
      throw new IllegalArgumentException("maxExplainedChars must be >= 8 but was " + maxExplainedChars);
    }
    if (maxPairwiseChecks < 0) {
      throw new IllegalArgumentException("maxPairwiseChecks must be >= 0 but was " + maxPairwiseChecks);
    }
  }

  /** The defaults listed on {@link Builder}. */
  public static ComparisonOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder()
        .relativeTolerance(relativeTolerance)
        .absoluteTolerance(absoluteTolerance)
        .allowExtraColumns(allowExtraColumns)
        .coerceStrings(coerceStrings)
        .dateEqualsMidnight(dateEqualsMidnight)
        .nearMissTolerance(nearMissTolerance)
        .maxExplainedChars(maxExplainedChars)
        .maxPairwiseChecks(maxPairwiseChecks);
  }

  private static void requireTolerance(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0 but was " + value);
    }
  }

  /**
   * Builds {@link ComparisonOptions}. Defaults: relative tolerance 1e-6, absolute tolerance 1e-9, extra columns
   * allowed, strings coerced, dates equal midnight timestamps, near-miss tolerance 1e-2, 80 characters per cell
   * in explanations, 4,000,000 pairwise checks. Not thread-safe; the built options are immutable.
   */
  public static final class Builder {
    /** Default relative tolerance. */
    public static final double DEFAULT_RELATIVE = 1e-6;
    /** Default absolute tolerance. */
    public static final double DEFAULT_ABSOLUTE = 1e-9;
    /** Default near-miss relative tolerance. */
    public static final double DEFAULT_NEAR_MISS = 1e-2;
    /** Default cell length in explanations. */
    public static final int DEFAULT_MAX_EXPLAINED_CHARS = 80;
    /** Default bound on pairwise row checks. */
    public static final long DEFAULT_MAX_PAIRWISE = 4_000_000L;

    private double relativeTolerance = DEFAULT_RELATIVE;
    private double absoluteTolerance = DEFAULT_ABSOLUTE;
    private boolean allowExtraColumns = true;
    private boolean coerceStrings = true;
    private boolean dateEqualsMidnight = true;
    private double nearMissTolerance = DEFAULT_NEAR_MISS;
    private int maxExplainedChars = DEFAULT_MAX_EXPLAINED_CHARS;
    private long maxPairwiseChecks = DEFAULT_MAX_PAIRWISE;

    private Builder() {}

    /**
     * Relative tolerance for non-integer numbers.
     *
     * @throws IllegalArgumentException when negative, NaN or infinite
     */
    public Builder relativeTolerance(double value) {
      requireTolerance(value, "relativeTolerance");
      this.relativeTolerance = value;
      return this;
    }

    /**
     * Absolute tolerance for non-integer numbers.
     *
     * @throws IllegalArgumentException when negative, NaN or infinite
     */
    public Builder absoluteTolerance(double value) {
      requireTolerance(value, "absoluteTolerance");
      this.absoluteTolerance = value;
      return this;
    }

    /** Whether extra columns in Genie's result are allowed. */
    public Builder allowExtraColumns(boolean value) {
      this.allowExtraColumns = value;
      return this;
    }

    /** Whether string columns may match typed columns when their values parse. */
    public Builder coerceStrings(boolean value) {
      this.coerceStrings = value;
      return this;
    }

    /** Whether a date equals a timestamp at midnight. */
    public Builder dateEqualsMidnight(boolean value) {
      this.dateEqualsMidnight = value;
      return this;
    }

    /**
     * Relative tolerance under which a numeric difference is labelled "may be acceptable".
     *
     * @throws IllegalArgumentException when negative, NaN or infinite
     */
    public Builder nearMissTolerance(double value) {
      requireTolerance(value, "nearMissTolerance");
      this.nearMissTolerance = value;
      return this;
    }

    /**
     * The longest cell text in an explanation.
     *
     * @throws IllegalArgumentException when below 8
     */
    public Builder maxExplainedChars(int value) {
      if (value < 8) {
        throw new IllegalArgumentException("maxExplainedChars must be >= 8 but was " + value);
      }
      this.maxExplainedChars = value;
      return this;
    }

    /**
     * The most pairwise row checks for rows left over after hashing and the sorted merge.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder maxPairwiseChecks(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxPairwiseChecks must be >= 0 but was " + value);
      }
      this.maxPairwiseChecks = value;
      return this;
    }

    /** The options. */
    public ComparisonOptions build() {
      return new ComparisonOptions(relativeTolerance, absoluteTolerance, allowExtraColumns, coerceStrings,
          dateEqualsMidnight, nearMissTolerance, maxExplainedChars, maxPairwiseChecks);
    }
  }
}
