package dev.genieheal.databricks;

import dev.genieheal.testkit.FakeSleeper;
import dev.genieheal.testkit.ManualClock;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import org.junit.jupiter.api.AfterEach;

/** Per test: a manual clock, a sleeper that advances it, and the emulator the test starts, closed afterwards. */
abstract class EmulatorTestSupport {
  final ManualClock clock = ManualClock.create();
  final FakeSleeper sleeper = FakeSleeper.advancing(clock);
  /** The emulator the test started, or null. */
  DatabricksEmulator db;

  @AfterEach
  void stopEmulator() {
    if (db != null) {
      db.close();
    }
  }
}
