package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Argo loop over a list with no items is a skipped task, as Argo's controller has it ({@code executeDAGTask}:
 * "Skipped, empty params"; {@code expandTask} reads {@code null} as no items), and the tasks after it run.
 */
class EmptyLoopTest {
  @TempDir Path dir;

  /** Runs workflow {@code name} of {@code tasks}, each running an echo of its input, its console in {@code console}. */
  private RunResult run(String name, String tasks, ByteArrayOutputStream console) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).progress(false).summary(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build()
        .run(LocalRunnerTest.workflow(name, "", tasks, LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1")),
            Map.of());
  }

  @Test
  void aLoopOverNoItemsIsSkippedAndTheTasksAfterItRun() {
    for (String list : new String[] {"[]", "null"}) {
      String tasks = LocalRunnerTest.task("a", "echo", list)
          + "      - {name: b, template: echo, dependencies: [a], withParam: '{{tasks.a.outputs.parameters.out}}', "
          + "arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
          + LocalRunnerTest.task("c", "echo", "after", "b");
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      RunResult r = run("empty", tasks, console);
      assertTrue(r.succeeded(), list + ": " + console);
      TaskResult b = r.task("b").orElseThrow(() -> new AssertionError(list + ": no task b in " + r.tasks()));
      assertEquals(State.Skipped, b.state(), list);
      assertEquals("its list of items is empty", b.message());
      assertEquals("after", r.output("c", "out"), list);
    }
  }

  /**
   * A withParam that is no JSON list: Argo's expandTask tests the task's own when as written, without the items, and skips the
   * task where it is false; ends it in Error where it is true or reads the item (which it cannot without the list), or where
   * there is no when.
   */
  @Test
  void aListThatIsNoListSkipsATaskWhoseWhenIsFalseAndErrsOthers() {
    String[][] cases = {
        {"'1 == 2'", "Skipped"}, {"'1 == 1'", "Error"}, {"'{{item}} == 2'", "Error"}, {null, "Error"}};
    for (String[] c : cases) {
      for (String list : new String[] {"{\"a\": 1}", "abc"}) {
        String tasks = LocalRunnerTest.task("a", "echo", list)
            + "      - {name: b, template: echo, dependencies: [a], withParam: '{{tasks.a.outputs.parameters.out}}', "
            + (c[0] == null ? "" : "when: " + c[0] + ", ") + "arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
            + LocalRunnerTest.task("c", "echo", "after", "b");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunResult r = run("nolist", tasks, console);
        String what = c[0] + " over " + list + ": " + console;
        TaskResult b = r.task("b").orElseThrow(() -> new AssertionError(what + ": no task b in " + r.tasks()));
        assertEquals(State.valueOf(c[1]), b.state(), what);
        if (c[1].equals("Skipped")) {
          assertTrue(r.succeeded(), what);
          assertEquals("its items are not a JSON list, and its when, which Argo then tests without them, is false", b.message());
          assertEquals("after", r.output("c", "out"), what);
        } else {
          assertTrue(b.message().contains("its items are not a JSON list: " + list), what + "\n" + b.message());
          assertEquals(State.Omitted, r.task("c").orElseThrow().state(), what);
        }
      }
    }
  }
}
