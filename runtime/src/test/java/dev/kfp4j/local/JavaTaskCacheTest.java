package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.TaskResult.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java task's cache entry is for the code it ran: a component rebuilt on the runner's classpath
 * (edited, then {@code mvn compile}) runs again, as a rebuilt image does in a container; one rebuilt
 * the same ({@code mvn clean compile}) is reused.
 */
class JavaTaskCacheTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(Path classes) {
    return runner(classes, dir.resolve("runs"));
  }

  private LocalRunner runner(Path classes, Path root) {
    return LocalRunner.builder().root(root).classpath(classes.toString()).caching(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).build();
  }

  /** Compiles an entrypoint {@code Version} into {@code classes} that writes {@code text} to its one argument. */
  private void compile(Path classes, String text) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src")).resolve("Version.java");
    Files.writeString(src, "public class Version {\n  public static int run(String[] args) throws Exception {\n"
        + "    java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), \"" + text + "\");\n    return 0;\n  }\n}\n");
    Files.createDirectories(classes);
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
  }

  @Test
  void aJavaTaskWhoseClassesWereRebuiltRunsAgain() throws Exception {
    Path classes = dir.resolve("classes");
    Workflow wf = workflow("rebuilt", "", "      - {name: j, template: java}\n", "  - name: java\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, Version, /tmp/o]\n");
    compile(classes, "one");
    assertEquals("one", runner(classes).run(wf, Map.of()).output("j", "out"), console.toString());
    assertEquals(State.Cached, runner(classes).run(wf, Map.of()).task("j").get().state(), "unchanged code: reused");

    compile(classes, "two, rebuilt");
    RunResult rebuilt = runner(classes).run(wf, Map.of());
    assertEquals(State.Succeeded, rebuilt.task("j").get().state(), console.toString());
    assertEquals("two, rebuilt", rebuilt.output("j", "out"));
  }

  @Test
  void aJavaTaskWhoseClassesWereRebuiltTheSameIsReused() throws Exception {
    Path classes = dir.resolve("classes");
    Workflow wf = javaTask("clean");
    compile(classes, "one");
    assertEquals("one", runner(classes).run(wf, Map.of()).output("j", "out"), console.toString());

    RunPaths.deleteTree(dir, classes);
    compile(classes, "one");
    later(classes.resolve("Version.class"));
    assertEquals(State.Cached, runner(classes).run(wf, Map.of()).task("j").get().state(),
        "the same classes, written again later: the earlier outputs");
  }

  @Test
  void aClassChangedToTheSameSizeRunsAgain() throws Exception {
    Path classes = dir.resolve("classes");
    Workflow wf = javaTask("same-size");
    compile(classes, "one");
    long size = Files.size(classes.resolve("Version.class"));
    assertEquals("one", runner(classes).run(wf, Map.of()).output("j", "out"), console.toString());

    compile(classes, "two");
    assertEquals(size, Files.size(classes.resolve("Version.class")), "the class is as long as before");
    later(classes.resolve("Version.class"));
    RunResult changed = runner(classes).run(wf, Map.of());
    assertEquals(State.Succeeded, changed.task("j").get().state(), console.toString());
    assertEquals("two", changed.output("j", "out"));
  }

  @Test
  void aDamagedSumsFileIsOnlySlower() throws Exception {
    Path classes = dir.resolve("classes");
    Workflow wf = javaTask("damaged-sums");
    compile(classes, "one");
    assertEquals("one", runner(classes).run(wf, Map.of()).output("j", "out"), console.toString());
    Path sums = dir.resolve("runs/.cache").resolve(ClasspathSums.FILE);
    assertTrue(Files.readString(sums).contains("Version.class"), "each file's digest is kept");

    Files.writeString(sums, "not\ta sums\tfile\n\t\t\t\n");
    assertEquals(State.Cached, runner(classes).run(wf, Map.of()).task("j").get().state(), console.toString());
    assertTrue(Files.readString(sums).contains("Version.class"), "written again whole");
  }

  /** A pipeline of one Java task {@code j} that runs {@code Version}, writing its output {@code out}. */
  private static Workflow javaTask(String name) throws Exception {
    return workflow(name, "", "      - {name: j, template: java}\n", "  - name: java\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, Version, /tmp/o]\n");
  }

  /** Sets {@code file}'s modification time a minute on, as a build a minute later leaves it. */
  private static void later(Path file) throws Exception {
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
  }

  @Test
  void runsInAHiddenFolderOfAClasspathFolderDoNotChangeItsCode() throws Exception {
    Path project = dir.resolve("project");
    compile(project, "one");
    Workflow wf = workflow("rooted", "", "      - {name: j, template: java}\n", "  - name: java\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n    container:\n      image: a\n"
        + "      command: [java, -cp, /app/classes, Version, /tmp/o]\n");
    Path root = project.resolve(".kfp4j/runs");
    assertEquals("one", runner(project, root).run(wf, Map.of()).output("j", "out"), console.toString());
    assertEquals(State.Cached, runner(project, root).run(wf, Map.of()).task("j").get().state(),
        "the first run's folder, in the classpath's folder ('java -cp .'), is no change of code");
  }
}
