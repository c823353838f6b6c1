package dev.genieheal.analyze;

import dev.genieheal.fix.ExampleSqlFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.SampleQuestionFix;
import dev.genieheal.fix.TextInstructionFix;
import dev.genieheal.port.Benchmark;
import dev.genieheal.space.Parameter;
import dev.genieheal.sql.SqlNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects example questions and SQL that copy a benchmark question or its SQL (after normalisation): they inflate
 * the benchmark score without teaching Genie anything general. On by default in the loop. Thread-safe.
 *
 * <p>What counts as a copy:
 * <ul>
 *   <li>an {@link ExampleSqlFix} or {@link SampleQuestionFix} question equal to a benchmark question after
 *       lower-casing and removing punctuation and repeated whitespace;
 *   <li>an {@link ExampleSqlFix} SQL that {@linkplain SqlNormalizer#normalize normalises} equal to a benchmark's
 *       expected SQL (or, when either does not parse, equal after collapsing case and whitespace);
 *   <li>a parameterized example that becomes such a copy once its parameters' default values are substituted
 *       (in the SQL and in {@code :name} or {@code {name}} placeholders of the question): defaults are what Genie
 *       runs when a user does not say otherwise, so a template whose defaults reproduce a benchmark is a copy;
 *   <li>a {@link TextInstructionFix} whose rule contains a benchmark question verbatim (after normalisation).
 * </ul>
 * A template that reproduces a benchmark only with values other than its defaults is a generalisation and passes.
 */
public final class LeakageGuard {
  private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z_][A-Za-z_0-9]*)");
  private static final Set<String> NUMERIC_TYPES =
      Set.of("INT", "INTEGER", "BIGINT", "LONG", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "DECIMAL", "NUMBER",
          "NUMERIC");

  private final List<Benchmark> benchmarks;
  private final List<String> questions;
  private final List<String> sqls;

  private LeakageGuard(Collection<Benchmark> benchmarks) {
    this.benchmarks = List.copyOf(benchmarks);
    this.questions = this.benchmarks.stream().map(b -> normalizeQuestion(b.question())).toList();
    this.sqls = this.benchmarks.stream().map(b -> normalizeSql(b.expectedSql())).toList();
  }

  /** A guard over the given benchmarks (pass tuning and held-out sets both). */
  public static LeakageGuard of(Collection<Benchmark> benchmarks) {
    return new LeakageGuard(benchmarks);
  }

  /** Why the fix leaks a benchmark, or empty when it does not. */
  public Optional<String> check(Fix fix) {
    if (fix instanceof ExampleSqlFix example) {
      return checkExample(example);
    }
    if (fix instanceof SampleQuestionFix sample) {
      return questionCopy(sample.question(), "sample question");
    }
    if (fix instanceof TextInstructionFix instruction) {
      String rule = " " + normalizeQuestion(instruction.rule()) + " ";
      for (int i = 0; i < benchmarks.size(); i++) {
        if (!questions.get(i).isEmpty() && rule.contains(" " + questions.get(i) + " ")) {
          return Optional.of("the instruction quotes benchmark question " + benchmarks.get(i).id());
        }
      }
    }
    return Optional.empty();
  }

  /** The benchmarks guarded. */
  public List<Benchmark> benchmarks() {
    return benchmarks;
  }

  private Optional<String> checkExample(ExampleSqlFix example) {
    Optional<String> question = questionCopy(example.question(), "example question");
    if (question.isPresent()) {
      return question;
    }
    Optional<String> byQuestionDefaults = questionCopy(substituteQuestion(example.question(), example.parameters()),
        "example question with its parameter defaults");
    if (byQuestionDefaults.isPresent()) {
      return byQuestionDefaults;
    }
    for (String variant : substitutedSqls(example.sql(), example.parameters())) {
      String normal = normalizeSql(variant);
      for (int i = 0; i < benchmarks.size(); i++) {
        if (normal.equals(sqls.get(i))) {
          boolean substituted = !variant.equals(example.sql());
          return Optional.of("the example SQL " + (substituted ? "with its parameter defaults " : "")
              + "copies the expected SQL of benchmark " + benchmarks.get(i).id());
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> questionCopy(String question, String what) {
    String normal = normalizeQuestion(question);
    for (int i = 0; i < benchmarks.size(); i++) {
      if (!normal.isEmpty() && normal.equals(questions.get(i))) {
        return Optional.of("the " + what + " copies benchmark question " + benchmarks.get(i).id());
      }
    }
    return Optional.empty();
  }

  /** The SQL as given, then with defaults substituted as quoted strings, as bare values and as DATE literals. */
  private static List<String> substitutedSqls(String sql, List<Parameter> parameters) {
    List<String> variants = new ArrayList<>();
    variants.add(sql);
    if (parameters.stream().noneMatch(p -> p.name() != null && !p.defaultValues().isEmpty())) {
      return variants;
    }
    for (String style : List.of("typed", "quoted", "bare", "date")) {
      variants.add(substitute(sql, parameters, style));
    }
    return variants;
  }

  private static String substitute(String sql, List<Parameter> parameters, String style) {
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Optional<Parameter> p = parameters.stream()
          .filter(x -> m.group(1).equalsIgnoreCase(x.name()) && !x.defaultValues().isEmpty())
          .findFirst();
      String replacement = p.map(x -> literal(x, style)).orElse(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String literal(Parameter p, String style) {
    String value = p.defaultValues().get(0);
    String quoted = "'" + value.replace("'", "''") + "'";
    String type = p.typeHint() == null ? "" : p.typeHint().toUpperCase(Locale.ROOT);
    switch (style) {
      case "typed":
        if (NUMERIC_TYPES.stream().anyMatch(type::startsWith)) {
          return value;
        }
        return type.startsWith("DATE") ? "DATE " + quoted : quoted;
      case "bare":
        return value;
      case "date":
        return "DATE " + quoted;
      default:
        return quoted;
    }
  }

  private static String substituteQuestion(String question, List<Parameter> parameters) {
    String q = question;
    for (Parameter p : parameters) {
      if (p.name() != null && !p.defaultValues().isEmpty()) {
        String value = p.defaultValues().get(0);
        q = q.replace("{" + p.name() + "}", value).replaceAll(":" + Pattern.quote(p.name()) + "\\b",
            Matcher.quoteReplacement(value));
      }
    }
    return q;
  }

  /** Lower case, letters and digits only, single spaces. */
  static String normalizeQuestion(String question) {
    if (question == null) {
      return "";
    }
    return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String normalizeSql(String sql) {
    return SqlNormalizer.normalize(sql)
        .orElseGet(() -> sql == null ? "" : "unparsed:" + sql.strip().replaceAll(";+$", "")
            .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
  }
}
