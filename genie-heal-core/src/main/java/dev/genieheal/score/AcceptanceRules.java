package dev.genieheal.score;

/** The built-in acceptance rules, as values with equals and toString. */
final class AcceptanceRules {
  private AcceptanceRules() {}

  /** A strictly higher score. */
  record HigherScore() implements AcceptanceRule {
    static final HigherScore INSTANCE = new HigherScore();

    @Override
    public boolean accepts(ScoreCard candidate, ScoreCard best) {
      return candidate.score() > best.score();
    }

    @Override
    public String toString() {
      return "higherScore";
    }
  }

  /** A sign-test improvement at the given level. */
  record SignTestRule(double alpha) implements AcceptanceRule {
    SignTestRule {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
      }
    }

    @Override
    public boolean accepts(ScoreCard candidate, ScoreCard best) {
      return SignTest.compare(best, candidate).better(alpha);
    }

    @Override
    public String toString() {
      return "signTest(" + alpha + ")";
    }
  }
}
