package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.yaml.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Argo names for component inputs and outputs, which KFP lets be anything. */
class NamesTest {
  @Test
  void namesArgoTakesStayAsTheyAre() {
    List<String> names = List.of("a", "value_1", "Output", "--x--", "Hash-algorithm");
    assertEquals(names, List.copyOf(Names.argoNames(names).values()));
  }

  @Test
  void othersAreSanitisedAsKfpsCompilerDoesAndMadeUnique() {
    Map<String, String> argo = Names.argoNames(List.of("Hash algorithm", "Training data (CSV)", "a b", "a-b", "a  b", "??", "é"));
    assertEquals(List.of("Hash-algorithm", "Training-data-CSV", "a-b-2", "a-b", "a-b-3", "param", "param-2"), List.copyOf(argo.values()));
    argo.values().forEach(n -> assertEquals(null, ArgoRules.whyInvalidParameterName(n), n));
  }

  @Test
  void pythonNamesAreTheKfpSdks() {
    assertEquals("hash_algorithm", Names.pythonName("Hash algorithm"));
    assertEquals("training_data_csv", Names.pythonName("Training data (CSV)"));
    assertEquals("n2nd_try", Names.pythonName("2nd try"));
    assertEquals("value_1", Names.pythonName("value_1"));
    assertEquals("x", Names.pythonName("__x__"));
    assertEquals("größe", Names.pythonName("Größe"));
    assertEquals(null, Names.whyKfpSdkRefusesInput("from value"));
    assertEquals("the KFP SDK names input 'from_' 'from' in Python, a Python keyword, and the KFP SDK refuses to load the component "
        + "('from' is not a valid parameter name); rename the input", Names.whyKfpSdkRefusesInput("from_"));
    assertEquals("input 'class' is a Python keyword, and the KFP SDK refuses to load the component ('class' is not a valid "
        + "parameter name); rename the input", Names.whyKfpSdkRefusesInput("class"));
    assertEquals(null, Names.whyKfpSdkRefusesInput("None"), "'none' is not a keyword");
    assertEquals(null, Names.whyKfpSdkRefusesInput("match"), "a soft keyword is a valid parameter name");
  }

  @Test
  void theSameNamesGiveTheSameArgoNames() {
    List<String> names = List.of("x y", "x-y", "x.y");
    assertEquals(Names.argoNames(names), Names.argoNames(names));
    assertEquals(Map.of("x y", "x-y-2", "x-y", "x-y", "x.y", "x-y-3"), Names.argoNames(names));
  }

  @Test
  void pythonAndUiNamesAreTheRegularExpressionsOfKfp() {
    Pattern notWord = Pattern.compile("(?U)[\\W_]");
    Pattern spaces = Pattern.compile(" +");
    Pattern others = Pattern.compile("[^a-z0-9]+");
    for (String t : Texts.upTo("aZ9_ -\u00e9\u0130", 4)) {
      String words = spaces.matcher(notWord.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").trim()).replaceAll(" ");
      String python = (!words.isEmpty() && Character.isDigit(words.codePointAt(0)) ? "n" + words : words).replace(' ', '_');
      assertEquals(python, Names.pythonName(t), t);
      assertEquals(others.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("-"), Names.v1UiName(t), t);
    }
  }

  @Test
  void kubernetesNamesAreTheRegularExpressionOfKubernetes() {
    Pattern label = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    for (String t : Texts.upTo("az09-A_.", 4)) {
      assertEquals(label.matcher(t).matches(), Names.whyInvalidKubernetesName(t) == null, t);
    }
  }
}
