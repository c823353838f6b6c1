package dev.genieheal.port;

import dev.genieheal.error.SqlExecutionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds {@link ResultTable}s from JDBC results and from the statement API's JSON_ARRAY (all strings) form.
 *
 * <p>Both produce only the cell value types documented on {@link ResultTable}: integers become {@code Long},
 * {@code BigInteger} (e.g. DuckDB's HUGEINT) and decimals become {@code BigDecimal}, floats become {@code Double},
 * dates {@code LocalDate}, timestamps without a zone {@code LocalDateTime}, timestamps with a zone {@code Instant},
 * binary {@code byte[]}; nested values (ARRAY, MAP, STRUCT), intervals, times and anything unknown become their
 * {@code String} form. Thread-safe (stateless).
 */
public final class ResultTables {
  /** Accepts {@code 2024-01-31 12:00:00}, {@code 2024-01-31T12:00:00.123} and fractions of 0-9 digits. */
  private static final DateTimeFormatter LOCAL_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);

  private ResultTables() {}

  /**
   * Reads every remaining row of a JDBC result set (at most {@code maxRows}; the table is marked truncated when
   * more were available). Column names are the labels, types the driver's type names. The result set is not
   * closed.
   *
   * @throws NullPointerException when {@code resultSet} is null
   * @throws IllegalArgumentException when {@code maxRows} is negative
   * @throws SqlExecutionException when reading fails (carrying the driver's SQL state)
   */
  public static ResultTable fromResultSet(ResultSet resultSet, int maxRows) {
    Objects.requireNonNull(resultSet, "resultSet");
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must be >= 0 but was " + maxRows);
    }
    try {
      ResultSetMetaData meta = resultSet.getMetaData();
      int count = meta.getColumnCount();
      List<ResultTable.Column> columns = new ArrayList<>(count);
      for (int c = 1; c <= count; c++) {
        String label = meta.getColumnLabel(c);
        String type = meta.getColumnTypeName(c);
        columns.add(new ResultTable.Column(label == null ? "col" + c : label, type == null ? "UNKNOWN" : type));
      }
      List<List<Object>> rows = new ArrayList<>();
      boolean truncated = false;
      while (resultSet.next()) {
        if (rows.size() == maxRows) {
          truncated = true;
          break;
        }
        Object[] row = new Object[count];
        for (int c = 1; c <= count; c++) {
          row[c - 1] = jdbcValue(resultSet.getObject(c));
        }
        rows.add(Arrays.asList(row));
      }
      return new ResultTable(columns, rows, truncated);
    } catch (SQLException e) {
      throw new SqlExecutionException("reading the query result failed: " + e.getMessage(), e.getSQLState(), e);
    }
  }

  /**
   * Converts rows whose values all arrive as strings (or null) to typed values using the column types from the
   * statement manifest ({@code type_name} or {@code type_text}: INT, LONG, SHORT, BYTE, DECIMAL, FLOAT, DOUBLE,
   * BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_NTZ, STRING, BINARY (base64), INTERVAL, ARRAY/MAP/STRUCT, NULL, ...).
   * FLOAT and DOUBLE accept {@code NaN}, {@code Infinity} and {@code -Infinity}; unknown types stay strings.
   *
   * @throws NullPointerException when {@code columns} or {@code rows} is null
   * @throws IllegalArgumentException naming the row and column of a value that does not fit its type, or a row
   *     whose length differs from the number of columns
   */
  public static ResultTable fromStrings(List<ResultTable.Column> columns, List<List<String>> rows, boolean truncated) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
    ManifestType[] types = new ManifestType[columns.size()];
    for (int c = 0; c < types.length; c++) {
      types[c] = ManifestType.of(columns.get(c).type());
    }
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row == null || row.size() != types.length) {
        throw new IllegalArgumentException("row " + r + " has " + (row == null ? "no" : row.size())
            + " values but there are " + types.length + " columns");
      }
      Object[] values = new Object[types.length];
      for (int c = 0; c < types.length; c++) {
        String text = row.get(c);
        if (text == null) {
          continue;
        }
        try {
          values[c] = types[c].parse(text);
        } catch (RuntimeException e) { // NumberFormatException, DateTimeParseException, base64 errors
          throw new IllegalArgumentException("row " + r + ", column '" + columns.get(c).name() + "' ("
              + columns.get(c).type() + "): " + abbreviate(text) + " is not a valid " + types[c].description, e);
        }
      }
      out.add(Arrays.asList(values));
    }
    return new ResultTable(columns, out, truncated);
  }

  /**
   * Converts one string to the value for a manifest type name, exactly as {@link #fromStrings} does per cell.
   *
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the text does not fit the type
   */
  public static Object parseValue(String text, String typeName) {
    Objects.requireNonNull(text, "text");
    ManifestType type = ManifestType.of(Objects.requireNonNull(typeName, "typeName"));
    try {
      return type.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(abbreviate(text) + " is not a valid " + type.description, e);
    }
  }

  private static String abbreviate(String text) {
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }

  /** Maps a JDBC driver's Java object to one of the documented cell types. */
  private static Object jdbcValue(Object value) throws SQLException {
    if (value == null || value instanceof String || value instanceof Long || value instanceof BigDecimal
        || value instanceof Double || value instanceof Boolean || value instanceof LocalDate
        || value instanceof LocalDateTime || value instanceof Instant || value instanceof byte[]) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof Float f) {
      // via the float's shortest decimal form, so 0.1f reads as 0.1 and not 0.10000000149011612
      return Double.parseDouble(Float.toString(f));
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof java.sql.Time time) {
      return time.toLocalTime().toString();
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    if (value instanceof Blob blob) {
      long length = blob.length();
      if (length > Integer.MAX_VALUE) {
        throw new SQLException("a BLOB of " + length + " bytes is too large to compare");
      }
      return blob.getBytes(1, (int) length);
    }
    if (value instanceof Clob clob) {
      long length = clob.length();
      if (length > Integer.MAX_VALUE) {
        throw new SQLException("a CLOB of " + length + " characters is too large to compare");
      }
      return clob.getSubString(1, (int) length);
    }
    if (value instanceof java.sql.Array array) {
      Object elements = array.getArray();
      return elements instanceof Object[] objects ? Arrays.deepToString(objects) : String.valueOf(elements);
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    return value.toString();
  }

  /** How one manifest type name turns a string into a value. */
  private enum ManifestType {
    INTEGER("integer") {
      @Override
      Object parse(String text) {
        return Long.parseLong(text.strip());
      }
    },
    DECIMAL("decimal") {
      @Override
      Object parse(String text) {
        return new BigDecimal(text.strip());
      }
    },
    FLOATING("floating-point number") {
      @Override
      Object parse(String text) {
        String t = text.strip();
        // Double.parseDouble also accepts hex floats and a trailing 'd'/'f', which Databricks never sends
        char last = t.isEmpty() ? ' ' : Character.toLowerCase(t.charAt(t.length() - 1));
        if (last == 'd' || last == 'f' || t.toLowerCase(Locale.ROOT).contains("x")) {
          throw new NumberFormatException(t);
        }
        return Double.parseDouble(t);
      }
    },
    BOOLEAN("boolean") {
      @Override
      Object parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw new IllegalArgumentException(t);
      }
    },
    DATE("date (yyyy-MM-dd)") {
      @Override
      Object parse(String text) {
        return LocalDate.parse(text.strip());
      }
    },
    TIMESTAMP("timestamp") {
      @Override
      Object parse(String text) {
        String t = text.strip();
        try {
          return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException zoneless) {
          // the statement API renders TIMESTAMP in the session time zone, UTC unless configured otherwise
          return LocalDateTime.parse(t, LOCAL_TIMESTAMP).toInstant(ZoneOffset.UTC);
        }
      }
    },
    TIMESTAMP_NTZ("timestamp without time zone") {
      @Override
      Object parse(String text) {
        return LocalDateTime.parse(text.strip(), LOCAL_TIMESTAMP);
      }
    },
    BINARY("base64 binary value") {
      @Override
      Object parse(String text) {
        return Base64.getDecoder().decode(text.strip());
      }
    },
    TEXT("string") {
      @Override
      Object parse(String text) {
        return text;
      }
    };

    final String description;

    ManifestType(String description) {
      this.description = description;
    }

    abstract Object parse(String text);

    static ManifestType of(String typeName) {
      String name = typeName.strip().toUpperCase(Locale.ROOT);
      int end = 0;
      while (end < name.length() && (Character.isLetterOrDigit(name.charAt(end)) || name.charAt(end) == '_')) {
        end++;
      }
      switch (name.substring(0, end)) {
        case "INT": case "INTEGER": case "LONG": case "BIGINT": case "SHORT": case "SMALLINT": case "BYTE":
        case "TINYINT":
          return INTEGER;
        case "DECIMAL": case "DEC": case "NUMERIC":
          return DECIMAL;
        case "FLOAT": case "DOUBLE": case "REAL":
          return FLOATING;
        case "BOOLEAN": case "BOOL":
          return BOOLEAN;
        case "DATE":
          return DATE;
        case "TIMESTAMP": case "TIMESTAMP_LTZ":
          return TIMESTAMP;
        case "TIMESTAMP_NTZ":
          return TIMESTAMP_NTZ;
        case "BINARY":
          return BINARY;
        default:
          // STRING, CHAR, VARCHAR, INTERVAL, ARRAY, MAP, STRUCT, VARIANT, NULL, USER_DEFINED_TYPE and unknowns
          return TEXT;
      }
    }
  }
}
