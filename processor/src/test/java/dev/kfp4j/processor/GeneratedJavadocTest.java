package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an IDE shows for a generated op is what javadoc reads: the component's description, every parameter described, an
 * {@code @return} naming the task's outputs and settings, and no markup a description's characters ({@code <}, {@code &},
 * {@code @}, braces, a comment end) break. javac's doclint ({@code -Xdoclint:all/protected}) checks the generated ops, pipeline classes
 * and entrypoints here, as javadoc would on a user's build.
 */
class GeneratedJavadocTest {
  static final JavaFileObject HELPER = Compile.source("other.Helper", "package other;", "/** Helps. */",
      "public final class Helper {", "  private Helper() {}", "  /**", "   * Counts.", "   *", "   * @param s what", "   * @return how many",
      "   */", "  public static int count(String s) { return s.length(); }", "}");

  static final JavaFileObject MARKUP = Compile.testClass("Markup", List.of("import dev.kfp4j.annotations.*;", "import other.Helper;"),
      "  /**",
      "   * Counts, as {@link Helper#count(String)} does, {@linkplain Helper with help}; see {@link #compare}.",
      "   *",
      "   * @param s what {@link Helper} counts",
      "   * @return how many",
      "   * @see Helper",
      "   */",
      "  @Component public static int count(String s) { return s.length(); }",
      "",
      "  /**",
      "   * Compares {@code a < b && b > c} for {@literal @}Nightly runs.",
      "   *",
      "   * @param a the first, a {@code Map<String, List<Integer>>} key",
      "   * @param b the second",
      "   * @return {@code a < b} and {@literal @}{@code c & d} for {@literal {braces}}",
      "   * @throws IllegalStateException never",
      "   */",
      "  @Component public static boolean compare(int a, int b, int c) { return a < b && b > c; }",
      "",
      "  /**",
      "   * Splits text.",
      "   *",
      "   * @param text what to split, at {@code <br>}",
      "   * @param headPath where the head goes: {@code x & y}",
      "   */",
      "  @Component public static void split(String text, @OutputPath(\"String\") java.nio.file.Path headPath) {}",
      "",
      "  /**",
      "   * Ranks a {@code List<Integer>} of ids, x-&gt;y, <b>bold</b> &amp; {@code {a: {b}}}.",
      "   *",
      "   * <p>Then &lt;p&gt; as text.",
      "   *",
      "   * @param ids the ids, {@code a < b && b > c}",
      "   * @return the rank, {@code x < y} &amp; &#64;team",
      "   */",
      "  @Component public static int rank(java.util.List<Integer> ids) { return 0; }",
      "",
      "  /**",
      "   * Compares twice.",
      "   *",
      "   * @param x the first, {@code x < y & z}",
      "   */",
      "  @Pipeline(name = \"markup\") public static void twice(int x, int y) { MarkupOps.compare(x, y, 1); }",
      "",
      "  @ImportComponents(\"testcomponents/markup.component.yaml\") static final class Imports {}");

  @Test
  void opsJavadocDescribesInputsOutputsAndSettings() {
    Compilation c = doclinted();
    String ops = Compile.source(c, "test.MarkupOps");
    assertThat(ops).contains("""
          /**
           * Compares {@code a < b && b > c} for {@literal @}Nightly runs.
           *
           * <p>Component {@code compare}.
           *
           * @param a the first, a {@code Map<String, List<Integer>>} key
           * @param b the second
           * @param c input {@code c}
           * @return the task that runs component {@code compare};
           *     its output {@link dev.kfp4j.dsl.BooleanTask#output() output()} (a &lt; b and &#64;c &amp; d for &#123;braces&#125;);
           *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
           *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
           *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
           */
        """);
    assertThat(ops).doesNotContain("@throws"); // the method's, not the op's: an op throws nothing
    assertThat(ops).contains("""
           * @param text what to split, at {@code <br>}
           * @return the task that runs component {@code split};
           *     its output {@link SplitTask#head() head()} (where the head goes: x &amp; y);
        """);
    assertThat(ops).contains("""
            /**
             * Output {@code head} ({@code String}): where the head goes: x &amp; y.
             *
             * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
             */
        """);
  }

  /**
   * A description is the text javadoc shows: that of {@code {@code ...}} as written, HTML tags gone, entities their
   * characters; on the op, an output's description is written with entities again.
   */
  @Test
  void descriptionsAreTheTextJavadocShows() {
    Compilation c = doclinted();
    JsonNode rank = Yaml.read(Compile.resource(c, "META-INF/kfp4j/components/rank.yaml"));
    assertThat(rank.at("/description").asString()).isEqualTo("Ranks a List<Integer> of ids, x->y, bold & {a: {b}}.\n\nThen <p> as text.");
    assertThat(rank.at("/inputs/0/description").asString()).isEqualTo("the ids, a < b && b > c");
    assertThat(rank.at("/outputs/0/description").asString()).isEqualTo("the rank, x < y & @team");
    JsonNode split = Yaml.read(Compile.resource(c, "META-INF/kfp4j/components/split.yaml"));
    assertThat(split.at("/inputs/0/description").asString()).isEqualTo("what to split, at <br>");
    String ops = Compile.source(c, "test.MarkupOps");
    assertThat(ops).contains("   *     its output {@link dev.kfp4j.dsl.IntTask#output() output()} (the rank, x &lt; y &amp; &#64;team);\n");
    assertThat(ops).contains(
        "   *     its output {@link dev.kfp4j.dsl.BooleanTask#output() output()} (a &lt; b and &#64;c &amp; d for &#123;braces&#125;);\n");
  }

  /**
   * Javadoc that javadoc itself would find fault with, a {@code <} that starts no HTML tag, is kept as written too: only
   * a {@code <} starting an HTML element's tag starts a tag.
   */
  @Test
  void aLessThanSignThatStartsNoHtmlTagIsText() {
    Compilation c = Compile.compile(Compile.testClass("Loose", List.of("import dev.kfp4j.annotations.*;"),
        "  /**",
        "   * Sums a List<Integer>, x->y, when a < b or <i>always</i>.",
        "   *",
        "   * @param ids a Map<String, List<Integer>> of ids",
        "   * @return {@code a < b && b > c}",
        "   */",
        "  @Component public static int sum(java.util.List<Integer> ids) { return 0; }"));
    assertThat(c).succeeded();
    JsonNode sum = Yaml.read(Compile.resource(c, "META-INF/kfp4j/components/sum.yaml"));
    assertThat(sum.at("/description").asString()).isEqualTo("Sums a List<Integer>, x->y, when a < b or always.");
    assertThat(sum.at("/inputs/0/description").asString()).isEqualTo("a Map<String, List<Integer>> of ids");
    assertThat(sum.at("/outputs/0/description").asString()).isEqualTo("a < b && b > c");
    assertThat(Compile.source(c, "test.LooseOps"))
        .contains("its output {@link dev.kfp4j.dsl.IntTask#output() output()} (a &lt; b &amp;&amp; b &gt; c);\n");
  }

  @Test
  void importedDescriptionsKeepTheirCharactersAsText() {
    Compilation c = doclinted();
    String ops = Compile.source(c, "test.Markup_ImportsOps");
    assertThat(ops).contains(
        " * Keeps &lt;b&gt;bold&lt;/b&gt; &amp; &#123;braces&#125; for &#64;team, and a comment end *&#47; here.\n");
    assertThat(ops).contains(" * @param text a &lt;tag&gt; &amp; an &#64;mention &#123;\n");
    assertThat(ops).contains(" * @param n input {@code n}\n");
    assertThat(ops).contains(" *     its output {@link MarkupTextTask#out() out()} (x &lt; y &amp; &#123;z&#125;);\n");
    assertThat(ops).contains(" * Output {@code out}: x &lt; y &amp; &#123;z&#125;.\n");
  }

  /**
   * A reference in a component's Javadoc names its type in full on the op: the ops class does not have the imports of the
   * component's file, and javadoc found no {@code Helper} there (an error).
   */
  @Test
  void referencesInAComponentsJavadocResolveFromTheOps() {
    String ops = Compile.source(doclinted(), "test.MarkupOps");
    assertThat(ops).contains("""
           * Counts, as {@link other.Helper#count(String)} does, {@linkplain other.Helper with help}; see {@link test.Markup#compare}.
           *
           * <p>Component {@code count}.
           *
           * @param s what {@link other.Helper} counts
           * @see other.Helper
        """);
  }

  /** A pipeline class's methods and an entrypoint's describe their parameters and what they return. */
  @Test
  void pipelineClassesAndEntrypointsDescribeParametersAndResults() {
    Compilation c = doclinted();
    String pipeline = Compile.source(c, "test.TwicePipeline");
    assertThat(pipeline).contains("""
           * @param x the first, x &lt; y &amp; z
           * @param y parameter {@code y}
           * @return the finished run
        """);
    assertThat(pipeline).contains("   * @return each parameter given, by name, its value in KFP's text form\n");
    assertThat(pipeline).contains("   * @return the workflow's YAML text\n");
    String entrypoint = Compile.source(c, "test.MarkupEntrypoint");
    assertThat(entrypoint).contains("   * @param args the component's name, then its arguments, as the class's usage shows\n"
        + "   * @return the exit code: 0 done, 1 failed, 2 bad arguments\n");
  }

  /** Compiles {@link #MARKUP} with doclint on, and asserts it found nothing in a generated file. */
  private static Compilation doclinted() {
    Compilation c = Compile.compileWithOptions(new ArrayList<>(), List.of("-Xdoclint:all/protected"), MARKUP, HELPER);
    assertThat(c).succeeded();
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getSource() != null && d.getSource().getName().startsWith("/SOURCE_OUTPUT/")) {
        problems.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
      }
    }
    assertThat(problems).isEmpty();
    return c;
  }
}
