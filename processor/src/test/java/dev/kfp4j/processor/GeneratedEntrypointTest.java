package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated entrypoint runs each component's own method: several record-returning components
 * in one class, overloads, a class that is not public, generic and optional inputs, and names and
 * defaults its table must escape.
 */
class GeneratedEntrypointTest {
  @TempDir static Path classes;
  @TempDir Path dir;

  private static URLClassLoader loader;

  @BeforeAll
  static void compile() throws Exception {
    Compilation c = Compile.compile(
        Compile.testClass("Stats", List.of("import dev.kfp4j.annotations.*;", "import java.util.*;"),
            "public record Pair(int count, double mean) {}",
            "public record Named(String label, int size) {}",
            "@Component public static Pair pair(int n) { return new Pair(n, n / 2.0); }",
            "@Component public static Pair other(int n) { return new Pair(n + 1, n); }",
            "@Component public static Named named(String s) { return new Named(s, s.length()); }",
            "@Component public static int add(int a, int b) { return a + b; }",
            "@Component(name = \"add-texts\") public static String add(String a, String b) { return a + b; }",
            "@Component public static String sizes(Optional<List<Integer>> numbers, Map<String, List<Long>> named,",
            "    @Default(\"a b:c?d=e%\\t)\") String label) {",
            "  return numbers.map(List::size).orElse(-1) + \" \" + named.get(\"x\").get(1) + \" \" + label;",
            "}"),
        Compile.source("test.Hidden", "package test;",
            "class Hidden {",
            "  @dev.kfp4j.annotations.Component public static String hidden(String s) { return s + \"!\"; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    loader = new URLClassLoader(new URL[] {Compile.writeOutput(c, classes).toUri().toURL()},
        GeneratedEntrypointTest.class.getClassLoader());
  }

  private int run(String entrypoint, String... args) throws Exception {
    Object code = loader.loadClass(entrypoint).getMethod("run", String[].class).invoke(null, (Object) args);
    return (Integer) code;
  }

  private String output(String name) throws Exception {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void eachRecordReturningComponentWritesItsOwnRecord() throws Exception {
    assertEquals(0, run("test.StatsEntrypoint", "other", "--n", "4", "----output-paths", dir.resolve("count").toString(),
        dir.resolve("mean").toString()));
    assertEquals("5", output("count"));
    assertEquals("4.0", output("mean"));
    assertEquals(0, run("test.StatsEntrypoint", "named", "--s", "abc", "----output-paths", dir.resolve("label").toString(),
        dir.resolve("size").toString()));
    assertEquals("abc", output("label"));
    assertEquals("3", output("size"));
  }

  @Test
  void overloadsRunTheirOwnMethod() throws Exception {
    assertEquals(0, run("test.StatsEntrypoint", "add", "--a", "3", "--b", "4", "----output-paths", dir.resolve("sum").toString()));
    assertEquals("7", output("sum"));
    assertEquals(0, run("test.StatsEntrypoint", "add-texts", "--a", "3", "--b", "4", "----output-paths",
        dir.resolve("text").toString()));
    assertEquals("34", output("text"));
  }

  @Test
  void genericInputsAndAnEscapedDefault() throws Exception {
    assertEquals(0, run("test.StatsEntrypoint", "sizes", "--numbers", "[1, 2]", "--named", "{\"x\": [5, 6]}",
        "----output-paths", dir.resolve("a").toString()));
    assertEquals("2 6 a b:c?d=e%\t)", output("a"));
  }

  @Test
  void aClassThatIsNotPublic() throws Exception {
    assertEquals(0, run("test.HiddenEntrypoint", "hidden", "--s", "hi", "----output-paths", dir.resolve("h").toString()));
    assertEquals("hi!", output("h"));
  }

  @Test
  void helpShowsTheFlagsAndTheDefault() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, run("test.StatsEntrypoint", "sizes", "-h"));
    } finally {
      System.setOut(stdout);
    }
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(
        "usage: test.StatsEntrypoint sizes [-h] [--numbers NUMBERS] --named NAMED [--label LABEL] ----output-paths OUTPUT\n"),
        out.toString(StandardCharsets.UTF_8));
  }
}
