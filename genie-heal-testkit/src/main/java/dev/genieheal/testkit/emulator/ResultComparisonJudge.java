package dev.genieheal.testkit.emulator;

import dev.genieheal.port.ResultTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The default eval judge: positional columns, order-insensitive rows, numbers compared by value. Stateless. */
final class ResultComparisonJudge implements EvalJudge {

  @Override
  public EvalAssessment assess(EvalCase c) {
    if (c.expectedResult() == null) {
      return EvalAssessment.needsReview();
    }
    ResultTable actual = c.actualResult();
    if (actual == null) {
      return EvalAssessment.bad("EMPTY_RESULT");
    }
    ResultTable expected = c.expectedResult();
    int expectedCols = expected.columns().size();
    int actualCols = actual.columns().size();
    if (actualCols < expectedCols) {
      return EvalAssessment.bad("RESULT_MISSING_COLUMNS");
    }
    if (actualCols > expectedCols) {
      return EvalAssessment.bad("RESULT_EXTRA_COLUMNS");
    }
    if (actual.isEmpty() && !expected.isEmpty()) {
      return EvalAssessment.bad("EMPTY_RESULT");
    }
    Map<List<String>, Integer> remaining = new HashMap<>();
    expected.rows().forEach(r -> remaining.merge(key(r), 1, Integer::sum));
    List<List<String>> extra = new ArrayList<>();
    for (List<Object> row : actual.rows()) {
      List<String> k = key(row);
      Integer n = remaining.get(k);
      if (n == null) {
        extra.add(k);
      } else if (n == 1) {
        remaining.remove(k);
      } else {
        remaining.put(k, n - 1);
      }
    }
    int missing = remaining.values().stream().mapToInt(Integer::intValue).sum();
    if (missing == 0 && extra.isEmpty()) {
      return EvalAssessment.good();
    }
    if (missing == 1 && extra.size() == 1 && differsInOneCell(remaining.keySet().iterator().next(), extra.get(0))) {
      return EvalAssessment.bad("SINGLE_CELL_DIFFERENCE");
    }
    List<String> reasons = new ArrayList<>();
    if (missing > 0) {
      reasons.add("RESULT_MISSING_ROWS");
    }
    if (!extra.isEmpty()) {
      reasons.add("RESULT_EXTRA_ROWS");
    }
    return new EvalAssessment(EvalAssessment.Assessment.BAD, reasons);
  }

  private static boolean differsInOneCell(List<String> a, List<String> b) {
    int diff = 0;
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        diff++;
      }
    }
    return diff == 1;
  }

  private static List<String> key(List<Object> row) {
    List<String> out = new ArrayList<>(row.size());
    for (Object v : row) {
      out.add(normalize(v));
    }
    return out;
  }

  private static String normalize(Object v) {
    if (v == null) {
      return "\u0000null";
    }
    if (v instanceof Number) {
      try {
        BigDecimal d = v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
        return d.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return v.toString();
      }
    }
    return StatementJson.cell(v);
  }
}
