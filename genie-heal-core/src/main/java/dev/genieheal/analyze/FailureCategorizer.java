package dev.genieheal.analyze;

import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.sql.SqlDiff;
import dev.genieheal.sql.SqlStructure;
import dev.genieheal.sql.SqlStructure.ColumnRef;
import dev.genieheal.sql.SqlStructure.FilterPredicate;
import dev.genieheal.sql.SqlStructure.JoinPair;
import dev.genieheal.sql.SqlStructure.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts a failed question into one of the {@link FailureCategory categories}, from the structural difference
 * between the expected and the generated SQL plus the comparison's reasons. Never throws: SQL it cannot parse
 * yields {@link FailureCategory#UNKNOWN} (or {@code SQL_SYNTAX_ERROR} for Genie's own SQL). Thread-safe.
 *
 * <p>Precedence, first match wins: no SQL; failed execution (syntax or other); missing table or join; wrong join;
 * missing column; wrong aggregation (function, argument or grouping); wrong filter; unknown. Columns the expected SQL
 * reads only inside a filter Genie left out count as a wrong filter, not a missing column.
 */
public final class FailureCategorizer {
  private static final Pattern SYNTAX = Pattern.compile(
      "syntax|parse_syntax|parseexception|mismatched input|extraneous input", Pattern.CASE_INSENSITIVE);

  private FailureCategorizer() {}

  /** A categorizer. */
  public static FailureCategorizer create() {
    return new FailureCategorizer();
  }

  /** The category of a failed question with its evidence. */
  public Categorization categorize(QuestionResult result) {
    Attempt attempt = result.representative();
    GenieAnswer answer = attempt.answer();
    Verdict verdict = attempt.verdict();
    List<String> evidence = new ArrayList<>();
    if (!verdict.reasons().isEmpty()) {
      evidence.add("verdict reasons: " + verdict.reasons());
    }
    if (!answer.hasSql()) {
      return noSql(answer, evidence);
    }
    Optional<SqlStructure> generated = SqlStructure.parse(answer.sql());
    String error = errorText(answer, verdict);
    if (verdict.reasons().contains(ReasonCode.EXECUTION_FAILED) || answer.status() == AnswerStatus.FAILED) {
      evidence.add("error: " + abbreviate(error));
      boolean syntax = generated.isEmpty() || SYNTAX.matcher(error).find();
      return new Categorization(syntax ? FailureCategory.SQL_SYNTAX_ERROR : FailureCategory.EXECUTION_FAILED,
          evidence);
    }
    if (generated.isEmpty()) {
      evidence.add("the generated SQL could not be parsed here, so its structure is unknown");
      return new Categorization(FailureCategory.UNKNOWN, evidence);
    }
    Optional<SqlStructure> expected = SqlStructure.parse(result.benchmark().expectedSql());
    if (expected.isEmpty()) {
      evidence.add("the expected SQL could not be parsed here, so its structure is unknown");
      return new Categorization(FailureCategory.UNKNOWN, evidence);
    }
    return fromDiff(expected.get(), generated.get(), SqlDiff.between(expected.get(), generated.get()), evidence);
  }

  /** The structural difference of the representative attempt, when both SQLs parse. */
  public Optional<SqlDiff> diff(QuestionResult result) {
    GenieAnswer answer = result.representative().answer();
    if (!answer.hasSql()) {
      return Optional.empty();
    }
    Optional<SqlStructure> generated = SqlStructure.parse(answer.sql());
    Optional<SqlStructure> expected = SqlStructure.parse(result.benchmark().expectedSql());
    if (generated.isEmpty() || expected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(SqlDiff.between(expected.get(), generated.get()));
  }

  private static Categorization noSql(GenieAnswer answer, List<String> evidence) {
    String detail = answer.error() != null ? answer.error() : answer.text();
    evidence.add("Genie answered " + answer.status() + " without SQL"
        + (detail == null || detail.isBlank() ? "" : ": " + abbreviate(detail)));
    boolean sqlFailed = answer.errorType() != null
        && answer.errorType().toUpperCase(Locale.ROOT).contains("SQL_EXECUTION");
    return new Categorization(sqlFailed ? FailureCategory.EXECUTION_FAILED : FailureCategory.NO_SQL_GENERATED,
        evidence);
  }

  private static Categorization fromDiff(SqlStructure expected, SqlStructure generated, SqlDiff diff,
      List<String> evidence) {
    if (!diff.missingTables().isEmpty()) {
      for (TableRef t : diff.missingTables()) {
        evidence.add("expected table " + t.name() + " not used");
      }
      diff.extraTables().forEach(t -> evidence.add("generated SQL used table " + t.name() + " instead"));
      diff.missingJoins().forEach(j -> evidence.add("join " + j + " not performed"));
      boolean sharesATable = expected.tables().stream()
          .anyMatch(t -> generated.tables().stream().anyMatch(g -> g.shortName().equals(t.shortName())));
      boolean joinsMissingTable = diff.missingJoins().stream().anyMatch(j -> diff.missingTables().stream()
          .anyMatch(t -> j.left().shortTable().equals(t.shortName()) || j.right().shortTable()
              .equals(t.shortName())));
      boolean missingJoin = sharesATable && joinsMissingTable && diff.extraTables().isEmpty();
      return new Categorization(missingJoin ? FailureCategory.MISSING_JOIN : FailureCategory.MISSING_TABLE,
          evidence);
    }
    if (!diff.missingJoins().isEmpty()) {
      for (JoinPair j : diff.missingJoins()) {
        evidence.add("expected join " + j + " not used");
      }
      diff.extraJoins().forEach(j -> evidence.add("generated SQL joined on " + j));
      boolean wrongCondition = diff.missingJoins().stream()
          .anyMatch(m -> generated.joins().stream().anyMatch(m::sameTables)) || !diff.extraJoins().isEmpty();
      return new Categorization(wrongCondition ? FailureCategory.WRONG_JOIN : FailureCategory.MISSING_JOIN,
          evidence);
    }
    if (!diff.extraJoins().isEmpty()) {
      diff.extraJoins().forEach(j -> evidence.add("generated SQL joined on " + j + ", which the expected SQL does not"));
      return new Categorization(FailureCategory.WRONG_JOIN, evidence);
    }
    List<ColumnRef> missingColumns = diff.missingColumns().stream()
        .filter(c -> !onlyInMissingFilters(c, expected, diff))
        .toList();
    if (!missingColumns.isEmpty()) {
      for (ColumnRef c : missingColumns) {
        evidence.add("expected column " + c + " not used");
      }
      diff.extraColumns().forEach(c -> evidence.add("generated SQL used column " + c));
      return new Categorization(FailureCategory.MISSING_COLUMN, evidence);
    }
    if (!diff.missingAggregates().isEmpty() || !diff.extraAggregates().isEmpty() || diff.groupByDiffers()) {
      diff.missingAggregates().forEach(a -> evidence.add("expected aggregate " + a + " not computed"));
      diff.extraAggregates().forEach(a -> evidence.add("generated SQL computed " + a));
      if (diff.groupByDiffers()) {
        evidence.add("group by differs: expected " + expected.groupBy() + ", generated " + generated.groupBy());
      }
      return new Categorization(FailureCategory.WRONG_AGGREGATION, evidence);
    }
    if (!diff.missingFilters().isEmpty() || !diff.extraFilters().isEmpty()) {
      diff.missingFilters().forEach(f -> evidence.add("expected filter " + f + " missing"));
      diff.extraFilters().forEach(f -> evidence.add("generated SQL filtered on " + f));
      return new Categorization(FailureCategory.WRONG_FILTER, evidence);
    }
    String described = diff.describe();
    evidence.add(described.isEmpty() ? "no structural difference found" : described);
    return new Categorization(FailureCategory.UNKNOWN, evidence);
  }

  private static boolean onlyInMissingFilters(ColumnRef column, SqlStructure expected, SqlDiff diff) {
    boolean inMissingFilter = diff.missingFilters().stream()
        .map(FilterPredicate::column)
        .anyMatch(c -> c != null && c.sameAs(column));
    boolean elsewhere = expected.aggregates().stream().anyMatch(a -> a.columns().stream().anyMatch(column::sameAs))
        || expected.selectItems().stream().anyMatch(s -> s.contains(column.column()))
        || expected.groupBy().stream().anyMatch(g -> g.contains(column.column()));
    return inMissingFilter && !elsewhere;
  }

  private static String errorText(GenieAnswer answer, Verdict verdict) {
    StringBuilder sb = new StringBuilder();
    if (answer.errorType() != null) {
      sb.append(answer.errorType()).append(' ');
    }
    if (answer.error() != null) {
      sb.append(answer.error()).append(' ');
    }
    sb.append(verdict.explanation());
    return sb.toString().strip();
  }

  private static String abbreviate(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
    return one.length() <= 200 ? one : one.substring(0, 197) + "...";
  }
}
