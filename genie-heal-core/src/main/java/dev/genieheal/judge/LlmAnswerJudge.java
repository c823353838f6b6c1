package dev.genieheal.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.Redactor;
import dev.genieheal.internal.Checks;
import dev.genieheal.internal.LlmCall;
import dev.genieheal.internal.ModelJson;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.Sleeper;
import dev.genieheal.prompts.PromptCatalog;
import dev.genieheal.prompts.PromptTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Judges semantic equivalence with a language model, using the versioned {@code answer_comparison} prompt; returns
 * a {@link Verdict} with method {@link JudgeMethod#LLM} and the model's reasoning.
 *
 * <p>Meant as the hybrid judge's second judge, asked only about disagreements that may be acceptable: it reads the
 * results and the first verdict from {@link JudgeContext#withEvidence}. Benchmark and answer text are delimited as
 * data in the prompt. When the model cannot be reached or answers unreadably, the earlier verdict stands (with the
 * problem appended to its explanation), or the answer fails when there is none: an LLM outage never turns a failure
 * into a pass.
 *
 * <p>Defaults: built-in prompts at their active version, temperature 0, 500 answer tokens, 20 rows per result in
 * the prompt, 3 attempts with 2 s back-off. Thread-safe.
 */
public final class LlmAnswerJudge implements AnswerJudge {
  private static final int MAX_CELL = 200;

  private final LlmCall call;
  private final PromptTemplate template;
  private final double temperature;
  private final int maxTokens;
  private final int rowsInPrompt;
  private final AtomicLong tokens = new AtomicLong();

  private LlmAnswerJudge(Builder b) {
    this.call = new LlmCall(b.llm, b.attempts, b.backoff, b.sleeper);
    PromptCatalog catalog = b.prompts != null ? b.prompts : PromptCatalog.builtIn();
    this.template = catalog.template("answer_comparison",
        b.promptVersion != null ? b.promptVersion : catalog.activeVersion());
    this.temperature = b.temperature;
    this.maxTokens = b.maxTokens;
    this.rowsInPrompt = b.rowsInPrompt;
  }

  /** A builder; {@code llm} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Tokens this judge has spent so far (prompt + completion). */
  public long tokensUsed() {
    return tokens.get();
  }

  @Override
  public Verdict judge(JudgeContext context) {
    Verdict prior = context.priorVerdict();
    String prompt = template.render(Map.of(
        "question", context.benchmark().question(),
        "expected_sql", context.benchmark().expectedSql(),
        "expected_result", context.expectedResultIfKnown().map(this::describe).orElse("not available"),
        "genie_sql", context.answer().hasSql() ? context.answer().sql() : "none",
        "genie_result", context.actualResultIfKnown().map(this::describe).orElse("not available"),
        "comparison", prior == null ? "no deterministic comparison"
            : (prior.passed() ? "passed" : "failed") + " " + prior.reasons() + ": " + prior.explanation()));
    LlmResponse response;
    try {
      response = call.send(new LlmRequest(List.of(ChatMessage.user(prompt)), temperature, maxTokens));
    } catch (GenieHealException e) {
      return fallback(prior, "LLM judge unavailable: " + Redactor.redact(e.getMessage()));
    }
    tokens.addAndGet(response.usage().total());
    ModelJson.Result result = ModelJson.extract(response.text(), 50_000);
    if (result instanceof ModelJson.Refused refused) {
      return fallback(prior, "LLM judge answer unreadable: " + refused.reason());
    }
    JsonNode json = ((ModelJson.Ok) result).json();
    JsonNode equivalent = json.get("equivalent");
    if (equivalent == null || !equivalent.isBoolean()) {
      return fallback(prior, "LLM judge answer has no boolean \"equivalent\"");
    }
    String reasoning = json.path("reasoning").asText("");
    if (equivalent.booleanValue()) {
      return Verdict.pass(JudgeMethod.LLM, reasoning);
    }
    List<ReasonCode> reasons = new ArrayList<>(prior == null ? List.of() : prior.reasons());
    reasons.add(ReasonCode.LLM_JUDGE_NOT_EQUIVALENT);
    return Verdict.fail(JudgeMethod.LLM, reasons, reasoning);
  }

  private static Verdict fallback(Verdict prior, String problem) {
    if (prior == null) {
      return Verdict.fail(JudgeMethod.LLM, List.of(ReasonCode.OTHER), problem);
    }
    return new Verdict(prior.passed(), prior.method(), prior.reasons(),
        prior.explanation().isEmpty() ? problem : prior.explanation() + "; " + problem);
  }

  private String describe(ResultTable table) {
    StringJoiner out = new StringJoiner("\n");
    StringJoiner header = new StringJoiner(" | ");
    table.columns().forEach(c -> header.add(c.name() + " (" + c.type() + ")"));
    out.add(header.toString());
    table.rows().stream().limit(rowsInPrompt).forEach(row -> {
      StringJoiner line = new StringJoiner(" | ");
      row.forEach(v -> line.add(cell(v)));
      out.add(line.toString());
    });
    out.add("(" + table.rowCount() + " rows" + (table.rowCount() > rowsInPrompt ? ", first " + rowsInPrompt
        + " shown" : "") + (table.truncated() ? ", truncated by the producer" : "") + ")");
    return out.toString();
  }

  private static String cell(Object v) {
    String s = v == null ? "NULL" : v instanceof byte[] b ? "<" + b.length + " bytes>" : v.toString();
    s = s.replace("</data>", "</ data>");
    return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL) + "...";
  }

  /** Builds an {@link LlmAnswerJudge}. See the class javadoc for defaults. */
  public static final class Builder {
    private LlmClient llm;
    private PromptCatalog prompts;
    private String promptVersion;
    private double temperature = 0.0;
    private int maxTokens = 500;
    private int rowsInPrompt = 20;
    private int attempts = 3;
    private Duration backoff = Duration.ofSeconds(2);
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /** The model. Required. */
    public Builder llm(LlmClient llm) {
      this.llm = Objects.requireNonNull(llm, "llm");
      return this;
    }

    /** The prompt catalog (default: built in). */
    public Builder prompts(PromptCatalog prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompts");
      return this;
    }

    /** The prompt version (default: the catalog's active one). */
    public Builder promptVersion(String version) {
      this.promptVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Sampling temperature in [0, 2] (default 0). */
    public Builder temperature(double temperature) {
      this.temperature = Checks.temperature(temperature, "temperature");
      return this;
    }

    /** Answer token limit (default 500). */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = Checks.atLeast(maxTokens, 1, "maxTokens");
      return this;
    }

    /** Rows of each result shown to the model (default 20). */
    public Builder rowsInPrompt(int rows) {
      this.rowsInPrompt = Checks.atLeast(rows, 1, "rowsInPrompt");
      return this;
    }

    /** Attempts per call (default 3) and first back-off (default 2 s). */
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

    /**
     * Builds the judge.
     *
     * @throws IllegalStateException when {@code llm} is missing
     */
    public LlmAnswerJudge build() {
      if (llm == null) {
        throw new IllegalStateException("llm is required");
      }
      return new LlmAnswerJudge(this);
    }
  }
}
