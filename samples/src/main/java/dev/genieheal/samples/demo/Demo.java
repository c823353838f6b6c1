package dev.genieheal.samples.demo;

import dev.genieheal.IterationRecord;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.ProgressSink;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.analyze.LlmFailureAnalyzer;
import dev.genieheal.databricks.DatabricksConfig;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.GenieConversationClient;
import dev.genieheal.databricks.GenieSpaceClient;
import dev.genieheal.databricks.StatementExecutionClient;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.Redactor;
import dev.genieheal.error.Violation;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.report.HtmlReportSink;
import dev.genieheal.report.JsonLinesAuditSink;
import dev.genieheal.samples.retail.RetailDataset;
import dev.genieheal.samples.retail.RetailSample;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.SpaceValidator;
import dev.genieheal.testkit.LocalWarehouse;
import dev.genieheal.testkit.SimulatedGenie;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatedSpace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline demo: heals the under-specified {@link RetailSample} space end to end on this machine. A
 * {@link DatabricksEmulator} (a {@link SimulatedGenie} reading the emulator's own spaces, over a DuckDB
 * {@link LocalWarehouse} with the generated retail data) stands in for the workspace, and the loop talks to it over
 * HTTP through the real Databricks clients — {@link GenieConversationClient} asks, {@link GenieSpaceClient} loads
 * and saves with etags, {@link StatementExecutionClient} runs the judge's SQL — with the hybrid judge, the
 * rule-based analyzer (plus an LLM analyzer with {@code --llm-endpoint}), stop policies and rollback.
 *
 * <p>Prints progress per question and per iteration and a summary, and writes into the output directory the HTML
 * report, the JSON Lines audit log, the original and final space exports and a unified diff between them. Run with
 * {@code --help} for the options; see {@link DemoOptions#USAGE}.
 */
public final class Demo {
  /** The run finished (whatever its score). */
  public static final int EXIT_OK = 0;
  /** Something unexpected went wrong. */
  public static final int EXIT_ERROR = 1;
  /** Bad options, an unwritable output directory or a port in use. */
  public static final int EXIT_USAGE = 2;
  /** The loop failed (the space is left at its best valid state). */
  public static final int EXIT_FAILED = 5;

  private static final String WAREHOUSE_ID = "demo0warehouse01";

  private Demo() {}

  /** Runs the demo and exits with its code when that is not 0. */
  public static void main(String[] args) {
    // The console shows the demo's own progress; library logs only when something is wrong.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int code = run(List.of(args), System.out, System.err, Clock.systemUTC());
    if (code != EXIT_OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the demo; never throws.
   *
   * @return the exit code ({@link #EXIT_OK}, {@link #EXIT_USAGE}, {@link #EXIT_FAILED} or {@link #EXIT_ERROR})
   */
  public static int run(List<String> args, PrintStream out, PrintStream err, Clock clock) {
    try {
      DemoOptions options = DemoOptions.parse(args);
      if (options.help()) {
        out.print(DemoOptions.USAGE);
        return EXIT_OK;
      }
      return heal(options, out, clock);
    } catch (DemoException e) {
      err.println("demo: " + e.getMessage());
      err.println("Run with --help for the options.");
      return EXIT_USAGE;
    } catch (RuntimeException e) {
      err.println("demo failed unexpectedly: " + Redactor.redact(String.valueOf(e)));
      return EXIT_ERROR;
    }
  }

  private static int heal(DemoOptions o, PrintStream out, Clock clock) {
    Instant start = clock.instant();
    Path dir = prepareOutput(o.output());
    checkPortFree(o.port());
    out.printf(Locale.ROOT, "genie-heal demo: offline Databricks emulator + simulated Genie + DuckDB warehouse%n");
    RetailDataset data = RetailDataset.standard(o.seed());
    try (LocalWarehouse warehouse = LocalWarehouse.builder().script(data.script()).build();
        DatabricksEmulator emulator = startEmulator(o, warehouse)) {
      out.printf(Locale.ROOT, "Loaded the retail warehouse (seed %d, %,d orders) in %.1f s; emulator at %s%n",
          o.seed(), data.orderCount(), seconds(start, clock.instant()), emulator.baseUrl());
      out.printf(Locale.ROOT, "Genie questions are limited to %d per minute here (the real service allows 5; "
          + "use --questions-per-minute 5 to feel it)%n", o.questionsPerMinute());

      DatabricksWorkspace workspace = DatabricksWorkspace.connect(DatabricksConfig.builder()
          .host(emulator.baseUrl()).token(emulator.token()).questionsPerMinute(o.questionsPerMinute()).build());
      GenieSpaceClient spaces = GenieSpaceClient.builder(workspace).backupDirectory(dir.resolve("backup")).build();
      // Local answers come back in milliseconds, so poll as often as the emulator's status progression needs.
      // The emulator moves a message one state per poll, not with time as Genie does, so learning the answer
      // time (adaptive polling) would only delay the demo; a fixed, fast schedule suits it.
      GenieConversationClient genie = GenieConversationClient.builder(workspace)
          .firstPoll(Duration.ofMillis(10)).maxPoll(Duration.ofMillis(200)).adaptivePolling(false).build();
      GenieSpace original = spaces.load(RetailSample.SPACE_ID).space();
      ProbedCatalog sql = ProbedCatalog.probe(StatementExecutionClient.builder(workspace).warehouseId(WAREHOUSE_ID)
          .build(), original.tables().stream().map(t -> t.identifier()).toList());

      Instant loopStart = clock.instant();
      LoopResult result;
      try (JsonLinesAuditSink audit = JsonLinesAuditSink.open(dir.resolve("audit.jsonl"))) {
        List<ProgressSink> sinks = new ArrayList<>(List.of(new DemoConsole(out), audit,
            HtmlReportSink.builder().output(dir.resolve("report.html")).title("genie-heal demo: "
                + RetailSample.TITLE).clock(clock).build()));
        result = SelfHealingLoop.builder()
            .spaceId(RetailSample.SPACE_ID)
            .spaceStore(spaces)
            .genie(genie)
            .sqlExecutor(sql)
            .judge(AnswerJudge.hybrid(sql))
            .analyzer(analyzer(o))
            .benchmarks(BenchmarkSource.of(RetailSample.tuning()))
            .heldOut(BenchmarkSource.of(RetailSample.heldOut()))
            .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(o.targetScore()),
                StopPolicy.maxIterations(o.maxIterations()), StopPolicy.plateau(0.05, 3), StopPolicy.degradation(2)))
            .sinks(sinks)
            .questionsPerMinute(o.questionsPerMinute())
            .settleTime(Duration.ZERO)
            .dryRun(o.dryRun())
            .clock(clock)
            .build()
            .run();
      }
      Instant loopEnd = clock.instant();
      GenieSpace last = spaces.load(RetailSample.SPACE_ID).space();
      writeExports(dir, original, last);
      summary(out, o, result, dir, seconds(start, clock.instant()), seconds(loopStart, loopEnd));
      return result.status() == LoopStatus.FAILED ? EXIT_FAILED : EXIT_OK;
    }
  }

  private static Path prepareOutput(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
      Files.deleteIfExists(dir.resolve("audit.jsonl"));
      return dir;
    } catch (IOException | SecurityException e) {
      throw new DemoException("cannot write to the output directory " + dir.toAbsolutePath() + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another with --output DIR", e);
    }
  }

  /** Fails fast, before the data is loaded, when a fixed port is taken. */
  private static void checkPortFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new DemoException("port " + port + " is in use (" + e.getMessage()
          + "); use --port 0 for any free port", e);
    }
  }

  private static DatabricksEmulator startEmulator(DemoOptions o, LocalWarehouse warehouse) {
    try {
      return DatabricksEmulator.builder()
          .port(o.port())
          .seed(o.seed())
          .space(EmulatedSpace.of(RetailSample.SPACE_ID, RetailSample.TITLE, WAREHOUSE_ID, RetailSample.spaceJson()))
          .genieFactory(store -> SimulatedGenie.builder().spaces(store).warehouse(warehouse).seed(o.seed())
              .noiseRate(o.noiseRate()).build())
          .sqlExecutor(warehouse)
          .questionsPerMinute(o.questionsPerMinute())
          // Like the service, refuse an invalid export instead of storing it.
          .spaceValidator(json -> {
            List<Violation> violations = SpaceValidator.standard().validateJson(json);
            if (!violations.isEmpty()) {
              throw new IllegalArgumentException(violations.toString());
            }
          })
          .start();
    } catch (UncheckedIOException e) {
      throw new DemoException("cannot start the Databricks emulator on port " + o.port() + " ("
          + e.getCause().getMessage() + "); is the port in use? Use --port 0 for any free port", e);
    }
  }

  private static FailureAnalyzer analyzer(DemoOptions o) {
    if (o.llmEndpoint() == null) {
      return FailureAnalyzer.rules();
    }
    DatabricksWorkspace remote;
    try {
      remote = DatabricksWorkspace.connect(DatabricksConfig.fromEnvironment());
    } catch (GenieHealException | IllegalArgumentException | IllegalStateException e) {
      throw new DemoException("--llm-endpoint needs a workspace in DATABRICKS_HOST and a credential in "
          + "DATABRICKS_TOKEN (or ~/.databrickscfg): " + Redactor.redact(e.getMessage()), e);
    }
    LlmFailureAnalyzer.Builder llm = LlmFailureAnalyzer.builder().llm(remote.llm(o.llmEndpoint()));
    if (o.promptVersion() != null) {
      llm.promptVersion(o.promptVersion());
    }
    return FailureAnalyzer.composite(FailureAnalyzer.rules(), llm.build());
  }

  private static void writeExports(Path dir, GenieSpace original, GenieSpace last) {
    String before = original.canonicalize().toPrettyJson() + "\n";
    String after = last.canonicalize().toPrettyJson() + "\n";
    write(dir.resolve("original-space.json"), before);
    write(dir.resolve("final-space.json"), after);
    write(dir.resolve("space.diff"), UnifiedDiff.of("original-space.json", before, "final-space.json", after));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DemoException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static void summary(PrintStream out, DemoOptions o, LoopResult r, Path dir, double wall, double loop) {
    IterationRecord first = r.history().get(0);
    StringBuilder s = new StringBuilder("\nSummary\n");
    line(s, "status", r.status() + (r.stopReason().isEmpty() ? "" : " - " + r.stopReason()));
    line(s, "tuning", DemoConsole.percent(r.baselineScore()) + " -> " + DemoConsole.percent(r.finalScore())
        + " (best " + DemoConsole.percent(r.bestScore()) + ")");
    if (first.heldOut() != null) {
      line(s, "held-out", DemoConsole.percent(first.heldOut().score()) + " -> "
          + DemoConsole.percent(heldOutOfBest(r)) + " (never shown to the analyzer)");
    }
    StringBuilder per = new StringBuilder();
    List<Integer> questions = new ArrayList<>();
    for (IterationRecord it : r.history()) {
      per.append(per.isEmpty() ? "" : " | ").append("it").append(it.iteration()).append(' ')
          .append(DemoConsole.percent(it.score())).append(it.heldOutScore().map(h -> "/" + DemoConsole.percent(h))
              .orElse("")).append(it.rolledBack() ? " (rolled back)" : "");
      questions.add(it.tuning().questionsAsked() + (it.heldOut() == null ? 0 : it.heldOut().questionsAsked()));
    }
    line(s, "per iteration", per + "  (tuning/held-out)");
    line(s, "iterations", r.iterations() + " scored (the baseline and " + (r.iterations() - 1) + " after fixes)");
    line(s, "fixes", r.applied().size() + " applied, " + r.rejected().size() + " rejected"
        + (r.dryRun() ? " (dry run: nothing saved)" : ""));
    line(s, "Genie questions", questions + " per iteration, " + questions.stream().mapToInt(Integer::intValue).sum()
        + " in total, at up to " + o.questionsPerMinute() + "/min (the service allows 5/min)");
    line(s, "wall time", String.format(Locale.ROOT, "%.1f s (loop %.1f s)", wall, loop));
    line(s, "output", dir.toAbsolutePath() + "/ : report.html, audit.jsonl, original-space.json, final-space.json, space.diff");
    out.print(s);
    out.flush();
  }

  /** The held-out score of the space left in place: that of the last iteration that was not rolled back. */
  private static double heldOutOfBest(LoopResult r) {
    double score = r.history().get(0).heldOut().score();
    for (IterationRecord it : r.history()) {
      if (!it.rolledBack() && it.heldOut() != null) {
        score = it.heldOut().score();
      }
    }
    return score;
  }

  private static void line(StringBuilder s, String label, String value) {
    s.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
