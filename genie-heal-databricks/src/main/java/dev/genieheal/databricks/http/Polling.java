package dev.genieheal.databricks.http;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.port.Sleeper;
import java.time.Duration;

/** Waiting between polls and retries, shared by the clients and the transport. Internal. */
public final class Polling {
  private Polling() {}

  /**
   * Sleeps for {@code duration}.
   *
   * @param waitingFor what is awaited, completing "interrupted while waiting ..." (e.g. "for a statement on
   *     warehouse X")
   * @throws GenieHealException when interrupted, with the thread's interrupt flag set again
   */
  public static void sleep(Sleeper sleeper, Duration duration, String waitingFor) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenieHealException("interrupted while waiting " + waitingFor);
    }
  }

  /** The next wait of a doubling back-off: twice {@code wait}, at most {@code max}. */
  public static Duration doubled(Duration wait, Duration max) {
    Duration twice = wait.multipliedBy(2);
    return twice.compareTo(max) > 0 ? max : twice;
  }
}
