package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated entrypoint's table runs each component's own method, found by name and parameter
 * types (overloads too, in a class that is not public), its arguments read as the generic
 * parameter types ask, its record's components written one by one, and what it throws reported as
 * thrown, with no output left behind.
 */
class MethodCallTest {
  @TempDir Path dir;

  enum Mode { FAST, CAREFUL }

  public record Stats(double mean, int count) {}

  /** Components, in a class that is not public. */
  static final class Steps {
    private Steps() {}

    public static int add(int a, int b) {
      return a + b;
    }

    public static String add(String a, String b) {
      return a + b;
    }

    public static String describe(Optional<List<Integer>> numbers, Mode mode, Optional<Long> limit) {
      return numbers.map(n -> n.get(0) + 1).orElse(-1) + " " + mode + " " + limit.orElse(7L);
    }

    public static Stats stats(List<Double> xs) {
      return new Stats(xs.stream().mapToDouble(Double::doubleValue).average().orElse(0), xs.size());
    }

    public static Stats nothing() {
      return null;
    }

    public static void copy(Path text, String out) throws IOException {
      Files.copy(text, Path.of(out));
    }

    public static void fail(String text, Path out) throws IOException {
      Files.writeString(out, text);
      throw new IllegalStateException("no " + text);
    }
  }

  private static final String[] TABLE = {
      "add add(int,int) a b -> Output\tAdds.",
      "concat add(java.lang.String,java.lang.String) a b -> Output",
      "describe describe(java.util.Optional,dev.kfp4j.entrypoint.MethodCallTest$Mode,java.util.Optional) numbers? "
          + "mode limit? -> Output",
      "stats stats(java.util.List) xs -> mean count",
      "nothing nothing() -> mean count",
      "copy copy(java.nio.file.Path,java.lang.String) text:inputPath out:outputPath",
      "fail fail(java.lang.String,java.nio.file.Path) text out:outputPath",
      "gone gone(int) a -> Output"};

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Entrypoint.run("Steps", args, Steps.class, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), TABLE);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String output(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void overloadsAreFoundByTheirParameterTypes() throws IOException {
    assertEquals(0, run("add", "--a", "3", "--b", "4", "----output-paths", dir.resolve("sum").toString()).code());
    assertEquals("7", output("sum"));
    assertEquals(0, run("concat", "--a", "3", "--b", "4", "----output-paths", dir.resolve("text").toString()).code());
    assertEquals("34", output("text"));
  }

  @Test
  void genericOptionalAndEnumInputsInBothProtocols() throws IOException {
    Run r = run("describe", "--numbers", "[41]", "--mode", "CAREFUL", "----output-paths", dir.resolve("a").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("42 CAREFUL 7", output("a"));
    r = run("describe", "--executor_input", "{\"inputs\": {\"parameterValues\": {\"mode\": \"FAST\", \"limit\": 3}}, "
        + "\"outputs\": {\"parameters\": {\"Output\": {\"outputFile\": \"" + dir.resolve("b") + "\"}}, "
        + "\"outputFile\": \"" + dir.resolve("executor_output.json") + "\"}}");
    assertEquals(0, r.code(), r.err());
    assertEquals("-1 FAST 3", output("b"));
    r = run("describe", "--numbers", "[1.5]", "--mode", "FAST");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Steps describe: error: argument --numbers: JSON value '[1.5]' does not fit "
        + "java.util.List<java.lang.Integer>: at [0]: expected a whole number, found 1.5"), r.err());
  }

  @Test
  void aRecordsComponentsAreItsOutputs() throws IOException {
    Run r = run("stats", "--xs", "[1, 2]", "----output-paths", dir.resolve("mean").toString(), dir.resolve("count").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("1.5", output("mean"));
    assertEquals("2", output("count"));
    r = run("nothing", "----output-paths", dir.resolve("m").toString(), dir.resolve("c").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("java.lang.NullPointerException: nothing returned null; return a "
        + "dev.kfp4j.entrypoint.MethodCallTest.Stats"), r.err());
    assertFalse(Files.exists(dir.resolve("m")));
  }

  @Test
  void filesAsPathsOrText() throws IOException {
    Files.writeString(dir.resolve("in.txt"), "hello");
    Run r = run("copy", "--text", dir.resolve("in.txt").toString(), "--out", dir.resolve("sub/out.txt").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("hello", output("sub/out.txt"));
  }

  @Test
  void whatTheMethodThrowsIsReportedAsThrownAndNoOutputIsLeft() {
    Run r = run("fail", "--text", "luck", "--out", dir.resolve("out.txt").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("Steps fail: component 'fail' failed:\njava.lang.IllegalStateException: no luck\n"
        + "\tat dev.kfp4j.entrypoint.MethodCallTest$Steps.fail("), r.err());
    assertFalse(r.err().contains("InvocationTargetException"), r.err());
    assertFalse(Files.exists(dir.resolve("out.txt")));
  }

  @Test
  void aMethodTheClassDoesNotHaveIsExitOne() {
    Run r = run("gone", "--a", "1");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("Steps gone: cannot find the component's method dev.kfp4j.entrypoint.MethodCallTest$Steps"
        + ".gone(int): java.lang.NoSuchMethodException"), r.err());
  }

  @Test
  void usageAndHelpAsBefore() {
    Run r = run("-h");
    assertEquals(0, r.code());
    assertEquals("usage: Steps {add,concat,describe,stats,nothing,copy,fail,gone} ...\n", r.out());
    r = run("add", "--help");
    assertEquals(0, r.code());
    assertEquals("usage: Steps add [-h] --a A --b B ----output-paths OUTPUT\n"
        + "       Steps add [-h] --executor_input EXECUTOR_INPUT\n\nAdds.\n", r.out());
    r = run("sub");
    assertEquals(2, r.code());
    assertTrue(r.err().endsWith("Steps: error: unknown component 'sub'; choose from "
        + "add,concat,describe,stats,nothing,copy,fail,gone\n"), r.err());
  }
}
