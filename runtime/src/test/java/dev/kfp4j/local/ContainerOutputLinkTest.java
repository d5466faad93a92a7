package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a container leaves in its outputs is taken as files, never as links to this machine's paths: a link means nothing
 * in the container, but followed here it reads or writes whatever file the user can, outside the run's folder. The engine
 * here is a script that acts as the task's container: it writes into the folders the runner mounts, as a container does.
 */
class ContainerOutputLinkTest {
  @TempDir Path dir;

  /** A KFP 2 task of the executor protocol with one output value, {@code text}. */
  static final String SPEC = """
      components:
        comp-echo:
          executorLabel: exec-echo
          outputDefinitions:
            parameters:
              text:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-echo:
            container:
              command: [sh, -c, 'echo "$0" > /dev/null', '{{$}}', '{{$.outputs.parameters[''text''].output_file}}']
              image: alpine:3
      pipelineInfo:
        name: links
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-echo
              taskInfo:
                name: echo
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  /**
   * An engine that acts as the task's container: for each folder it is asked to mount at a container path of {@code
   * actions}, it runs that shell command with {@code $here} the folder; it answers {@code version}; any other engine command
   * does nothing.
   */
  private Path engine(Map<String, String> actions) throws Exception {
    StringBuilder cases = new StringBuilder();
    actions.forEach((there, action) -> cases.append("      ").append(there).append(") ").append(action).append(" ;;\n"));
    Path script = dir.resolve("engine.sh");
    Files.writeString(script, "#!/bin/sh\n[ \"$1\" = version ] && echo 'Version: 5.0.0'\n[ \"$1\" = run ] || exit 0\n"
        + "while [ $# -gt 0 ]; do\n"
        + "  if [ \"$1\" = --volume ]; then\n"
        + "    here=${2%%:*}; there=${2#*:}\n"
        + "    case \"$there\" in\n" + cases + "    esac\n"
        + "  fi\n"
        + "  shift\n"
        + "done\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** An engine whose container makes its output {@code text} a link to {@code target}, and gives it {@code value} in its executor output. */
  private Path linking(Path target, String value) throws Exception {
    return engine(Map.of("/tmp/outputs/text", "ln -s '" + target + "' \"$here/data\"",
        "/tmp/outputs", value == null ? ":" : "printf '%s' '{\"parameterValues\": {\"text\": \"" + value + "\"}}' > \"$here/executor_output.json\""));
  }

  private RunResult run(String spec, Path engine) {
    return run(Workflow.parse(spec, "links.yaml"), engine);
  }

  private RunResult run(Workflow workflow, Path engine) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false).containers(Containers.engine(engine.toString()).withEngineArgs(java.util.List.of())) // none from KFP4J_ENGINE_ARGS
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).summary(false).build()
        .run(workflow, Map.of());
  }

  /** Every link under the runs folder. */
  private java.util.List<Path> links() throws Exception {
    try (Stream<Path> all = Files.walk(dir.resolve("runs"))) {
      return all.filter(Files::isSymbolicLink).toList();
    }
  }

  @Test
  void anOutputThatIsALinkWritesNothingThroughIt() throws Exception {
    Path planted = dir.resolve("home/.profile-planted"); // no such file yet: the link dangles
    Files.createDirectories(planted.getParent());
    RunResult r = run(SPEC, linking(planted, "planted by the container"));
    assertFalse(Files.exists(planted, LinkOption.NOFOLLOW_LINKS), "the container wrote " + planted + " outside the run's folder");
    assertFalse(r.succeeded());
    String log = Files.readString(r.task("echo").orElseThrow().log());
    assertTrue(log.contains("kfp4j: cannot move the container's outputs into place: output /tmp/outputs/text/data meets a link "
        + "(data -> " + planted + "), which kfp4j does not follow out of a container: here it would lead to this machine's files; "
        + "write the file itself\n"), log);
    assertEquals(java.util.List.of(), links());
  }

  @Test
  void anOutputThatIsALinkReadsNothingThroughIt() throws Exception {
    Path secret = Files.writeString(Files.createDirectories(dir.resolve("home")).resolve("secret"), "not for the container");
    RunResult r = run(SPEC, linking(secret, null));
    assertFalse(r.succeeded());
    assertTrue(r.tasks().toString().indexOf("not for the container") < 0, r.tasks().toString());
    assertEquals(java.util.List.of(), links());
  }

  /** A KFP 2 task of the executor protocol with two output artifacts, {@code model} and {@code other}. */
  static final String ARTIFACT_SPEC = SPEC.replace("      parameters:\n        text:\n          parameterType: STRING",
      "      artifacts:\n        model:\n          artifactType:\n            schemaTitle: system.Model\n            schemaVersion: 0.0.1\n"
          + "        other:\n          artifactType:\n            schemaTitle: system.Model\n            schemaVersion: 0.0.1")
      .replace("'{{$.outputs.parameters[''text''].output_file}}'",
          "'{{$.outputs.artifacts[''model''].path}}', '{{$.outputs.artifacts[''other''].path}}'");

  /** A custom path with {@code ..} in it leads nowhere out of the container's mounts: the artifact is not a file of this machine. */
  @Test
  void aCustomPathCannotLeaveTheMountsThroughDotDot() throws Exception {
    Path secret = Files.writeString(Files.createDirectories(dir.resolve("home")).resolve("secret"), "not for the container");
    String place = "/tmp/outputs/other/data" + "/..".repeat(40) + secret; // through the folder the container made its other output
    RunResult r = run(ARTIFACT_SPEC, engine(Map.of("/tmp/outputs/other", "mkdir \"$here/data\"",
        "/tmp/outputs", "printf '%s' '{\"artifacts\": {\"model\": {\"artifacts\": [{\"customPath\": \"" + place
            + "\"}]}}}' > \"$here/executor_output.json\"")));
    assertFalse(r.succeeded());
    try (Stream<Path> all = Files.walk(dir.resolve("runs"))) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("not for the container"), f + " holds the file outside the mounts");
      }
    }
    assertEquals("its executor output puts output artifact 'model' at customPath " + place + " has a '..': give the path as it is",
        r.task("echo").orElseThrow().message());
  }

  /**
   * An output on a volume (a claim's folder here, which the container writes) is read through no link the container made on
   * its way: a claim mounted at {@code /tmp} holds the task's outputs ({@code /tmp/outputs/out/data}), and the container makes
   * {@code outputs} a link to a folder of this machine.
   */
  @Test
  void anOutputOnAVolumeIsReadThroughNoLink() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home/out"));
    Files.writeString(home.resolve("data"), "not for the container");
    String template = "  - name: t\n    volumes: [{name: data, persistentVolumeClaim: {claimName: shared}}]\n"
        + "    outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x > /tmp/o']\n      volumeMounts: [{name: data, mountPath: /tmp}]\n";
    RunResult r = run(LocalRunnerTest.workflow("volume", "", "      - {name: t, template: t}\n", template),
        engine(Map.of("/tmp", "ln -s '" + home.getParent() + "' \"$here/outputs\"")));
    assertFalse(r.succeeded());
    assertFalse(r.tasks().toString().contains("not for the container"), r.tasks().toString());
    String log = Files.readString(r.task("t").orElseThrow().log());
    assertTrue(log.contains("kfp4j: cannot move the container's outputs into place: output /tmp/outputs/out/data meets a link "
        + "(outputs -> " + home.getParent() + "), which kfp4j does not follow out of a container"), log);
  }

  /**
   * A folder on a volume that cannot be looked through for links (a folder in it without read permission), where the
   * executor output puts an artifact: the task failed with "kfp4j could not run it: java.io.UncheckedIOException:
   * java.nio.file.AccessDeniedException: ..." and Java's stack trace in its log. Now its one-line message names the folder
   * and why, and it leaves no output. The runner runs in a JVM of its own, which as root runs without the capabilities that
   * let root read any folder ({@code setpriv}), so that permissions hold for it as for any user.
   */
  @Test
  void aFolderThatCannotBeLookedThroughFailsTheTaskSayingWhichAndWhy() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroups.supported(), "sh, chmod and setpriv: Linux");
    Path spec = Files.writeString(dir.resolve("locked.yaml"), ARTIFACT_SPEC + "---\nplatforms:\n  kubernetes:\n    deploymentSpec:\n"
        + "      executors:\n        exec-echo:\n          pvcMount:\n          - {mountPath: /data, constant: shared}\n");
    Path engine = engine(Map.of("/data", "mkdir -p \"$here/made/locked\" && chmod 000 \"$here/made/locked\"",
        "/tmp/outputs", "printf '%s' '{\"artifacts\": {\"model\": {\"artifacts\": [{\"customPath\": \"/data/made\"}]}}}' "
            + "> \"$here/executor_output.json\""));
    java.util.List<String> command = new java.util.ArrayList<>();
    if (System.getProperty("user.name").equals("root")) { // root reads any folder: not with these capabilities dropped
      org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(System.getenv("PATH").split(":"))
          .anyMatch(d -> Files.isExecutable(Path.of(d, "setpriv"))), "setpriv (util-linux), to run as root without them");
      command.addAll(java.util.List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"));
    }
    command.addAll(java.util.List.of(Child.java(), "-cp", System.getProperty("java.class.path"), "dev.kfp4j.local.LocalRun",
        spec.toString(), "--root", dir.resolve("runs").toString(), "--no-cache", "--containers", "--engine", engine.toString()));
    Path log = dir.resolve("runner.log");
    try {
      // the engine is this test's script, which takes no engine arguments: none from the build's KFP4J_ENGINE_ARGS
      Process p = Child.start(command, log, Map.of(Containers.ENGINE_ARGS_ENV, ""), null);
      assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(1, p.exitValue(), Child.read(log));
      Path runDir;
      try (Stream<Path> runs = Files.list(dir.resolve("runs/links"))) {
        runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      String folder = dir.resolve("runs/volumes/shared/made").toString();
      tools.jackson.databind.JsonNode echo = dev.kfp4j.yaml.Yaml.json().readTree(runDir.resolve("run.json").toFile()).path("tasks")
          .path("echo");
      assertEquals("its executor output puts output artifact 'model' at customPath /data/made cannot be read: its folder " + folder
          + " cannot be looked through (" + folder + "/locked: permission denied)", echo.path("message").asString());
      assertEquals(1, echo.path("attempts").asInt(), "it ran once, and failed so (it said 0)");
      try (Stream<Path> all = Files.walk(runDir.resolve("echo"))) {
        assertEquals(java.util.List.of("echo", "log.txt"), all.map(f -> f.getFileName().toString()).sorted().toList(),
            "the task's folder keeps its log alone");
      }
      String taskLog = Files.readString(runDir.resolve("echo/log.txt"));
      assertFalse(taskLog.contains("Exception") || taskLog.contains("\tat "), taskLog);
    } finally {
      new ProcessBuilder("chmod", "-R", "u+rwx", dir.toString()).start().waitFor(); // for the temporary folder's deletion
    }
  }
}
