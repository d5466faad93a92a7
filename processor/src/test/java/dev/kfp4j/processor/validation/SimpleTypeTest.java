package dev.kfp4j.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.processor.base.RandomTexts;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Types in file headers and messages lose their packages as the regular expression the hand-written scan replaces. */
class SimpleTypeTest {
  private static final Pattern PACKAGE = Pattern.compile("\\b[a-z][\\w]*\\.");
  private static final List<String> PIECES =
      List.of("java", "util", ".", "List", "Map", "<", ">", ",", " ", "a", "A", "1", "_", "x.", "[]", "?", "extends ", "$", "é");

  @Test
  void packagesAreDroppedAsTheRegularExpressionDropsThem() {
    for (String s : RandomTexts.of(PIECES, 30_000, 10, 16)) {
      if (s.chars().allMatch(c -> c < 0x80)) {
        assertEquals(PACKAGE.matcher(s).replaceAll(""), ComponentValidator.withoutPackages(s), s);
      }
    }
    assertEquals("Map.Entry<String, List<Path>>", ComponentValidator.withoutPackages("java.util.Map.Entry<java.lang.String, java.util.List<java.nio.file.Path>>"));
  }
}
