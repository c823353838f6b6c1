package dev.genieheal.testkit.emulator;

import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import java.time.Duration;
import java.util.Locale;

/**
 * The emulator's default Genie when none is configured: a question that equals one of the space's example
 * question SQLs (ignoring case and surrounding blanks) is answered with that SQL; every other question FAILS with a
 * message saying no Genie engine is configured. Never looks at benchmarks.
 */
final class ExampleSqlGenie implements GenieClient {
  static final String ERROR_TYPE = "GENERIC_CHAT_COMPLETION_SERVICE_EXCEPTION";
  private final SpaceRegistry spaces;

  ExampleSqlGenie(SpaceRegistry spaces) {
    this.spaces = spaces;
  }

  @Override
  public GenieAnswer ask(GenieQuestion question) {
    String wanted = normalize(question.text());
    for (String[] example : spaces.exampleSqls(question.spaceId())) {
      if (normalize(example[0]).equals(wanted)) {
        return GenieAnswer.sql(example[1], null, Duration.ZERO);
      }
    }
    return GenieAnswer.failed(ERROR_TYPE, "No Genie engine is configured in the Databricks emulator and the "
        + "question matches no example question SQL of space " + question.spaceId()
        + "; configure one with DatabricksEmulator.builder().genie(...)", Duration.ZERO);
  }

  private static String normalize(String text) {
    return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
