package dev.kfp4j.cli;

import static dev.kfp4j.cli.CommandsTest.CLASSES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate and run of a compiled KFP 2 spec broken as a tester broke it: each is INVALID (exit 2),
 * naming what is wrong, and run refuses it before any task runs, as for the same break in an Argo
 * workflow; an input the component does not take is for a cluster only, as in an Argo workflow;
 * a condition on a task that runs a container is honoured.
 */
class ValidateKfp2Test {
  @TempDir Path dir;

  private static String addExample() throws Exception {
    return Files.readString(Path.of(CLASSES, "META-INF/kfp4j/kfp2/pipelines/add-example.yaml"));
  }

  private Path broken(String name, String from, String to) throws Exception {
    String spec = addExample();
    assertTrue(spec.contains(from), "the compiled spec has " + from);
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(f, spec.replace(from, to));
    return f;
  }

  private static final String ADD_REF = "        componentRef:\n          name: comp-add\n";

  /** validate says INVALID naming {@code culprit}, and run refuses before anything runs. */
  private void refused(Path f, String culprit) {
    Cli validate = Cli.run("validate", f.toString());
    assertEquals(2, validate.code(), validate.toString());
    assertTrue(validate.out().startsWith("INVALID " + f + ": " + f + ": "), validate.toString());
    assertTrue(validate.out().contains(culprit), validate.toString());
    Cli run = Cli.run("run", "-p", f.toString(), "--root", dir.resolve("runs").toString(), "--classes", CLASSES);
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.err().contains(culprit), run.toString());
    assertFalse(run.out().contains(" = "), "no task ran: " + run);
  }

  @Test
  void aCycleAndASelfDependencyAreInvalid() throws Exception {
    refused(broken("cycle", ADD_REF, ADD_REF + "        dependentTasks:\n        - multiply\n"),
        "tasks of root depend on each other in a cycle: add -> multiply -> add");
    refused(broken("self", ADD_REF, ADD_REF + "        dependentTasks:\n        - add\n"), "root, task 'add' depends on itself");
  }

  @Test
  void aReadOfAnUndeclaredOutputAndAMissingExecutorAreInvalid() throws Exception {
    refused(broken("no-out", "outputParameterKey: Output\n                producerTask: add", "outputParameterKey: NoOut\n"
        + "                producerTask: add"), "task 'multiply', input 'a' reads output 'NoOut' of task 'add', which its component "
        + "'comp-add' does not declare");
    refused(broken("no-exec", "    exec-add:\n      container:", "    exec-gone:\n      container:"),
        "component 'comp-add' runs executor 'exec-add', which deploymentSpec.executors does not hold");
  }

  @Test
  void aPlatformDocumentNamingAnUnknownExecutorIsInvalid() throws Exception {
    String platform = "---\nplatforms:\n  kubernetes:\n    deploymentSpec:\n      executors:\n        exec-nosuch:\n"
        + "          nodeSelector:\n            labels:\n              disk: ssd\n";
    Path f = dir.resolve("platform.yaml");
    Files.writeString(f, addExample() + platform);
    refused(f, "the platform document's kubernetes.deploymentSpec.executors names 'exec-nosuch', which is no executor");
  }

  @Test
  void anInputTheComponentDoesNotTakeIsForAClusterOnlyAsInAnArgoWorkflow() throws Exception {
    Path f = broken("extra", "              componentInputParameter: value2\n        taskInfo:\n          name: add\n",
        "              componentInputParameter: value2\n            zzz:\n              runtimeValue:\n                constant: 1\n"
        + "        taskInfo:\n          name: add\n");
    Cli validate = Cli.run("validate", f.toString());
    assertEquals(0, validate.code(), validate.toString());
    assertTrue(validate.out().contains("ok      " + f + " (cluster only: task 'add' passes 'zzz', which component 'add' does not take)"),
        validate.toString());
    Cli run = Cli.run("run", "-p", f.toString(), "--root", dir.resolve("runs").toString(), "--classes", CLASSES);
    assertEquals(2, run.code(), run.toString());
    assertTrue(run.err().contains("task 'add' passes 'zzz'"), run.toString());
  }

  /**
   * A KFP 2 component file taking an artifact, and a pipeline taking one, run only as tasks of other pipelines: no run,
   * local or on KFP, can be given an artifact, so validate does not call them "cluster only".
   */
  @Test
  void aSpecTakingAnArtifactIsForOtherPipelinesOnly() {
    for (String f : List.of("components/train.yaml", "pipelines/train-on-dataset.yaml")) {
      Path file = Path.of(CLASSES, "META-INF/kfp4j/kfp2", f);
      Cli validate = Cli.run("validate", file.toString());
      assertEquals(0, validate.code(), validate.toString());
      assertEquals("ok      " + file + " (a task of other pipelines only: it takes artifact 'data' (system.Dataset), which no run "
          + "can be given; import it as a component, or call it from a pipeline)\n", validate.out());
    }
  }

  @Test
  void aConditionOnATaskThatRunsAContainerIsHonouredAndAGarbageOneIsInvalid() throws Exception {
    String multiply = "        taskInfo:\n          name: multiply\n";
    Path f = broken("conditional", multiply,
        multiply + "        triggerPolicy:\n          condition: int(inputs.parameter_values['a']) > 100\n");
    Cli validate = Cli.run("validate", f.toString());
    assertEquals(0, validate.code(), validate.toString());
    Cli small = Cli.run("run", "-p", f.toString(), "--root", dir.resolve("runs").toString(), "--classes", CLASSES);
    assertEquals(0, small.code(), small.toString());
    assertTrue(small.out().contains("add = 7"), small.toString());
    assertFalse(small.out().contains("multiply = "), "multiply skipped: " + small);
    Cli big = Cli.run("run", "-p", f.toString(), "-a", "value1=200", "--root", dir.resolve("runs").toString(), "--classes", CLASSES);
    assertEquals(0, big.code(), big.toString());
    assertTrue(big.out().contains("multiply = " + 204 * 196), big.toString());

    Path garbage = broken("garbage", multiply, multiply + "        triggerPolicy:\n          condition: garbage !!\n");
    Cli bad = Cli.run("validate", garbage.toString());
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.out().contains("task 'multiply': condition 'garbage !!'"), bad.toString());
  }
}
