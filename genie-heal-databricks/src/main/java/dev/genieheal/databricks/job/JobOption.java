package dev.genieheal.databricks.job;

import java.util.Locale;

/**
 * Every parameter of {@link EnhancementJob}: its {@code --option} name, its {@code GENIE_HEAL_*} environment
 * variable, its default and its help text. The one source for parsing, {@code --help} and the job definition.
 */
public enum JobOption {
  /** The Genie space to heal. */
  SPACE_ID("space-id", null, "The Genie space to heal (required)."),
  /** The SQL warehouse for expected SQL and Genie's SQL. */
  WAREHOUSE_ID("warehouse-id", null, "SQL warehouse that runs benchmark SQL (required)."),
  /** Where benchmarks come from. */
  BENCHMARK_SOURCE("benchmark-source", "space",
      "'space' (the space's own benchmarks), a .json/.jsonl/.csv file, or a table catalog.schema.table with "
          + "columns id, question, expected_sql."),
  /** Held-out benchmarks, never shown to the analyzer. */
  HELD_OUT_SOURCE("held-out-source", null, "Optional held-out benchmarks (same forms as benchmark-source)."),
  /** Stop when the tuning score reaches this. */
  TARGET_SCORE("target-score", "0.9", "Stop when the score reaches this fraction (0..1)."),
  /** Iteration limit. */
  MAX_ITERATIONS("max-iterations", "10", "Stop after this many iterations."),
  /** Plateau threshold. */
  MIN_SCORE_IMPROVEMENT("min-score-improvement", "0.05",
      "Stop when the score improves by less than this for 3 iterations in a row."),
  /** Serving endpoint for LLM analysis and judging. */
  LLM_ENDPOINT("llm-endpoint", null, "Model serving endpoint for LLM analysis and judging (optional)."),
  /** LLM temperature. */
  LLM_TEMPERATURE("llm-temperature", "0.1", "Sampling temperature for the LLM (0..2)."),
  /** Prompt version. */
  PROMPT_VERSION("prompt-version", null, "Prompt version to use (default: the latest bundled)."),
  /** Judge choice. */
  JUDGE("judge", "hybrid", "'hybrid' (SQL, results, then LLM) or 'genie-eval' (Databricks' eval runs)."),
  /** Delta table for progress rows. */
  REPORT_TABLE("report-table", null, "Delta table for one row per iteration, created if missing (optional)."),
  /** Databricks App URL for progress POSTs. */
  APP_ENDPOINT("app-endpoint", null, "Databricks App URL that receives each iteration as JSON (optional)."),
  /** MLflow experiment path. */
  MLFLOW_EXPERIMENT("mlflow-experiment", null, "MLflow experiment path for a run per loop (optional)."),
  /** Per-question timeout. */
  QUESTION_TIMEOUT("question-timeout", "120", "Seconds to wait for one Genie answer."),
  /** Per-iteration timeout. */
  ITERATION_TIMEOUT("iteration-timeout", "3600", "Seconds one iteration's scoring may take."),
  /** Settle time after each save. */
  SETTLE_TIME("settle-time", "30", "Seconds to wait after saving for Genie to pick up the change."),
  /** Concurrent questions. */
  CONCURRENCY("concurrency", "2", "Questions in flight at once."),
  /** Question rate. */
  QUESTIONS_PER_MINUTE("questions-per-minute", "5", "Workspace-wide Genie question rate."),
  /** Backups of the original export. */
  BACKUP_DIR("backup-dir", null, "Directory for the backup of the original export (default: temp dir)."),
  /** Databricks config profile. */
  PROFILE("profile", null, "~/.databrickscfg profile (default: DATABRICKS_CONFIG_PROFILE or DEFAULT)."),
  /** Propose only. */
  DRY_RUN("dry-run", "false", "Score and propose fixes, never save (flag)."),
  /** Sandbox then promote. */
  CLONE_AND_PROMOTE("clone-and-promote", "false",
      "Optimise a sandbox copy of the space and copy the result onto the original only if it scored higher (flag)."),
  /** Help. */
  HELP("help", "false", "Print this help and exit (flag).");

  private final String name;
  private final String defaultValue;
  private final String help;

  JobOption(String name, String defaultValue, String help) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.help = help;
  }

  /** The command line name without dashes, e.g. {@code space-id}. */
  public String optionName() {
    return name;
  }

  /** The environment variable, e.g. {@code GENIE_HEAL_SPACE_ID}. */
  public String envName() {
    return "GENIE_HEAL_" + name.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The default as text, or null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The help text. */
  public String help() {
    return help;
  }

  /** Whether the option is a flag that takes no value. */
  public boolean isFlag() {
    return this == DRY_RUN || this == CLONE_AND_PROMOTE || this == HELP;
  }

  /** The option with this command line name, if any. */
  static JobOption byName(String name) {
    for (JobOption o : values()) {
      if (o.name.equals(name)) {
        return o;
      }
    }
    return null;
  }

  /** The usage text listing every option. */
  public static String usage() {
    StringBuilder sb = new StringBuilder("Usage: EnhancementJob --space-id ID --warehouse-id ID [options]\n"
        + "Every option may also come from its environment variable; arguments win. Databricks host and "
        + "credentials come from DATABRICKS_HOST / DATABRICKS_TOKEN / DATABRICKS_CLIENT_ID / "
        + "DATABRICKS_CLIENT_SECRET or ~/.databrickscfg — never pass a token as an argument.\n\nOptions:\n");
    for (JobOption o : values()) {
      sb.append(String.format(Locale.ROOT, "  --%-24s %-34s %s%s%n", o.name + (o.isFlag() ? "" : " VALUE"),
          o.envName(), o.help, o.defaultValue == null || o.isFlag() ? "" : " Default: " + o.defaultValue + "."));
    }
    sb.append("\nExit codes: 0 target reached, dry run done or help; 2 bad parameters; 3 configuration, auth or "
        + "missing resource; 4 stopped before the target (iterations, plateau, degradation, deadline, budget, no "
        + "fixes); 5 the loop failed (the space is left at its best valid state); 1 unexpected error.\n");
    return sb.toString();
  }
}
