package dev.genieheal.testkit;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL script into statements at semicolons outside quotes and comments, remembering start lines. */
final class SqlScript {
  private SqlScript() {}

  /**
   * One statement of a script.
   *
   * @param sql the statement without its semicolon
   * @param line the 1-based line it starts on
   */
  record Statement(String sql, int line) {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = 1;
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    boolean started = false;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      char next = i + 1 < script.length() ? script.charAt(i + 1) : 0;
      if (c == '\n') {
        line++;
        lineComment = false;
      }
      if (lineComment) {
        continue;
      }
      if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
        }
        continue;
      }
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '-' && next == '-') {
        lineComment = true;
        continue;
      }
      if (c == '/' && next == '*') {
        blockComment = true;
        i++;
        continue;
      }
      if (c == ';') {
        add(out, current, startLine);
        current.setLength(0);
        started = false;
        continue;
      }
      if (!started && !Character.isWhitespace(c)) {
        started = true;
        startLine = line;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      }
      current.append(c);
    }
    add(out, current, startLine);
    return out;
  }

  private static void add(List<Statement> out, StringBuilder sql, int line) {
    String s = sql.toString().strip();
    if (!s.isEmpty()) {
      out.add(new Statement(s, line));
    }
  }
}
