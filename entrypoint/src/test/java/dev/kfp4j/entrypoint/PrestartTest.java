package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started ahead ({@link Prestart}) reads its task's arguments as {@link Prestart#write}
 * frames them, whatever they hold, then runs the main class as {@code java} would; standard input
 * that ends early or is malformed ends it quietly.
 */
class PrestartTest {
  @TempDir Path dir;

  private static final List<String> ODD = List.of("with spaces", "", "line\nbreak", "tab\tand \"quotes\"", "naïve ✓ 日本 🙂", "-", "\0");

  private static byte[] framed(List<String> args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Prestart.write(args, out);
    return out.toByteArray();
  }

  @Test
  void argumentsRoundTrip() throws IOException {
    assertArrayEquals(ODD.toArray(String[]::new), Prestart.read(new ByteArrayInputStream(framed(ODD))));
    assertArrayEquals(new String[0], Prestart.read(new ByteArrayInputStream(framed(List.of()))));
  }

  @Test
  void incompleteOrMalformedArgumentsAreNone() throws IOException {
    byte[] whole = framed(ODD);
    for (int n = 0; n < whole.length; n++) {
      assertNull(Prestart.read(new ByteArrayInputStream(Arrays.copyOf(whole, n))), "cut at " + n);
    }
    byte[] noEnd = whole.clone();
    noEnd[noEnd.length - 1] = 0;
    assertNull(Prestart.read(new ByteArrayInputStream(noEnd)), "no end marker");
    assertNull(Prestart.read(new ByteArrayInputStream(new byte[] {-1, -1, -1, -2})), "a negative count");
    assertNull(Prestart.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, (byte) 0xC3, -1, -1, -1, -1})), "not UTF-8");
    assertNull(Prestart.read(new ByteArrayInputStream("hello world\n".getBytes(StandardCharsets.UTF_8))), "text");
  }

  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** {@code Prestart main} given {@code stdin}: its exit code and output. */
  private String[] run(String main, byte[] stdin) throws Exception {
    return java(Map.of(), stdin, Prestart.class.getName(), main);
  }

  /** {@code java -cp CLASSPATH command...} with {@code env} added, given {@code stdin}: its exit code and output. */
  private String[] java(Map<String, String> env, byte[] stdin, String... command) throws Exception {
    Path log = dir.resolve("log-" + System.nanoTime());
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath()));
    line.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new String[] {Integer.toString(p.exitValue()), Files.readString(log)};
  }

  @Test
  void runsTheMainClassWithTheArgumentsAsJavaWould() throws Exception {
    Path file = dir.resolve("args");
    List<String> args = new ArrayList<>(List.of("write", file.toString()));
    args.addAll(ODD);
    assertArrayEquals(new String[] {"0", "initialized\nwrote\n"}, run(PrestartProbe.class.getName(), framed(args)));
    assertEquals(String.join("\0", ODD) + "\0", Files.readString(file, StandardCharsets.UTF_8));
    assertEquals("7", run(PrestartProbe.class.getName(), framed(List.of("exit", "7")))[0]);
    String[] thrown = run(PrestartProbe.class.getName(), framed(List.of("throw")));
    assertEquals("1", thrown[0]);
    assertTrue(thrown[1].matches("initialized\nException in thread \"main\" java.lang.IllegalStateException: boom\n"
        + "\tat dev.kfp4j.entrypoint.PrestartProbe.main\\(PrestartProbe.java:\\d+\\)\n"), "as java reports it: " + thrown[1]);
    assertArrayEquals(new String[] {"1", "Error: Could not find or load main class no.Such\nCaused by: java.lang.ClassNotFoundException: no.Such\n"},
        run("no.Such", framed(List.of())));
  }

  @Test
  void theMainClassIsInitializedOnlyWhenItsTaskRunsAndAFailureThereIsReportedAsJavaReportsIt() throws Exception {
    Map<String, String> fails = Map.of("PROBE_INIT_FAILS", "1");
    String[] java = java(fails, new byte[0], PrestartProbe.class.getName(), "exit", "0");
    assertEquals("1", java[0]);
    assertTrue(java[1].startsWith("initialized\nException in thread \"main\" java.lang.ExceptionInInitializerError\n"
        + "Caused by: java.lang.IllegalStateException: init failed\n"), java[1]);
    assertArrayEquals(java, java(fails, framed(List.of("exit", "0")), Prestart.class.getName(), PrestartProbe.class.getName()));
    assertArrayEquals(new String[] {"0", ""}, java(fails, new byte[0], Prestart.class.getName(), PrestartProbe.class.getName()),
        "no task: its static initializer did not run");
  }

  @Test
  void endsQuietlyWhenItsInputEndsBeforeTheArgumentsOrIsMalformed() throws Exception {
    Path file = dir.resolve("args");
    byte[] whole = framed(List.of("write", file.toString(), "x"));
    assertArrayEquals(new String[] {"0", ""}, run(PrestartProbe.class.getName(), new byte[0]));
    assertArrayEquals(new String[] {"0", ""}, run(PrestartProbe.class.getName(), Arrays.copyOf(whole, whole.length - 1)));
    assertArrayEquals(new String[] {"0", ""}, run(PrestartProbe.class.getName(), "write x\n".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals(new String[] {"0", ""}, run("no.Such", new byte[0]), "a missing class is told only to a task");
    assertFalse(Files.exists(file));
  }
}
