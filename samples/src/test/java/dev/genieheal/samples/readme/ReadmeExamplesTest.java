package dev.genieheal.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the README's code honest: every Java and Scala block is compiled source of this module, and runs here. */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");

  private static List<String> blocks(String language) throws IOException {
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String sources(String extension) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      return files.filter(p -> p.toString().endsWith(extension)).map(p -> {
        try {
          return squash(Files.readString(p));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    }
  }

  private static String squash(String code) {
    return code.replaceAll("\\s+", "");
  }

  @Test
  void readme_everyJavaBlock_isCompiledSourceOfThisModule() throws IOException {
    List<String> java = blocks("java");
    assertThat(java).hasSizeGreaterThanOrEqualTo(4);
    String compiled = sources(".java");
    for (String block : java) {
      assertThat(compiled).as("README block not found in samples' sources:%n%s", block).contains(squash(block));
    }
  }

  @Test
  void readme_everyScalaBlock_isCompiledScalaOfThisModule() throws IOException {
    String compiled = sources(".scala");
    for (String block : blocks("scala")) {
      assertThat(compiled).as("README block not found in samples' Scala:%n%s", block).contains(squash(block));
    }
  }

  @Test
  void simulatedGenieExample_runs() {
    ReadmeExamples.simulatedGenie();
  }

  @Test
  void emulatorExample_runs() {
    try (dev.genieheal.testkit.LocalWarehouse warehouse = dev.genieheal.testkit.LocalWarehouse.builder()
        .script("CREATE TABLE shop.sales.orders (order_id INT, amount DECIMAL(10,2));"
            + "INSERT INTO shop.sales.orders VALUES (1, 20.00), (2, 35.50)")
        .build()) {
      ReadmeExamples.emulator(warehouse,
          "{\"version\": 2, \"data_sources\": {\"tables\": [{\"identifier\": \"shop.sales.orders\"}]}}");
    }
  }
}
