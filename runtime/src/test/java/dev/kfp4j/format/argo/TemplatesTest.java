package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.yaml.Texts;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Template names from component names, as KFP v1's compiler makes them. */
class TemplatesTest {
  @Test
  void templateNamesAreKfpsRegularExpressions() {
    Pattern others = Pattern.compile("[^a-z0-9-]+");
    Pattern edges = Pattern.compile("^-+|-+$");
    for (String t : Texts.upTo("aZ9_- .\u00e9\u0130", 4)) {
      String s = edges.matcher(others.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
      assertEquals(s.isEmpty() ? "component" : s, Templates.templateBase(t), t);
    }
    assertEquals("train-model", Templates.templateBase("Train model"));
  }
}
