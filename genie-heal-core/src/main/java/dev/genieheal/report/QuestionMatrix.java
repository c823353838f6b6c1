package dev.genieheal.report;

import dev.genieheal.BenchmarkSet;
import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.error.Redactor;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The question × iteration pass/fail grid, filled from question events (which carry the failure category) and from
 * iteration score cards (which fix the row order). Keeps only what the report shows, never Genie's result rows, so a
 * long run does not hold every result table. Not API; not thread-safe (the sink guards it).
 */
final class QuestionMatrix {
  private static final int MAX_DETAIL = 400;

  /**
   * One benchmark question.
   *
   * @param set its benchmark set
   * @param id the benchmark id
   * @param question the question text
   * @param expectedSql its expected SQL
   */
  record Row(BenchmarkSet set, String id, String question, String expectedSql) {}

  /**
   * How one question did in one iteration.
   *
   * @param passed whether it passed
   * @param passedAttempts how many attempts passed
   * @param attempts how many attempts there were
   * @param category its failure category, or null when it passed or is unknown
   * @param detail the verdict's reasons, explanation and Genie's SQL or error, for a tooltip
   */
  record Cell(boolean passed, int passedAttempts, int attempts, FailureCategory category, String detail) {}

  private record Key(BenchmarkSet set, String id) {}

  private final Map<Key, Row> rows = new LinkedHashMap<>();
  private final Map<Key, Integer> positions = new HashMap<>();
  private final Map<Key, Map<Integer, Cell>> cells = new HashMap<>();
  private final SortedSet<Integer> iterations = new TreeSet<>();

  /** Records one question's result; a later event for the same cell replaces an earlier one. */
  void add(int iteration, BenchmarkSet set, QuestionResult result, FailureCategory category) {
    Key key = row(set, result);
    cells.computeIfAbsent(key, k -> new HashMap<>()).put(iteration, cell(result, category));
    iterations.add(iteration);
  }

  /** Records a finished iteration's card: fixes the row order and fills cells that had no event. */
  void addCard(int iteration, BenchmarkSet set, ScoreCard card) {
    if (card == null) {
      return;
    }
    List<QuestionResult> results = card.results();
    for (int i = 0; i < results.size(); i++) {
      QuestionResult result = results.get(i);
      Key key = row(set, result);
      positions.putIfAbsent(key, i);
      cells.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(iteration, cell(result, null));
    }
    iterations.add(iteration);
  }

  /** Tuning rows first, each set in benchmark order (questions only seen in events last, by id). */
  List<Row> rows() {
    Comparator<Key> order = Comparator.comparing(Key::set)
        .thenComparing(k -> positions.getOrDefault(k, Integer.MAX_VALUE))
        .thenComparing(Key::id);
    return rows.keySet().stream().sorted(order).map(rows::get).toList();
  }

  /** The iterations with at least one result, ascending. */
  List<Integer> iterations() {
    return new ArrayList<>(iterations);
  }

  /** The cell of a row in an iteration, or null when that question was not scored then. */
  Cell cell(Row row, int iteration) {
    Map<Integer, Cell> byIteration = cells.get(new Key(row.set(), row.id()));
    return byIteration == null ? null : byIteration.get(iteration);
  }

  private Key row(BenchmarkSet set, QuestionResult result) {
    Key key = new Key(set, result.benchmark().id());
    rows.computeIfAbsent(key, k -> new Row(set, k.id(), result.benchmark().question(),
        result.benchmark().expectedSql()));
    return key;
  }

  private static Cell cell(QuestionResult result, FailureCategory category) {
    int passed = (int) result.attempts().stream().filter(a -> a.verdict().passed()).count();
    return new Cell(result.passed(), passed, result.attempts().size(), result.passed() ? null : category,
        detail(result, category));
  }

  /** The tooltip text: outcome, reasons, explanation, and what Genie did. */
  private static String detail(QuestionResult result, FailureCategory category) {
    Attempt attempt = result.representative();
    Verdict verdict = attempt.verdict();
    GenieAnswer answer = attempt.answer();
    List<String> lines = new ArrayList<>();
    lines.add((result.passed() ? "PASS" : "FAIL") + (category != null && !result.passed() ? " · " + category.id() : "")
        + " · judged by " + verdict.method().name().toLowerCase(java.util.Locale.ROOT));
    if (result.attempts().size() > 1) {
      long passed = result.attempts().stream().filter(a -> a.verdict().passed()).count();
      lines.add(passed + "/" + result.attempts().size() + " attempts passed");
    }
    if (!verdict.reasons().isEmpty()) {
      lines.add("Reasons: " + verdict.reasons().stream().map(ReasonCode::name).collect(Collectors.joining(", ")));
    }
    if (!verdict.explanation().isBlank()) {
      lines.add(Formats.truncate(Redactor.redact(verdict.explanation()), MAX_DETAIL));
    }
    if (answer.hasSql()) {
      lines.add("Genie SQL: " + Formats.truncate(answer.sql(), MAX_DETAIL));
    } else if (answer.text() != null && !answer.text().isBlank()) {
      lines.add("Genie said: " + Formats.truncate(Redactor.redact(answer.text()), MAX_DETAIL));
    }
    if (answer.error() != null && !answer.error().isBlank()) {
      lines.add("Error: " + (answer.errorType() == null ? "" : answer.errorType() + ": ")
          + Formats.truncate(Redactor.redact(answer.error()), MAX_DETAIL));
    }
    return String.join("\n", lines);
  }
}
