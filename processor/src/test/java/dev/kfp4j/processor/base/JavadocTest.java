package dev.kfp4j.processor.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written passes of {@link Javadoc#clean} give what the regular expressions they stand for give. */
class JavadocTest {
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:link|linkplain)\\s+([^}]*)}");
  private static final Pattern PARAGRAPH = Pattern.compile("(?i)<p>\\s*");
  private static final Pattern HTML = Pattern.compile("</?(?i:a|abbr|acronym|address|area|article|aside|b|big|blockquote|body|br"
      + "|caption|center|cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|figcaption|figure|font|footer|frame|frameset"
      + "|h1|h2|h3|h4|h5|h6|head|header|hr|html|i|iframe|img|ins|kbd|li|link|main|mark|meta|nav|noframes|noscript|ol|p|pre|q"
      + "|s|samp|script|section|small|span|strike|strong|style|sub|summary|sup|table|tbody|td|tfoot|th|thead|time|title|tr"
      + "|tt|u|ul|var|wbr)(?=[>/\\s])[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  /** Pieces of Javadoc text, whole tags and their parts, which the texts are made of. */
  private static final List<String> PIECES = List.of("{@code", "{@literal", "{@link", "{@linkplain", "{@linkp", "{@", "{", "}",
      " ", "\t", "\n", "\r", "\u000B", "\f", "\u2003", "<p>", "<P>", "<p", "<", ">", "</b>", "</", "/", "b", "br", "h1", "h7",
      "B", "List", "Integer", "Th", "-", "p", "x", "é", "@return", "a b", "&", ";", "&lt;", "&amp;", "&#", "#", "x4", "6", "0", "lt",
      "nbsp", "\"");

  @Test
  void eachPassIsItsRegularExpression() {
    for (String s : RandomTexts.of(PIECES, 30_000, 12, 16)) {
      assertEquals(PARAGRAPH.matcher(s).replaceAll("\n"), Javadoc.paragraphs(s), s);
      assertEquals(HTML.matcher(s).replaceAll(""), Javadoc.html(s), s);
      assertEquals(entities(s), Javadoc.entities(s), s);
      assertEquals(TRAILING_SPACE.matcher(s).replaceAll("\n"), Javadoc.trailingSpace(s), s);
      assertEquals(BLANK_LINES.matcher(s).replaceAll("\n\n"), Javadoc.blankLines(s), s);
      if (!s.contains("{@code") && !s.contains("{@literal")) { // their text, up to a balancing brace, is kept as written
        String markup = entities(HTML.matcher(PARAGRAPH.matcher(INLINE_TAG.matcher(s).replaceAll("$1")).replaceAll("\n")).replaceAll(""));
        assertEquals(BLANK_LINES.matcher(TRAILING_SPACE.matcher(markup).replaceAll("\n")).replaceAll("\n\n").strip(), Javadoc.clean(s), s);
      }
    }
  }

  /** {@link #ENTITY}'s matches replaced by their characters; a number no character has stays. */
  private static String entities(String s) {
    return ENTITY.matcher(s).replaceAll(m -> {
      String name = m.group(1);
      int c = switch (name) {
        case "lt" -> '<';
        case "gt" -> '>';
        case "amp" -> '&';
        case "quot" -> '"';
        case "apos" -> '\'';
        case "nbsp" -> '\u00A0';
        default -> name.charAt(1) == 'x' || name.charAt(1) == 'X' ? Integer.parseInt(name.substring(2), 16)
            : Integer.parseInt(name.substring(1));
      };
      return Matcher.quoteReplacement(Character.isValidCodePoint(c) ? Character.toString(c) : m.group());
    });
  }

  /** The text of {@code {@code}} and {@code {@literal}}, up to the brace balancing the tag's, is as written; HTML outside it goes. */
  @Test
  void codeAndLiteralsKeepTheirTextAndOnlyHtmlTagsGo() {
    assertEquals("a < b && b > c", Javadoc.clean("{@code a < b && b > c}"));
    assertEquals("a List<Integer> of ids, x->y, a < b, a -> b", Javadoc.clean("a List<Integer> of ids, x->y, a < b, a -> b"));
    assertEquals("a Map<String, List<Integer>> key", Javadoc.clean("a {@code Map<String, List<Integer>>} key"));
    assertEquals("first\nbold, a\nlink and item", Javadoc.clean("first<p>\n<b>bold</b>, a<br/>\n<a href=\"x\">link</a> and <ul><li>item</ul>"));
    assertEquals("{a: {b}} and <p>, &lt;", Javadoc.clean("{@code {a: {b}}} and {@literal <p>}, {@code &lt;}"));
    assertEquals("x < y & z, @team, {}", Javadoc.clean("x &lt; y &amp; z, &#64;team, &#x7B;&#125;"));
    assertEquals("<b> as text, &unknown; and &#1114112;", Javadoc.clean("&lt;b&gt; as text, &unknown; and &#1114112;"));
    assertEquals("a {b", Javadoc.clean("a {@code {b}")); // unbalanced: up to the first brace, as before
  }

  @Test
  void aFirstWordIsWhatSplittingOnWhiteSpaceGivesFirst() {
    for (String s : RandomTexts.of(PIECES, 30_000, 12, 16)) {
      String stripped = s.strip();
      assertEquals(stripped.split("\\s+")[0], Javadoc.firstWord(stripped), stripped);
    }
  }

  @Test
  void textsTagsAndParameters() {
    Javadoc doc = Javadoc.parse(" Adds {@code a} and {@link Math#abs b}.<p>\n Twice.\n\n\n\n @param a the <b>first</b>\n   number  \n"
        + " @param b {@literal a < b}\n @return the sum");
    assertEquals("Adds a and Math#abs b.\nTwice.", doc.text());
    assertEquals("the first number", doc.param("a"));
    assertEquals("a < b", doc.param("b"));
    assertEquals("the sum", doc.returns());
  }

  /** Java 16's inline form, {@code /** {@return the sum} *}{@code /}, as javadoc reads it: it was kept in the text as written. */
  @Test
  void anInlineReturnDescribesTheOutputAndReadsAsJavadocWritesIt() {
    Javadoc doc = Javadoc.parse(" {@return the sum of {@code a} and b}\n More.\n @param a the first");
    assertEquals("Returns the sum of a and b.\nMore.", doc.text());
    assertEquals("the sum of a and b", doc.returns());
    assertEquals("the first", doc.param("a"));
    assertEquals("the block tag", Javadoc.parse(" {@return the sum}\n @return the block tag").returns());
  }
}
