package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  private static List<String> changed(List<LineDiff.Line> lines) {
    return lines.stream().filter(LineDiff.Line::changed).map(LineDiff.Line::text).toList();
  }

  @Test
  void of_memberAddedAfterTheLast_marksOnlyTheNewLine() {
    LineDiff.Sides sides = LineDiff.of("{\n  \"a\" : 1\n}", "{\n  \"a\" : 1,\n  \"b\" : 2\n}");

    assertThat(changed(sides.before())).isEmpty();
    assertThat(changed(sides.after())).containsExactly("  \"b\" : 2");
  }

  @Test
  void of_replacedLine_marksItOnBothSides() {
    LineDiff.Sides sides = LineDiff.of("x\nold\ny", "x\nnew\ny");

    assertThat(changed(sides.before())).containsExactly("old");
    assertThat(changed(sides.after())).containsExactly("new");
  }

  @Test
  void of_nullBefore_marksEveryLineAdded() {
    LineDiff.Sides sides = LineDiff.of(null, "a\nb");

    assertThat(sides.before()).isEmpty();
    assertThat(changed(sides.after())).containsExactly("a", "b");
  }

  @Test
  void of_sameText_marksNothing() {
    LineDiff.Sides sides = LineDiff.of("a\nb", "a\nb");

    assertThat(changed(sides.before())).isEmpty();
    assertThat(changed(sides.after())).isEmpty();
  }
}
