package dev.genieheal.databricks.job;

import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parsed, validated parameters of {@link EnhancementJob}; see {@link JobOption} for names, environment
 * variables and defaults. Immutable.
 *
 * @param spaceId the space to heal
 * @param warehouseId the SQL warehouse
 * @param benchmarkSource {@code space}, a file path or a table name
 * @param heldOutSource held-out benchmarks, or null
 * @param targetScore the target score
 * @param maxIterations the iteration limit
 * @param minScoreImprovement the plateau threshold
 * @param llmEndpoint the serving endpoint, or null
 * @param llmTemperature the LLM temperature
 * @param promptVersion the prompt version, or null for the latest
 * @param judge {@code hybrid} or {@code genie-eval}
 * @param reportTable the Delta table, or null
 * @param appEndpoint the app URL, or null
 * @param mlflowExperiment the MLflow experiment path, or null
 * @param questionTimeout the per-question timeout
 * @param iterationTimeout the per-iteration timeout
 * @param settleTime the wait after each save
 * @param concurrency questions in flight
 * @param questionsPerMinute the question rate
 * @param backupDir the backup directory, or null for the default
 * @param profile the config profile, or null
 * @param dryRun whether to only propose
 * @param cloneAndPromote whether to optimise a sandbox copy
 * @param help whether help was asked for
 */
public record JobParameters(
    String spaceId,
    String warehouseId,
    String benchmarkSource,
    String heldOutSource,
    double targetScore,
    int maxIterations,
    double minScoreImprovement,
    String llmEndpoint,
    double llmTemperature,
    String promptVersion,
    String judge,
    String reportTable,
    URI appEndpoint,
    String mlflowExperiment,
    Duration questionTimeout,
    Duration iterationTimeout,
    Duration settleTime,
    int concurrency,
    int questionsPerMinute,
    Path backupDir,
    String profile,
    boolean dryRun,
    boolean cloneAndPromote,
    boolean help) {

  /**
   * Parses {@code --name value}, {@code --name=value} and flags from {@code args}, falling back to the
   * {@code GENIE_HEAL_*} variables in {@code env}, then to the defaults. Every problem is reported at once.
   *
   * @throws ValidationException listing each bad or missing parameter (path = {@code --name})
   */
  public static JobParameters parse(List<String> args, Map<String, String> env) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(env, "env");
    List<Violation> problems = new ArrayList<>();
    Map<JobOption, String> values = new EnumMap<>(JobOption.class);
    for (JobOption o : JobOption.values()) {
      String fromEnv = env.get(o.envName());
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(o, fromEnv.strip());
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.isBlank()) {
        continue;
      }
      if (!arg.startsWith("--")) {
        problems.add(new Violation(arg, "unexpected-argument", "expected an option such as --space-id"));
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      JobOption option = JobOption.byName(name);
      if (option == null) {
        problems.add(new Violation("--" + name, "unknown-option", "unknown option; see --help"));
        continue;
      }
      if (value == null) {
        if (option.isFlag()) {
          value = "true";
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          value = args.get(++i);
        } else {
          problems.add(new Violation("--" + name, "missing-value", "needs a value"));
          continue;
        }
      }
      values.put(option, value.strip());
    }
    Reader r = new Reader(values, problems);
    boolean help = r.flag(JobOption.HELP);
    JobParameters p = new JobParameters(
        r.text(JobOption.SPACE_ID, !help), r.text(JobOption.WAREHOUSE_ID, !help),
        r.text(JobOption.BENCHMARK_SOURCE, false), r.text(JobOption.HELD_OUT_SOURCE, false),
        r.fraction(JobOption.TARGET_SCORE, 0, 1), r.positiveInt(JobOption.MAX_ITERATIONS),
        r.fraction(JobOption.MIN_SCORE_IMPROVEMENT, 0, 1), r.text(JobOption.LLM_ENDPOINT, false),
        r.fraction(JobOption.LLM_TEMPERATURE, 0, 2), r.text(JobOption.PROMPT_VERSION, false),
        r.oneOf(JobOption.JUDGE, "hybrid", "genie-eval"), r.text(JobOption.REPORT_TABLE, false),
        r.uri(JobOption.APP_ENDPOINT), r.text(JobOption.MLFLOW_EXPERIMENT, false),
        r.seconds(JobOption.QUESTION_TIMEOUT, false), r.seconds(JobOption.ITERATION_TIMEOUT, false),
        r.seconds(JobOption.SETTLE_TIME, true), r.positiveInt(JobOption.CONCURRENCY),
        r.positiveInt(JobOption.QUESTIONS_PER_MINUTE), r.path(JobOption.BACKUP_DIR),
        r.text(JobOption.PROFILE, false), r.flag(JobOption.DRY_RUN), r.flag(JobOption.CLONE_AND_PROMOTE), help);
    if (!problems.isEmpty() && !help) {
      throw new ValidationException("bad job parameters", problems);
    }
    return p;
  }

  /** Whether benchmarks come from the space itself. */
  public boolean benchmarksFromSpace() {
    return "space".equalsIgnoreCase(benchmarkSource);
  }

  /** The settings as text for the loop's Started event and MLflow params (no secrets here). */
  public Map<String, String> describe() {
    Map<String, String> m = new java.util.TreeMap<>();
    m.put("target_score", Double.toString(targetScore));
    m.put("max_iterations", Integer.toString(maxIterations));
    m.put("min_score_improvement", Double.toString(minScoreImprovement));
    m.put("judge", judge);
    m.put("benchmark_source", benchmarkSource);
    m.put("dry_run", Boolean.toString(dryRun));
    m.put("clone_and_promote", Boolean.toString(cloneAndPromote));
    m.put("prompt_version", promptVersion == null ? "latest" : promptVersion);
    if (llmEndpoint != null) {
      m.put("llm_endpoint", llmEndpoint);
      m.put("llm_temperature", Double.toString(llmTemperature));
    }
    return m;
  }

  /** Reads typed values, collecting problems instead of failing on the first. */
  private static final class Reader {
    private final Map<JobOption, String> values;
    private final List<Violation> problems;

    Reader(Map<JobOption, String> values, List<Violation> problems) {
      this.values = values;
      this.problems = problems;
    }

    private String raw(JobOption o) {
      String v = values.get(o);
      return v == null || v.isBlank() ? o.defaultValue() : v;
    }

    private void problem(JobOption o, String rule, String message) {
      problems.add(new Violation("--" + o.optionName(), rule, message + " (or set " + o.envName() + ")"));
    }

    String text(JobOption o, boolean required) {
      String v = raw(o);
      if (v == null && required) {
        problem(o, "required", "is required");
      }
      return v;
    }

    boolean flag(JobOption o) {
      String v = raw(o).toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        problem(o, "boolean", "must be true or false: " + v);
        return false;
      }
      return Boolean.parseBoolean(v);
    }

    double fraction(JobOption o, double min, double max) {
      String v = raw(o);
      try {
        double d = Double.parseDouble(v);
        if (!(d >= min && d <= max)) {
          problem(o, "range", "must be within [" + min + ", " + max + "]: " + v);
        }
        return d;
      } catch (NumberFormatException e) {
        problem(o, "number", "must be a number: " + v);
        return Double.NaN;
      }
    }

    int positiveInt(JobOption o) {
      String v = raw(o);
      try {
        int n = Integer.parseInt(v);
        if (n < 1) {
          problem(o, "range", "must be at least 1: " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        problem(o, "integer", "must be a whole number: " + v);
        return 1;
      }
    }

    Duration seconds(JobOption o, boolean zeroAllowed) {
      String v = raw(o);
      try {
        double s = Double.parseDouble(v);
        if (s < 0 || (!zeroAllowed && s == 0) || Double.isNaN(s) || Double.isInfinite(s)) {
          problem(o, "range", "must be " + (zeroAllowed ? "zero or more" : "more than zero") + " seconds: " + v);
          return Duration.ofSeconds(1);
        }
        return Duration.ofMillis(Math.round(s * 1000));
      } catch (NumberFormatException e) {
        problem(o, "number", "must be a number of seconds: " + v);
        return Duration.ofSeconds(1);
      }
    }

    String oneOf(JobOption o, String... allowed) {
      String v = raw(o).toLowerCase(Locale.ROOT);
      if (!List.of(allowed).contains(v)) {
        problem(o, "choice", "must be one of " + String.join(", ", allowed) + ": " + v);
      }
      return v;
    }

    URI uri(JobOption o) {
      String v = raw(o);
      if (v == null) {
        return null;
      }
      try {
        URI u = URI.create(v);
        if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
          problem(o, "url", "must be an absolute http(s) URL: " + v);
          return null;
        }
        return u;
      } catch (IllegalArgumentException e) {
        problem(o, "url", "must be an absolute http(s) URL: " + v);
        return null;
      }
    }

    Path path(JobOption o) {
      String v = raw(o);
      return v == null ? null : Path.of(v);
    }
  }
}
