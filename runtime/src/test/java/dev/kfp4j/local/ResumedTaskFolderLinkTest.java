package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed run folder edited by hand, whose failed task's folder is now a link to a folder elsewhere: the task's start,
 * which clears its {@code outputs} and {@code tmp} and writes its {@code log.txt}, would do so in the folder the link points
 * to. The task ends in Error instead (the runner cannot proceed with it), saying its folder is a link, and nothing there is deleted or written.
 */
class ResumedTaskFolderLinkTest {
  @TempDir Path dir;

  private static String workflow(String script) {
    return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: linked}\nspec:\n  entrypoint: main\n"
        + "  templates:\n  - name: main\n    dag:\n      tasks:\n      - {name: t, template: t}\n"
        + "  - name: t\n    outputs: {artifacts: [{name: o, path: /tmp/o}]}\n"
        + "    container: {image: alpine, command: [sh, -c, '" + script + "']}\n";
  }

  @Test
  void aTaskFolderThatIsALinkIsNeitherClearedNorWritten() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).build();
    RunResult failed = runner.run(Workflow.parse(workflow("mkdir -p /tmp/o; exit 1"), "linked.yaml"), Map.of());
    assertEquals(TaskResult.State.Failed, failed.state());

    Path victim = dir.resolve("victim");
    Files.createDirectories(victim.resolve("outputs/o"));
    Files.createDirectories(victim.resolve("tmp"));
    Files.writeString(victim.resolve("outputs/o/f"), "keep");
    Files.writeString(victim.resolve("tmp/k"), "keep");
    Files.writeString(victim.resolve("log.txt"), "keep");
    Path task = failed.runDir().resolve("t");
    RunPaths.deleteTree(failed.runDir(), task);
    Files.createSymbolicLink(task, victim);

    RunResult resumed = runner.resume(Workflow.parse(workflow("mkdir -p /tmp/o; echo hi > /tmp/o/f"), "linked.yaml"),
        failed.runDir());

    String out = console.toString(StandardCharsets.UTF_8);
    assertEquals(TaskResult.State.Error, resumed.state(), out);
    assertTrue(out.contains("folder " + task + " is a link (-> " + victim + ")"), out);
    assertEquals("keep", Files.readString(victim.resolve("outputs/o/f")));
    assertEquals("keep", Files.readString(victim.resolve("tmp/k")));
    assertEquals("keep", Files.readString(victim.resolve("log.txt")));
    assertTrue(Files.isSymbolicLink(task));
  }
}
