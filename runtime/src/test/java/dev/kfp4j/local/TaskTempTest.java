package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task run here has a temporary folder of its own in its task's folder, as a container has its
 * own {@code /tmp}: {@code TMPDIR} for its process, {@code java.io.tmpdir} for a Java task's JVM
 * (started ahead or not), deleted with what is in it as each attempt ends, however it ends, its
 * links deleted and never followed; a {@code TMPDIR} or {@code java.io.tmpdir} the task sets itself
 * wins. What KFP's Python components write to {@code $(mktemp)} stays in the run and goes.
 */
class TaskTempTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(LocalRunner.JavaMode mode) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).javaMode(mode).progress(false).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  private static final String OUT = "/tmp/outputs/out/data";

  /** An Argo template running {@code sh -ec script OUT}, {@code settings} under its container, its output {@code out} at OUT ($0). */
  private static String sh(String name, String settings, String script) {
    return "  - name: " + name + "\n    outputs: {parameters: [{name: out, valueFrom: {path: " + OUT + "}}]}\n"
        + "    container:\n      image: alpine\n" + settings + "      command: [sh, -ec]\n"
        + "      args: ['" + script.replace("'", "''") + "', " + OUT + "]\n";
  }

  /** An Argo template running {@code TestEntrypoint temp OUT}, {@code settings} under its container. */
  private static String javaTemp(String name, String settings) {
    return "  - name: " + name + "\n    outputs: {parameters: [{name: out, valueFrom: {path: " + OUT + "}}]}\n"
        + "    container:\n      image: a\n" + settings
        + "      command: [java, -cp, /app/classes, dev.kfp4j.local.TestEntrypoint, temp, " + OUT + "]\n";
  }

  private static Path folder(RunResult r, String task) {
    return r.task(task).orElseThrow().log().getParent();
  }

  /** Every file in the folder of task {@code id}, relative to it. */
  private static List<String> files(RunResult r, String id) throws Exception {
    Path folder = folder(r, id);
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  private static final List<String> OUTPUT_AND_LOG = List.of("log.txt", "outputs", "outputs/out", "outputs/out/data");

  @Test
  void aKfpV1PythonStyleComponentsMktempFileIsInItsTaskFolderAndGoneAfterTheRun() throws Exception {
    // as the KFP SDK 1.8 writes a Python component (subtract.component.yaml), with sh for python3: the program goes to
    // $(mktemp), never deleted; the program says where its TMPDIR and its own file are, and what is in that folder
    String v1 = "  - name: v1\n    outputs: {parameters: [{name: out, valueFrom: {path: " + OUT + "}}]}\n"
        + "    container:\n      image: python:3.7\n      command:\n      - sh\n      - -ec\n      - |\n"
        + "        program_path=$(mktemp)\n        printf \"%s\" \"$0\" > \"$program_path\"\n        sh \"$program_path\" \"$@\"\n"
        + "      - 'printf \"%s\\n%s\\n\" \"$TMPDIR\" \"$0\" > \"$1\"; ls -A \"$TMPDIR\" >> \"$1\"'\n"
        + "      args: [" + OUT + "]\n";
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(workflow("v1", "", "      - {name: a, template: v1}\n", v1), Map.of());
    assertTrue(r.succeeded(), console.toString());
    List<String> lines = r.output("a", "out").lines().toList();
    Path tmp = folder(r, "a").resolve(TaskTemp.FOLDER);
    assertEquals(tmp.toString(), lines.get(0), "its TMPDIR is its own folder in the task's");
    Path program = Path.of(lines.get(1));
    assertEquals(tmp, program.getParent(), "mktemp made the program's file there, not in /tmp");
    assertEquals(List.of(program.getFileName().toString()), lines.subList(2, lines.size()), "the folder was new, and held only it");
    assertFalse(Files.exists(program), "the program's file went with the task");
    assertFalse(Files.exists(tmp));
    assertEquals(OUTPUT_AND_LOG, files(r, "a"));
  }

  @Test
  void aFailedTasksTemporaryFilesAreGoneAndARetryStartsWithAnEmptyFolder() throws Exception {
    Path seen = dir.resolve("seen");
    // each attempt says where mktemp made its file, and what its folder held before; the first two fail
    String flaky = sh("flaky", "", "n=$(ls -A \"$TMPDIR\" | wc -l); f=$(mktemp); echo half > $f; echo \"$f $n\" >> " + seen + "; "
        + "echo half > \"$0\"; [ $(wc -l < " + seen + ") -ge 3 ]");
    String failing = sh("failing", "", "f=$(mktemp -d); echo half > $f/x; echo $f > " + dir.resolve("failed") + "; exit 4");
    Workflow w = workflow("flaky", "", "      - {name: a, template: flaky}\n      - {name: b, template: failing}\n",
        flaky.replace("    container:", "    retryStrategy: {limit: '2'}\n    container:"), failing);
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());

    assertEquals(State.Failed, r.task("b").orElseThrow().state(), console.toString());
    Path made = Path.of(Files.readString(dir.resolve("failed")).strip());
    assertEquals(folder(r, "b").resolve(TaskTemp.FOLDER), made.getParent());
    assertFalse(Files.exists(made), "the failed task's temporary folder went");
    assertEquals(List.of("log.txt"), files(r, "b"));

    assertEquals(State.Succeeded, r.task("a").orElseThrow().state(), console.toString());
    assertEquals(3, r.task("a").orElseThrow().attempts());
    List<String> attempts = Files.readAllLines(seen);
    assertEquals(3, attempts.size());
    for (String attempt : attempts) {
      Path f = Path.of(attempt.split(" ")[0]);
      assertEquals(folder(r, "a").resolve(TaskTemp.FOLDER), f.getParent());
      assertFalse(Files.exists(f));
      assertEquals("0", attempt.split(" ")[1], "the attempt before left nothing in the folder: " + attempts);
    }
    assertEquals(OUTPUT_AND_LOG, files(r, "a"));
  }

  @Test
  void javaTasksAsSubprocessesStartedAheadOrNotWriteTheirTemporaryFilesInTheirTaskFolder() throws Exception {
    Workflow chain = workflow("java-temp", "", "      - {name: a, template: t}\n      - {name: b, template: t, dependencies: [a]}\n",
        javaTemp("t", ""));
    RunResult r = runner(LocalRunner.JavaMode.SUBPROCESS).run(chain, Map.of());
    assertTrue(r.succeeded(), console.toString());
    for (String task : List.of("a", "b")) {
      List<String> lines = r.output(task, "out").lines().toList();
      Path file = Path.of(lines.get(0));
      assertEquals(folder(r, task).resolve(TaskTemp.FOLDER), file.getParent(), task + ": java.io.tmpdir is its own folder");
      assertFalse(Files.exists(file), task + "'s temporary file went with it");
      assertEquals(OUTPUT_AND_LOG, files(r, task));
    }
    assertTrue(r.output("a", "out").lines().toList().get(1).startsWith("dev.kfp4j.local.TestEntrypoint temp "), r.output("a", "out"));
    assertTrue(r.output("b", "out").lines().toList().get(1).startsWith("dev.kfp4j.entrypoint.Prestart "),
        "b's JVM was started ahead, its java.io.tmpdir foreseen: " + r.output("b", "out"));
  }

  @Test
  void aTmpdirOrJavaIoTmpdirTheTaskSetsItselfWins() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Workflow w = workflow("own", "", "      - {name: s, template: s}\n      - {name: j, template: j}\n",
        sh("s", "      env: [{name: TMPDIR, value: '" + mine + "'}]\n", "f=$(mktemp); echo kept > $f; echo $f > \"$0\""),
        javaTemp("j", "      env: [{name: JAVA_TOOL_OPTIONS, value: '-Djava.io.tmpdir=" + mine + "'}]\n"));
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());
    assertTrue(r.succeeded(), console.toString());
    Path shell = Path.of(r.output("s", "out"));
    assertEquals(mine, shell.getParent(), "the task's own TMPDIR");
    assertEquals("kept\n", Files.readString(shell), "a folder the task names is not the runner's to delete");
    Path java = Path.of(r.output("j", "out").lines().toList().get(0));
    assertEquals(mine, java.getParent(), "the java.io.tmpdir of the task's JAVA_TOOL_OPTIONS");
    assertEquals("temporary", Files.readString(java));
    assertEquals(OUTPUT_AND_LOG, files(r, "s"));
    assertEquals(OUTPUT_AND_LOG, files(r, "j"));
  }

  @Test
  void deletingTheTemporaryFolderNeverFollowsALinkOutOfIt() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path keep = Files.writeString(outside.resolve("keep"), "mine");
    Workflow w = workflow("links", "", "      - {name: in, template: in}\n      - {name: whole, template: whole}\n",
        sh("in", "", "ln -s " + outside + " \"$TMPDIR/link\"; ln -s " + keep + " \"$TMPDIR/file\"; echo ok > \"$0\""),
        sh("whole", "", "rmdir \"$TMPDIR\"; ln -s " + outside + " \"$TMPDIR\"; echo ok > \"$0\""));
    RunResult r = runner(LocalRunner.JavaMode.IN_PROCESS).run(w, Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals("mine", Files.readString(keep));
    try (Stream<Path> left = Files.list(outside)) {
      assertEquals(List.of(keep), left.toList());
    }
    assertEquals(OUTPUT_AND_LOG, files(r, "in"));
    assertEquals(OUTPUT_AND_LOG, files(r, "whole"), "the link that stood for the folder went, not what it led to");
  }
}
