package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A {@code char} inside a constant record, list or map given to a task ({@code new Item('a')}, {@code static final
 * List<Character> CS = List.of('a', 'b')}): KFP has no char type and the constant passes as JSON. Where Java widens the char
 * (a record's component of a number type) it passes the number; where the task reads a char back ({@code List<Character>},
 * a record's {@code char}) its character; anywhere else the task would read the text where Java passes a char: an error
 * on the argument. A float given to a record's double component is widened alike, to the double Java passes.
 */
class CharInConstantsTest {
  private static final String ARGO = "META-INF/kfp4j/pipelines/p.yaml";
  private static final String KFP2 = "META-INF/kfp4j/kfp2/pipelines/p.yaml";

  static final JavaFileObject LIB = Compile.source("test.Lib",
      "package test;",
      "import dev.kfp4j.annotations.*;",
      "import java.util.*;",
      "public class Lib {",
      "  public record Item(int n) {}",
      "  public record Point(double x, long y) {}",
      "  public record Letter(char c) {}",
      "  public record Any(Object o) {}",
      "  @Component public static int add(int a, int b) { return a + b; }",
      "  @Component public static int item(Item i) { return i.n(); }",
      "  @Component public static int point(Point p) { return 0; }",
      "  @Component public static int items(List<Item> items) { return items.size(); }",
      "  @Component public static int letters(List<Character> cs) { return cs.size(); }",
      "  @Component public static int letter(Letter l) { return l.c(); }",
      "  @Component public static int any(Any a) { return 0; }",
      "  @Component public static int objects(List<Object> xs) { return xs.size(); }",
      "  @Component public static int struct(Map<String, Object> m) { return m.size(); }",
      "}");

  /** What kfp4j's entrypoint reads a {@code List<Character>} input as. */
  static List<Character> listOfChars;

  private static JavaFileObject source(String... body) {
    return Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;", "import java.util.*;",
        "import test.Lib.*;"), body);
  }

  private static Compilation compile(String... body) {
    Compilation c = Compile.compile(LIB, source(body));
    assertThat(c).succeededWithoutWarnings();
    Compile.validKfp2(Compile.resource(c, KFP2), "p.yaml");
    return c;
  }

  /** The value Argo's workflow passes to input {@code input} of task {@code task} of the pipeline's DAG. */
  private static String argo(Compilation c, String task, String input) {
    for (JsonNode t : Yaml.readAll(Compile.resource(c, ARGO)).get(0).at("/spec/templates/0/dag/tasks")) {
      if (t.get("name").asString().equals(task)) {
        for (JsonNode p : t.at("/arguments/parameters")) {
          if (p.get("name").asString().equals(input)) {
            return p.get("value").asString();
          }
        }
      }
    }
    throw new AssertionError("no argument " + input + " of " + task);
  }

  /** The constant KFP 2's spec gives input {@code input} of task {@code task} of its root, as JSON text. */
  private static String kfp2(Compilation c, String task, String input) {
    JsonNode v = Yaml.readAll(Compile.resource(c, KFP2)).get(0)
        .at("/root/dag/tasks/" + task + "/inputs/parameters/" + input + "/runtimeValue/constant");
    assertThat(v.isMissingNode()).isFalse();
    return v.toString();
  }

  /** A char given to a record's int, double or long component is the number Java widens it to: it reached it as "a". */
  @Test
  void aCharGivenToARecordsNumberComponentIsTheNumberJavaPasses() {
    Compilation c = compile(
        "static final Item I = new Item('b');",
        "static final List<Item> IS = List.of(new Item('c'), new Item(1));",
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.item(new Item('a'));",
        "  LibOps.item(I);",
        "  LibOps.items(IS);",
        "  LibOps.point(new Point('d', (char) 101));",
        "}");
    assertThat(argo(c, "item", "i")).isEqualTo("{\"n\": 97}");
    assertThat(kfp2(c, "item", "i")).isEqualTo("{\"n\":97}");
    assertThat(argo(c, "item-2", "i")).isEqualTo("{\"n\": 98}");
    assertThat(kfp2(c, "item-2", "i")).isEqualTo("{\"n\":98}");
    assertThat(argo(c, "items", "items")).isEqualTo("[{\"n\": 99}, {\"n\": 1}]");
    assertThat(kfp2(c, "items", "items")).isEqualTo("[{\"n\":99},{\"n\":1}]");
    assertThat(argo(c, "point", "p")).isEqualTo("{\"x\": 100.0, \"y\": 101}");
    assertThat(kfp2(c, "point", "p")).isEqualTo("{\"x\":100.0,\"y\":101}");
  }

  /** A float given to a record's double component is the double Java widens it to, as one given to a double input is. */
  @Test
  void aFloatGivenToARecordsDoubleComponentIsTheDoubleJavaPasses() {
    Compilation c = compile(
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.point(new Point(0.1f, 2));",
        "}");
    assertThat(argo(c, "point", "p")).isEqualTo("{\"x\": 0.10000000149011612, \"y\": 2}");
    assertThat(kfp2(c, "point", "p")).isEqualTo("{\"x\":0.10000000149011612,\"y\":2}");
  }

  /** Loop items alike: a record item's number component built with a char is that number, no error (it was one). */
  @Test
  void aLoopItemsNumberComponentBuiltWithACharIsTheNumber() {
    Compilation c = compile(
        "static final List<Item> IS = List.of(new Item('c'));",
        "@Pipeline(name = \"p\") public static void p() {",
        "  Dsl.forEach(List.of(new Item('a')), it -> LibOps.add(it.n(), 1));",
        "  Dsl.forEach(IS, it -> LibOps.add(it.n(), 2));",
        "}");
    JsonNode tasks = Yaml.readAll(Compile.resource(c, ARGO)).get(0).at("/spec/templates/0/dag/tasks");
    List<String> items = java.util.stream.StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("withItems").toString()).toList();
    assertThat(items).containsExactly("[{\"n\":97}]", "[{\"n\":99}]").inOrder();
  }

  /** A char a task reads back as a char (List<Character>, a record's char) passes as its character, which it reads as that char. */
  @Test
  void aCharTheTaskReadsAsACharIsItsCharacter() throws ReflectiveOperationException {
    Compilation c = compile(
        "static final List<Character> CS = List.of('a', 'b');",
        "@Pipeline(name = \"p\") public static void p() {",
        "  LibOps.letters(CS);",
        "  LibOps.letters(List.of((char) 99));",
        "  LibOps.letter(new Letter('z'));",
        "}");
    assertThat(argo(c, "letters", "cs")).isEqualTo("[\"a\", \"b\"]");
    assertThat(kfp2(c, "letters", "cs")).isEqualTo("[\"a\",\"b\"]");
    assertThat(argo(c, "letters-2", "cs")).isEqualTo("[\"c\"]");
    assertThat(argo(c, "letter", "l")).isEqualTo("{\"c\": \"z\"}");
    assertThat(KfpValues.parseJson(argo(c, "letters", "cs"), CharInConstantsTest.class.getDeclaredField("listOfChars").getGenericType()))
        .isEqualTo(List.of('a', 'b'));
  }

  private static void oneError(String call, String argument, String written, char value, String... fields) {
    List<String> body = new java.util.ArrayList<>(List.of(fields));
    body.addAll(List.of("@Pipeline(name = \"p\") public static void p() {", "  " + call + ";", "}"));
    JavaFileObject source = source(body.toArray(String[]::new));
    Compilation c = Compile.compile(LIB, source);
    assertThat(c).hadErrorContaining("[kfp4j:UnsupportedArgument] '" + argument + "' holds the char " + written + ", which KFP has no"
        + " type for: it passes as JSON, where a char is its character, and the task would read the text \"" + value
        + "\" where Java passes a char; write it as a String (\"" + value + "\") or as the number (" + (int) value + ")")
        .inFile(source).onLineContaining(call);
    assertThat(c).hadErrorCount(1);
  }

  /** A char a task would read as text (an Object, a record read as a map) is an error on the argument: it passed as "a". */
  @Test
  void aCharTheTaskWouldReadAsTextIsAnErrorOnTheArgument() {
    oneError("LibOps.objects(List.of(1, 'a'))", "List.of(1, 'a')", "'a'", 'a');
    oneError("LibOps.objects(OS)", "OS", "'x'", 'x', "static final List<Object> OS = List.of(\"w\", 'x');");
    oneError("LibOps.objects(LS)", "LS", "'y'", 'y', "static final List<Object> LS = List.of(new Letter('y'));");
    oneError("LibOps.struct(Map.of(\"k\", List.of('z')))", "Map.of(\"k\", List.of('z'))", "'z'", 'z');
    oneError("LibOps.any(new Any((char) 98))", "new Any((char)98)", "(char)98", 'b'); // as javac prints the tree
  }
}
