package dev.kfp4j.spec;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Naming rules shared by the processor and the runner. */
public final class Names {
  /** Python's keywords (3.7 on), lower case: the only ones a name the KFP SDK lower-cases can be. */
  private static final Set<String> PYTHON_KEYWORDS = Set.of("and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
      "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

  /**
   * KFP v1's scalar metrics output ({@code {"metrics": [{"name": ..., "numberValue": ...}]}}) as the
   * KFP SDK names it, {@code @OutputPath("Metrics") mlpipeline_metrics_path} in Java; its Argo
   * artifact, which KFP v1's UI reads, is {@code mlpipeline-metrics} ({@link #v1UiName}).
   */
  public static final String MLPIPELINE_METRICS = "mlpipeline_metrics";
  /** KFP v1's visualizations output as the KFP SDK names it; its Argo artifact is {@code mlpipeline-ui-metadata}. */
  public static final String MLPIPELINE_UI_METADATA = "mlpipeline_ui_metadata";

  private Names() {}

  /**
   * How KFP v1's compiler spells an output as an Argo artifact: lower case, each run of other
   * characters than letters and digits a '-': {@code mlpipeline_metrics} → {@code mlpipeline-metrics}.
   */
  public static String v1UiName(String output) {
    return dashed(output);
  }

  /**
   * Lower case, each run of other characters than ASCII letters and digits one '-' (as KFP's
   * {@code re.sub('[^a-z0-9]+', '-', name.lower())}): {@code Train Model_2} → {@code train-model-2}.
   */
  public static String dashed(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean run = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        out.append(c);
        run = false;
      } else if (!run) {
        out.append('-');
        run = true;
      }
    }
    return out.toString();
  }

  /** Whether {@code output} is KFP v1's metrics output, in the SDK's spelling or the Argo artifact's. */
  public static boolean isMlpipelineMetrics(String output) {
    return v1UiName(output).equals(v1UiName(MLPIPELINE_METRICS));
  }

  /** {@code addExample} → {@code add-example}; {@code HTTPServer2} → {@code http-server2}. */
  public static String kebab(String javaName) {
    StringBuilder out = new StringBuilder();
    char[] cs = javaName.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      char c = cs[i];
      if (c == '_' || c == '$' || c == ' ') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
          out.append('-');
        }
        continue;
      }
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && (Character.isLowerCase(cs[i - 1]) || Character.isDigit(cs[i - 1]));
        boolean nextLower = i + 1 < cs.length && Character.isLowerCase(cs[i + 1]);
        boolean prevUpper = i > 0 && Character.isUpperCase(cs[i - 1]);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-' && (prevLower || (prevUpper && nextLower))) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A Kubernetes-valid task name from a free-form component name, as ops name their tasks: {@code
   * Calculate data hash} → {@code calculate-data-hash}; at most 50 characters, {@code component}
   * when nothing is left.
   */
  public static String taskName(String componentName) {
    String s = componentName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    s = s.isEmpty() ? "component" : s;
    return s.length() > 50 ? s.substring(0, 50).replaceAll("-+$", "") : s;
  }

  /**
   * Why {@code key} is not a Kubernetes label or annotation key ({@code [prefix/]name}: a name of
   * at most 63 letters, digits, '-', '_' and '.' starting and ending with a letter or digit, after
   * an optional DNS subdomain prefix such as {@code example.com/}), or null when it is one.
   */
  public static String whyInvalidLabelKey(String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = key.substring(slash + 1);
    if (prefix != null && !isKubernetesObjectName(prefix)) {
      return "its prefix '" + prefix + "' is not a DNS subdomain (lower-case letters, digits, '-' and '.', such as example.com)";
    }
    if (name.isEmpty() || !qualifiedName(name)) {
      return "a key is at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit,"
          + " after an optional prefix such as example.com/";
    }
    return null;
  }

  /** Why {@code value} is not a Kubernetes label value (empty, or as a key's name part), or null when it is one. */
  public static String whyInvalidLabelValue(String value) {
    if (!value.isEmpty() && !qualifiedName(value)) {
      return "a label value is empty or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    }
    return null;
  }

  /**
   * Whether {@code name} is a non-empty Kubernetes qualified name's name part, {@code
   * [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?} of at most 63 characters, checked by hand as {@link
   * #dnsLabel} is.
   */
  private static boolean qualifiedName(String name) {
    if (name.isEmpty() || name.length() > 63) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!(alnum || (c == '-' || c == '_' || c == '.') && i > 0 && i < name.length() - 1)) {
        return false;
      }
    }
    return true;
  }

  /** Why {@code name} is not a name of a Kubernetes object such as a secret or service account (a DNS subdomain), or null. */
  public static String whyInvalidObjectName(String name) {
    if (!isKubernetesObjectName(name)) {
      return "it is not a Kubernetes object name: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
    }
    return null;
  }

  /**
   * Why {@code name} is not a valid Kubernetes name (an RFC 1123 label: at most 63 lower-case
   * letters, digits and '-', starting and ending with a letter or digit), or null when it is.
   */
  public static String whyInvalidKubernetesName(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > 63) {
      return "it has " + name.length() + " characters, more than Kubernetes' 63";
    }
    if (!dnsLabel(name)) {
      return "Kubernetes names use only lower-case letters, digits and '-', and start and end with a letter or digit";
    }
    return null;
  }

  /**
   * Whether {@code name} is {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, checked by hand: the processor
   * checks every component's name, and a pattern's matcher is code the JIT compiles again in every build.
   */
  private static boolean dnsLabel(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0 && i < name.length() - 1)) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  /** A KFP pipeline's name ({@code pipelineInfo.name}), as KFP's compiler and API server take it ({@code validate_pipeline_name}). */
  public static final java.util.regex.Pattern KFP_PIPELINE_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

  /**
   * Whether {@code name} is a Kubernetes object name, an RFC 1123 subdomain: at most 253 characters,
   * labels of lower-case letters, digits and '-' apart by '.', each starting and ending with a
   * letter or digit ({@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}).
   */
  public static boolean isKubernetesObjectName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!dnsLabel(label)) {
        return false;
      }
    }
    return true;
  }

  /** Whether Argo takes {@code name} as a parameter or artifact name ({@code [-a-zA-Z0-9_]+}, {@code workflow/validate}). */
  public static boolean isArgoName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  /**
   * Why {@code name} cannot name a component, input or output, or null when it can. KFP allows
   * free text ({@code Training data}) but puts each input and output in a file named after it
   * ({@code /tmp/inputs/<name>/data}), as Argo parameter and artifact names allow only letters,
   * digits, '_' and '-': so a name may not be empty, hold '/', '\\' or a control character, or be
   * {@code .} or {@code ..}.
   */
  public static String whyNotAName(String name) {
    if (name.isBlank()) {
      return "it is empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "'" + name + "' names a folder";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        return "it holds '" + c + "'";
      }
      if (c < 0x20 || c == 0x7f) {
        return "it holds a control character (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ")";
      }
    }
    return null;
  }

  /**
   * Argo parameter and artifact names for a component's input (or output) names, by name, in
   * their order. A name Argo takes ({@code ^[-a-zA-Z0-9_]+$}) stays as it is; any other is
   * sanitised as KFP 1.8's compiler sanitises parameter names ({@code sanitize_k8s_name} keeping
   * capitals and '_'): each run of other characters becomes '-', with none at either end, so
   * {@code Hash algorithm} is {@code Hash-algorithm}; {@code param} when nothing is left. A name
   * that another already has gets {@code -2}, {@code -3}, ... The component spec keeps its names:
   * only the workflow's parameters, artifacts and their references use these.
   */
  public static Map<String, String> argoNames(List<String> names) {
    Set<String> taken = new HashSet<>();
    for (String n : names) {
      if (isArgoName(n)) {
        taken.add(n);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      if (isArgoName(n)) {
        out.put(n, n);
        continue;
      }
      String base = n.replaceAll("[^-_0-9A-Za-z]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
      base = base.isEmpty() ? "param" : base;
      String unique = uniqueIn(base, taken);
      taken.add(unique);
      out.put(n, unique);
    }
    return out;
  }

  /**
   * The Python parameter name the KFP SDK gives an input when it loads a component ({@code
   * _sanitize_python_function_name} of KFP 1.8): lower case, each run of characters other than
   * letters and digits a single '_', none at either end, and an 'n' before a leading digit. {@code
   * Hash algorithm} → {@code hash_algorithm}, {@code 2nd} → {@code n2nd}.
   */
  public static String pythonName(String input) {
    if (ascii(input)) {
      return asciiPythonName(input);
    }
    String s = NotWord.PATTERN.matcher(input.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").trim().replaceAll(" +", " ");
    if (!s.isEmpty() && Character.isDigit(s.codePointAt(0))) {
      s = "n" + s;
    }
    return s.replace(' ', '_');
  }

  /** Compiled for the first name that is not ASCII: a pattern of Unicode's classes costs a cold JVM 3 ms to compile. */
  private static final class NotWord {
    static final Pattern PATTERN = Pattern.compile("[\\W_]", Pattern.UNICODE_CHARACTER_CLASS);
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@link #pythonName} of ASCII text, by hand: letters and digits are its only word characters. */
  private static String asciiPythonName(String input) {
    StringBuilder out = new StringBuilder(input.length() + 1);
    boolean gap = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (out.length() == 0 && c <= '9') {
          out.append('n');
        } else if (gap && out.length() > 0) {
          out.append('_');
        }
        out.append(c);
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /**
   * Why the KFP SDK refuses to load a component with input {@code input}, or null when it takes
   * it: the SDK makes each input a parameter of a Python function ({@link #pythonName}), and Python
   * refuses a keyword or an empty name ({@code 'from' is not a valid parameter name}).
   */
  public static String whyKfpSdkRefusesInput(String input) {
    String python = pythonName(input);
    if (python.isEmpty()) {
      return "the KFP SDK gives input '" + input + "' no Python name (it keeps only letters and digits), and refuses to load "
          + "the component ('' is not a valid parameter name); rename the input";
    }
    if (PYTHON_KEYWORDS.contains(python)) {
      String named = python.equals(input) ? "input '" + input + "' is" : "the KFP SDK names input '" + input + "' '" + python + "' in Python,";
      return named + " a Python keyword, and the KFP SDK refuses to load the component ('" + python
          + "' is not a valid parameter name); rename the input";
    }
    return null;
  }

  /**
   * The name in {@code names} closest to {@code key}, if within two edits and fewer than half the
   * longer name's length (so 'a' does not suggest 'b'); else null.
   */
  public static String nearest(String key, java.util.Collection<String> names) {
    String best = null;
    int bestDistance = 3;
    for (String n : names) {
      int d = distance(key, n);
      if (d < bestDistance && d <= Math.max(key.length(), n.length()) / 2) {
        best = n;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  /**
   * {@code name}, or the first of {@code name-2}, {@code name-3}... that is not in {@code taken}, as KFP's SDK makes a name
   * unique ({@code make_name_unique_by_adding_index}).
   */
  public static String uniqueIn(String name, java.util.Collection<String> taken) {
    String unique = name;
    for (int i = 2; taken.contains(unique); i++) {
      unique = name + "-" + i;
    }
    return unique;
  }
}
