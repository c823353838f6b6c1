package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report in a real headless Chromium and checks the DOM the browser built: the charts and the matrix
 * are there, and the {@code <script>} hidden in a benchmark question, a fix reason, a model's output and Genie's
 * SQL did not run. Skipped when no {@code chromium} is on the PATH ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest {
  private static final long TIMEOUT_SECONDS = 120;
  private static final Path CHROMIUM = onPath("chromium", "chromium-browser");

  @TempDir
  Path dir;

  @BeforeEach
  void requireChromium() {
    Assumptions.assumeTrue(CHROMIUM != null,
        "chromium is not on the PATH; install it (Debian/Ubuntu: apt-get install chromium) to run the browser test");
  }

  private static Path onPath(String... names) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : names) {
      for (String entry : path.split(File.pathSeparator)) {
        Path candidate = Path.of(entry, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** The DOM after Chromium loaded the page and ran whatever scripts it would run. */
  private String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = dir.resolve(page.getFileName() + ".dom");
    Path err = dir.resolve(page.getFileName() + ".err");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--dump-dom",
        page.toUri().toString()));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
            + Files.readString(err, StandardCharsets.UTF_8));
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom).as("chromium exited %s: %s", process.exitValue(), Files.readString(err)).contains("<body");
    return dom;
  }

  private Path report() {
    Path file = dir.resolve("report.html");
    HtmlReportSink sink = HtmlReportSink.to(file);
    ReportRun.events().forEach(sink::accept);
    return file;
  }

  @Test
  void dumpDom_pageWithAnUnescapedScript_showsTheScriptRan() throws Exception {
    // The control: proves that a script which does run leaves its mark in the dumped DOM, so the absence of the
    // mark in the report test means the report's script did not run.
    Path control = Files.writeString(dir.resolve("control.html"),
        "<!DOCTYPE html><html><body><p>x</p>" + ReportRun.SCRIPT + "</body></html>");

    assertThat(dumpDom(control)).contains("data-pwned=\"1\"");
  }

  @Test
  void report_inChromium_hasChartsAndMatrixAndNoInjectedScriptRan() throws Exception {
    String dom = dumpDom(report());

    assertThat(HtmlScan.element(dom, "score-chart")).contains("<svg", "<polyline", "class=\"series tuning\"",
        "class=\"series held-out\"", "class=\"target\"");
    assertThat(HtmlScan.element(dom, "category-chart")).contains("<svg", "<rect class=\"bar ");
    String matrix = HtmlScan.element(dom, "matrix");
    assertThat(matrix).contains("<table class=\"matrix\"", "<td class=\"cell pass\"", "<td class=\"cell fail\"");
    assertThat(Pattern.compile("<tr class=\"q-row ").matcher(matrix).results().count()).isEqualTo(7);
    assertThat(HtmlScan.element(dom, "fixes")).contains("<article class=\"fix rolled-back\"");

    assertThat(dom).doesNotContain("data-pwned=\"").doesNotContainPattern("(?i)<script")
        .doesNotContainPattern("(?i)<img");
    Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
    assertThat(body.find()).isTrue();
    assertThat(body.group()).isEqualTo("<body>");
    assertThat(matrix).contains("What is total revenue? &lt;script&gt;document.body.setAttribute('data-pwned','1')"
        + "&lt;/script&gt;");
    assertThat(HtmlScan.element(dom, "fixes")).contains("questions say revenue &lt;script&gt;", "Sure! &lt;img src=x");
    assertThat(HtmlScan.tagsWithEventHandlers(dom)).isEmpty();
  }
}
