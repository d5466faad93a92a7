package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests of a workflow's texts for digits, loops in place of regular expressions: a constant is
 * an integer as {@code -?\d+} says, an input is one of the run's names as {@code k8s-name-\d+} says,
 * for every text of up to six characters of an alphabet of digits and others.
 */
class DigitsTest {
  @Test
  void integersAndRunNamesAreTextsOfDigitsAsTheExpressionsSay() {
    String[] alphabet = {"0", "9", "-", "+", "a", " ", "٣", "k8s-name-"};
    List<String> texts = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= 6; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (String a : alphabet) {
          next.add(s + a);
        }
      }
      texts.addAll(next);
      last = next;
    }
    int integers = 0;
    for (String t : texts) {
      boolean integer = t.matches("-?\\d+");
      assertEquals(integer, ArgumentTexts.digits(t, t.startsWith("-") ? 1 : 0), t);
      assertEquals(t.matches("k8s-name-\\d+"), RunNames.isInput(t), t);
      integers += integer ? 1 : 0;
    }
    assertEquals(true, integers > 100);
    assertEquals(true, RunNames.isInput("k8s-name-12"));
  }
}
