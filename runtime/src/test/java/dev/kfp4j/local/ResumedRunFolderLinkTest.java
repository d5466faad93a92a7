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
 * to. The task ends in Error instead (the runner cannot proceed with it), saying its folder is a link, and nothing there is
 * deleted or written. A {@code log.txt} that is a link is replaced by the task's own log, the file it pointed to left as it
 * was. A journal that is a link stops the resume, as a damaged one does, the file it points to left as it was, and so
 * does a lock file that is a link, the file it points to not made.
 */
class ResumedRunFolderLinkTest {
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

  @Test
  void aLogThatIsALinkIsReplacedNotWrittenThrough() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).build();
    RunResult failed = runner.run(Workflow.parse(workflow("mkdir -p /tmp/o; exit 1"), "linked.yaml"), Map.of());
    Path victim = dir.resolve("victim.txt");
    Files.writeString(victim, "keep");
    Path log = failed.runDir().resolve("t/log.txt");
    Files.delete(log);
    Files.createSymbolicLink(log, victim);

    RunResult resumed = runner.resume(Workflow.parse(workflow("mkdir -p /tmp/o; echo fresh; echo hi > /tmp/o/f"),
        "linked.yaml"), failed.runDir());

    assertEquals(TaskResult.State.Succeeded, resumed.state(), console.toString(StandardCharsets.UTF_8));
    assertEquals("keep", Files.readString(victim));
    assertTrue(!Files.isSymbolicLink(log) && Files.readString(log).contains("fresh"), Files.readString(log));
  }

  @Test
  void aJournalThatIsALinkStopsTheResume() throws Exception {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).build();
    RunResult failed = runner.run(Workflow.parse(workflow("mkdir -p /tmp/o; exit 1"), "linked.yaml"), Map.of());
    Path journal = failed.runDir().resolve("journal.jsonl");
    Path victim = dir.resolve("victim.jsonl");
    Files.move(journal, victim);
    Files.createSymbolicLink(journal, victim);
    String before = Files.readString(victim);

    WorkflowException e = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, () -> runner.resume(
        Workflow.parse(workflow("mkdir -p /tmp/o; echo hi > /tmp/o/f"), "linked.yaml"), failed.runDir()));

    assertEquals(failed.runDir() + " cannot be resumed: its journal.jsonl is a link, which kfp4j does not follow, as the run "
        + "appends to it; run the pipeline again", e.getMessage());
    assertEquals(before, Files.readString(victim));
  }

  @Test
  void aLockThatIsALinkStopsTheResume() throws Exception {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).build();
    RunResult failed = runner.run(Workflow.parse(workflow("mkdir -p /tmp/o; exit 1"), "linked.yaml"), Map.of());
    Path lock = failed.runDir().resolve(".lock");
    Path victim = dir.resolve("made-by-the-lock");
    Files.deleteIfExists(lock);
    Files.createSymbolicLink(lock, victim);

    WorkflowException e = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, () -> runner.resume(
        Workflow.parse(workflow("mkdir -p /tmp/o; echo hi > /tmp/o/f"), "linked.yaml"), failed.runDir()));

    assertEquals("cannot lock " + lock + ": it is a link, which kfp4j does not follow, as taking the lock would make the file "
        + "it points to; delete it, and the run takes a lock of its own", e.getMessage());
    assertTrue(Files.notExists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }
}
