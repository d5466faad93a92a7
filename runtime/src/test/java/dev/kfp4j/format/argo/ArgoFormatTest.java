package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArgoFormatTest {
  static final ComponentSpec ECHO = ComponentYaml.parse("""
      name: echo
      inputs:
      - {name: msg, type: String}
      outputs:
      - {name: Output, type: String}
      implementation:
        container:
          image: alpine
          command: [sh, -c, 'echo "$0" | tee "$1"', {inputValue: msg}, {outputPath: Output}]
      """, "echo.yaml");

  static Pipeline pipeline(List<dev.kfp4j.model.Node> nodes) {
    return new Pipeline("p", "a test", List.of(new Parameter("n", ParameterType.INTEGER, "3", null)), nodes, null,
        PipelineSettings.DEFAULTS, "Test.p(int)");
  }

  static Task echo(String name, Argument msg, TaskSetting... settings) {
    return new Task(name, ECHO, Map.of("msg", msg), List.of(), List.of(settings));
  }

  @Test
  void branchesBecomeOneConditionTaskEachWithTheEarlierBranchesNegated() {
    Predicate big = new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.GT, new Argument.Constant("5", ParameterType.INTEGER));
    Predicate small = new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.LT, new Argument.Constant("2", ParameterType.INTEGER));
    Branches b = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", big, List.of(echo("big", Argument.Constant.of("big")))),
        new Condition("condition-3", small, List.of(echo("small", Argument.Constant.of("small")))),
        new Condition("condition-4", null, List.of(echo("medium", Argument.Constant.of("medium"))))));
    JsonNode wf = ArgoWriter.toNode(pipeline(List.of(b)));
    JsonNode tasks = wf.at("/spec/templates/0/dag/tasks");
    assertEquals(3, tasks.size());
    String n = "asFloat(workflow.parameters['n'])";
    assertEquals("{{=" + n + " > 5}}", tasks.get(0).path("when").asString());
    assertEquals("{{=(!(" + n + " > 5)) && (" + n + " < 2)}}", tasks.get(1).path("when").asString());
    assertEquals("{{=(!(" + n + " > 5)) && (!(" + n + " < 2))}}", tasks.get(2).path("when").asString());
    // read back: three conditions, each with its effective predicate
    Pipeline read = ArgoReader.read(ArgoWriter.write(pipeline(List.of(b))), "p.yaml");
    assertEquals(3, read.nodes().size());
    Condition third = (Condition) read.nodes().get(2);
    assertEquals(b.effectivePredicate(1), ((Condition) read.nodes().get(1)).predicate());
    assertEquals(b.effectivePredicate(2), third.predicate());
  }

  /**
   * Issue 12: a {@code when} that pastes values into its text lets a value change the condition
   * on Argo ({@code x" == "x" || "a}). Written as one expression tag, every value is a variable or
   * a quoted, escaped literal, and it reads back as the same predicate.
   */
  @Test
  void conditionsAreExpressionTagsWhoseValuesCannotChangeTheirStructure() {
    Task flip = echo("flip", Argument.Constant.of("x"));
    Predicate p = new Predicate.Comparison(new Argument.TaskOutput("flip", "Output"), Predicate.Operator.EQ,
        Argument.Constant.of("it's \\ \" == \"x\" || \"a"));
    Pipeline pipeline = pipeline(List.of(flip, new Condition("condition-1", p, List.of(echo("then", Argument.Constant.of("y"))))));
    JsonNode task = ArgoWriter.toNode(pipeline).at("/spec/templates/0/dag/tasks/1");
    assertEquals("{{=tasks['flip'].outputs.parameters['Output'] == 'it\\'s \\\\ \" == \"x\" || \"a'}}", task.path("when").asString());
    Condition read = (Condition) ArgoReader.read(ArgoWriter.write(pipeline), "p.yaml").nodes().get(1);
    assertEquals(p, read.predicate());
  }

  /**
   * A condition whose own predicate reads no task output, holding a condition (or loop) that
   * reads one made outside: the outer group passes the output in, so it waits for its task, or
   * Argo refuses the reference (found by RandomRoundTripTest).
   */
  @Test
  void aGroupWaitsForTheOutputsTheGroupsInsideItRead() {
    Task flip = echo("flip", Argument.Constant.of("x"));
    Predicate big = new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.GT,
        new Argument.Constant("5", ParameterType.INTEGER));
    Predicate heads = new Predicate.Comparison(new Argument.TaskOutput("flip", "Output"), Predicate.Operator.EQ, Argument.Constant.of("h"));
    Loop over = new Loop("for-loop-3", new Loop.Over(new Argument.TaskOutput("flip", "Output")), 0,
        List.of(echo("each", new Argument.LoopItem("for-loop-3", null))));
    Condition inner = new Condition("condition-2", heads, List.of(echo("then", Argument.Constant.of("y"))));
    Pipeline pipeline = pipeline(List.of(flip, new Condition("condition-1", big, List.of(inner, over))));
    String yaml = ArgoWriter.write(pipeline);
    JsonNode workflow = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(workflow), yaml);
    assertEquals("[\"flip\"]", workflow.at("/spec/templates/0/dag/tasks/1/dependencies").toString(), yaml);
    assertEquals(heads, ((Condition) ArgoReader.read(yaml, "p.yaml").node("condition-2").orElseThrow()).predicate());
  }

  /**
   * Inside two nested loops over records, the outer loop's field {@code b} and the inner one's are
   * two inputs of the inner loop's template; they shared the name {@code loop-item-b}, so the
   * outer item read the inner one's (found by RandomRoundTripTest). Named as KFP 1.8 names them now,
   * {@code loop-item-param-0-subvar-b} and {@code loop-item-param-1-subvar-b}, they differ.
   */
  @Test
  void theSameFieldOfTwoNestedLoopsIsTwoInputs() {
    Loop.Constants records = new Loop.Constants(List.of(new Argument.Constant("{\"b\": \"x\"}", ParameterType.STRUCT)));
    Task outer = echo("outer", new Argument.LoopItem("for-loop-1", "b"));
    Task inner = echo("inner", new Argument.LoopItem("for-loop-2", "b"));
    Loop loops = new Loop("for-loop-1", records, 0, List.of(new Loop("for-loop-2", records, 0, List.of(outer, inner))));
    String yaml = ArgoWriter.write(pipeline(List.of(loops)));
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(yaml)), yaml);
    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    assertEquals(outer.arguments(), ((Task) read.node("outer").orElseThrow()).arguments(), yaml);
    assertEquals(inner.arguments(), ((Task) read.node("inner").orElseThrow()).arguments(), yaml);
  }

  /**
   * A constant that is its input's default reads back as left out; written, it goes with the
   * defaults, so the file read back writes again the same (found by RandomRoundTripTest).
   */
  @Test
  void aConstantThatIsTheDefaultIsWrittenAsTheDefaultIs() {
    ComponentSpec pair = ComponentYaml.parse("""
        name: pair
        inputs:
        - {name: a, type: String, default: x}
        - {name: b, type: String}
        implementation:
          container:
            image: alpine
            command: [echo, {inputValue: a}, {inputValue: b}]
        """, "pair.yaml");
    Map<String, Argument> given = new java.util.LinkedHashMap<>();
    given.put("a", Argument.Constant.of("x"));
    given.put("b", Argument.Constant.of("y"));
    String yaml = ArgoWriter.write(pipeline(List.of(new Task("pair", pair, given))));
    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    assertEquals(Map.of("b", Argument.Constant.of("y")), ((Task) read.nodes().get(0)).arguments());
    assertEquals(yaml, ArgoWriter.write(read));
  }

  /**
   * Two tasks whose settings differ only in their order, or by a caching(true) that is the
   * default, run one template: written from the model read back, which has them in one order, it
   * is one template too (found by RandomRoundTripTest).
   */
  @Test
  void configurationsThatWriteTheSameTemplateShareIt() {
    TaskSetting env = new TaskSetting.Env("A", "b");
    TaskSetting cpu = new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, "1");
    Pipeline p = pipeline(List.of(echo("one", Argument.Constant.of("1"), env, cpu), echo("two", Argument.Constant.of("2"), cpu, env),
        echo("three", Argument.Constant.of("3"), new RunSetting.Caching(true), cpu, env)));
    String yaml = ArgoWriter.write(p);
    assertEquals(2, Yaml.read(yaml).at("/spec/templates").size(), yaml);
    assertEquals(yaml, ArgoWriter.write(ArgoReader.read(yaml, "p.yaml")));
  }

  /**
   * A retry backoff without retries: a retryStrategy without a limit retries a failed step
   * forever on Argo, where KFP 2 and the local runner do not retry it; so it has limit 0 (found by
   * RandomRoundTripTest). Retries set after it set the limit.
   */
  @Test
  void aBackoffWithoutRetriesHasALimitOfNone() {
    TaskSetting backoff = new RunSetting.RetryBackoff("10s", 2, "");
    String yaml = ArgoWriter.write(pipeline(List.of(echo("echo", Argument.Constant.of("hi"), backoff))));
    JsonNode strategy = Yaml.read(yaml).at("/spec/templates/1/retryStrategy");
    assertEquals("{\"limit\":\"0\",\"backoff\":{\"duration\":\"10s\",\"factor\":\"2\"}}", strategy.toString(), yaml);
    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    assertEquals(List.of(new RunSetting.Retry(0, null), backoff), ((Task) read.nodes().get(0)).settings());
    assertEquals(yaml, ArgoWriter.write(read));
    String retried = ArgoWriter.write(pipeline(List.of(echo("echo", Argument.Constant.of("hi"), backoff, new RunSetting.Retry(3, null)))));
    assertEquals("3", Yaml.read(retried).at("/spec/templates/1/retryStrategy/limit").asString(), retried);
  }

  /** A backoff set before retries with a policy writes again the same (found by RandomRoundTripTest). */
  @Test
  void aBackoffBeforeRetriesWritesAgainTheSame() {
    String yaml = ArgoWriter.write(pipeline(List.of(echo("echo", Argument.Constant.of("hi"), new RunSetting.RetryBackoff("10s", 2, ""),
        new RunSetting.Retry(2, "OnFailure")))));
    assertEquals(yaml, ArgoWriter.write(ArgoReader.read(yaml, "p.yaml")));
  }

  @Test
  void settingsRoundTripInTheirTemplate() {
    Task t = echo("echo", new Argument.PipelineParameter("n"),
        new RunSetting.Timeout(60), new RunSetting.Retry(2, "OnFailure"), new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_LIMIT, "2"),
        new TaskSetting.Env("A", "b"), new TaskSetting.SecretEnv("T", "s", "k"), new TaskSetting.Accelerator(1, "amd.com/gpu"),
        new TaskSetting.DisplayName("Echo!"), new RunSetting.Caching(false), new TaskSetting.PvcMount("data", "/data"),
        new TaskSetting.Toleration("gpu", "Exists", "", "NoSchedule"), new TaskSetting.NodeSelector("pool", "big"));
    String yaml = ArgoWriter.write(pipeline(List.of(t)));
    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    Task back = (Task) read.nodes().get(0);
    assertEquals(java.util.Set.copyOf(t.settings()), java.util.Set.copyOf(back.settings()));
    assertEquals(ECHO, back.component());
    assertEquals(yaml, ArgoWriter.write(read));
    assertEquals("Test.p(int)", read.source());
  }

  @Test
  void configMapsAndSecretsAsEnvOrVolumesAreKubernetesEnvAndVolumesAndReadBack() {
    // in the order the reader finds them: the container's env, then its mounts
    Task t = echo("echo", Argument.Constant.of("hi"), new TaskSetting.ConfigMapEnv("MODE", "settings", "mode"),
        new TaskSetting.SecretEnv("T", "creds", "token"), new TaskSetting.SecretVolume("creds", "/mnt/creds"),
        new TaskSetting.ConfigMapVolume("settings", "/etc/app"), new TaskSetting.PvcMount("data", "/data"));
    String yaml = ArgoWriter.write(pipeline(List.of(t)));
    JsonNode workflow = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(workflow));
    JsonNode template = null;
    for (JsonNode candidate : workflow.at("/spec/templates")) {
      if (candidate.has("container")) {
        template = candidate;
      }
    }
    JsonNode container = template.path("container");
    assertEquals("{\"name\":\"MODE\",\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"settings\",\"key\":\"mode\"}}}",
        container.at("/env/0").toString());
    assertEquals("[{\"name\":\"secret-creds\",\"mountPath\":\"/mnt/creds\"},{\"name\":\"configmap-settings\",\"mountPath\":\"/etc/app\"},"
        + "{\"name\":\"pvc-data\",\"mountPath\":\"/data\"}]", container.path("volumeMounts").toString());
    assertEquals("[{\"name\":\"secret-creds\",\"secret\":{\"secretName\":\"creds\"}},"
        + "{\"name\":\"configmap-settings\",\"configMap\":{\"name\":\"settings\"}},"
        + "{\"name\":\"pvc-data\",\"persistentVolumeClaim\":{\"claimName\":\"data\"}}]", template.path("volumes").toString());

    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    assertEquals(t.settings(), ((Task) read.nodes().get(0)).settings());
    assertEquals(yaml, ArgoWriter.write(read));
  }

  /** A secret's name may hold dots, a pod volume's may not; and one secret mounted twice is one volume. */
  @Test
  void aSecretsVolumeIsAKubernetesNameAndOneVolumeHoweverOftenItIsMounted() {
    Task t = echo("echo", Argument.Constant.of("hi"), new TaskSetting.SecretVolume("my.creds", "/mnt/a"),
        new TaskSetting.SecretVolume("my.creds", "/mnt/b"), new TaskSetting.SecretVolume("my-creds", "/mnt/c"));
    String yaml = ArgoWriter.write(pipeline(List.of(t)));
    JsonNode workflow = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(workflow));
    JsonNode template = null;
    for (JsonNode candidate : workflow.at("/spec/templates")) {
      if (candidate.has("container")) {
        template = candidate;
      }
    }
    assertEquals("[{\"name\":\"secret-my-creds\",\"secret\":{\"secretName\":\"my.creds\"}},"
        + "{\"name\":\"secret-my-creds-2\",\"secret\":{\"secretName\":\"my-creds\"}}]", template.path("volumes").toString());
    assertEquals(t.settings(), ((Task) ArgoReader.read(yaml, "p.yaml").nodes().get(0)).settings());
  }

  /**
   * A claim's name may hold dots, a pod volume's may not: {@code data.v1} is mounted through
   * {@code pvc-data-v1}, one volume however often it is mounted, and reads back as the same mounts.
   */
  @Test
  void aClaimsVolumeIsAKubernetesNameAndOneVolumeHoweverOftenItIsMounted() {
    Task t = echo("echo", Argument.Constant.of("hi"), new TaskSetting.PvcMount("data.v1", "/data"),
        new TaskSetting.PvcMount("data.v1", "/again"), new TaskSetting.PvcMount("data-v1", "/other"),
        new TaskSetting.PvcMount("d".repeat(70), "/long"));
    String yaml = ArgoWriter.write(pipeline(List.of(t)));
    JsonNode workflow = Yaml.read(yaml);
    assertEquals(List.of(), ArgoRules.errors(workflow));
    JsonNode template = null;
    for (JsonNode candidate : workflow.at("/spec/templates")) {
      if (candidate.has("container")) {
        template = candidate;
      }
    }
    String longName = "pvc-" + "d".repeat(59);
    assertEquals("[{\"name\":\"pvc-data-v1\",\"persistentVolumeClaim\":{\"claimName\":\"data.v1\"}},"
        + "{\"name\":\"pvc-data-v1-2\",\"persistentVolumeClaim\":{\"claimName\":\"data-v1\"}},"
        + "{\"name\":\"" + longName + "\",\"persistentVolumeClaim\":{\"claimName\":\"" + "d".repeat(70) + "\"}}]",
        template.path("volumes").toString());
    assertEquals("[{\"name\":\"pvc-data-v1\",\"mountPath\":\"/data\"},{\"name\":\"pvc-data-v1\",\"mountPath\":\"/again\"},"
        + "{\"name\":\"pvc-data-v1-2\",\"mountPath\":\"/other\"},{\"name\":\"" + longName + "\",\"mountPath\":\"/long\"}]",
        template.path("container").path("volumeMounts").toString());
    assertEquals(t.settings(), ((Task) ArgoReader.read(yaml, "p.yaml").nodes().get(0)).settings());
  }

  /** A task passing a file before a value (as {@code train(Dataset data, int epochs)} does) reads back in that order. */
  @Test
  void aFileArgumentBeforeAValueRoundTrips() {
    ComponentSpec head = ComponentYaml.parse("""
        name: head
        inputs:
        - {name: data, type: Dataset}
        - {name: lines, type: Integer}
        implementation:
          container:
            image: alpine
            command: [head, -n, {inputValue: lines}, {inputPath: data}]
        """, "head.yaml");
    ComponentSpec make = ComponentYaml.parse("""
        name: make
        outputs:
        - {name: data, type: Dataset}
        implementation:
          container:
            image: alpine
            command: [sh, -c, 'seq 10 > "$0"', {outputPath: data}]
        """, "make.yaml");
    Task first = new Task("make", make, Map.of());
    java.util.Map<String, Argument> arguments = new java.util.LinkedHashMap<>();
    arguments.put("data", new Argument.TaskOutput("make", "data"));
    arguments.put("lines", new Argument.PipelineParameter("n"));
    String yaml = ArgoWriter.write(pipeline(List.of(first, new Task("head", head, arguments))));
    assertEquals(yaml, ArgoWriter.write(ArgoReader.read(yaml, "p.yaml")));
  }

  @Test
  void loopsAndItemsRoundTrip() {
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(
        new Argument.Constant("{\"a\": 1, \"b\": \"x\"}", ParameterType.STRUCT), new Argument.Constant("{\"a\": 2, \"b\": \"z\"}", ParameterType.STRUCT))),
        2, List.of(echo("echo", new Argument.LoopItem("for-loop-1", "b"))));
    String yaml = ArgoWriter.write(pipeline(List.of(loop)));
    assertTrue(yaml.contains("withItems: [{a: 1, b: x}, {a: 2, b: z}]"), yaml);
    Pipeline read = ArgoReader.read(yaml, "p.yaml");
    Loop back = (Loop) read.nodes().get(0);
    assertEquals(2, back.parallelism());
    assertEquals(new Argument.LoopItem("for-loop-1", "b"), ((Task) back.body().get(0)).arguments().get("msg"));
    assertEquals(yaml, ArgoWriter.write(read));
  }

  @Test
  void aTemplateOfAnotherToolBecomesAComponentWithTheSameCommandLine() {
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: other-}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: who, value: world}]}
          templates:
          - name: main
            inputs: {parameters: [{name: who}]}
            dag:
              tasks:
              - {name: hello, template: hello, arguments: {parameters: [{name: who, value: '{{inputs.parameters.who}}'}]}}
              - name: shout
                template: shout
                depends: hello
                arguments: {artifacts: [{name: text, from: '{{tasks.hello.outputs.artifacts.greeting}}'}]}
          - name: hello
            inputs: {parameters: [{name: who}]}
            outputs: {artifacts: [{name: greeting, path: /tmp/g.txt}]}
            container: {image: alpine, command: [sh, -c], args: ['echo hello {{inputs.parameters.who}} > /tmp/g.txt']}
          - name: shout
            inputs: {artifacts: [{name: text, path: /in/text}]}
            container: {image: alpine, command: [tr, a-z, A-Z], args: ['/in/text']}
        """;
    Pipeline p = ArgoReader.read(yaml, "other.yaml");
    assertEquals("other", p.name());
    Task hello = (Task) p.nodes().get(0);
    assertEquals(new Argument.PipelineParameter("who"), hello.arguments().get("who"));
    assertEquals(new Placeholder.Concat(List.of(new Placeholder.Literal("echo hello "), new Placeholder.InputValue("who"),
        new Placeholder.Literal(" > "), new Placeholder.OutputPath("greeting"))), hello.component().container().args().get(0));
    Task shout = (Task) p.nodes().get(1);
    assertEquals(new Argument.TaskOutput("hello", "greeting"), shout.arguments().get("text"));
    assertEquals(List.of(new Placeholder.InputPath("text")), shout.component().container().args());
    assertEquals(List.of("hello"), shout.after());
  }

  @Test
  void theKfpSdksOwnWorkflowReads() throws Exception {
    Path file = dev.kfp4j.testing.Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml");
    Pipeline p = ArgoReader.read(Files.readString(file), file.toString());
    assertEquals(List.of("value_1", "value_2"), p.parameters().stream().map(Parameter::name).toList());
    assertEquals(ParameterType.INTEGER, p.parameters().get(0).type());
    Task multiply = (Task) p.node("multiply").orElseThrow();
    assertEquals(new Argument.TaskOutput("add", "add-Output"), multiply.arguments().get("add-Output"));
    assertNull(p.exitTask());
  }

  /**
   * The KFP SDK's compiler declares every output as an artifact too, a function's return value
   * included, and Argo keeps each as a file: a run from the model does the same (before, a run of
   * the SDK's add example from its model had no {@code multiply-Output} file). A workflow kfp4j
   * wrote declares a returned value as a parameter only.
   */
  @Test
  void outputsAreKeptAsFilesWhereTheWorkflowDeclaresThemArtifacts() throws Exception {
    Path file = dev.kfp4j.testing.Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml");
    String yaml = Files.readString(file);
    Pipeline sdk = ArgoReader.read(yaml, file.toString());
    var kept = ArgoReader.filesKept(Yaml.read(yaml));
    for (String task : List.of("add", "subtract", "multiply")) {
      ComponentSpec c = ((Task) sdk.node(task).orElseThrow()).component();
      assertTrue(kept.test(c, task + "-Output"), task);
      assertFalse(c.outputIsFile(task + "-Output"), task + ": a returned value, kept as a file only because the template says so");
    }
    ComponentSpec add = ComponentYaml.parse(Files.readString(dev.kfp4j.testing.Shared.testdata("kfp-sdk-1.8.22/add.component.yaml")), "add.yaml");
    Pipeline ours = pipeline(List.of(new Task("add", add, Map.of("value_1", new Argument.PipelineParameter("n"),
        "value_2", new Argument.Constant("1", ParameterType.INTEGER)))));
    assertFalse(ArgoReader.filesKept(ArgoWriter.toNode(ours)).test(add, "Output"));
  }

  @Test
  void whatTheModelCannotHoldIsAClearError() {
    String mixed = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: m}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: x}]}
          templates:
          - name: main
            dag: {tasks: [{name: a, template: a, arguments: {parameters: [{name: v, value: 'pre-{{workflow.parameters.x}}'}]}}]}
          - {name: a, inputs: {parameters: [{name: v}]}, container: {image: alpine, command: [echo, '{{inputs.parameters.v}}']}}
        """;
    // a text with references among other text is KFP v1's f-string: read as KFP 2's channels (it was an error)
    assertEquals(Map.of("v", Argument.Constant.of("pre-{{$.inputs.parameters['pipelinechannel--x']}}"), "pipelinechannel--x",
        new Argument.PipelineParameter("x")), ((Task) ArgoReader.read(mixed, "m.yaml").node("a").orElseThrow()).arguments());
    String runValue = mixed.replace("pre-{{workflow.parameters.x}}", "pre-{{workflow.name}}");
    FormatException e = assertThrows(FormatException.class, () -> ArgoReader.read(runValue, "m.yaml"));
    assertEquals("m.yaml: task 'a' of template 'main': 'pre-{{workflow.name}}' joins '{{workflow.name}}' into a text; kfp4j's model "
        + "joins parameters, task outputs and loop items (KFP's f-strings)", e.getMessage());
    assertEquals("x.yaml: not an Argo Workflow (kind: Workflow)",
        assertThrows(FormatException.class, () -> ArgoReader.read("kind: Pod\n", "x.yaml")).getMessage());
    String unknown = mixed.replace("pre-{{workflow.parameters.x}}", "{{workflow.parameters.y}}");
    assertTrue(assertThrows(FormatException.class, () -> ArgoReader.read(unknown, "m.yaml")).getMessage()
        .contains("'{{workflow.parameters.y}}' names no parameter of the workflow; it has [x]"));
    assertEquals(Yaml.read("a: 1").get("a").asInt(), 1);
  }
}
