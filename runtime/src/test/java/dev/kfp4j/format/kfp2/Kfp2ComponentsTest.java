package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.yaml.Texts;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** KFP's names of components and executors. */
class Kfp2ComponentsTest {
  @Test
  void sanitisedNamesAreKfpsRegularExpressions() {
    String alphabet = "aZ09_- .\u00e9\u0130";
    Pattern others = Pattern.compile("[^-0-9a-z]+");
    Pattern dashes = Pattern.compile("-+");
    Pattern edges = Pattern.compile("^-|-$");
    for (String t : Texts.upTo(alphabet, 4)) {
      String s = edges.matcher(dashes.matcher(others.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("-")).replaceAll("");
      assertEquals(s.isEmpty() ? "component" : s, Kfp2Components.sanitize(t), t);
    }
    assertEquals("my-step-1", Kfp2Components.sanitize("My Step_1"));
  }
}
