package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kfp4j.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code kfp4j run} on a full disk, as the runner's JVM meets it when its files may not grow past a size ({@code prlimit
 * --fsize}, util-linux): a write fails with the system's reason ({@code File too large}), the file it would have replaced kept.
 */
class FullDiskRunTest {
  /** How many outputs the first task has: in run.json, each on a line of its own, they make it outgrow the journal. */
  private static final int WIDE = 1000;

  private static final boolean PRLIMIT = Stream.of("/usr/bin/prlimit", "/bin/prlimit").anyMatch(p -> Files.isExecutable(Path.of(p)));

  @TempDir
  Path dir;

  /**
   * The journal's first line could not be written (a full disk as the run started): 'kfp4j run' said "unexpected
   * UncheckedIOException: cannot write .../journal.jsonl: ...". Now as every local file error: the file and the reason, exit 5.
   */
  @Test
  void aJournalThatCannotBeStartedIsALocalFileError() throws Exception {
    assumeTrue(PRLIMIT, "needs prlimit");
    // the journal's first line has the run's arguments, workflow.json (written before it) not: the one outgrows the limit
    Path file = Files.writeString(dir.resolve("full.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: full-}\nspec:\n  entrypoint: main\n  arguments: {parameters: [{name: x}]}\n  templates:\n"
        + "  - name: main\n    dag:\n      tasks:\n      - {name: t, template: t}\n"
        + "  - name: t\n    container: {image: a, command: [echo, hi]}\n");
    Result r = kfp4j(List.of("prlimit", "--fsize=4096:"), "run", "--classes", CommandsTest.CLASSES, "-p", file.toString(), "--root",
        dir.resolve("runs").toString(), "--no-cache", "-a", "x=" + "y".repeat(8192));
    assertEquals(5, r.code(), r.output());
    Path runDir;
    try (Stream<Path> runs = Files.list(dir.resolve("runs/full"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    assertEquals("kfp4j: error: cannot read or write " + runDir.resolve("journal.jsonl") + ": File too large (-v prints where it "
        + "happened)\n", r.output());
  }

  private record Result(int code, String output) {}

  /** {@code kfp4j ARGS} in a JVM of its own, started by {@code wrapper}; its output and errors together. */
  private static Result kfp4j(List<String> wrapper, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(wrapper);
    // no perf data file: the JVM's own, which a low file size limit would not let it make
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-cp",
        System.getProperty("java.class.path"), Kfp4j.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), output);
  }

  /**
   * The disk filled at the run's end: run.json could not be written (exit 5) and keeps its last version, the journal has every
   * task. Once there is room, 'kfp4j run --resume RUN_DIR' completes the run from the journal, running nothing again, and
   * writes run.json whole. The full disk: the last task lets the runner's files grow no longer than its journal will be, so
   * each writing of run.json, which outgrew it, fails in its temp file and leaves run.json as it was (prlimit, util-linux).
   */
  @Test
  void aRunWhoseRecordCouldNotBeWrittenAtItsEndIsCompletedByResume() throws Exception {
    assumeTrue(PRLIMIT, "needs prlimit");
    Path count = dir.resolve("count");
    StringBuilder outputs = new StringBuilder();
    StringBuilder writes = new StringBuilder("echo wide >> " + count);
    for (int i = 0; i < WIDE; i++) {
      String name = String.format("o%04d", i); // no one's path a prefix of another's
      outputs.append(i == 0 ? "" : ", ").append("{name: ").append(name).append(", valueFrom: {path: /tmp/").append(name).append(".txt}}");
      writes.append("; echo v > /tmp/").append(name).append(".txt");
    }
    // its parent is the runner's JVM; the journal's size now, and the last task's line, which is shorter than 4096 bytes
    String fills = "[ \"$(cat /proc/$PPID/comm)\" = java ] || exit 1; echo fills >> " + count
        + "; prlimit --pid $PPID --fsize=$(( $(wc -c < ../journal.jsonl) + 4096 )):";
    Path file = Files.writeString(dir.resolve("full.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: full-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: wide, template: wide}\n      - {name: fills, template: fills, dependencies: [wide]}\n"
        + "  - name: wide\n    outputs: {parameters: [" + outputs + "]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, '" + writes + "']\n"
        + "  - name: fills\n    container:\n      image: a\n      command: [sh, -c, '" + fills + "']\n");
    Result first = kfp4j(List.of(), "run", "--classes", CommandsTest.CLASSES, "-p", file.toString(), "--root",
        dir.resolve("runs").toString(), "--no-cache");
    assertEquals(5, first.code(), first.output());
    Path runDir;
    try (Stream<Path> runs = Files.list(dir.resolve("runs/full"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    assertTrue(first.output().endsWith("kfp4j: error: cannot read or write " + runDir.resolve("run.json") + ": File too large (-v prints "
        + "where it happened)\n"), first.output());
    assertEquals("Running", runJson(runDir).path("state").asString(), "its last version");

    Cli r = Cli.run("run", "--classes", CommandsTest.CLASSES, "--resume", runDir.toString(), "--no-cache");
    assertEquals(0, r.code(), r.toString());
    JsonNode record = runJson(runDir);
    assertEquals("Succeeded", record.path("state").asString(), record.toString());
    assertTrue(record.has("finishedAt"), record.toString());
    for (String task : List.of("wide", "fills")) {
      assertEquals("Succeeded", record.at("/tasks/" + task + "/state").asString(), record.toString());
    }
    assertEquals(WIDE, record.at("/tasks/wide/outputs").size(), "its outputs");
    assertEquals(List.of("wide", "fills"), Files.readAllLines(count), "nothing ran again");
    try (Stream<Path> files = Files.list(runDir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList(), "no temp file left");
    }
  }

  /**
   * A task whose outputs come from the cache, on a full disk: they could not be written into its folder, and that was taken
   * for a damaged cache entry, which was deleted, so the next run ran the task again. Now the task fails saying which file
   * and the system's reason, nothing half-written is left in its folder, and the entry is kept: the next run reuses it. The
   * full disk: a task ahead of it lets the runner's files grow no longer than 64 KiB, its cached artifact having 256 KiB.
   * Its failure had no log, as a task reused has none; now its log.txt says why, and the summary shows where it is.
   */
  @Test
  void aCachedTaskWhoseOutputsCannotBeWrittenFailsAndKeepsItsEntry() throws Exception {
    assumeTrue(PRLIMIT, "needs prlimit");
    Path count = dir.resolve("count");
    String big = "  - name: big\n    outputs: {artifacts: [{name: data, path: /tmp/data.txt}]}\n    container:\n      image: a\n"
        + "      command: [sh, -c, 'echo big >> " + count + "; head -c 262144 /dev/zero > /tmp/data.txt']\n";
    Path alone = Files.writeString(dir.resolve("alone.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: big-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: big, template: big}\n" + big);
    String root = dir.resolve("runs").toString();
    Cli first = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", alone.toString(), "--root", root);
    assertEquals(0, first.code(), first.toString());

    // its parent is the runner's JVM
    String fills = "[ \"$(cat /proc/$PPID/comm)\" = java ] || exit 1; prlimit --pid $PPID --fsize=65536:";
    Path full = Files.writeString(dir.resolve("full.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"
        + "metadata: {generateName: full-}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + "      - {name: fills, template: fills}\n      - {name: big, template: big, dependencies: [fills]}\n"
        + "  - name: fills\n    container:\n      image: a\n      command: [sh, -c, '" + fills + "']\n" + big);
    Result second = kfp4j(List.of(), "run", "--classes", CommandsTest.CLASSES, "-p", full.toString(), "--root", root);
    Path runDir;
    try (Stream<Path> runs = Files.list(dir.resolve("runs/full"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    JsonNode record = runJson(runDir);
    assertEquals("Failed", record.at("/tasks/big/state").asString(), second.output());
    String why = "cannot write its outputs from the cache: " + runDir.resolve("big/outputs/data/data") + ": File too large";
    assertEquals(why, record.at("/tasks/big/message").asString(), record.toString());
    assertEquals("kfp4j: " + why + "\n", Files.readString(runDir.resolve("big/log.txt")), "a log saying why (was none)");
    assertTrue(second.output().contains("  log: " + runDir.resolve("big/log.txt") + "\n"), second.output());
    assertTrue(!Files.exists(runDir.resolve("big/outputs")), "no half-written output");

    Cli third = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", alone.toString(), "--root", root);
    assertEquals(0, third.code(), third.toString());
    assertEquals(List.of("big"), Files.readAllLines(count), "the entry was reused, the task not run again");
  }

  private static JsonNode runJson(Path runDir) {
    return Yaml.json().readTree(runDir.resolve("run.json").toFile());
  }
}
