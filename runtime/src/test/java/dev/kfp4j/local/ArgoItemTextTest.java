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
 * A loop item reaches a task of an Argo workflow as Argo's controller gives it: a map item whole
 * as Go's JSON (no spaces, keys sorted), a field as its JSON without spaces, a text field without
 * its quotes but with its escapes.
 */
class ArgoItemTextTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @Test
  void aMapItemAndItsFieldsAreGoJson() {
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String items = "[{\"name\": \"say \\\"hi\\\" & go\", \"m\": {\"z\": 1, \"a\": [1, 2]}, \"n\": 2}]";
    String tasks = "      - {name: whole, template: echo, withParam: '" + items + "', arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
        + "      - {name: name, template: echo, withParam: '" + items + "', arguments: {parameters: [{name: x, value: '{{item.name}}'}]}}\n"
        + "      - {name: m, template: echo, withParam: '" + items + "', arguments: {parameters: [{name: x, value: '{{item.m}}'}]}}\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("items", "", tasks, echo), Map.of());
    assertTrue(r.succeeded(), console.toString());
    String out = console.toString();
    assertEquals("{\"m\":{\"z\":1,\"a\":[1,2]},\"n\":2,\"name\":\"say \\\"hi\\\" \\u0026 go\"}", output(r, "whole"), out);
    assertEquals("say \\\"hi\\\" & go", output(r, "name"), out);
    assertEquals("{\"z\":1,\"a\":[1,2]}", output(r, "m"), out);
  }

  private static String output(RunResult r, String task) {
    return r.tasks().stream().filter(t -> t.id().startsWith(task))
        .findFirst().orElseThrow(() -> new AssertionError(task + " in " + r.tasks().stream().map(TaskResult::id).toList())).outputs().get("out");
  }
}
