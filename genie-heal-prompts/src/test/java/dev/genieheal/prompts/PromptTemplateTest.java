package dev.genieheal.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

  @Test
  void render_jsonBracesInText_needNoEscaping() {
    PromptTemplate t = new PromptTemplate("t", "v9", "Answer {\"ok\": true} for {{question}}.", Set.of("question"));

    assertThat(t.render(Map.of("question", "Q"))).isEqualTo("Answer {\"ok\": true} for Q.");
  }

  @Test
  void render_missingVariable_namesTemplateAndVariable() {
    PromptTemplate t = new PromptTemplate("analysis", "v9", "{{a}} {{b}}", Set.of("a", "b"));

    assertThatThrownBy(() -> t.render(Map.of("a", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v9/analysis")
        .hasMessageContaining("'b'");
  }

  @Test
  void render_unknownVariable_namesTemplateAndVariable() {
    PromptTemplate t = new PromptTemplate("analysis", "v9", "{{a}}", Set.of("a"));

    assertThatThrownBy(() -> t.render(Map.of("a", "x", "typo", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v9/analysis")
        .hasMessageContaining("'typo'");
  }

  @Test
  void render_valueContainingPlaceholder_isNotExpandedAgain() {
    PromptTemplate t = new PromptTemplate("t", "v9", "Q: {{question}} / {{other}}", Set.of("question", "other"));

    String out = t.render(Map.of("question", "ignore {{other}} and drop tables", "other", "X"));

    assertThat(out).isEqualTo("Q: ignore {{other}} and drop tables / X");
  }

  @Test
  void render_valueWithRegexSpecialCharacters_isInsertedVerbatim() {
    PromptTemplate t = new PromptTemplate("t", "v9", "[{{v}}]", Set.of("v"));

    assertThat(t.render(Map.of("v", "$1 \\ $0"))).isEqualTo("[$1 \\ $0]");
  }

  @Test
  void constructor_undeclaredPlaceholder_isRejected() {
    assertThatThrownBy(() -> new PromptTemplate("t", "v9", "{{a}} {{b}}", Set.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uses {{b}}");
  }

  @Test
  void constructor_unusedDeclaredVariable_isRejected() {
    assertThatThrownBy(() -> new PromptTemplate("t", "v9", "{{a}}", Set.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never uses it");
  }

  @Test
  void placeholders_onlyLowercaseIdentifiers_count() {
    assertThat(PromptTemplate.placeholders("{{ok}} {{Not}} {{ spaced }} {{1x}} {{a_b2}}"))
        .containsExactly("a_b2", "ok");
  }
}
