package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generated entrypoints as a container would: real arguments, real files. */
class EntrypointTest {
  @TempDir Path dir;

  /** Runs {@code main} in a fresh JVM, as the container does; returns exit code and stderr. */
  private Result java(String mainClass, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), err);
  }

  record Result(int code, String err) {}

  private static final PrintStream NULL = new PrintStream(PrintStream.nullOutputStream());

  @Test
  void addWritesTheSumToTheOutputFile() throws Exception {
    Path out = dir.resolve("outputs/Output/data");
    Result r = java("dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4", "----output-paths", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("7", Files.readString(out));
  }

  @Test
  void badArgumentsExitWithCodeTwoAndAUsageLineNamingTheFlag() throws Exception {
    Result unknown = java("dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4", "--c", "5");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("usage: dev.kfp4j.examples.CalcEntrypoint add [-h] --a A --b B ----output-paths OUTPUT"), unknown.err());
    assertTrue(unknown.err().contains("error: unrecognized arguments: --c ***"), unknown.err());

    Result missing = java("dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("error: the following arguments are required: --b"), missing.err());

    Result notAnInt = java("dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "three", "--b", "4");
    assertEquals(2, notAnInt.code());
    assertTrue(notAnInt.err().contains("error: argument --a: invalid int value: 'three'"), notAnInt.err());

    Result noComponent = java("dev.kfp4j.examples.CalcEntrypoint", "divide");
    assertEquals(2, noComponent.code());
    assertTrue(noComponent.err().contains("unknown component 'divide'; choose from add,subtract,multiply"), noComponent.err());
  }

  @Test
  void aThrowingComponentExitsNonZeroWithTheTraceAndLeavesNoOutput() throws Exception {
    Path out = dir.resolve("outputs/out/data");
    Result r = java("dev.kfp4j.examples.AllTypesEntrypoint", "failing", "--out", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("java.lang.IllegalStateException: failing on purpose"), r.err());
    assertTrue(r.err().contains("at dev.kfp4j.examples.AllTypes.failing"), r.err());
    assertFalse(Files.exists(out), "no half-written output");
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertEquals(List.of(), left.toList(), "no staging files left behind");
    }
  }

  @Test
  void everyTypeAndPassingStyle() throws IOException {
    Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n3,4\n");
    Path text = Files.writeString(dir.resolve("text.txt"), "hello\n");
    Path bin = Files.write(dir.resolve("bin"), new byte[] {1, 2, 3});
    Path model = dir.resolve("out/model/data");
    Path log = dir.resolve("out/log/data");
    String[] outputs = {"sum", "flag", "items", "obj", "name", "count", "mode"};
    List<String> args = new ArrayList<>(List.of(
        "all-types", "--s", "héllo", "--i", "2", "--f", "0.5", "--b", "yes", "--l", "[1, 2, 3]",
        "--d", "{\"z\": 26}", "--data", data.toString(), "--text", text.toString(), "--bin", bin.toString(),
        "--model", model.toString(), "--log", log.toString(), "--db", "false", "--mode", "CAREFUL",
        "----output-paths"));
    for (String o : outputs) {
      args.add(dir.resolve("out/" + o + "/data").toString());
    }
    int code = AllTypesEntrypoint.run(args.toArray(String[]::new));
    assertEquals(0, code);
    assertEquals("2.5", read("sum"));
    assertEquals("True", read("flag"));
    assertEquals("[1, 2, 3, 5]", read("items"));
    assertEquals("{\"a\": 1, \"z\": 26}", read("obj"));
    assertEquals("HÉLLO", read("name"));
    assertEquals("3", read("count"));
    assertEquals("CAREFUL", read("mode"));
    assertEquals("model of héllo hello 3", Files.readString(model));
    assertEquals("i=2 di=5 db=false opt_s=- opt_in=-", Files.readString(log));
  }

  @Test
  void optionalInputsWhenGiven() throws IOException {
    Path data = Files.writeString(dir.resolve("data.csv"), "x\n");
    Path optIn = Files.writeString(dir.resolve("opt"), "o");
    Path log = dir.resolve("log");
    int code = AllTypesEntrypoint.run(new String[] {
        "all-types", "--s", "s", "--i", "1", "--f", "1", "--b", "0", "--l", "[]", "--d", "{}",
        "--data", data.toString(), "--text", data.toString(), "--bin", data.toString(),
        "--model", dir.resolve("model").toString(), "--log", log.toString(),
        "--opt_s", "given", "--di", "9", "--opt_in", optIn.toString()});
    assertEquals(0, code);
    assertEquals("i=1 di=9 db=true opt_s=given opt_in=given", Files.readString(log));
  }

  @Test
  void floatsAreWrittenAsPythonWritesThem() throws IOException {
    assertEquals("0.30000000000000004", single("0.1", "0.2"));
    assertEquals("3.0", single("1", "2"));
    assertEquals("1e-05", single("0.00001", "0"));
    assertEquals("inf", single("inf", "1"));
  }

  @Test
  void jsonThatDoesNotFitTheTypeIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = AllTypesEntrypoint.run(new String[] {
          "all-types", "--s", "s", "--i", "1", "--f", "1", "--b", "0", "--l", "{\"not\": \"a list\"}", "--d", "{}",
          "--data", "x", "--text", "x", "--bin", "x", "--model", dir.resolve("m").toString(), "--log", dir.resolve("l").toString()});
      assertEquals(2, code);
    } finally {
      System.setErr(saved);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("argument --l: JSON value '{\"not\": \"a list\"}' does not fit java.util.List<java.lang.Integer>"), err.toString());
  }

  private String single(String a, String b) throws IOException {
    Path out = dir.resolve("single-" + a + "-" + b);
    assertEquals(0, AllTypesEntrypoint.run(new String[] {"single", "--a", a, "--b", b, "----output-paths", out.toString()}));
    return Files.readString(out);
  }

  private String read(String output) throws IOException {
    return Files.readString(dir.resolve("out/" + output + "/data"));
  }
}
