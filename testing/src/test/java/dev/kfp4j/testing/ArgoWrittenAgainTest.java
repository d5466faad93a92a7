package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workflow read to be written again ({@link ArgoReader#readToWrite}, what {@code kfp4j run-once --argo}, {@code
 * ArgoClient.submit} and a pipeline called from the class path do) keeps what a run here does without: a task's argument
 * artifact's {@code optional: true} (Argo's {@code resolveDependencyReferences}, dag.go, drops such an argument where it
 * cannot resolve it), and, in a template kfp4j wrote, an output's {@code globalName} and an output artifact's {@code
 * archive}; a hand edit it cannot keep is refused, naming the template and the key. The file written is valid for Argo.
 */
class ArgoWrittenAgainTest {
  /** A task's argument artifacts, by name, of task {@code task} of the written workflow {@code yaml}. */
  private static JsonNode argument(String yaml, String task, String artifact) {
    for (JsonNode t : Yaml.read(yaml).at("/spec/templates")) {
      for (JsonNode dagTask : t.path("dag").path("tasks")) {
        if (dagTask.path("name").asString("").equals(task)) {
          for (JsonNode a : dagTask.path("arguments").path("artifacts")) {
            if (a.path("name").asString("").equals(artifact)) {
              return a;
            }
          }
        }
      }
    }
    throw new AssertionError("no artifact '" + artifact + "' of task '" + task + "' in\n" + yaml);
  }

  private static final String FOREIGN = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {generateName: optional-}
      spec:
        entrypoint: main
        templates:
        - name: main
          dag:
            tasks:
            - {name: writer, template: writer}
            - {name: reader, template: reader, dependencies: [writer], arguments: {artifacts: [{name: f, from: '{{tasks.writer.outputs.artifacts.model}}', optional: true}]}}
            - {name: inner, template: inner, dependencies: [writer], arguments: {artifacts: [{name: g, from: '{{tasks.writer.outputs.artifacts.model}}'}]}}
        - name: inner
          inputs: {artifacts: [{name: g}]}
          dag:
            tasks:
            - {name: nested, template: reader, arguments: {artifacts: [{name: f, from: '{{inputs.artifacts.g}}', optional: true}]}}
        - name: writer
          outputs: {artifacts: [{name: model, path: /tmp/w/model}]}
          container: {image: alpine, command: [sh, -c, 'mkdir -p /tmp/w && printf m > /tmp/w/model']}
        - name: reader
          inputs: {artifacts: [{name: f, path: /tmp/f}]}
          container: {image: alpine, command: [sh, -c, 'cat /tmp/f']}
      """;

  @Test
  void anArgumentsOptionalIsKeptWhenTheWorkflowIsWrittenAgain() {
    String written = ArgoWriter.write(ArgoReader.readToWrite(FOREIGN, "optional.yaml"));
    assertEquals(true, argument(written, "reader", "f").path("optional").asBoolean(false), written);
    assertEquals(true, argument(written, "nested", "f").path("optional").asBoolean(false), "a nested DAG's task, put into main:\n" + written);
    assertTrue(argument(written, "reader", "f").path("from").asString("").contains("tasks.writer.outputs.artifacts"), written);
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(written), written);
  }

  @Test
  void anOptionalArgumentToANestedDagIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String yaml = FOREIGN.replace("{name: g, from: '{{tasks.writer.outputs.artifacts.model}}'}",
        "{name: g, from: '{{tasks.writer.outputs.artifacts.model}}', optional: true}");
    FormatException e = assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "optional.yaml"));
    assertTrue(e.getMessage().startsWith("optional.yaml: template 'main': task 'inner' passes artifact 'g' with optional: true to DAG"
        + " template 'inner', which kfp4j's model does not carry"), e.getMessage());
    ArgoReader.read(yaml, "optional.yaml"); // a run takes it, as Argo does where it resolves it
  }

  private static ComponentSpec spec(String yaml) {
    return ComponentYaml.parse(yaml, "component.yaml");
  }

  /** A workflow kfp4j wrote: task {@code make} writes output {@code data} (a value) and file {@code model}, which {@code use} reads. */
  private static ObjectNode kfp4jWorkflow() {
    return ArgoWriter.toNode(kfp4jPipeline(List.of()));
  }

  /** The pipeline of {@link #kfp4jWorkflow()}, task {@code make} with {@code settings}. */
  private static Pipeline kfp4jPipeline(List<TaskSetting> settings) {
    ComponentSpec make = spec("""
        name: make
        outputs:
        - {name: data, type: String}
        - {name: model, type: Model}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'printf d > "$0" && printf m > "$1"', {outputPath: data}, {outputPath: model}]
            env: {MODE: fast}
        """);
    ComponentSpec use = spec("""
        name: use
        inputs:
        - {name: data, type: String}
        - {name: model, type: Model}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'echo "$0" && cat "$1"', {inputValue: data}, {inputPath: model}]
        """);
    Pipeline p = new Pipeline("edited", null, List.of(), List.of(new Task("make", make, Map.of()).withSettings(settings),
        new Task("use", use, Map.of("data", new Argument.TaskOutput("make", "data"),
        "model", new Argument.TaskOutput("make", "model")))), null, PipelineSettings.DEFAULTS, "T.edited()");
    return p;
  }

  /** Template {@code name} of {@code wf}. */
  private static ObjectNode template(JsonNode wf, String name) {
    for (JsonNode t : wf.path("spec").path("templates")) {
      if (t.path("name").asString("").equals(name)) {
        return (ObjectNode) t;
      }
    }
    throw new AssertionError("no template '" + name + "' in\n" + Yaml.jsonText(wf));
  }

  /** The output {@code name} in list {@code list} ({@code parameters}, {@code artifacts}) of template {@code make} of {@code wf}. */
  private static ObjectNode makeOutput(JsonNode wf, String list, String name) {
    for (JsonNode t : wf.path("spec").path("templates")) {
      if (t.path("name").asString("").equals("make")) {
        for (JsonNode o : t.path("outputs").path(list)) {
          if (o.path("name").asString("").equals(name)) {
            return (ObjectNode) o;
          }
        }
      }
    }
    throw new AssertionError("no output " + list + " '" + name + "' of template 'make' in\n" + Yaml.jsonText(wf));
  }

  /** {@code wf} edited, read to be written again and written: the text. */
  private static String writtenAgain(ObjectNode wf, Consumer<ObjectNode> edit) {
    edit.accept(wf);
    return ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(wf), "edited.yaml"));
  }

  @Test
  void aKfp4jTemplatesGlobalNameAndArchiveAreKeptWhenTheWorkflowIsWrittenAgain() {
    ObjectNode wf = kfp4jWorkflow();
    String model = "model";
    String written = writtenAgain(wf, w -> {
      makeOutput(w, "parameters", "data").put("globalName", "data");
      makeOutput(w, "artifacts", model).put("globalName", "model").putObject("archive").putObject("tar").put("compressionLevel", 9);
    });
    JsonNode again = Yaml.read(written);
    assertEquals("data", makeOutput(again, "parameters", "data").path("globalName").asString(""), written);
    assertEquals("model", makeOutput(again, "artifacts", model).path("globalName").asString(""), written);
    assertEquals(9, makeOutput(again, "artifacts", model).at("/archive/tar/compressionLevel").asInt(-1), written);
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
    String none = writtenAgain(kfp4jWorkflow(), w -> makeOutput(w, "artifacts", model).putObject("archive").putObject("none"));
    assertTrue(makeOutput(Yaml.read(none), "artifacts", model).path("archive").path("none").isObject(), none);
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(written), written);
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(ArgoReader.read(written, "written.yaml")));
    assertTrue(e.getMessage().contains("its output 'data' is exported as 'data' (Argo's globalName), which a KFP 2 pipeline spec has"
        + " no place for"), e.getMessage());
  }

  @Test
  void aHandEditToAKfp4jTemplateThatCannotBeKeptIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String model = "model";
    Map<String, Consumer<ObjectNode>> edits = Map.of(
        "outputs.artifacts '" + model + "' uses 'archiveLogs'", w -> makeOutput(w, "artifacts", model).put("archiveLogs", true),
        "outputs.artifacts '" + model + "' uses 's3'", w -> makeOutput(w, "artifacts", model).putObject("s3").put("key", "m"),
        "outputs.artifacts '" + model + "' uses 'archive'",
        w -> makeOutput(w, "artifacts", model).putObject("archive").putObject("tar").put("level", 1),
        "outputs.parameters 'data' uses 'description'", w -> makeOutput(w, "parameters", "data").put("description", "d"));
    edits.forEach((what, edit) -> {
      ObjectNode wf = kfp4jWorkflow();
      FormatException e = assertThrows(FormatException.class, () -> writtenAgain(wf, edit), what);
      assertTrue(e.getMessage().startsWith("edited.yaml: template 'make' (written by kfp4j): " + what + ", which kfp4j's model does not"
          + " carry: the workflow written again would lose it"),
          what + " => " + e.getMessage());
      ArgoReader.read(Yaml.jsonText(wf), "edited.yaml"); // a run does without it
    });
  }

  /** The settings of kfp4j's tasks ({@code Task}'s calls), each written on the template and read back from it. */
  private static final List<TaskSetting> SETTINGS = List.of(
      new TaskSetting.DisplayName("Make it"),
      new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, "500m"),
      new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_REQUEST, "1Gi"),
      new TaskSetting.Accelerator(1, TaskSetting.Accelerator.NVIDIA_GPU),
      new TaskSetting.Env("LEVEL", "2"),
      new TaskSetting.SecretEnv("TOKEN", "creds", "token"),
      new TaskSetting.ConfigMapEnv("ZONE", "settings", "zone"),
      new TaskSetting.FieldPathEnv("POD", "metadata.name"),
      new TaskSetting.NodeSelector("pool", "gpu"),
      new TaskSetting.Toleration("dedicated", "Equal", "ml", "NoSchedule"),
      new TaskSetting.NodeAffinity(List.of(new TaskSetting.NodeAffinity.Requirement("zone", "In", List.of("a", "b"))), List.of(), 50),
      new RunSetting.Retry(2, "OnFailure"),
      new RunSetting.RetryBackoff("10s", 2, "90s"),
      new RunSetting.Timeout(600),
      new RunSetting.Caching(false),
      new TaskSetting.ImagePullPolicy("IfNotPresent"),
      new TaskSetting.ContainerImage(Argument.Constant.of("alpine:3.20")),
      new PodSetting.SecurityContext(1000L, null, true),
      new TaskSetting.PodLabel("team", "ml"),
      new TaskSetting.PodAnnotation("note", "kept"),
      new TaskSetting.PvcMount("data", "/data"),
      new TaskSetting.SecretVolume("creds", "/mnt/creds"),
      new TaskSetting.ConfigMapVolume("settings", "/etc/app"),
      new TaskSetting.EmptyDirMount("scratch", "/scratch", "Memory", "1Gi"),
      new TaskSetting.PvcMount("data", "/models", "models/v1"));

  @Test
  void aKfp4jWorkflowWithEachSettingIsWrittenAgainAsItWas() {
    for (List<TaskSetting> settings : List.of(List.<TaskSetting>of(), SETTINGS.subList(0, 8), SETTINGS.subList(8, 16), SETTINGS)) {
      String yaml = ArgoWriter.write(kfp4jPipeline(settings));
      assertEquals(yaml, ArgoWriter.write(ArgoReader.readToWrite(yaml, "kfp4j.yaml")), "read and written again, the same: " + settings);
    }
  }

  @Test
  void aHandEditThatKfp4jsSettingsWriteIsKeptWhereTheWorkflowIsWrittenAgain() {
    String written = writtenAgain(kfp4jWorkflow(), w -> {
      ObjectNode make = template(w, "make");
      make.put("activeDeadlineSeconds", 60); // a number, where kfp4j writes '60'; Argo takes both
      make.putObject("retryStrategy").put("limit", 3);
      make.putArray("tolerations").addObject().put("key", "dedicated").put("operator", "Exists").put("effect", "NoSchedule");
      make.putObject("affinity").putObject("nodeAffinity").putObject("requiredDuringSchedulingIgnoredDuringExecution")
          .putArray("nodeSelectorTerms").addObject().putArray("matchExpressions").addObject().put("key", "zone").put("operator", "Exists");
      ((ObjectNode) make.get("container")).withArray("env").addObject().put("name", "EXTRA").put("value", "1");
    });
    JsonNode make = template(Yaml.read(written), "make");
    assertEquals("60", make.path("activeDeadlineSeconds").asString(""), written);
    assertEquals("3", make.at("/retryStrategy/limit").asString(""), written);
    assertEquals("Exists", make.at("/tolerations/0/operator").asString(""), written);
    assertEquals("zone", make.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0"
        + "/matchExpressions/0/key").asString(""), written);
    assertEquals("EXTRA", make.at("/container/env/1/name").asString(""), written);
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
  }

  @Test
  void aHandEditOfAKfp4jTemplateThatKfp4jWouldNotWriteAgainIsRefused() {
    String lost = ", which kfp4j's model does not carry: the workflow written again would lose it. The template is kfp4j's";
    Map<String, Consumer<ObjectNode>> edits = new java.util.LinkedHashMap<>();
    edits.put("make' (written by kfp4j) uses 'podSpecPatch'" + lost, w -> template(w, "make").put("podSpecPatch", "{\"containers\": []}"));
    edits.put("make' (written by kfp4j) uses 'timeout'" + lost, w -> template(w, "make").put("timeout", "1m"));
    edits.put("make' (written by kfp4j) uses 'priorityClassName'" + lost, w -> template(w, "make").put("priorityClassName", "high"));
    edits.put("make' (written by kfp4j) uses 'securityContext'" + lost, w -> template(w, "make").putObject("securityContext")
        .put("fsGroup", 100));
    edits.put("make' (written by kfp4j) uses 'sidecars'" + lost, w -> template(w, "make").putArray("sidecars").addObject()
        .put("name", "s").put("image", "alpine"));
    edits.put("make' (written by kfp4j) uses 'container.workingDir'" + lost, w -> ((ObjectNode) template(w, "make").get("container"))
        .put("workingDir", "/w"));
    edits.put("use' (written by kfp4j): inputs.parameters 'data' uses 'value'" + lost,
        w -> ((ObjectNode) template(w, "use").at("/inputs/parameters/0")).put("value", "x"));
    edits.put("make' (written by kfp4j): container.env 'MODE'.value is \"slow\", which kfp4j writes again as \"fast\": the workflow"
        + " written again would lose the edit. The template is kfp4j's",
        w -> ((ObjectNode) template(w, "make").at("/container/env/0")).put("value", "slow"));
    edits.put("make' (written by kfp4j): container.command[0] is \"bash\", which kfp4j writes again as \"sh\"",
        w -> ((tools.jackson.databind.node.ArrayNode) template(w, "make").at("/container/command")).set(0, "bash"));
    edits.put("make' (written by kfp4j) uses 'volumes'" + lost, w -> template(w, "make").putArray("volumes").addObject()
        .put("name", "extra").putObject("emptyDir")); // mounted nowhere
    edits.forEach((what, edit) -> {
      ObjectNode wf = kfp4jWorkflow();
      FormatException e = assertThrows(FormatException.class, () -> writtenAgain(wf, edit), what);
      assertTrue(e.getMessage().startsWith("edited.yaml: template '" + what), what + " => " + e.getMessage());
      ArgoReader.read(Yaml.jsonText(wf), "edited.yaml"); // a run does without it
    });
    ObjectNode mounted = ArgoWriter.toNode(kfp4jPipeline(List.of(new TaskSetting.PvcMount("data", "/data"))));
    FormatException extra = assertThrows(FormatException.class, () -> writtenAgain(mounted, w -> template(w, "make").withArray("volumes")
        .addObject().put("name", "extra").putObject("emptyDir")));
    assertTrue(extra.getMessage().startsWith("edited.yaml: template 'make' (written by kfp4j): volumes 'extra' is {\"name\":\"extra\","
        + "\"emptyDir\":{}}, which kfp4j does not write again: the workflow written again would lose the edit"), extra.getMessage());
    FormatException timeout = assertThrows(FormatException.class,
        () -> writtenAgain(kfp4jWorkflow(), w -> template(w, "make").put("timeout", "1m")));
    assertTrue(timeout.getMessage().endsWith("set it in Java instead (the task's timeout(seconds), which writes activeDeadlineSeconds)"
        + " and compile the pipeline again, or submit the file with Argo's own tools"), timeout.getMessage());
    FormatException patch = assertThrows(FormatException.class,
        () -> writtenAgain(kfp4jWorkflow(), w -> template(w, "make").put("podSpecPatch", "{}")));
    assertTrue(patch.getMessage().endsWith("kfp4j has no setting that writes it. Remove it, or submit the file with Argo's own tools"),
        patch.getMessage());
    FormatException path = assertThrows(FormatException.class, () -> writtenAgain(kfp4jWorkflow(),
        w -> ((ObjectNode) template(w, "make").at("/outputs/artifacts/0")).put("path", "/elsewhere")));
    assertTrue(path.getMessage().endsWith("Undo the edit (where no one edited the file, another version of kfp4j wrote it: compile"
        + " its pipeline again with this one), or submit the file with Argo's own tools"), path.getMessage());
  }
}
