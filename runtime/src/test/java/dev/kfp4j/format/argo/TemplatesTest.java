package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Template names from component names, as KFP v1's compiler makes them. */
class TemplatesTest {
  @Test
  void templateNamesAreKfpsRegularExpressions() {
    Pattern others = Pattern.compile("[^a-z0-9-]+");
    Pattern edges = Pattern.compile("^-+|-+$");
    List<String> texts = new ArrayList<>(List.of(""));
    for (int start = 0, length = 1; length <= 4; length++) {
      int end = texts.size();
      for (int i = start; i < end; i++) {
        for (char c : "aZ9_- .\u00e9\u0130".toCharArray()) {
          texts.add(texts.get(i) + c);
        }
      }
      start = end;
    }
    for (String t : texts) {
      String s = edges.matcher(others.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
      assertEquals(s.isEmpty() ? "component" : s, Templates.templateBase(t), t);
    }
    assertEquals("train-model", Templates.templateBase("Train model"));
  }
}
