package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link DatabricksEmulator} from the command line so any Databricks client can be pointed at it:
 *
 * <pre>
 * java -cp … dev.genieheal.testkit.emulator.DatabricksEmulatorMain --port 8080 --token dapi123 \
 *     --questions-per-minute 5 --space sales.json --space hr.json
 * </pre>
 *
 * <p>Options: {@code --port N} (default 0 = any free port), {@code --token T} (default generated),
 * {@code --questions-per-minute N} (default 5; 0 disables the limit), {@code --seed N}, and {@code --space FILE}
 * (repeatable). A space file is either a space envelope ({@code {"space_id", "title", "warehouse_id",
 * "serialized_space"}}, where {@code serialized_space} may be a string or an object) or a bare export, whose space
 * id is then derived from the file name. It prints the base URL and the token, then serves until killed.
 *
 * <p>No SQL warehouse and no Genie engine are configured from the command line: a question equal to one of the
 * space's example questions is answered with that example's SQL (its query result then FAILS with "No SQL
 * warehouse is configured"); every other question FAILS with "No Genie engine is configured". Embed the emulator
 * in code to plug in {@code SimulatedGenie} and {@code LocalWarehouse}.
 */
public final class DatabricksEmulatorMain {
  private DatabricksEmulatorMain() {}

  /** Entry point; exits with status 2 on bad arguments. */
  public static void main(String[] args) throws InterruptedException {
    DatabricksEmulator emulator;
    try {
      emulator = configure(args).start();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("usage: DatabricksEmulatorMain [--port N] [--token T] [--questions-per-minute N] "
          + "[--seed N] [--space FILE]...");
      System.exit(2);
      return;
    }
    print(emulator, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "databricks-emulator-shutdown"));
    stopped.await();
  }

  static void print(DatabricksEmulator emulator, PrintStream out) {
    out.println("Databricks emulator listening on " + emulator.baseUrl());
    out.println("DATABRICKS_HOST=" + emulator.baseUrl());
    out.println("DATABRICKS_TOKEN=" + emulator.token());
    for (EmulatedSpace s : emulator.spaces()) {
      out.println("space " + s.spaceId() + (s.title() == null ? "" : " (" + s.title() + ")"));
    }
    out.flush();
  }

  /**
   * Parses the command line into a builder.
   *
   * @throws IllegalArgumentException naming the bad option or file
   */
  static DatabricksEmulator.Builder configure(String[] args) {
    DatabricksEmulator.Builder b = DatabricksEmulator.builder();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--port":
          b.port(integer(option, value));
          break;
        case "--token":
          b.token(value);
          break;
        case "--questions-per-minute":
          int qpm = integer(option, value);
          if (qpm == 0) {
            b.noQuestionLimit();
          } else {
            b.questionsPerMinute(qpm);
          }
          break;
        case "--seed":
          b.seed(integer(option, value));
          break;
        case "--space":
          b.space(readSpace(Path.of(value)));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return b;
  }

  static EmulatedSpace readSpace(Path file) {
    String text;
    JsonNode root;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
      root = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read space file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("space file " + file + " must hold a JSON object");
    }
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    JsonNode serialized = root.get("serialized_space");
    if (serialized == null) {
      return EmulatedSpace.of(idFor(name), name, null, text);
    }
    String export = serialized.isTextual() ? serialized.asText() : Json.write(serialized);
    String id = root.hasNonNull("space_id") ? root.get("space_id").asText() : idFor(name);
    String title = root.hasNonNull("title") ? root.get("title").asText() : name;
    String warehouse = root.hasNonNull("warehouse_id") ? root.get("warehouse_id").asText() : null;
    return new EmulatedSpace(id, title, root.hasNonNull("description") ? root.get("description").asText() : null,
        warehouse, null, export, null, null, null);
  }

  private static String idFor(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is always available", e);
    }
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + option + " needs an integer, got '" + value + "'", e);
    }
  }
}
