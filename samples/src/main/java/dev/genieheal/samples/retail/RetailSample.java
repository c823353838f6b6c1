package dev.genieheal.samples.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genieheal.port.Benchmark;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.testkit.LocalWarehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The retail sample: a deliberately under-specified Genie space over {@link RetailDataset}, as teams really start
 * (terse or missing descriptions, no synonyms, no snippets, one example query, and no join spec between order
 * items and products), plus business questions with expected SQL split into a tuning set and a held-out set.
 *
 * <p>The held-out set asks about the same business in other words and shapes (other years, brands, channels,
 * ranking directions), so it improves only when the fixes learned from the tuning set are general. No benchmark is
 * copied into the space's example. Stateless and thread-safe.
 */
public final class RetailSample {
  /** The space id the demo uses in the emulator. */
  public static final String SPACE_ID = "01f0retail0sample0space000000001";
  /** The space title. */
  public static final String TITLE = "Retail sales (sample)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RetailSample() {}

  /** The space's export ({@code serialized_space}) as JSON text. */
  public static String spaceJson() {
    return resource("space.json");
  }

  /** The under-specified starting space. */
  public static GenieSpace space() {
    return GenieSpace.parse(spaceJson());
  }

  /** The tuning benchmarks: the loop's analyzer sees their failures. */
  public static List<Benchmark> tuning() {
    return benchmarks("tuning.jsonl");
  }

  /** The held-out benchmarks: scored every iteration, never shown to the analyzer. */
  public static List<Benchmark> heldOut() {
    return benchmarks("held-out.jsonl");
  }

  /**
   * A local warehouse loaded with the standard dataset for the seed.
   *
   * @throws dev.genieheal.error.SqlExecutionException when the data cannot be loaded
   */
  public static LocalWarehouse warehouse(long seed) {
    return LocalWarehouse.builder().script(RetailDataset.standard(seed).script()).build();
  }

  private static List<Benchmark> benchmarks(String name) {
    List<Benchmark> out = new ArrayList<>();
    for (String line : resource(name).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        out.add(new Benchmark(n.get("id").asText(), n.get("question").asText(), n.get("expected_sql").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException("bad benchmark line in " + name + ": " + line, e);
      }
    }
    return List.copyOf(out);
  }

  private static String resource(String name) {
    try (InputStream in = RetailSample.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + RetailSample.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
