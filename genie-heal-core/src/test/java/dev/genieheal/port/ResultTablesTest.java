package dev.genieheal.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.genieheal.error.SqlExecutionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTablesTest {

  private static List<ResultTable.Column> cols(String... nameTypes) {
    return Arrays.stream(nameTypes).map(s -> s.split(":"))
        .map(p -> new ResultTable.Column(p[0], p[1])).toList();
  }

  private static List<List<String>> rows(String[]... rows) {
    return Arrays.stream(rows).map(Arrays::asList).toList();
  }

  private static Object single(String type, String text) {
    return ResultTables.fromStrings(cols("v:" + type), rows(new String[] {text}), false).rows().get(0).get(0);
  }

  @Test
  void fromStrings_statementApiExample_typesValues() {
    ResultTable t = ResultTables.fromStrings(cols("region:STRING", "rev:DECIMAL(28,2)"),
        rows(new String[] {"EMEA", "1200.50"}, new String[] {"APAC", null}), true);

    assertThat(t.rows()).containsExactly(List.of("EMEA", new BigDecimal("1200.50")), Arrays.asList("APAC", null));
    assertThat(t.truncated()).isTrue();
  }

  @Test
  void fromStrings_integerTypes_becomeLong() {
    for (String type : List.of("INT", "LONG", "SHORT", "BYTE", "BIGINT", "int")) {
      assertThat(single(type, "-42")).as(type).isEqualTo(-42L);
    }
  }

  @Test
  void fromStrings_floatingTypes_becomeDoubleIncludingNanAndInfinity() {
    assertThat(single("DOUBLE", "1.5")).isEqualTo(1.5);
    assertThat(single("FLOAT", "NaN")).isEqualTo(Double.NaN);
    assertThat(single("DOUBLE", "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(single("DOUBLE", "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void fromStrings_booleanDateTimestamps_areTyped() {
    assertThat(single("BOOLEAN", "true")).isEqualTo(true);
    assertThat(single("DATE", "2024-01-31")).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(single("TIMESTAMP", "2024-01-31T10:15:30.123Z")).isEqualTo(Instant.parse("2024-01-31T10:15:30.123Z"));
    assertThat(single("TIMESTAMP", "2024-01-31 10:15:30")).isEqualTo(Instant.parse("2024-01-31T10:15:30Z"));
    assertThat(single("TIMESTAMP_NTZ", "2024-01-31T10:15:30")).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 15, 30));
  }

  @Test
  void fromStrings_binary_decodesBase64() {
    assertThat((byte[]) single("BINARY", "AQID")).containsExactly(1, 2, 3);
  }

  @Test
  void fromStrings_nestedIntervalAndUnknownTypes_stayStrings() {
    assertThat(single("ARRAY", "[1,2]")).isEqualTo("[1,2]");
    assertThat(single("MAP", "{\"a\":1}")).isEqualTo("{\"a\":1}");
    assertThat(single("STRUCT", "{\"x\":1}")).isEqualTo("{\"x\":1}");
    assertThat(single("INTERVAL", "1-2")).isEqualTo("1-2");
    assertThat(single("GEOGRAPHY", "POINT(1 2)")).isEqualTo("POINT(1 2)");
  }

  @Test
  void fromStrings_nullValues_stayNullForEveryType() {
    for (String type : List.of("INT", "DECIMAL", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "BINARY", "NULL")) {
      assertThat(single(type, null)).as(type).isNull();
    }
  }

  @Test
  void fromStrings_valueNotFittingType_namesRowAndColumn() {
    assertThatThrownBy(() -> ResultTables.fromStrings(cols("id:INT", "n:LONG"),
        rows(new String[] {"1", "2"}, new String[] {"3", "four"}), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1").hasMessageContaining("'n'").hasMessageContaining("'four'");
  }

  @Test
  void fromStrings_badDate_namesRowAndColumn() {
    assertThatThrownBy(() -> single("DATE", "31/01/2024"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0").hasMessageContaining("date");
  }

  @Test
  void fromStrings_badBoolean_throws() {
    assertThatThrownBy(() -> single("BOOLEAN", "yes")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromStrings_rowOfWrongLength_namesRow() {
    assertThatThrownBy(() -> ResultTables.fromStrings(cols("a:INT"), rows(new String[] {"1", "2"}), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
  }

  @Test
  void fromStrings_hugeBadValue_isAbbreviatedInMessage() {
    String huge = "x".repeat(100_000);

    assertThatThrownBy(() -> single("INT", huge)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  @Test
  void parseValue_decimal_parses() {
    assertThat(ResultTables.parseValue("12.50", "DECIMAL")).isEqualTo(new BigDecimal("12.50"));
  }

  // java.sql is not our code, so its interfaces are mocked rather than faked.
  private static ResultSet resultSet(String[] labels, String[] types, Object[][] data) throws SQLException {
    ResultSetMetaData meta = mock(ResultSetMetaData.class);
    when(meta.getColumnCount()).thenReturn(labels.length);
    when(meta.getColumnLabel(anyInt())).thenAnswer(inv -> labels[(int) inv.getArgument(0) - 1]);
    when(meta.getColumnTypeName(anyInt())).thenAnswer(inv -> types[(int) inv.getArgument(0) - 1]);
    ResultSet rs = mock(ResultSet.class);
    int[] cursor = {-1};
    when(rs.getMetaData()).thenReturn(meta);
    when(rs.next()).thenAnswer(inv -> ++cursor[0] < data.length);
    when(rs.getObject(anyInt())).thenAnswer(inv -> data[cursor[0]][(int) inv.getArgument(0) - 1]);
    return rs;
  }

  @Test
  void fromResultSet_jdbcTypes_mapToDocumentedValueTypes() throws SQLException {
    Object[][] data = {{1, new BigInteger("170141183460469231731687303715884105727"), 0.1f,
        Timestamp.valueOf("2024-01-31 10:15:30"), java.sql.Date.valueOf("2024-01-31"),
        OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHours(2)), (short) 3, new byte[] {7},
        java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null}};
    ResultSet rs = resultSet(
        new String[] {"i", "huge", "f", "ts", "d", "tstz", "s", "bin", "uuid", "n"},
        new String[] {"INTEGER", "HUGEINT", "FLOAT", "TIMESTAMP", "DATE", "TIMESTAMP WITH TIME ZONE", "SMALLINT",
            "BLOB", "UUID", "VARCHAR"}, data);

    ResultTable t = ResultTables.fromResultSet(rs, 10);

    List<Object> row = t.rows().get(0);
    assertThat(row.get(0)).isEqualTo(1L);
    assertThat(row.get(1)).isEqualTo(new BigDecimal("170141183460469231731687303715884105727"));
    assertThat(row.get(2)).isEqualTo(0.1);
    assertThat(row.get(3)).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 15, 30));
    assertThat(row.get(4)).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(row.get(5)).isEqualTo(Instant.parse("2024-01-31T08:00:00Z"));
    assertThat(row.get(6)).isEqualTo(3L);
    assertThat((byte[]) row.get(7)).containsExactly(7);
    assertThat(row.get(8)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(row.get(9)).isNull();
    assertThat(t.columns().get(1)).isEqualTo(new ResultTable.Column("huge", "HUGEINT"));
    assertThat(t.truncated()).isFalse();
  }

  @Test
  void fromResultSet_moreRowsThanCap_marksTruncated() throws SQLException {
    ResultSet rs = resultSet(new String[] {"a"}, new String[] {"BIGINT"}, new Object[][] {{1L}, {2L}, {3L}});

    ResultTable t = ResultTables.fromResultSet(rs, 2);

    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.truncated()).isTrue();
  }

  @Test
  void fromResultSet_exactlyCapRows_isNotTruncated() throws SQLException {
    ResultSet rs = resultSet(new String[] {"a"}, new String[] {"BIGINT"}, new Object[][] {{1L}, {2L}});

    assertThat(ResultTables.fromResultSet(rs, 2).truncated()).isFalse();
  }

  @Test
  void fromResultSet_negativeCap_throwsNamingIt() throws SQLException {
    ResultSet rs = resultSet(new String[] {"a"}, new String[] {"BIGINT"}, new Object[][] {});

    assertThatThrownBy(() -> ResultTables.fromResultSet(rs, -1)).hasMessageContaining("maxRows");
  }

  @Test
  void fromResultSet_driverFails_throwsSqlExecutionExceptionWithState() throws SQLException {
    ResultSet rs = mock(ResultSet.class);
    when(rs.getMetaData()).thenThrow(new SQLException("connection reset", "08006"));

    assertThatThrownBy(() -> ResultTables.fromResultSet(rs, 10))
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("connection reset")
        .satisfies(e -> assertThat(((SqlExecutionException) e).sqlState()).contains("08006"));
  }
}
