package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.LoopEvent;
import dev.genieheal.error.GenieHealException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportSinkTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private HtmlReportSink sink(Path file) {
    return HtmlReportSink.builder().output(file).title("Shop report").clock(CLOCK).build();
  }

  private String fullReport() throws Exception {
    Path file = dir.resolve("out/report.html");
    HtmlReportSink sink = sink(file);
    ReportRun.events().forEach(sink::accept);
    return Files.readString(file);
  }

  @Test
  void accept_wholeRun_writesEverySection() throws Exception {
    String html = fullReport();

    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("id=\"summary\"", "id=\"score-chart\"", "id=\"category-chart\"", "id=\"matrix\"",
            "id=\"fixes\"", "id=\"rejected\"", "id=\"timings\"", "id=\"settings\"")
        .contains("<title>Shop report</title>")
        .contains("TARGET REACHED")
        .contains("2025-03-01T10:00:00Z");
  }
}
