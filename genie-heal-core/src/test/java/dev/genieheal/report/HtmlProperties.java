package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class HtmlProperties {

  /** What a browser would do to escaped text: decode our five entities. */
  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @Property
  void escape_anyText_containsNoMarkupCharacter(@ForAll @StringLength(max = 60) String text) {
    String escaped = Html.escape(text);
    assertThat(escaped).doesNotContain("<", ">", "\"", "'");
    assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
    assertThat(escaped.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')).isEmpty();
  }

  @Property
  void escape_thenUnescape_isIdentityForPrintableText(
      @ForAll @StringLength(max = 60) @Chars({'<', '>', '&', '"', '\'', ';', '#', ' ', '\n'})
      @CharRange(from = 'a', to = 'z') String text) {
    assertThat(unescape(Html.escape(text))).isEqualTo(text);
  }

  @Property
  void escape_isIdempotentOnlyForTextWithoutMarkup(@ForAll @StringLength(max = 40) @CharRange(from = 'a', to = 'z')
      String text) {
    assertThat(Html.escape(Html.escape(text))).isEqualTo(Html.escape(text));
  }
}
