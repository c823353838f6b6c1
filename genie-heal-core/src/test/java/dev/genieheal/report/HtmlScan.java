package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the report's markup in tests, relying on what the escaping guarantees: outside text never holds a
 * {@code <} or a quote, so every tag is ours and every attribute value ends at the next quote.
 */
final class HtmlScan {
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)\\son[a-z]+\\s*=");

  private HtmlScan() {}

  /** The element with this id, through its matching end tag. */
  static String element(String html, String id) {
    Matcher m = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    assertThat(m.find()).as("#%s in the page", id).isTrue();
    Matcher tags = Pattern.compile("<(/?)" + m.group(1) + "[\\s>]").matcher(html);
    int depth = 0;
    for (tags.region(m.start(), html.length()); tags.find(); ) {
      depth += tags.group(1).isEmpty() ? 1 : -1;
      if (depth == 0) {
        return html.substring(m.start(), tags.end());
      }
    }
    return html.substring(m.start());
  }

  /** The tags that carry an event handler attribute ({@code onclick=}, {@code onmouseover=}, ...). */
  static List<String> tagsWithEventHandlers(String html) {
    List<String> found = new ArrayList<>();
    Matcher tags = TAG.matcher(html);
    while (tags.find()) {
      String withoutValues = tags.group().replaceAll("\"[^\"]*\"", "\"\"");
      if (EVENT_HANDLER.matcher(withoutValues).find()) {
        found.add(tags.group());
      }
    }
    return found;
  }
}
