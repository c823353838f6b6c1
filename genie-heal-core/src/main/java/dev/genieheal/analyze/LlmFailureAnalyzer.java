package dev.genieheal.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.Redactor;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.FixApplier;
import dev.genieheal.fix.FixIdentity;
import dev.genieheal.fix.FixJson;
import dev.genieheal.fix.FixRequest;
import dev.genieheal.fix.FixResult;
import dev.genieheal.fix.ParsedFixes;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.internal.Checks;
import dev.genieheal.internal.LlmCall;
import dev.genieheal.internal.ModelJson;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.TokenUsage;
import dev.genieheal.prompts.PromptCatalog;
import dev.genieheal.prompts.PromptTemplate;
import dev.genieheal.prompts.PromptVersion;
import dev.genieheal.score.Attempt;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a language model to explain failures and propose fixes, using the versioned "fat prompt" (the best-practices
 * knowledge base plus the fix JSON Schema).
 *
 * <p>Cheaper than the seed's design (one call per failure with the whole space): failures are batched by cluster
 * (category + tables involved, {@link FailureCluster}), and each call carries only the part of the space relevant to
 * the cluster. A token budget bounds each analysis; clusters beyond it are reported, not sent. Token counts are
 * estimated as characters / 4 before a call (no tokenizer is bundled) and taken from the model's usage after it.
 *
 * <p>Model output is data, never instructions: benchmark text is delimited in the prompt, and the answer is only
 * read as JSON in the fix format. Every proposal is then checked — JSON Schema ({@link FixJson}), a trial
 * application to the current space (existing tables and columns, the read-only SQL guard, the space validator),
 * the {@link LeakageGuard}, and the list of rolled-back fixes — and each refused one is reported with its reason.
 * A failing model call is retried with back-off and then reported; the analyzer never throws for bad model output.
 *
 * <p>Defaults: prompts {@link PromptCatalog#builtIn()} at its active version, template {@code analysis},
 * temperature 0.1, 2,000 answer tokens, a budget of 60,000 prompt tokens per analysis, at most 5 fixes and 8
 * failures per cluster, answers over 200,000 characters refused, 3 attempts with 2 s back-off, granularity
 * {@link Granularity#PER_CLUSTER}. Immutable and thread-safe.
 */
public final class LlmFailureAnalyzer implements FailureAnalyzer {
  private static final Logger LOG = LoggerFactory.getLogger(LlmFailureAnalyzer.class);
  private static final int MAX_TEXT = 4_000;

  /** How failures are grouped into model calls. */
  public enum Granularity {
    /** One call per cluster with the cluster's part of the space (the default). */
    PER_CLUSTER,
    /** One call per failure with the whole space: the seed's design, kept to measure what clustering saves. */
    PER_FAILURE_WHOLE_SPACE
  }

  private final Builder config;
  private final PromptTemplate template;
  private final String knowledgeBase;
  private final String fixSchema;

  private LlmFailureAnalyzer(Builder b) {
    this.config = b.copy();
    PromptCatalog catalog = b.prompts != null ? b.prompts : PromptCatalog.builtIn();
    PromptVersion version = catalog.version(b.promptVersion != null ? b.promptVersion : catalog.activeVersion());
    this.template = version.template(b.templateName);
    this.knowledgeBase = version.template("best_practices").text();
    this.fixSchema = version.file("fix.schema.json").orElse(FixJson.schema());
  }

  /** A builder; {@code llm} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this analyzer's settings. */
  public Builder toBuilder() {
    return config.copy();
  }

  /** The prompt version this analyzer renders. */
  public String promptVersion() {
    return template.version();
  }

  @Override
  public Analysis analyze(AnalysisContext context) {
    List<FailureCluster> clusters = FailureClustering.cluster(context.failures(), config.categorizer);
    List<Fix> proposed = new ArrayList<>();
    List<RejectedFix> rejected = new ArrayList<>();
    TokenUsage usage = TokenUsage.NONE;
    long budgetLeft = config.tokenBudget;
    LlmCall call = new LlmCall(config.llm, config.attempts, config.backoff, config.sleeper);
    LeakageGuard leakage = LeakageGuard.of(context.benchmarks());
    Set<String> rolledBack = new HashSet<>();
    context.rolledBack().forEach(f -> rolledBack.add(FixIdentity.of(f)));
    Set<String> acceptedIdentities = new HashSet<>();
    GenieSpace working = context.space();
    for (Request request : requests(clusters, context)) {
      long estimate = request.prompt().length() / 4L;
      if (estimate > budgetLeft) {
        rejected.add(new RejectedFix(null, request.label(), "not analysed: the prompt needs about " + estimate
            + " tokens but only " + budgetLeft + " of the " + config.tokenBudget + "-token budget are left"));
        continue;
      }
      LlmResponse response;
      try {
        response = call.send(new LlmRequest(List.of(ChatMessage.user(request.prompt())), config.temperature,
            config.maxTokens));
      } catch (GenieHealException e) {
        rejected.add(new RejectedFix(null, request.label(), Redactor.redact(e.getMessage())));
        budgetLeft -= estimate;
        continue;
      }
      TokenUsage used = response.usage().total() > 0 ? response.usage()
          : new TokenUsage(estimate, response.text().length() / 4L);
      usage = usage.plus(used);
      budgetLeft -= used.promptTokens();
      for (Fix fix : read(response.text(), request, rejected)) {
        Optional<String> refusal = refusal(fix, rolledBack, acceptedIdentities, leakage);
        if (refusal.isPresent()) {
          rejected.add(RejectedFix.of(fix, refusal.get()));
          continue;
        }
        FixResult trial = config.applier.apply(new FixRequest(working, List.of(fix), context.catalog()));
        if (!trial.rejected().isEmpty()) {
          rejected.add(RejectedFix.of(fix, trial.rejected().get(0).reason()));
          continue;
        }
        working = trial.space();
        proposed.add(fix);
        acceptedIdentities.add(FixIdentity.of(fix));
      }
    }
    LOG.debug("LLM analysis of {} failures in {} clusters: {} proposed, {} rejected, {} tokens",
        context.failures().size(), clusters.size(), proposed.size(), rejected.size(), usage.total());
    return new Analysis(proposed, rejected, usage);
  }

  private record Request(String label, String prompt, List<String> benchmarkIds) {}

  private List<Request> requests(List<FailureCluster> clusters, AnalysisContext context) {
    String rolledBack = context.rolledBack().isEmpty() ? "none" : FixJson.writeAll(context.rolledBack());
    List<Request> requests = new ArrayList<>();
    for (FailureCluster cluster : clusters) {
      if (config.granularity == Granularity.PER_CLUSTER) {
        List<FailureCluster.Member> members = cluster.failures().subList(0,
            Math.min(cluster.failures().size(), config.maxFailuresPerCluster));
        String space = SpaceExcerpt.of(context.space(), cluster.tables()).toPrettyJson();
        requests.add(new Request("cluster " + cluster.label(), render(space, describe(members), rolledBack),
            cluster.benchmarkIds()));
      } else {
        String space = context.space().toPrettyJson();
        for (FailureCluster.Member m : cluster.failures()) {
          requests.add(new Request("failure " + m.result().benchmark().id(),
              render(space, describe(List.of(m)), rolledBack), List.of(m.result().benchmark().id())));
        }
      }
    }
    return requests;
  }

  private String render(String space, String failures, String rolledBack) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("best_practices", knowledgeBase);
    values.put("space", space);
    values.put("failures", failures);
    values.put("rolled_back", rolledBack);
    values.put("max_fixes", Integer.toString(config.maxFixesPerCluster));
    values.put("fix_schema", fixSchema);
    if (template.variables().contains("cluster")) {
      values.put("cluster", "see the failures' categories and evidence");
    }
    values.keySet().retainAll(template.variables());
    return template.render(values);
  }

  /** Each failure as delimited, truncated data: the model sees what happened, never an instruction. */
  static String describe(List<FailureCluster.Member> members) {
    StringBuilder out = new StringBuilder();
    for (FailureCluster.Member m : members) {
      Attempt a = m.result().representative();
      GenieAnswer answer = a.answer();
      out.append("- benchmark_id: ").append(m.result().benchmark().id()).append('\n')
          .append("  question: ").append(clip(m.result().benchmark().question())).append('\n')
          .append("  expected_sql: ").append(clip(m.result().benchmark().expectedSql())).append('\n')
          .append("  genie_status: ").append(answer.status()).append('\n')
          .append("  genie_sql: ").append(answer.hasSql() ? clip(answer.sql()) : "none").append('\n');
      if (answer.error() != null) {
        out.append("  genie_error: ").append(clip(answer.error())).append('\n');
      }
      out.append("  comparison: ").append(a.verdict().reasons()).append(' ')
          .append(clip(a.verdict().explanation())).append('\n')
          .append("  category: ").append(m.categorization().category().id()).append('\n')
          .append("  evidence: ").append(m.categorization().evidence()).append('\n');
    }
    return out.toString();
  }

  private static String clip(String text) {
    String t = text == null ? "" : text.replace("</data>", "</ data>");
    return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT) + "... [" + (t.length() - MAX_TEXT) + " more]";
  }

  private List<Fix> read(String answer, Request request, List<RejectedFix> rejected) {
    ModelJson.Result result = ModelJson.extract(answer, config.maxAnswerChars);
    if (result instanceof ModelJson.Refused refused) {
      rejected.add(new RejectedFix(null, preview(answer), request.label() + ": " + refused.reason()));
      return List.of();
    }
    JsonNode json = ((ModelJson.Ok) result).json();
    JsonNode fixes = json.get("fixes");
    if (fixes == null || !fixes.isArray()) {
      rejected.add(new RejectedFix(null, preview(answer),
          request.label() + ": the answer has no \"fixes\" array"));
      return List.of();
    }
    ParsedFixes parsed = FixJson.readAll(fixes.toString());
    rejected.addAll(parsed.unreadable());
    List<Fix> out = new ArrayList<>();
    for (Fix f : parsed.fixes()) {
      out.add(f.benchmarkIds().isEmpty() ? FixIdentity.withBenchmarkIds(f, request.benchmarkIds()) : f);
    }
    return out;
  }

  private static String preview(String answer) {
    String a = answer == null ? "" : answer;
    return a.length() <= 2_000 ? a : a.substring(0, 2_000) + "... [" + (a.length() - 2_000) + " more characters]";
  }

  /** Why a proposal is refused; {@code rolledBack} and {@code accepted} hold {@link FixIdentity identities}. */
  private static Optional<String> refusal(Fix fix, Set<String> rolledBack, Set<String> accepted, LeakageGuard guard) {
    String identity = FixIdentity.of(fix);
    if (rolledBack.contains(identity)) {
      return Optional.of("this fix was applied before, made the score worse and was rolled back");
    }
    if (accepted.contains(identity)) {
      return Optional.of("duplicate of a fix already proposed in this analysis");
    }
    return guard.check(fix);
  }

  /**
   * Builds an {@link LlmFailureAnalyzer}. See the class javadoc for defaults.
   */
  public static final class Builder {
    private LlmClient llm;
    private PromptCatalog prompts;
    private String promptVersion;
    private String templateName = "analysis";
    private double temperature = 0.1;
    private int maxTokens = 2_000;
    private long tokenBudget = 60_000;
    private int maxFixesPerCluster = 5;
    private int maxFailuresPerCluster = 8;
    private int maxAnswerChars = 200_000;
    private int attempts = 3;
    private Duration backoff = Duration.ofSeconds(2);
    private Sleeper sleeper = Sleeper.system();
    private FailureCategorizer categorizer = FailureCategorizer.create();
    private FixApplier applier = FixApplier.standard();
    private Granularity granularity = Granularity.PER_CLUSTER;

    private Builder() {}

    /** The model. Required. */
    public Builder llm(LlmClient llm) {
      this.llm = Objects.requireNonNull(llm, "llm");
      return this;
    }

    /** The prompt catalog (default: the built-in one). */
    public Builder prompts(PromptCatalog prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompts");
      return this;
    }

    /** The prompt version (default: the catalog's active version); checked when built. */
    public Builder promptVersion(String version) {
      this.promptVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** The template to render: {@code analysis} (default) or {@code fix_generation}. */
    public Builder template(String name) {
      this.templateName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sampling temperature in [0, 2] (default 0.1). */
    public Builder temperature(double temperature) {
      this.temperature = Checks.temperature(temperature, "temperature");
      return this;
    }

    /** Answer token limit per call (default 2,000). */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = Checks.atLeast(maxTokens, 1, "maxTokens");
      return this;
    }

    /** Prompt tokens one analysis may spend (default 60,000). */
    public Builder tokenBudget(long tokens) {
      this.tokenBudget = Checks.positive(tokens, "tokenBudget");
      return this;
    }

    /** Fixes asked for per call (default 5). */
    public Builder maxFixesPerCluster(int max) {
      this.maxFixesPerCluster = Checks.atLeast(max, 1, "maxFixesPerCluster");
      return this;
    }

    /** Failures shown per cluster (default 8). */
    public Builder maxFailuresPerCluster(int max) {
      this.maxFailuresPerCluster = Checks.atLeast(max, 1, "maxFailuresPerCluster");
      return this;
    }

    /** Longest answer read, in characters (default 200,000); longer answers are refused. */
    public Builder maxAnswerChars(int max) {
      this.maxAnswerChars = Checks.atLeast(max, 1, "maxAnswerChars");
      return this;
    }

    /** Attempts per model call (default 3) and the first back-off (default 2 s, doubled per retry). */
    public Builder retries(int attempts, Duration backoff) {
      this.attempts = Checks.atLeast(attempts, 1, "attempts");
      this.backoff = Checks.notNegative(backoff, "backoff");
      return this;
    }

    /** Waits between attempts (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Categorizes failures for clustering (default {@link FailureCategorizer#create()}). */
    public Builder categorizer(FailureCategorizer categorizer) {
      this.categorizer = Objects.requireNonNull(categorizer, "categorizer");
      return this;
    }

    /** Applies proposals on trial to check them (default {@link FixApplier#standard()}). */
    public Builder applier(FixApplier applier) {
      this.applier = Objects.requireNonNull(applier, "applier");
      return this;
    }

    /** How failures are grouped into calls (default {@link Granularity#PER_CLUSTER}). */
    public Builder granularity(Granularity granularity) {
      this.granularity = Objects.requireNonNull(granularity, "granularity");
      return this;
    }

    /**
     * Builds the analyzer.
     *
     * @throws IllegalStateException when {@code llm} is missing
     * @throws IllegalArgumentException when the prompt version or template does not exist
     */
    public LlmFailureAnalyzer build() {
      if (llm == null) {
        throw new IllegalStateException("llm is required");
      }
      return new LlmFailureAnalyzer(this);
    }

    private Builder copy() {
      Builder b = new Builder();
      b.llm = llm;
      b.prompts = prompts;
      b.promptVersion = promptVersion;
      b.templateName = templateName;
      b.temperature = temperature;
      b.maxTokens = maxTokens;
      b.tokenBudget = tokenBudget;
      b.maxFixesPerCluster = maxFixesPerCluster;
      b.maxFailuresPerCluster = maxFailuresPerCluster;
      b.maxAnswerChars = maxAnswerChars;
      b.attempts = attempts;
      b.backoff = backoff;
      b.sleeper = sleeper;
      b.categorizer = categorizer;
      b.applier = applier;
      b.granularity = granularity;
      return b;
    }
  }
}
