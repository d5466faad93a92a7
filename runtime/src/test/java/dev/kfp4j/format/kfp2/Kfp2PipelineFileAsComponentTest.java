package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A KFP 2 pipeline file where a component file is expected (KFP's {@code load_component_from_file} takes one as a component,
 * the Kubeflow docs' "Load and Share Components"): {@link Kfp2PipelineFile} reads it as a pipeline to call in another, its
 * interface the root's inputs and outputs; read as one component ({@link Kfp2Reader#readComponent}, {@code ComponentOp}) it is
 * an error that says what to do with it instead.
 */
class Kfp2PipelineFileAsComponentTest {
  private static final ComponentSpec ECHO = ComponentYaml.parse("""
      name: echo
      inputs: [{name: text, type: String}]
      outputs: [{name: said, type: String}]
      implementation: {container: {image: alpine, command: [sh, -c, 'echo "$0" > "$1"', {inputValue: text}, {outputPath: said}]}}
      """, "echo.yaml");

  private static Pipeline twoEchoes() {
    return new Pipeline("two-echoes", "Echoes twice.", List.of(new dev.kfp4j.model.Parameter("text", dev.kfp4j.model.ParameterType.STRING,
        "hi", null)), List.of(new Task("echo", ECHO, Map.of("text", new Argument.PipelineParameter("text"))),
        new Task("echo-2", ECHO, Map.of("text", new Argument.TaskOutput("echo", "said")))), null, PipelineSettings.DEFAULTS, null,
        Map.of("said", new Argument.TaskOutput("echo-2", "said")));
  }

  @Test
  void aPipelineOfSeveralTasksIsAPipelineToCallWithTheRootsInputsAndOutputs() {
    String yaml = Kfp2Writer.write(twoEchoes());
    List<tools.jackson.databind.JsonNode> docs = dev.kfp4j.format.Documents.read(yaml, "two.yaml");
    assertTrue(Kfp2PipelineFile.is(docs));
    ComponentSpec iface = Kfp2PipelineFile.iface(docs, yaml, "two.yaml");
    assertEquals("two-echoes", iface.name());
    assertEquals("Echoes twice.", iface.description());
    assertEquals(List.of("text"), iface.inputs().stream().map(dev.kfp4j.spec.InputSpec::name).toList());
    assertEquals("hi", iface.inputs().get(0).defaultValue());
    assertEquals(List.of("said"), iface.outputs().stream().map(dev.kfp4j.spec.OutputSpec::name).toList());
    assertEquals(dev.kfp4j.spec.ContainerSpec.NO_IMAGE, iface.container().image());
    Pipeline called = Kfp2PipelineFile.pipeline(yaml, "two.yaml");
    assertEquals(List.of("echo", "echo-2"), called.nodes().stream().map(dev.kfp4j.model.Node::name).toList());
    assertEquals(new Argument.TaskOutput("echo-2", "said"), called.outputs().get("said"));
  }

  @Test
  void readAsOneComponentItIsAnErrorThatSaysWhatToDoInstead() {
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.readComponent(Kfp2Writer.write(twoEchoes()), "two.yaml"));
    assertEquals("two.yaml: a KFP 2 pipeline of 2 tasks, not a component file (whose root runs one component): it runs as a "
        + "pipeline in a pipeline. Import it with @ImportComponents and call its op in a @Pipeline method (Kfp2PipelineFile reads "
        + "it), or run this file as it is: kfp4j run -p FILE, kfp4j upload-pipeline", e.getMessage());
    dev.kfp4j.spec.SpecException op = assertThrows(dev.kfp4j.spec.SpecException.class,
        () -> dev.kfp4j.dsl.ComponentOp.fromText(Kfp2Writer.write(twoEchoes())));
    assertEquals("component text: a KFP 2 pipeline file, not a component: ComponentOp runs one component alone. Run the pipeline "
        + "with the local runner (LocalRunner.run(Workflow.parse(yaml, name), arguments), kfp4j run -p FILE), or import it with "
        + "@ImportComponents and call its op in a @Pipeline method (a pipeline in a pipeline)", op.getMessage());
  }

  /**
   * A KFP 2 component file (one component compiled alone, as KFP 2 writes every component) given to ComponentOp, which loads
   * KFP v1 specs: an error saying what it is and how to run it, where it said only that the v1 spec's 'implementation' was
   * missing. The local runner runs the same file.
   */
  @Test
  void aKfp2ComponentFileLoadedAsAComponentIsAnErrorThatSaysHowToRunIt() {
    String yaml = Kfp2Writer.writeComponent(ECHO, null);
    dev.kfp4j.spec.SpecException op = assertThrows(dev.kfp4j.spec.SpecException.class,
        () -> dev.kfp4j.dsl.ComponentOp.fromText(yaml));
    assertEquals("component text: a KFP 2 component file: ComponentOp loads KFP v1 component specs (name, inputs, outputs, "
        + "implementation). Run this file with the local runner (kfp4j run -p FILE, LocalRunner.run(Workflow.parse(yaml, name), "
        + "arguments)), or import it with @ImportComponents and call its op in a @Pipeline method", op.getMessage());
    assertEquals("echo", dev.kfp4j.local.Workflow.parse(yaml, "echo.yaml").name());
  }

  /** A file whose root's one task names a component it does not define is an error naming it, not a crash. */
  @Test
  void aComponentTheFileLacksIsAnErrorNamingIt() {
    String yaml = Kfp2Writer.write(twoEchoes());
    tools.jackson.databind.node.ObjectNode spec = (tools.jackson.databind.node.ObjectNode) dev.kfp4j.yaml.Yaml.read(yaml);
    tools.jackson.databind.node.ObjectNode tasks = (tools.jackson.databind.node.ObjectNode) spec.path("root").path("dag").path("tasks");
    String first = tasks.propertyNames().iterator().next();
    tasks.retain(first);
    ((tools.jackson.databind.node.ObjectNode) tasks.get(first).get("componentRef")).put("name", "comp-missing");
    FormatException e = assertThrows(FormatException.class,
        () -> Kfp2Reader.readComponent(dev.kfp4j.yaml.Yaml.write(spec, null), "one.yaml"));
    assertEquals("one.yaml: the root's task runs component 'comp-missing', which the file does not define with an "
        + "executorLabel: not a component file", e.getMessage());
  }

  /** Each way ComponentOp loads a file says so: a file, a URL, a resource. */
  @Test
  void loadedAsAComponentFromAFileAURLOrAResourceItIsTheSameError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("two.yaml"), Kfp2Writer.write(twoEchoes()));
    String says = ": a KFP 2 pipeline file, not a component: ComponentOp runs one component alone.";
    ClassLoader resources = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);
    for (java.util.function.Supplier<dev.kfp4j.dsl.ComponentOp> load : List.<java.util.function.Supplier<dev.kfp4j.dsl.ComponentOp>>of(
        () -> dev.kfp4j.dsl.ComponentOp.load(file), () -> dev.kfp4j.dsl.ComponentOp.fromUrl(file.toUri()),
        () -> dev.kfp4j.dsl.ComponentOp.fromResource(resources, "two.yaml"))) {
      dev.kfp4j.spec.SpecException e = assertThrows(dev.kfp4j.spec.SpecException.class, load::get);
      assertTrue(e.getMessage().contains(says), e.getMessage());
    }
  }

  @Test
  void aPipelineWithAnExitHandlerCannotBeCalledAndTheErrorSaysSo() {
    Pipeline p = twoEchoes();
    Pipeline withExit = new Pipeline(p.name(), null, p.parameters(), List.of(p.nodes().get(0)),
        new Task("cleanup", ECHO, Map.of("text", Argument.Constant.of("bye"))), PipelineSettings.DEFAULTS, null, Map.of());
    String yaml = Kfp2Writer.write(withExit);
    assertTrue(Kfp2PipelineFile.is(dev.kfp4j.format.Documents.read(yaml, "exit.yaml")));
    FormatException e = assertThrows(FormatException.class, () -> Kfp2PipelineFile.pipeline(yaml, "exit.yaml"));
    assertTrue(e.getMessage().startsWith("exit.yaml: a KFP 2 pipeline with an exit handler, which kfp4j runs only as a pipeline "
        + "of its own"), e.getMessage());
  }

  @Test
  void aPipelineOfOneTaskIsItsComponent() {
    Pipeline p = new Pipeline("one-echo", null, List.of(), List.of(new Task("echo", ECHO, Map.of("text", Argument.Constant.of("a")))),
        null, PipelineSettings.DEFAULTS, null, Map.of());
    String yaml = Kfp2Writer.write(p);
    ComponentSpec read = Kfp2Reader.readComponent(yaml, "one.yaml");
    assertEquals(List.of("text"), read.inputs().stream().map(dev.kfp4j.spec.InputSpec::name).toList());
    assertFalse(Kfp2PipelineFile.is(dev.kfp4j.format.Documents.read(yaml, "one.yaml")));
  }
}
