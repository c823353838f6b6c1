package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escape_markupCharacters_becomeEntities() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void escape_scriptTag_cannotOpenAnElement() {
    assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void escape_attributeBreakout_staysInsideTheAttribute() {
    assertThat(Html.escape("\" onmouseover=\"x")).isEqualTo("&quot; onmouseover=&quot;x")
        .doesNotContain("\"");
  }

  @Test
  void escape_existingEntity_isEscapedAgain() {
    assertThat(Html.escape("&lt;")).isEqualTo("&amp;lt;");
  }

  @Test
  void escape_null_isEmpty() {
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void escape_plainText_isReturnedUnchanged() {
    String text = "Total revenue by month, 2024 – ünïcödé";
    assertThat(Html.escape(text)).isSameAs(text);
  }

  @Test
  void escape_tabLineFeedCarriageReturn_areKept() {
    assertThat(Html.escape("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
  }

  @Test
  void escape_c0ControlCharacters_becomeControlPictures() {
    assertThat(Html.escape("a\u0000b\u001bc\u0007")).isEqualTo("a\u2400b\u241bc\u2407");
  }

  @Test
  void escape_delete_becomesItsControlPicture() {
    assertThat(Html.escape("x\u007f")).isEqualTo("x\u2421");
  }

  @Test
  void escape_c1ControlCharacters_becomeReplacementCharacter() {
    assertThat(Html.escape("x\u0085y\u009f")).isEqualTo("x\uFFFDy\uFFFD");
  }

  @Test
  void escape_surrogatePair_isKept() {
    assertThat(Html.escape("ok \uD83D\uDE00 <")).isEqualTo("ok \uD83D\uDE00 &lt;");
  }

  @Test
  void escape_loneSurrogates_becomeReplacementCharacter() {
    assertThat(Html.escape("a\uD83Db")).isEqualTo("a\uFFFDb");
    assertThat(Html.escape("a\uDE00b")).isEqualTo("a\uFFFDb");
    assertThat(Html.escape("end\uD83D")).isEqualTo("end\uFFFD");
  }
}
