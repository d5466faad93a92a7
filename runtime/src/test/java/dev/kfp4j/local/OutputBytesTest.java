package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Argo output parameter's file that is not UTF-8 passes on as Argo passes it: its bytes taken as they are, then through
 * Go's JSON, which writes each byte that begins no valid UTF-8 sequence as U+FFFD ({@code SaveParameters}, {@code
 * AnyString.MarshalJSON}); the task failed before.
 */
class OutputBytesTest {
  @TempDir Path dir;

  @Test
  void bytesThatAreNotUtf8PassOnAsGoJsonWritesThem() {
    String bytes = LocalRunnerTest.sh("bytes", "mkdir -p $(dirname $1); printf \"a\\377b\\342\\202c\\303\\251\\355\\240\\200\\n\" > $1");
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String tasks = LocalRunnerTest.task("a", "bytes", "") + LocalRunnerTest.task("b", "echo", "{{tasks.a.outputs.parameters.out}}", "a");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(LocalRunnerTest.workflow("bytes", "", tasks, bytes, echo), Map.of());
    assertTrue(r.succeeded(), console.toString(StandardCharsets.UTF_8));
    // FF: one; E2 82 cut short: one each; C3 A9 is é; ED A0 80 (a surrogate's encoding): one each
    String expected = "a\uFFFDb\uFFFD\uFFFDc\u00e9\uFFFD\uFFFD\uFFFD";
    assertEquals(expected, r.output("a", "out"));
    assertEquals(expected, r.output("b", "out"));
  }
}
