package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.task;
import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Names never become paths outside the run's folders: task, template, output, artifact and
 * workflow names are checked as Argo checks them when the workflow is read, and every path the
 * runner writes, moves or deletes is proven to stay inside its folder.
 */
class RunFolderSafetyTest {
  @TempDir Path dir;

  private LocalRunner runner() {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
  }

  /** Everything under {@code dir} but the runner's root and the victim file. */
  private List<Path> outsideTheRoot() throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir) && !p.startsWith(dir.resolve("runs")) && !p.startsWith(dir.resolve("victim"))).toList();
    }
  }

  private static String output(String name) {
    return "  - name: t\n    inputs: {parameters: [{name: x}]}\n    outputs: {parameters: [{name: '" + name + "', valueFrom: {path: /tmp/o}}]}\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'mkdir -p /tmp; echo hi > /tmp/o']\n";
  }

  @Test
  void namesThatWouldReachOutsideAreRefusedWhenTheWorkflowIsRead() throws Exception {
    Path victim = Files.writeString(Files.createDirectories(dir.resolve("victim")).resolve("data"), "keep me");
    String escape = "../../../../../victim";
    assertEquals("out.yaml: output name '" + escape + "' of template 't' is not allowed: letters, digits, '-' and '_', as Argo requires",
        assertThrows(WorkflowException.class, () -> runner().run(workflow("out", "", task("t", "t", "1"), output(escape)), Map.of()))
            .getMessage());
    assertEquals("dots.yaml: output name '..' of template 't' is not allowed: letters, digits, '-' and '_', as Argo requires",
        assertThrows(WorkflowException.class, () -> runner().run(workflow("dots", "", task("t", "t", "1"), output("..")), Map.of()))
            .getMessage());
    for (String name : new String[] {"../../etc/x", "a/b", ".."}) {
      WorkflowException e = assertThrows(WorkflowException.class,
          () -> runner().run(workflow("task", "", task(name, "t", "1"), output("out")), Map.of()));
      assertEquals("task.yaml: task name '" + name + "' of template 'main' is not allowed: letters, digits and '-', starting with a letter "
          + "or digit, at most 128, as Argo requires", e.getMessage());
    }
    assertEquals("keep me", Files.readString(victim), "nothing outside the run folder was deleted");
    assertEquals(List.of(), outsideTheRoot());
  }

  @Test
  void aWorkflowNameCannotPutTheRunFolderElsewhere() throws Exception {
    for (String name : new String[] {"../escape", "a/b", "..", "Upper"}) {
      Workflow wf = workflow(name, "", task("t", "t", "1"), output("out"));
      WorkflowException e = assertThrows(WorkflowException.class, () -> runner().run(wf, Map.of()));
      assertTrue(e.getMessage().startsWith(name + ".yaml: the workflow's name '" + name + "' (metadata.name, or generateName without its last '-') "
          + "is not a Kubernetes name"), e.getMessage());
    }
    assertEquals(List.of(), outsideTheRoot());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void aKfp2PipelineNameCannotPutItsRunsInTheCacheOrElsewhere() throws Exception {
    for (String name : new String[] {".cache", "..", "../escape", "a/b", "Upper", ""}) {
      Workflow wf = Workflow.parse(NestedPipelineNamesTest.SPEC.replace("name: nested-names", "name: '" + name + "'"), "p.yaml");
      WorkflowException e = assertThrows(WorkflowException.class, () -> runner().run(wf, Map.of()), name);
      assertEquals("p.yaml: the pipeline's name '" + name + "' (pipelineInfo.name) is not a KFP pipeline name: lower case letters, "
          + "digits and '-', starting with a letter or digit, at most 128 characters, as KFP's compiler requires", e.getMessage());
    }
    assertEquals(List.of(), outsideTheRoot());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran, nothing was written");
  }

  @Test
  void anArtifactNameCannotReachOutside() {
    String consumer = "  - name: c\n    inputs: {artifacts: [{name: in, path: /tmp/in}]}\n    container: {image: a, command: [cat, /tmp/in]}\n";
    String tasks = "      - name: c\n        template: c\n        arguments: {artifacts: [{name: '../../x', raw: {data: hi}}]}\n";
    assertEquals("raw.yaml: artifact name '../../x' of task 'c' is not allowed: letters, digits, '-' and '_', as Argo requires",
        assertThrows(WorkflowException.class, () -> runner().run(workflow("raw", "", tasks, consumer), Map.of())).getMessage());
  }

  @Test
  void aClaimNameCannotMountAFolderOutsideTheVolumes() throws Exception {
    String t = "  - name: t\n    volumes: [{name: data, persistentVolumeClaim: {claimName: '..'}}]\n"
        + "    container:\n      image: a\n      command: [sh, -c, 'echo x > /mnt/written']\n      volumeMounts: [{name: data, mountPath: /mnt}]\n";
    RunResult r = runner().run(workflow("claim", "", "      - {name: t, template: t}\n", t), Map.of());
    assertFalse(r.succeeded());
    assertEquals("component 't' of task 't' mounts the claim '..', which cannot name a folder of " + dir.resolve("runs/volumes"), r.task("t").get().message());
    assertFalse(Files.exists(dir.resolve("runs/written")));
  }

  @Test
  void everyPathTheRunnerResolvesStaysInsideItsFolder() {
    Path folder = dir.resolve("folder");
    assertEquals(folder.resolve("a/b"), RunPaths.inside(folder, "a", "b"));
    for (String[] names : new String[][] {{".."}, {"a", ".."}, {"a/../.."}, {"/etc"}, {""}, {"."}, {"a\\b"}, {"a\0"}}) {
      assertThrows(WorkflowException.class, () -> RunPaths.inside(folder, names), String.join("|", names));
    }
  }

  @Test
  void aLinkATaskLeftIsDeletedNeverFollowed() throws Exception {
    Path victim = Files.writeString(Files.createDirectories(dir.resolve("victim")).resolve("data"), "keep me");
    Path task = Files.createDirectories(dir.resolve("runs/task"));
    Files.createSymbolicLink(task.resolve("outputs"), dir.resolve("victim"));
    RunPaths.deleteTree(task, task.resolve("outputs"));
    assertFalse(Files.exists(task.resolve("outputs"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("keep me", Files.readString(victim));
  }
}
