package dev.genieheal.analyze;

import dev.genieheal.fix.Fix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.port.TokenUsage;
import java.util.List;

/**
 * What an analyzer proposes.
 *
 * @param proposed fixes that passed the analyzer's own checks
 * @param rejected proposals the analyzer refused, each with the reason
 * @param usage tokens spent (zero for rule-based analyzers)
 */
public record Analysis(List<Fix> proposed, List<RejectedFix> rejected, TokenUsage usage) {
  /** Copies. */
  public Analysis {
    proposed = List.copyOf(proposed);
    rejected = List.copyOf(rejected);
    usage = usage == null ? TokenUsage.NONE : usage;
  }

  /** Nothing proposed. */
  public static Analysis empty() {
    return new Analysis(List.of(), List.of(), TokenUsage.NONE);
  }
}
