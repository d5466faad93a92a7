package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.spec.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The name rules checked by hand are Argo's and Kubernetes' patterns, on every short text and at each length limit. */
class NameRulesTest {
  /** Argo's template and DAG task names ({@code workflow/validate}). */
  private static final Pattern FIELD = Pattern.compile("[a-zA-Z0-9][-a-zA-Z0-9]{0,127}");
  /** Argo's parameter and artifact names. */
  private static final Pattern PARAM = Pattern.compile("[-a-zA-Z0-9_]+");
  /** Kubernetes' object names: an RFC 1123 subdomain. */
  private static final Pattern OBJECT = Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Kubernetes' label values: empty, or a qualified name's name part. */
  private static final Pattern LABEL_VALUE = Pattern.compile("(?=.{0,63}$)([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  /** Kubernetes' label and annotation keys: an optional DNS subdomain prefix and '/', then a name part. */
  private static final Pattern LABEL_KEY = Pattern.compile("((?=[^/]{1,253}/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
      + "(?=[^/]{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  /** Every text of up to {@code length} characters of {@code alphabet}, then {@code c} repeated around each limit. */
  private static List<String> texts(String alphabet, int length) {
    List<String> out = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= length; n++) {
      List<String> next = new ArrayList<>();
      for (String t : last) {
        for (char c : alphabet.toCharArray()) {
          next.add(t + c);
        }
      }
      out.addAll(next);
      last = next;
    }
    for (int n : new int[] {62, 63, 64, 127, 128, 129, 252, 253, 254}) {
      out.add("a".repeat(n));
      out.add("a".repeat(n - 2) + ".b");
      out.add("-" + "a".repeat(n - 1));
      out.add("a".repeat(n - 1) + "_");
    }
    return out;
  }

  private static void same(Pattern rule, Predicate<String> byHand) {
    same(rule, byHand, "aZ0-_.é\n");
  }

  private static void same(Pattern rule, Predicate<String> byHand, String alphabet) {
    for (String t : texts(alphabet, 6)) {
      assertEquals(rule.matcher(t).matches(), byHand.test(t), () -> rule + " on '" + t + "'");
    }
  }

  @Test
  void templateAndTaskNames() {
    same(FIELD, ArgoRules::isFieldName);
  }

  @Test
  void parameterAndArtifactNames() {
    same(PARAM, Names::isArgoName);
  }

  @Test
  void kubernetesObjectNames() {
    same(OBJECT, Names::isKubernetesObjectName);
  }

  @Test
  void kubernetesLabelValues() {
    same(LABEL_VALUE, v -> Names.whyInvalidLabelValue(v) == null);
  }

  @Test
  void kubernetesLabelAndAnnotationKeys() {
    same(LABEL_KEY, k -> Names.whyInvalidLabelKey(k) == null, "aZ0-_./");
    for (String k : List.of("a".repeat(253) + "/b", "a".repeat(254) + "/b", "ex.com/" + "a".repeat(63), "ex.com/" + "a".repeat(64))) {
      assertEquals(LABEL_KEY.matcher(k).matches(), Names.whyInvalidLabelKey(k) == null, k);
    }
  }
}
