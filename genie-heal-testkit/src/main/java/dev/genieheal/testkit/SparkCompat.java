package dev.genieheal.testkit;

import java.util.List;

/**
 * The DuckDB macros that let Spark SQL as Genie writes it run on {@link LocalWarehouse}. The list is documented on
 * {@link LocalWarehouse}; keep the two in step.
 */
final class SparkCompat {
  private SparkCompat() {}

  /** Private-use characters hold text tokens while numeric tokens are replaced, so names are never re-replaced. */
  private static final String[][] TEXT_TOKENS = {
      {"MMMM", "%B"}, {"MMM", "%b"}, {"EEEE", "%A"}, {"EEE", "%a"}, {"a", "%p"}};

  /** Order matters: longer tokens first, so {@code yyyy} is not read as two {@code yy}. */
  private static final String[][] NUMERIC_TOKENS = {
      {"yyyy", "%Y"}, {"yy", "%y"}, {"MM", "%m"}, {"M", "%-m"}, {"dd", "%d"}, {"d", "%-d"},
      {"HH", "%H"}, {"hh", "%I"}, {"mm", "%M"}, {"ss", "%S"}};

  /** Patterns {@code to_date(s, fmt)} accepts, Spark pattern to strptime format. */
  private static final String[][] PARSE_PATTERNS = {
      {"yyyy-MM-dd", "%Y-%m-%d"}, {"yyyy/MM/dd", "%Y/%m/%d"}, {"yyyyMMdd", "%Y%m%d"}, {"MM/dd/yyyy", "%m/%d/%Y"},
      {"dd/MM/yyyy", "%d/%m/%Y"}, {"dd-MM-yyyy", "%d-%m-%Y"}, {"dd.MM.yyyy", "%d.%m.%Y"},
      {"yyyy-MM-dd HH:mm:ss", "%Y-%m-%d %H:%M:%S"}};

  /** The CREATE MACRO statements, in dependency order. */
  static List<String> macros() {
    return List.of(
        "CREATE MACRO nvl(a, b) AS coalesce(a, b)",
        "CREATE MACRO nvl2(a, b, c) AS CASE WHEN a IS NOT NULL THEN b ELSE c END",
        // Spark's datediff(end, start) counts days; DuckDB's three-argument form stays available.
        "CREATE MACRO datediff(e, s) AS CAST(CAST(e AS DATE) - CAST(s AS DATE) AS BIGINT),"
            + " (p, s, e) AS date_diff(p, s, e)",
        "CREATE MACRO date_sub(d, n) AS CAST(CAST(d AS DATE) - CAST(n AS INTEGER) AS DATE),"
            + " (p, s, e) AS system.main.date_sub(p, s, e)",
        "CREATE MACRO add_months(d, n) AS CAST(CAST(d AS DATE) + to_months(CAST(n AS INTEGER)) AS DATE)",
        // Spark numbers days 1 (Sunday) to 7; DuckDB 0 to 6.
        "CREATE MACRO dayofweek(d) AS CAST(extract(dow FROM CAST(d AS DATE)) + 1 AS BIGINT)",
        "CREATE MACRO date_format(d, f) AS " + dateFormat(),
        "CREATE MACRO to_date(s) AS CAST(s AS DATE), (s, f) AS " + toDate(),
        "CREATE MACRO from_unixtime(n) AS strftime(to_timestamp(n), '%Y-%m-%d %H:%M:%S')",
        "CREATE MACRO size(x) AS CAST(len(x) AS INTEGER)",
        "CREATE MACRO collect_list(x) AS list(x)",
        "CREATE MACRO collect_set(x) AS list(DISTINCT x)",
        "CREATE MACRO percentile_approx(x, p) AS approx_quantile(x, p)",
        "CREATE MACRO percentile(x, p) AS quantile_cont(x, p)");
  }

  // strftime needs a constant format, so each token is rendered separately and substituted into the pattern.
  private static String dateFormat() {
    String expr = "f";
    for (int i = 0; i < TEXT_TOKENS.length; i++) {
      expr = replace(expr, "'" + TEXT_TOKENS[i][0] + "'", "chr(" + (i + 1) + ")");
    }
    for (String[] token : NUMERIC_TOKENS) {
      expr = replace(expr, "'" + token[0] + "'", render(token[1]));
    }
    for (int i = 0; i < TEXT_TOKENS.length; i++) {
      expr = replace(expr, "chr(" + (i + 1) + ")", render(TEXT_TOKENS[i][1]));
    }
    return expr;
  }

  private static String toDate() {
    StringBuilder sb = new StringBuilder("CAST(CASE f");
    for (String[] p : PARSE_PATTERNS) {
      sb.append(" WHEN '").append(p[0]).append("' THEN try_strptime(CAST(s AS VARCHAR), '").append(p[1]).append("')");
    }
    return sb.append(" ELSE error('to_date: LocalWarehouse does not support the pattern ' || f) END AS DATE)")
        .toString();
  }

  private static String replace(String expr, String what, String with) {
    return "replace(" + expr + ", " + what + ", " + with + ")";
  }

  private static String render(String strftimeFormat) {
    return "strftime(CAST(d AS TIMESTAMP), '" + strftimeFormat + "')";
  }
}
