package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.sh;
import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder that was damaged (cut short, overwritten, edited) is never resumed from: the
 * runner says which file is damaged and how, and exits 2. Only the journal's last line may be cut
 * short, as a crash leaves it; what a killed runner left is cleaned before the run goes on.
 */
class DamagedRunTest {
  @TempDir Path dir;
  private final Workflow workflow = workflow("resumable", "", task("a", "double", "21") + task("b", "double", "{{tasks.a.outputs.parameters.out}}", "a"),
      sh("double", LocalRunnerTest.DOUBLE));

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
  }

  /** A run that finished, as a run folder to damage. */
  private Path finishedRun() {
    RunResult r = runner().run(workflow, Map.of());
    assertTrue(r.succeeded());
    return r.runDir();
  }

  private String refusal(Path runDir) {
    return assertThrows(WorkflowException.class, () -> runner().resume(workflow, runDir)).getMessage();
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aDamagedRunJsonIsNamedWithWhatIsWrong() throws Exception {
    Path runDir = finishedRun();
    Path runJson = runDir.resolve("run.json");
    byte[] whole = Files.readAllBytes(runJson);
    Map<String, byte[]> damage = Map.of(
        "it is not JSON: ", Arrays.copyOf(whole, whole.length / 2),
        "it is not JSON: Unrecognized token", "garbage".getBytes(StandardCharsets.UTF_8),
        "it is not a JSON object", "[1,2]".getBytes(StandardCharsets.UTF_8),
        "it has no arguments or tasks", "{\"pipeline\": \"resumable\", \"runId\": \"x\", \"arguments\": {}}".getBytes(StandardCharsets.UTF_8),
        "it is not UTF-8 text", new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
    for (Map.Entry<String, byte[]> d : damage.entrySet()) {
      write(runJson, d.getValue());
      String message = refusal(runDir);
      assertTrue(message.startsWith(runJson + " is damaged (" + d.getKey()), message);
      assertTrue(message.endsWith("; the run cannot be resumed, run the pipeline again"), message);
    }
  }

  @Test
  void aDamagedJournalLineIsAnErrorButACutLastLineIsWhatACrashLeaves() throws Exception {
    Path runDir = finishedRun();
    Path journal = runDir.resolve("journal.jsonl");
    String whole = Files.readString(journal);
    String[] lines = whole.split("\n");
    assertEquals(5, lines.length, whole); // the run; a's process and result; b's process and result
    String head = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n";

    // The crash cut the last line, inside the multi-byte character of a value: that task runs again.
    byte[] cut = (head + lines[4].replace("\"template\":\"double\"", "\"template\":\"d\u00e9\"")).getBytes(StandardCharsets.UTF_8);
    int at = new String(cut, StandardCharsets.ISO_8859_1).indexOf("d\u00c3") + 2;
    write(journal, Arrays.copyOf(cut, at));
    RunResult resumed = runner().resume(workflow, runDir);
    assertTrue(resumed.succeeded());
    assertEquals("completed before the run was resumed", resumed.task("a").get().message());
    assertEquals(1, resumed.task("b").get().attempts(), "b ran again");
    assertEquals("84", runner().resume(workflow, runDir).output("b", "out"), "the journal the resume went on with is whole");

    Files.writeString(journal, lines[0] + "\n" + lines[1] + "\n" + lines[2].replace("\"out\":\"42\"", "\"out\":\"43\"") + "\n");
    assertEquals(journal + " is damaged at line 3: its checksum does not match: it was changed or damaged; the run cannot be resumed "
        + "safely, run the pipeline again", refusal(runDir));
    Files.writeString(journal, lines[0] + "\ngarbage\n" + lines[2] + "\n");
    assertEquals(journal + " is damaged at line 2: it is not a journal line; the run cannot be resumed safely, run the pipeline again",
        refusal(runDir));
    Files.write(journal, (lines[0] + "\n" + lines[1].substring(0, 40) + "\n").getBytes(StandardCharsets.UTF_8));
    assertTrue(refusal(runDir).startsWith(journal + " is damaged at line 2: "));
    Files.writeString(journal, lines[2] + "\n");
    assertEquals(journal + " does not start with the run it records; the run cannot be resumed", refusal(runDir));
    Files.delete(journal);
    assertEquals(runDir + " cannot be resumed: cannot read its journal.jsonl (no such file or folder)", refusal(runDir));
  }

  @Test
  void theCommandLineSaysWhatIsDamagedAndExits2() throws Exception {
    Path runDir = finishedRun();
    Files.writeString(runDir.resolve("run.json"), "[1,2]");
    Path file = Files.writeString(dir.resolve("resumable.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: resumable-}\n"
        + "spec:\n  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n"
        + task("a", "double", "21") + task("b", "double", "{{tasks.a.outputs.parameters.out}}", "a") + sh("double", LocalRunnerTest.DOUBLE));
    Process p = Child.localRun(dir.resolve("out.log"), Map.of(), file.toString(), "--root", dir.resolve("runs").toString(), "--resume", runDir.toString());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(dir.resolve("out.log"));
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.startsWith("usage: LocalRun "), out);
    assertTrue(out.endsWith("\nLocalRun: error: " + runDir.resolve("run.json") + " is damaged (it is not a JSON object); the run cannot be "
        + "resumed, run the pipeline again\n"), out);
  }

  @Test
  void whatAKilledRunnerLeftInARunFolderIsCleanedWhenItResumes() throws Exception {
    Path runDir = finishedRun();
    // As a kill leaves them: an entrypoint's staged output, run.json's temp file, b not finished.
    Path journal = runDir.resolve("journal.jsonl");
    String[] lines = Files.readString(journal).split("\n");
    Files.writeString(journal, lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n");
    Path staged = Files.writeString(runDir.resolve("b/outputs/out/.data.kfp4j-123-1.partial"), "half");
    Files.writeString(runDir.resolve(".run.json.4242-1f.partial"), "{");
    RunResult r = runner().resume(workflow, runDir);
    assertTrue(r.succeeded());
    assertFalse(Files.exists(staged));
    assertFalse(Files.exists(runDir.resolve(".run.json.4242-1f.partial")));
    try (Stream<Path> all = Files.walk(runDir)) {
      assertEquals(0, all.filter(p -> p.getFileName().toString().endsWith(".partial")).count());
    }
  }

  @Test
  void aCacheCleansWhatDeadRunnersLeftInItAndNothingElse() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("runs/.cache"));
    Path dead = Files.createDirectories(cache.resolve(".entry-2147483646-1a2b"));
    Files.writeString(dead.resolve("manifest.json"), "{");
    Path older = Files.createDirectories(cache.resolve(".entry123456789"));
    Path live = Files.createDirectories(cache.resolve(".entry-" + ProcessHandle.current().pid() + "-ffff"));
    Path beside = Files.createDirectories(dir.resolve("runs/.entry-2147483646-beside"));
    LocalRunner caching = LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    assertTrue(caching.run(workflow, Map.of()).succeeded());
    assertFalse(Files.exists(dead), "a dead runner's entry is removed");
    assertFalse(Files.exists(older), "an entry named without a process is an older runner's");
    assertTrue(Files.exists(live), "a live runner's entry is left alone");
    assertTrue(Files.exists(beside), "nothing outside the cache is touched");
  }

  @Test
  void aCacheCleansWhatADeadRunnerLeftEvenWhenItsProcessIdIsAnothersNow() throws Exception {
    // After a reboot, or in a container whose runner has the same id at every start, a dead runner's id is a live process's.
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    Path cache = Files.createDirectories(dir.resolve("runs/.cache"));
    Path earlier = Files.createDirectories(cache.resolve(".entry-" + self.pid() + "-" + (start - 3_600_000) + "-1a2b"));
    Path trash = Files.createDirectories(cache.resolve(".trash-" + self.pid() + "-" + (start - 3_600_000) + "-3c4d"));
    Path live = Files.createDirectories(cache.resolve(".entry-" + self.pid() + "-" + start + "-ffff"));
    LocalRunner caching = LocalRunner.builder().root(dir.resolve("runs")).caching(true)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    assertTrue(caching.run(workflow, Map.of()).succeeded());
    assertFalse(Files.exists(earlier), "the entry of a runner that had this process's id an hour before it started is removed");
    assertFalse(Files.exists(trash), "and so is what it was deleting");
    assertTrue(Files.exists(live), "this runner's own entry is left alone");
  }
}
