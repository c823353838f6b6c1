package dev.genieheal.fix;

import java.util.List;

/**
 * Appends a rule to the space's general instructions (creating the block when there is none). A rule already
 * present is not added again.
 *
 * @param rule the rule text, one or more lines
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record TextInstructionFix(String rule, String reason, List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public TextInstructionFix {
    Fixes.requireText(rule, "rule");
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "text_instruction";
  }
}
