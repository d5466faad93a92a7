package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A task argument that is a constant expression Java folds at compile time (JLS 15.29), {@code 60 * 1000}, {@code 1L << 60},
 * {@code (long) 5}, {@code MAX - 1}: passed as the value Java computes, of the expression's type, in both files.
 */
class ConstantExpressionTest {
  private static final String ARGO = "META-INF/kfp4j/pipelines/p.yaml";
  private static final String KFP2 = "META-INF/kfp4j/kfp2/pipelines/p.yaml";

  private static Compilation compile(String... body) {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;"), body);
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).succeeded();
    if (c.generatedFile(StandardLocation.CLASS_OUTPUT, ARGO).isPresent()) {
      ArgoSchemas.assertValid(Compile.resource(c, ARGO), "p.yaml");
    }
    if (c.generatedFile(StandardLocation.CLASS_OUTPUT, KFP2).isPresent() && Compile.sharedPresent()) {
      Compile.validKfp2(Compile.resource(c, KFP2), "p.yaml");
    }
    return c;
  }

  /** The value Argo's workflow passes to input {@code input} of task {@code task}, as text. */
  private static String argo(Compilation c, String task, String input) {
    for (JsonNode template : Yaml.readAll(Compile.resource(c, ARGO)).get(0).at("/spec/templates")) {
      for (JsonNode t : template.at("/dag/tasks")) {
        if (t.get("name").asString().equals(task)) {
          for (JsonNode p : t.at("/arguments/parameters")) {
            if (p.get("name").asString().equals(input)) {
              return p.get("value").asString();
            }
          }
        }
      }
    }
    throw new AssertionError("no argument " + input + " of " + task);
  }

  /** The constant KFP 2's spec gives input {@code input} of task {@code task} of its root. */
  private static JsonNode kfp2(Compilation c, String task, String input) {
    JsonNode v = Yaml.readAll(Compile.resource(c, KFP2)).get(0)
        .at("/root/dag/tasks/" + task + "/inputs/parameters/" + input + "/runtimeValue/constant");
    assertThat(v.isMissingNode()).isFalse();
    return v;
  }

  @Test
  void theValueJavaComputesIsPassedInBothFiles() {
    Compilation c = compile(
        "static final int MAX = 10;",
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.add(60 * 1000, MAX - 1);",
        "  LibOps.big(1L << 60);",
        "  LibOps.big((long) 5);",
        "  LibOps.scale(1.0 / 4);",
        "  LibOps.add(~0, 'a' + 1);",
        "  LibOps.flag(!true);",
        "  LibOps.add(Integer.MAX_VALUE + 1, 1 / 2);",
        "  LibOps.add((int) 2.9, 7 % 3 > 0 ? (MAX) : 20);",
        "  LibOps.flag(MAX >= 10 && (5 & 3) == 1 ^ false);",
        "  LibOps.greet(\"x\" + 1.0 + 'c' + (char) 98 + (1 + 2) + 0.5f);",
        "  LibOps.big(-1L >>> 60);",
        "  LibOps.add(Integer.MIN_VALUE / -1, (byte) 300);",
        "  LibOps.scale(0.1f + 0.2f);",
        "  LibOps.big(Long.MAX_VALUE * 3 % 1000);",
        "  LibOps.flag(0.0 / 0 != 0.0 / 0 && -0.0 == 0.0 && 16777217 == 16777216f && 'b' > 97);",
        "}");
    assertThat(argo(c, "add", "a")).isEqualTo("60000");
    assertThat(kfp2(c, "add", "a").asLong()).isEqualTo(60000);
    assertThat(argo(c, "add", "b")).isEqualTo("9");
    assertThat(kfp2(c, "add", "b").asLong()).isEqualTo(9);
    assertThat(argo(c, "big", "n")).isEqualTo("1152921504606846976");
    assertThat(kfp2(c, "big", "n").asLong()).isEqualTo(1L << 60);
    assertThat(argo(c, "big-2", "n")).isEqualTo("5");
    assertThat(kfp2(c, "big-2", "n").asLong()).isEqualTo(5);
    assertThat(argo(c, "scale", "x")).isEqualTo("0.25");
    assertThat(kfp2(c, "scale", "x").asDouble()).isEqualTo(0.25);
    assertThat(argo(c, "add-2", "a")).isEqualTo("-1");
    assertThat(kfp2(c, "add-2", "a").asLong()).isEqualTo(-1);
    assertThat(argo(c, "add-2", "b")).isEqualTo("98"); // char promoted to int
    assertThat(kfp2(c, "add-2", "b").asLong()).isEqualTo(98);
    assertThat(argo(c, "flag", "on")).isEqualTo("False");
    assertThat(kfp2(c, "flag", "on").isBoolean()).isTrue();
    assertThat(kfp2(c, "flag", "on").asBoolean()).isFalse();
    assertThat(argo(c, "add-3", "a")).isEqualTo("-2147483648"); // int arithmetic overflows as int
    assertThat(kfp2(c, "add-3", "a").asLong()).isEqualTo(Integer.MIN_VALUE);
    assertThat(argo(c, "add-3", "b")).isEqualTo("0");
    assertThat(argo(c, "add-4", "a")).isEqualTo("2");
    assertThat(argo(c, "add-4", "b")).isEqualTo("10");
    assertThat(kfp2(c, "add-4", "b").asLong()).isEqualTo(10);
    assertThat(kfp2(c, "flag-2", "on").asBoolean()).isTrue();
    assertThat(argo(c, "greet", "name")).isEqualTo("x1.0cb30.5");
    assertThat(kfp2(c, "greet", "name").asString()).isEqualTo("x1.0cb30.5");
    assertThat(argo(c, "big-3", "n")).isEqualTo("15");
    assertThat(argo(c, "add-5", "a")).isEqualTo(String.valueOf(Integer.MIN_VALUE / -1)); // overflows as Java's int division
    assertThat(argo(c, "add-5", "b")).isEqualTo(String.valueOf((byte) 300));
    // float arithmetic, not double (0.30000000000000004), the float widened to the double the input takes, as Java passes it
    assertThat(argo(c, "scale-2", "x")).isEqualTo(String.valueOf((double) (0.1f + 0.2f)));
    assertThat(argo(c, "big-4", "n")).isEqualTo(String.valueOf(Long.MAX_VALUE * 3 % 1000));
    assertThat(argo(c, "flag-3", "on")).isEqualTo("True"); // NaN, -0.0, an int promoted to float, a char to int: as Java compares
  }

  @Test
  void aFoldedNanIsArgosNanAndNoKfp2Number() {
    Compilation argo = compile("@Pipeline(name = \"p\", formats = Format.ARGO) public static void p() {",
        "  LibOps.scale(0.0 / 0);", "}");
    assertThat(argo(argo, "scale", "x")).isEqualTo("nan");
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline(name = \"p\", formats = Format.KFP2) public static void p() {", "  LibOps.scale(0.0 / 0);", "}");
    Compilation kfp2 = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(kfp2).hadErrorContaining("[kfp4j:NotInKfp2] task 'scale', input 'x': 'nan' is not a NUMBER_DOUBLE")
        .inFile(source).onLineContaining("0.0 / 0");
    assertThat(kfp2).hadErrorCount(1);
  }

  /**
   * A {@code char} constant given to a number input is the number Java passes, widened as a call widens it: the character's
   * text reached an int input as "a" (a task failing to parse it in Argo, a NotInKfp2 error saying 'a' is no integer).
   */
  @Test
  void aCharGivenToANumberInputIsTheNumberJavaPasses() {
    Compilation c = compile(
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.add('a', (short) 2);",
        "  LibOps.add(true ? 'a' : 0, ((char) -1));",
        "  LibOps.big('z');",
        "  LibOps.scale('a');",
        "  LibOps.greet(\"x\" + 'a');",
        "}");
    assertThat(argo(c, "add", "a")).isEqualTo("97");
    assertThat(kfp2(c, "add", "a").asLong()).isEqualTo(97);
    assertThat(argo(c, "add-2", "a")).isEqualTo("97");
    assertThat(argo(c, "add-2", "b")).isEqualTo("65535");
    assertThat(kfp2(c, "add-2", "b").asLong()).isEqualTo(65535);
    assertThat(argo(c, "big", "n")).isEqualTo("122");
    assertThat(kfp2(c, "big", "n").asLong()).isEqualTo(122);
    assertThat(kfp2(c, "scale", "x").asDouble()).isEqualTo(97.0);
    assertThat(argo(c, "greet", "name")).isEqualTo("xa"); // a char joined to a text stays a character
  }

  /**
   * A {@code float} constant given to a {@code double} input is the double Java passes, of the float's binary value: its
   * own text, 0.1, reached the task as the double 0.1 where Java passes 0.10000000149011612. Given to a float input it is
   * its own text, which the task reads back as that float.
   */
  @Test
  void aFloatGivenToADoubleInputIsTheDoubleJavaPasses() {
    Compilation c = compile(
        "static final float F = 0.1f;",
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.scale(0.1f);",
        "  LibOps.scale(F);",
        "  LibOps.scale(16777217);",
        "}");
    assertThat(argo(c, "scale", "x")).isEqualTo("0.10000000149011612");
    assertThat(kfp2(c, "scale", "x").asDouble()).isEqualTo((double) 0.1f);
    assertThat(argo(c, "scale-2", "x")).isEqualTo("0.10000000149011612");
    assertThat(argo(c, "scale-3", "x")).isEqualTo("16777217"); // an int given to a double is the same number
  }

  /**
   * {@code ==} and {@code !=} of two text constants fold as javac folds them (constant strings are interned, JLS 3.10.5):
   * written in the call they were an UnsupportedArgument error, though the same expression in a static final field passed.
   */
  @Test
  void aComparisonOfTwoTextConstantsIsFoldedAsJavacFoldsIt() {
    Compilation c = compile(
        "static final String A = \"a\";",
        "static final boolean SAME = A == \"a\";",
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.flag(\"a\" == \"a\");",
        "  LibOps.flag(A + 1 != \"a1\");",
        "  LibOps.flag(SAME);",
        "}");
    assertThat(argo(c, "flag", "on")).isEqualTo("True");
    assertThat(kfp2(c, "flag", "on").asBoolean()).isTrue();
    assertThat(argo(c, "flag-2", "on")).isEqualTo("False");
    assertThat(kfp2(c, "flag-2", "on").asBoolean()).isFalse();
    assertThat(argo(c, "flag-3", "on")).isEqualTo("True");
  }

  /**
   * An integer division by a constant zero is no constant (Java throws as it runs): an error on the division saying so, where
   * it was the general 'a value computed from them exists only as the pipeline runs'.
   */
  @Test
  void anIntegerDivisionByZeroIsAnErrorOnTheDivision() {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "static final int MAX = 10;",
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.add(1 / 0, 1);",
        "  LibOps.big(2 + MAX % (MAX - MAX));",
        "  LibOps.scale(1.0 / 0 > 1 ? 1 : 2);",
        "}");
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] '1 / 0' divides an integer by zero, which has no value: Java "
        + "folds no constant of it (JLS 15.29) and throws ArithmeticException when it runs; write the value meant")
        .inFile(source).onLineContaining("1 / 0");
    assertThat(c).hadErrorContaining("'MAX % (MAX - MAX)' divides an integer by zero").inFile(source).onLineContaining("MAX % ");
    assertThat(c).hadErrorCount(2); // a floating division by zero is infinity, a constant
  }

  /**
   * An enum constant joined to a text is its name when the enum has no toString() of its own, as Java joins it; one whose
   * enum (or whose own body) declares toString() is an error on it: Java joins what that method gives, and kfp4j passed the
   * name ("xA" where Java gives "xa!").
   */
  @Test
  void anEnumConstantJoinedToATextIsItsNameUnlessTheEnumWritesItsOwn() {
    Compilation c = compile(
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.greet(\"x\" + Lib.Mode.FAST);",
        "}");
    assertThat(argo(c, "greet", "name")).isEqualTo("xFAST");
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "public enum Loud { A; @Override public String toString() { return \"a!\"; } }",
        "public enum Some { B { @Override public String toString() { return \"b!\"; } }, C }",
        "@Pipeline(name = \"p\") public static void p(String who) {",
        "  LibOps.greet(\"x\" + Loud.A);",
        "  LibOps.greet(who + Some.B + Some.C);",
        "}");
    Compilation bad = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(bad).hadErrorContaining("[kfp4j:UnsupportedArgument] 'Loud.A' joined to a text is what enum Loud's own toString() "
        + "gives, which runs only in Java: kfp4j passes an enum constant as its name; write the text meant, or pass Loud.A to an "
        + "input of the enum's type").inFile(source).onLineContaining("Loud.A);");
    assertThat(bad).hadErrorContaining("'Some.B' joined to a text is what enum Some's own toString() gives")
        .inFile(source).onLineContaining("Some.B");
    assertThat(bad).hadErrorCount(2); // Some.C has no toString() of its own
  }

  @Test
  void aConditionComparesWithAConstantExpression() {
    Compilation c = compile(
        "static final int MAX = 10;",
        "@Pipeline(name = \"p\") public static void p(int n) {",
        "  var t = LibOps.add(n, 1);",
        "  Dsl.when(Dsl.gt(t.output(), MAX * 100), () -> LibOps.greet(\"big\"));",
        "}");
    String spec = Compile.resource(c, KFP2);
    assertThat(spec).contains("> 1000");
    assertThat(Compile.resource(c, ARGO)).contains("> 1000");
  }

  /** A loop's parallelism Java widens to its int, a cast {@code (short) 2} or a {@code static final byte}, is that int. */
  @Test
  void aLoopsParallelismTakesWhatJavaWidensToAnInt() {
    Compilation c = compile(
        "static final byte THREE = 3;",
        "@Pipeline(name = \"p\") public static void p() {",
        "  Dsl.forEach(java.util.List.of(1, 2), (short) 2, i -> LibOps.add(i, 1));",
        "  Dsl.forEach(java.util.List.of(3, 4), THREE, i -> LibOps.add(i, 2));",
        "}");
    java.util.Map<String, Integer> limits = new java.util.TreeMap<>();
    Yaml.readAll(Compile.resource(c, KFP2)).get(0).at("/root/dag/tasks").properties()
        .forEach(t -> limits.put(t.getKey(), t.getValue().at("/iteratorPolicy/parallelismLimit").asInt()));
    assertThat(limits.values()).containsExactly(2, 3).inOrder();
  }
}
