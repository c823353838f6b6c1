package dev.genieheal.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void of_equalTexts_isEmpty() {
    assertThat(UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
  }

  @Test
  void of_changedLine_isOneHunkWithRemovalBeforeAddition() {
    String diff = UnifiedDiff.of("a", "1\n2\n3\n", "b", "1\ntwo\n3\n");
    assertThat(diff).isEqualTo("--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n");
  }

  @Test
  void of_distantChanges_areSeparateHunksWithThreeLinesOfContext() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append(i).append('\n');
    }
    String b = a.toString().replace("2\n", "B\n").replace("19\n", "X\n");
    String diff = UnifiedDiff.of("a", a.toString(), "b", b);
    assertThat(diff.lines().filter(l -> l.startsWith("@@"))).hasSize(2);
    assertThat(diff).contains("-19\n+X\n");
  }
}
