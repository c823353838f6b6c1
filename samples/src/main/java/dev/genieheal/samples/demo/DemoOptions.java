package dev.genieheal.samples.demo;

import dev.genieheal.prompts.PromptCatalog;
import dev.genieheal.samples.retail.RetailDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The demo's command line options, parsed and range-checked.
 *
 * @param targetScore stop when the tuning score reaches this (0..1)
 * @param maxIterations stop after this many rounds of fixes (1..50)
 * @param noiseRate how often the simulated Genie answers carelessly (0..1)
 * @param dryRun propose fixes but never save them
 * @param promptVersion the LLM analyzer's prompt version, or null for the active one
 * @param llmEndpoint a serving endpoint of the workspace in {@code DATABRICKS_HOST}, or null for rules only
 * @param output where the report, audit log, export and diff are written
 * @param seed the data and noise seed
 * @param questionsPerMinute the Genie question rate of the client, the loop and the emulator
 * @param port the emulator's port, 0 for any free one
 * @param help whether to print the usage and exit
 */
record DemoOptions(double targetScore, int maxIterations, double noiseRate, boolean dryRun, String promptVersion,
    String llmEndpoint, Path output, long seed, int questionsPerMinute, int port, boolean help) {

  static final String USAGE = """
      Usage: Demo [options]
      Heals an under-specified retail Genie space offline: a local Databricks emulator (simulated Genie over an
      in-memory DuckDB warehouse), driven through the real Databricks clients over HTTP.

      Options:
        --target-score X          stop when the tuning score reaches X, 0..1 (default 0.9)
        --max-iterations N        stop after N rounds of fixes, 1..50 (default 5)
        --noise-rate X            how often the simulated Genie answers carelessly, 0..1 (default 0)
        --dry-run                 score and propose fixes, never save them
        --prompt-version V        prompt version of the LLM analyzer (default: the active one)
        --llm-endpoint NAME       also analyse with this serving endpoint of the workspace in DATABRICKS_HOST /
                                  DATABRICKS_TOKEN (default: rules only, fully offline)
        --output DIR              where the report, audit log, final export and diff go (default genie-heal-output)
        --seed N                  seed of the generated data and of the noise (default %d)
        --questions-per-minute N  Genie question rate, 1..100000 (default 600; the real service allows 5)
        --port N                  the emulator's port, 0..65535 (default 0: any free port)
        --help                    print this help

      Exit codes: 0 the run finished (whatever its score), 2 bad options or output directory or port,
      5 the loop failed, 1 anything unexpected.
      """.formatted(RetailDataset.DEFAULT_SEED);

  /** The defaults. */
  static DemoOptions defaults() {
    return new DemoOptions(0.9, 5, 0.0, false, null, null, Path.of("genie-heal-output"), RetailDataset.DEFAULT_SEED,
        600, 0, false);
  }

  /**
   * Parses {@code --name value}, {@code --name=value} and flags.
   *
   * @throws DemoException naming the option and the allowed range
   */
  static DemoOptions parse(List<String> args) {
    DemoOptions o = defaults();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new DemoException("unexpected argument '" + arg + "' (options start with --)");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (name.equals("dry-run") || name.equals("help")) {
        if (value != null) {
          throw new DemoException("--" + name + " is a flag and takes no value");
        }
        o = name.equals("help") ? o.with(b -> b.help = true) : o.with(b -> b.dryRun = true);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new DemoException("--" + name + " needs a value");
        }
        value = args.get(++i);
      }
      o = o.set(name, value);
    }
    return o;
  }

  private DemoOptions set(String name, String value) {
    switch (name) {
      case "target-score" -> {
        double v = fraction(name, value);
        return with(b -> b.targetScore = v);
      }
      case "noise-rate" -> {
        double v = fraction(name, value);
        return with(b -> b.noiseRate = v);
      }
      case "max-iterations" -> {
        int v = (int) integer(name, value, 1, 50);
        return with(b -> b.maxIterations = v);
      }
      case "questions-per-minute" -> {
        int v = (int) integer(name, value, 1, 100_000);
        return with(b -> b.questionsPerMinute = v);
      }
      case "port" -> {
        int v = (int) integer(name, value, 0, 65_535);
        return with(b -> b.port = v);
      }
      case "seed" -> {
        long v = integer(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
        return with(b -> b.seed = v);
      }
      case "output" -> {
        if (value.isBlank()) {
          throw new DemoException("--output needs a directory");
        }
        return with(b -> b.output = Path.of(value));
      }
      case "prompt-version" -> {
        List<String> versions = PromptCatalog.builtIn().versions();
        if (!versions.contains(value)) {
          throw new DemoException("--prompt-version must be one of " + versions + ": '" + value + "'");
        }
        return with(b -> b.promptVersion = value);
      }
      case "llm-endpoint" -> {
        if (value.isBlank()) {
          throw new DemoException("--llm-endpoint needs a serving endpoint name");
        }
        return with(b -> b.llmEndpoint = value);
      }
      default -> throw new DemoException("unknown option --" + name);
    }
  }

  private static double fraction(String name, String value) {
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new DemoException("--" + name + " must be a number from 0 to 1: '" + value + "'");
    }
    if (!(v >= 0 && v <= 1)) {
      throw new DemoException("--" + name + " must be from 0 to 1: " + value);
    }
    return v;
  }

  private static long integer(String name, String value, long min, long max) {
    long v;
    try {
      v = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new DemoException("--" + name + " must be a whole number: '" + value + "'");
    }
    if (v < min || v > max) {
      throw new DemoException(String.format(Locale.ROOT, "--%s must be from %d to %d: %d", name, min, max, v));
    }
    return v;
  }

  /** A mutable copy for the one-field updates above. */
  private static final class Draft {
    double targetScore;
    int maxIterations;
    double noiseRate;
    boolean dryRun;
    String promptVersion;
    String llmEndpoint;
    Path output;
    long seed;
    int questionsPerMinute;
    int port;
    boolean help;
  }

  private DemoOptions with(java.util.function.Consumer<Draft> edit) {
    Draft d = new Draft();
    d.targetScore = targetScore;
    d.maxIterations = maxIterations;
    d.noiseRate = noiseRate;
    d.dryRun = dryRun;
    d.promptVersion = promptVersion;
    d.llmEndpoint = llmEndpoint;
    d.output = output;
    d.seed = seed;
    d.questionsPerMinute = questionsPerMinute;
    d.port = port;
    d.help = help;
    edit.accept(d);
    return new DemoOptions(d.targetScore, d.maxIterations, d.noiseRate, d.dryRun, d.promptVersion, d.llmEndpoint,
        d.output, d.seed, d.questionsPerMinute, d.port, d.help);
  }
}
