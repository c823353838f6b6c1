package dev.genieheal.databricks.job;

import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.ProgressSink;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.databricks.DatabricksConfig;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.GenieConversationClient;
import dev.genieheal.databricks.GenieEvalRunScorer;
import dev.genieheal.databricks.GenieSpaceClient;
import dev.genieheal.databricks.StatementExecutionClient;
import dev.genieheal.databricks.sink.AppEndpointSink;
import dev.genieheal.databricks.sink.DeltaTableSink;
import dev.genieheal.databricks.sink.MlflowSink;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.Redactor;
import dev.genieheal.error.ValidationException;
import dev.genieheal.fix.FixApplier;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.port.StoredSpace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Databricks job entry point: heals one Genie space with {@link SelfHealingLoop} using the Databricks clients,
 * and reports to the job output and, when configured, a Delta table, an MLflow experiment and a Databricks App.
 *
 * <p>Parameters come from arguments ({@code --space-id ID}, {@code --target-score=0.9}, flags such as
 * {@code --dry-run}) or from {@code GENIE_HEAL_*} environment variables; arguments win. {@code --help} lists them
 * (see {@link JobOption}). The workspace and credentials are resolved like the Databricks SDKs
 * ({@link DatabricksConfig#fromEnvironment()}); a token is never a parameter, so it never shows in the job UI.
 *
 * <p>With {@code --clone-and-promote} the loop works on a sandbox copy of the space, and the result is copied onto
 * the original (after a backup of the original, with its etag) only when the run was not a dry run, did not fail,
 * and ended with a higher score than the baseline; the sandbox is left in place for inspection either way.
 *
 * <p>Exit codes: {@value #EXIT_OK} target reached, dry run finished or help; {@value #EXIT_USAGE} bad parameters;
 * {@value #EXIT_CONFIG} configuration, authentication or a missing resource; {@value #EXIT_STOPPED} stopped before
 * the target (iteration limit, plateau, degradation, deadline, budget, no fixes); {@value #EXIT_FAILED} the loop
 * failed (the space is left at its best valid state); {@value #EXIT_ERROR} anything unexpected. {@link #main} calls
 * {@code System.exit} only for a non-zero code, as Databricks recommends for JAR tasks.
 */
public final class EnhancementJob {
  /** Target reached, dry run finished, or help printed. */
  public static final int EXIT_OK = 0;
  /** An unexpected error. */
  public static final int EXIT_ERROR = 1;
  /** Bad or missing parameters. */
  public static final int EXIT_USAGE = 2;
  /** Configuration, authentication or a missing space/warehouse/endpoint. */
  public static final int EXIT_CONFIG = 3;
  /** The loop stopped before the target. */
  public static final int EXIT_STOPPED = 4;
  /** The loop failed. */
  public static final int EXIT_FAILED = 5;

  private EnhancementJob() {}

  /** Runs the job with the process environment and exits with its code when it is not 0. */
  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.getenv(), Path.of(System.getProperty("user.home")), System.out);
    if (code != EXIT_OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the job and returns its exit code; never throws.
   *
   * @param args the arguments
   * @param env the environment ({@code GENIE_HEAL_*} and {@code DATABRICKS_*} variables)
   * @param homeDir where {@code .databrickscfg} is looked up
   * @param out where progress and errors are printed
   */
  public static int run(List<String> args, Map<String, String> env, Path homeDir, PrintStream out) {
    JobParameters p;
    try {
      p = JobParameters.parse(args, env);
    } catch (ValidationException e) {
      out.println(e.getMessage());
      out.println("Run with --help for the list of parameters.");
      return EXIT_USAGE;
    }
    if (p.help()) {
      out.print(JobOption.usage());
      return EXIT_OK;
    }
    try {
      DatabricksConfig.Builder config = DatabricksConfig.builder().questionsPerMinute(p.questionsPerMinute());
      if (p.profile() != null) {
        config.profile(p.profile());
      }
      DatabricksWorkspace workspace = DatabricksWorkspace.connect(config.resolve(env, homeDir));
      return heal(p, workspace, out);
    } catch (AuthenticationException | NotFoundException e) {
      out.println("genie-heal: " + Redactor.redact(e.getMessage()));
      return EXIT_CONFIG;
    } catch (ValidationException e) {
      out.println("genie-heal: " + Redactor.redact(e.getMessage()));
      return EXIT_CONFIG;
    } catch (GenieHealException | IllegalArgumentException | IllegalStateException e) {
      out.println("genie-heal failed: " + Redactor.redact(e.getMessage()));
      return EXIT_ERROR;
    }
  }

  private static int heal(JobParameters p, DatabricksWorkspace workspace, PrintStream out) {
    GenieSpaceClient.Builder spacesBuilder = GenieSpaceClient.builder(workspace);
    if (p.backupDir() != null) {
      spacesBuilder.backupDirectory(p.backupDir());
    }
    GenieSpaceClient spaces = spacesBuilder.build();
    String target = p.spaceId();
    if (p.cloneAndPromote()) {
      StoredSpace sandbox = spaces.cloneSpace(p.spaceId(), " (genie-heal sandbox)", null);
      target = sandbox.spaceId();
      out.println("working on sandbox space " + target + " (a copy of " + p.spaceId() + ")");
    }
    SqlExecutor sql = StatementExecutionClient.builder(workspace).warehouseId(p.warehouseId()).build();
    LlmClient llm = p.llmEndpoint() == null ? null : workspace.llm(p.llmEndpoint());
    List<ProgressSink> sinks = new ArrayList<>();
    sinks.add(new ConsoleProgress(out));
    sinks.add(ProgressSink.logging());
    if (p.reportTable() != null) {
      sinks.add(DeltaTableSink.builder(workspace).warehouseId(p.warehouseId()).table(p.reportTable()).build());
    }
    if (p.mlflowExperiment() != null) {
      sinks.add(MlflowSink.of(workspace, p.mlflowExperiment()));
    }
    if (p.appEndpoint() != null) {
      sinks.add(AppEndpointSink.of(workspace, p.appEndpoint()));
    }
    SelfHealingLoop.Builder loop = SelfHealingLoop.builder()
        .spaceId(target)
        .spaceStore(spaces)
        .sqlExecutor(sql)
        .analyzer(JobWiring.analyzer(p, llm))
        .fixApplier(FixApplier.standard())
        .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(p.targetScore()),
            StopPolicy.maxIterations(p.maxIterations()), StopPolicy.plateau(p.minScoreImprovement(), 3),
            StopPolicy.degradation(2)))
        .sinks(sinks)
        .concurrency(p.concurrency())
        .questionsPerMinute(p.questionsPerMinute())
        .questionTimeout(p.questionTimeout())
        .iterationTimeout(p.iterationTimeout())
        .settleTime(p.settleTime())
        .dryRun(p.dryRun());
    if ("genie-eval".equals(p.judge())) {
      loop.scorer(GenieEvalRunScorer.builder(workspace).build());
    } else {
      loop.genie(GenieConversationClient.builder(workspace).timeout(p.questionTimeout()).build())
          .judge(JobWiring.judge(p, sql, llm));
    }
    BenchmarkSource tuning = benchmarks(p.benchmarkSource(), sql);
    if (tuning != null) {
      loop.benchmarks(tuning);
    }
    BenchmarkSource heldOut = p.heldOutSource() == null ? null : benchmarks(p.heldOutSource(), sql);
    if (heldOut != null) {
      loop.heldOut(heldOut);
    }
    LoopResult result = loop.build().run();
    if (p.cloneAndPromote()) {
      promote(p, spaces, target, result, out);
    }
    return exitCode(result.status());
  }

  private static void promote(JobParameters p, GenieSpaceClient spaces, String sandbox, LoopResult result,
      PrintStream out) {
    if (result.dryRun() || result.status() == LoopStatus.FAILED || result.finalScore() <= result.baselineScore()) {
      out.println("not promoting sandbox " + sandbox + " onto " + p.spaceId() + " (status " + result.status()
          + ", score " + result.baselineScore() + " -> " + result.finalScore() + "); the original is unchanged");
      return;
    }
    spaces.promote(sandbox, p.spaceId());
    out.println("promoted sandbox " + sandbox + " onto " + p.spaceId() + "; the original's export was backed up to "
        + spaces.backupOf(p.spaceId()).map(Path::toString).orElse("(none)"));
  }

  /** The benchmark source named by a parameter; null for the space's own benchmarks (the loop's default). */
  static BenchmarkSource benchmarks(String source, SqlExecutor sql) {
    if (source == null || "space".equalsIgnoreCase(source)) {
      return null;
    }
    if (TableBenchmarkSource.looksLikeTable(source)) {
      return new TableBenchmarkSource(sql, source);
    }
    return BenchmarkSource.file(Path.of(source));
  }

  /** The exit code for how the loop ended. */
  static int exitCode(LoopStatus status) {
    return switch (status) {
      case TARGET_REACHED, DRY_RUN -> EXIT_OK;
      case FAILED -> EXIT_FAILED;
      default -> EXIT_STOPPED;
    };
  }
}
