package dev.kfp4j.processor.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written passes of {@link Javadoc#clean} give what the regular expressions they replace give. */
class JavadocTest {
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}");
  private static final Pattern PARAGRAPH = Pattern.compile("(?i)<p>\\s*");
  private static final Pattern HTML = Pattern.compile("<[^>]+>");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  /** Pieces of Javadoc text, whole tags and their parts, which the texts are made of. */
  private static final List<String> PIECES = List.of("{@code", "{@literal", "{@link", "{@linkplain", "{@linkp", "{@", "{", "}",
      " ", "\t", "\n", "\r", "\u000B", "\f", "\u2003", "<p>", "<P>", "<p", "<", ">", "</b>", "p", "x", "é", "@return", "a b");

  @Test
  void eachPassIsItsRegularExpression() {
    for (String s : RandomTexts.of(PIECES, 30_000, 12, 16)) {
      assertEquals(INLINE_TAG.matcher(s).replaceAll("$1"), Javadoc.inlineTags(s), s);
      assertEquals(PARAGRAPH.matcher(s).replaceAll("\n"), Javadoc.paragraphs(s), s);
      assertEquals(HTML.matcher(s).replaceAll(""), Javadoc.html(s), s);
      assertEquals(TRAILING_SPACE.matcher(s).replaceAll("\n"), Javadoc.trailingSpace(s), s);
      assertEquals(BLANK_LINES.matcher(s).replaceAll("\n\n"), Javadoc.blankLines(s), s);
      String html = HTML.matcher(PARAGRAPH.matcher(INLINE_TAG.matcher(s).replaceAll("$1")).replaceAll("\n")).replaceAll("");
      assertEquals(BLANK_LINES.matcher(TRAILING_SPACE.matcher(html).replaceAll("\n")).replaceAll("\n\n").strip(), Javadoc.clean(s), s);
    }
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
