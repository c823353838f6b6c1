package dev.genieheal.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatedSpace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Round trips per second through the emulator on loopback: one round trip = start-conversation, GET message until
 * COMPLETED (the default progression: 4 polls), then query-result — 6 HTTP requests. Rate limit disabled, Genie a
 * constant lambda with a 20-row result, so this measures the emulator and the JDK HTTP stack, not an engine.
 *
 * <p>A plain harness, not JMH and not a surefire test. Run:
 * {@code java -cp <test-classpath> dev.genieheal.testkit.bench.EmulatorRoundTripBenchmark [seconds] [threads]}.
 */
public final class EmulatorRoundTripBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SPACE_ID = "01ef0000aaaabbbbccccddddeeeeffff";

  private EmulatorRoundTripBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(List.of("region-" + i, (long) i * 100));
    }
    ResultTable table = ResultTable.of(List.of(new ResultTable.Column("region", "VARCHAR"),
        new ResultTable.Column("rev", "BIGINT")), rows);
    try (DatabricksEmulator emulator = DatabricksEmulator.builder()
        .noQuestionLimit()
        .requestLogCapacity(1_000)
        .space(EmulatedSpace.of(SPACE_ID, "bench", "wh", "{\"version\":2}"))
        .genie(q -> GenieAnswer.sql("SELECT region, rev FROM t", table, Duration.ZERO))
        .start()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      run(emulator, client, 1, 2, false);
      for (int threads = 1; threads <= maxThreads; threads *= 2) {
        run(emulator, client, threads, seconds, true);
      }
    }
  }

  private static void run(DatabricksEmulator emulator, HttpClient client, int threads, int seconds, boolean report)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        long trips = 0;
        long requests = 0;
        while (!stop.get()) {
          requests += roundTrip(emulator, client);
          trips++;
        }
        return new long[] {trips, requests};
      }));
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long trips = 0;
    long requests = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      trips += r[0];
      requests += r[1];
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    if (report) {
      System.out.printf("threads=%d  round trips/s=%.1f  HTTP requests/s=%.1f  (%d round trips in %.1f s)%n",
          threads, trips / elapsed, requests / elapsed, trips, elapsed);
    }
  }

  /** One question cycle; returns the number of HTTP requests it took. */
  private static int roundTrip(DatabricksEmulator emulator, HttpClient client) throws IOException,
      InterruptedException {
    String space = "/api/2.0/genie/spaces/" + SPACE_ID;
    JsonNode started = send(emulator, client, "POST", space + "/start-conversation", "{\"content\":\"revenue\"}");
    String message = space + "/conversations/" + started.get("conversation_id").asText() + "/messages/"
        + started.get("message_id").asText();
    int requests = 1;
    JsonNode m;
    do {
      m = send(emulator, client, "GET", message, null);
      requests++;
    } while (!m.get("status").asText().equals("COMPLETED"));
    String attachment = m.at("/attachments/0/attachment_id").asText();
    JsonNode result = send(emulator, client, "GET", message + "/attachments/" + attachment + "/query-result", null);
    if (result.at("/statement_response/result/row_count").asInt() != 20) {
      throw new IllegalStateException("unexpected result: " + result);
    }
    return requests + 1;
  }

  private static JsonNode send(DatabricksEmulator emulator, HttpClient client, String method, String path,
      String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
        .header("Authorization", "Bearer " + emulator.token());
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return MAPPER.readTree(r.body());
  }
}
