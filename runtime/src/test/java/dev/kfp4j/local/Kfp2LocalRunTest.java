package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.TaskResult.State;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * KFP 2 pipeline specs run locally: container components (shell commands, as other tools' KFP 2
 * component files have them) with KFP 2's placeholders resolved, a condition on an output not
 * named {@code Output} (which KFP's {@code kfp.local} skips silently), an else branch, a loop with
 * parallelism whose outputs are collected, retries and caching; each spec written by the KFP 2
 * format and read back, as a file from the compiler is. The run folder keeps the spec, with its
 * platform document, as the pipeline it ran, which a run resumes from.
 */
class Kfp2LocalRunTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private LocalRunner runner(boolean caching) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(caching).summary(true)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  /** A shell component: {@code sh -c SCRIPT} with each input's value, then each output's file, as $0, $1... */
  private static ComponentSpec sh(String name, String script, List<String> inputs, Map<String, String> outputs) {
    List<Placeholder> args = new ArrayList<>(List.of(new Placeholder.Literal("-c"), new Placeholder.Literal(script)));
    List<InputSpec> in = new ArrayList<>();
    for (String i : inputs) {
      String[] nameType = i.split(":");
      in.add(new InputSpec(nameType[0], TypeSpec.named(nameType[1]), null, null, false));
      args.add(new Placeholder.InputValue(nameType[0]));
    }
    List<OutputSpec> out = new ArrayList<>();
    outputs.forEach((n, type) -> {
      out.add(new OutputSpec(n, TypeSpec.named(type), null));
      args.add(new Placeholder.OutputPath(n));
    });
    return new ComponentSpec(name, null, null, null, in, out,
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), args, null, null), null);
  }

  private static final ComponentSpec FLIP = sh("flip", "printf %s \"$0\" > \"$1\"", List.of("side:String"), Map.of("side", "String"));
  private static final ComponentSpec SAY = sh("say", "printf 'said %s' \"$0\" > \"$1\"", List.of("text:String"), Map.of("out", "String"));
  private static final ComponentSpec DOUBLE = sh("double", "printf %s $(( $0 * 2 )) > \"$1\"", List.of("n:Integer"),
      Map.of("out", "Integer"));
  private static final ComponentSpec SHOW = sh("show", "printf %s \"$0\" > \"$1\"", List.of("values:JsonArray"), Map.of("out", "String"));

  /** Written as KFP 2 and read back: what the runner gets from a compiled file. */
  private static Workflow kfp2(Pipeline p) {
    String yaml = Kfp2Writer.write(p);
    Workflow w = Workflow.parse(yaml, p.name() + ".yaml");
    assertEquals("kfp2", w.format());
    return w;
  }

  private static Pipeline flipPipeline() {
    Predicate heads = new Predicate.Comparison(new Argument.TaskOutput("flip", "side"), Predicate.Operator.EQ, Argument.Constant.of("heads"));
    Branches branches = new Branches("condition-branches-1", List.of(
        new Condition("condition-2", heads, List.of(new Task("say-heads", SAY, Map.of("text", Argument.Constant.of("H"))))),
        new Condition("condition-3", null, List.of(new Task("say-tails", SAY, Map.of("text", Argument.Constant.of("T")))))));
    Loop loop = new Loop("for-loop-4", new Loop.Constants(List.of(new Argument.Constant("1", ParameterType.INTEGER),
        new Argument.Constant("2", ParameterType.INTEGER), new Argument.Constant("3", ParameterType.INTEGER))), 2,
        List.of(new Task("double", DOUBLE, Map.of("n", new Argument.LoopItem("for-loop-4", null)))));
    List<Node> nodes = List.of(new Task("flip", FLIP, Map.of("side", new Argument.PipelineParameter("side"))), branches, loop,
        new Task("show", SHOW, Map.of("values", new Argument.Collected("for-loop-4", "double", "out"))));
    return new Pipeline("flip-and-loop", null, List.of(new Parameter("side", ParameterType.STRING, "heads", null)), nodes, null,
        PipelineSettings.DEFAULTS, null);
  }

  @Test
  void containerComponentsConditionsOnAnyOutputElseBranchesAndCollectedLoops() {
    Workflow w = kfp2(flipPipeline());
    RunResult heads = runner(false).run(w, Map.of());
    assertTrue(heads.succeeded(), () -> String.valueOf(heads.failedTask()));
    assertEquals("heads", heads.output("flip", "side"));
    assertEquals("said H", heads.output("condition-branches-1/condition-2/say-heads", "out"));
    assertEquals(State.Skipped, heads.task("condition-branches-1/condition-3").orElseThrow().state(), "the else branch");
    assertFalse(heads.task("condition-branches-1/condition-3/say-tails").isPresent());
    assertEquals("2", heads.output("for-loop-4(0)/double", "out"));
    assertEquals("6", heads.output("for-loop-4(2)/double", "out"));
    assertEquals("[2, 4, 6]", heads.output("show", "out"), "collected in the order of the items");

    RunResult tails = runner(false).run(w, Map.of("side", "tails"));
    assertTrue(tails.succeeded());
    assertEquals(State.Skipped, tails.task("condition-branches-1/condition-2").orElseThrow().state());
    assertTrue(tails.task("condition-branches-1/condition-2").orElseThrow().message().contains("'tails' == 'heads'"),
        tails.task("condition-branches-1/condition-2").orElseThrow().message());
    assertEquals("said T", tails.output("condition-branches-1/condition-3/say-tails", "out"));
  }

  /**
   * A spec holds a DAG's tasks by name; a run lists them in an order they can run in: here {@code
   * alpha}, which waits for {@code zeta}, comes after it, not first as by name.
   */
  @Test
  void aRunListsItsTasksEachAfterThoseItWaitsFor() {
    Pipeline p = new Pipeline("ordered", null, List.of(), List.of(
        new Task("zeta", DOUBLE, Map.of("n", new Argument.Constant("1", ParameterType.INTEGER))),
        new Task("alpha", DOUBLE, Map.of("n", new Argument.TaskOutput("zeta", "out"))),
        new Task("beta", DOUBLE, Map.of("n", new Argument.Constant("3", ParameterType.INTEGER)))), null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(List.of("beta.out = 6", "zeta.out = 2", "alpha.out = 4"), LocalRun.results(r));
  }

  /**
   * A KFP 2 run's arguments are protobuf {@code Value}s, which have no nan or infinity: a cluster's
   * run refuses {@code lr=inf} (as {@code kfp4j run-once} does), so the local run refuses it before
   * anything runs. It started, and each task given the value failed with its entrypoint's usage error
   * (retried), or, the value only compared in a condition, the run succeeded.
   */
  @Test
  void aFloatArgumentAKfp2RunCannotCarryIsRefusedBeforeAnythingRuns() {
    ComponentSpec half = sh("half", "echo \"$0\" > \"$1\"", List.of("x:Float"), Map.of("out", "Float"));
    Pipeline p = new Pipeline("floats", null, List.of(new Parameter("lr", ParameterType.FLOAT, "0.5", null)),
        List.of(new Task("half", half, Map.of("x", new Argument.PipelineParameter("lr")))), null, PipelineSettings.DEFAULTS, null);
    Workflow w = kfp2(p);
    for (String bad : List.of("inf", "-inf", "nan", "1e400")) {
      WorkflowException e = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class,
          () -> runner(false).run(w, Map.of("lr", bad)));
      assertEquals("argument 'lr': '" + bad + "' is not a NUMBER_DOUBLE: KFP 2 keeps numbers as JSON, which has no '" + bad + "'",
          e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("runs/floats")), "nothing ran");
    assertTrue(runner(false).run(w, Map.of("lr", "1e300")).succeeded(), "a large finite number is a number");
  }

  @Test
  void aValueCannotChangeAConditionsStructure() {
    // in a condition written as text with values substituted, this value would make it true
    RunResult r = runner(false).run(kfp2(flipPipeline()), Map.of("side", "x' == 'x' || 'a"));
    assertTrue(r.succeeded());
    assertEquals(State.Skipped, r.task("condition-branches-1/condition-2").orElseThrow().state());
    assertEquals("said T", r.output("condition-branches-1/condition-3/say-tails", "out"));
  }

  /**
   * {@code with dsl.If(item.a > 1)} in a loop over constant records: the condition's task selects
   * the field from the item into an input of its own ({@code loop-item-param-0-subvar-a}) and its
   * condition reads that, typed as the items' field, as KFP's compiler writes it. The condition
   * compared the whole item instead ({@code {"a": 1, ...} > '1'}), so it held for every item
   * locally and made no sense to KFP 2's backend.
   */
  @Test
  void aConditionOnAFieldOfALoopsItemComparesThatField() {
    Argument.LoopItem a = new Argument.LoopItem("for-loop-1", "a");
    Condition big = new Condition("condition-2", new Predicate.Comparison(a, Predicate.Operator.GT,
        new Argument.Constant("1", ParameterType.INTEGER)), List.of(new Task("double", DOUBLE, Map.of("n", a))));
    Loop loop = new Loop("for-loop-1", new Loop.Constants(List.of(new Argument.Constant("{\"a\": 1, \"b\": \"x\"}",
        ParameterType.STRUCT), new Argument.Constant("{\"a\": 3, \"b\": \"y\"}", ParameterType.STRUCT))), 0, List.of(big));
    Pipeline p = new Pipeline("item-fields", null, List.of(), List.of(loop), null, PipelineSettings.DEFAULTS, null);
    JsonNode spec = Yaml.readAll(Kfp2Writer.write(p)).get(0);
    JsonNode task = spec.at("/components/comp-for-loop-1/dag/tasks/condition-2");
    assertEquals("int(inputs.parameter_values['pipelinechannel--loop-item-param-0-subvar-a']) > 1",
        task.at("/triggerPolicy/condition").asString());
    assertEquals("{\"componentInputParameter\":\"pipelinechannel--loop-item-param-0\","
        + "\"parameterExpressionSelector\":\"parseJson(string_value)[\\\"a\\\"]\"}",
        task.at("/inputs/parameters/pipelinechannel--loop-item-param-0-subvar-a").toString());
    assertEquals("NUMBER_INTEGER", spec.at("/components/comp-condition-2/inputDefinitions/parameters/"
        + "pipelinechannel--loop-item-param-0-subvar-a/parameterType").asString());
    assertEquals(big.predicate(), ((Condition) Kfp2Reader.read(Kfp2Writer.write(p), "item-fields.yaml")
        .node("condition-2").orElseThrow()).predicate(), "read back, the condition compares the field");

    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(State.Skipped, r.task("for-loop-1(0)/condition-2").orElseThrow().state(), "1 > 1 does not hold");
    assertEquals("6", r.output("for-loop-1(1)/condition-2/double", "out"));
  }

  /**
   * A loop over a list parameter, whose items' types KFP knows nothing of: a condition comparing
   * an item, or a field of it, with a number compares numbers, as the local runner does, typing
   * the item as what it is compared with. Typed as text, {@code '10' > '9'} was false on KFP 2's
   * backend and true locally.
   */
  @Test
  void aConditionOnTheItemOfALoopOverAListValueComparesNumbersWithNumbers() {
    Argument.LoopItem a = new Argument.LoopItem("for-loop-1", "a");
    Argument.LoopItem x = new Argument.LoopItem("for-loop-3", null);
    Condition big = new Condition("condition-2", new Predicate.Comparison(a, Predicate.Operator.GT,
        new Argument.Constant("9", ParameterType.INTEGER)), List.of(new Task("double", DOUBLE, Map.of("n", a))));
    Condition small = new Condition("condition-4", new Predicate.Comparison(x, Predicate.Operator.LT,
        new Argument.Constant("5", ParameterType.INTEGER)), List.of(new Task("say", SAY, Map.of("text", Argument.Constant.of("s")))));
    List<Node> nodes = List.of(new Loop("for-loop-1", new Loop.Over(new Argument.PipelineParameter("ps")), 0, List.of(big)),
        new Loop("for-loop-3", new Loop.Over(new Argument.PipelineParameter("xs")), 0, List.of(small)));
    Pipeline p = new Pipeline("item-types", null, List.of(
        new Parameter("ps", ParameterType.LIST, "[{\"a\": 2}, {\"a\": 10}]", null),
        new Parameter("xs", ParameterType.LIST, "[10, 2]", null)), nodes, null, PipelineSettings.DEFAULTS, null);
    JsonNode spec = Yaml.readAll(Kfp2Writer.write(p)).get(0);
    assertEquals("int(inputs.parameter_values['pipelinechannel--ps-loop-item-subvar-a']) > 9",
        spec.at("/components/comp-for-loop-1/dag/tasks/condition-2/triggerPolicy/condition").asString());
    assertEquals("int(inputs.parameter_values['pipelinechannel--xs-loop-item']) < 5",
        spec.at("/components/comp-for-loop-3/dag/tasks/condition-4/triggerPolicy/condition").asString());
    assertEquals("NUMBER_INTEGER", spec.at("/components/comp-for-loop-3/inputDefinitions/parameters/"
        + "pipelinechannel--xs-loop-item/parameterType").asString());

    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(State.Skipped, r.task("for-loop-1(0)/condition-2").orElseThrow().state());
    assertEquals("20", r.output("for-loop-1(1)/condition-2/double", "out"));
    assertEquals(State.Skipped, r.task("for-loop-3(0)/condition-4").orElseThrow().state());
    assertEquals("said s", r.output("for-loop-3(1)/condition-4/say", "out"));
  }

  @Test
  void retriesAndCachingFollowTheTaskSettings() throws Exception {
    Path counter = dir.resolve("count");
    ComponentSpec flaky = sh("flaky", "echo x >> \"$0\"; [ $(wc -l < \"$0\") -ge 2 ] && printf done > \"$1\"", List.of("file:String"),
        Map.of("out", "String"));
    Pipeline p = new Pipeline("retrying", null, List.of(), List.of(
        new Task("flaky", flaky, Map.of("file", Argument.Constant.of(counter.toString())), List.of(),
            List.of(new RunSetting.Retry(2, null)))), null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(true).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(2, r.task("flaky").orElseThrow().attempts());
    RunResult again = runner(true).run(kfp2(p), Map.of());
    assertEquals(State.Cached, again.task("flaky").orElseThrow().state());
    assertEquals("done", again.output("flaky", "out"));
    assertEquals(2, Files.readAllLines(counter).size(), "the cached run ran nothing");
  }

  /** The pipeline a run keeps in its folder, read back as the formats' readers read it. */
  private static Workflow runCopy(RunResult r) throws Exception {
    String copy = Files.readString(r.runDir().resolve(LocalRunner.WORKFLOW_FILE));
    Workflow back = Workflow.parse(copy, LocalRunner.WORKFLOW_FILE);
    assertEquals("kfp2", back.format());
    assertEquals(back.pipeline(), Kfp2Reader.read(copy, LocalRunner.WORKFLOW_FILE));
    return back;
  }

  @Test
  void theRunKeepsTheSpecWithItsPlatformDocumentAsOneJsonObjectThatReadsBackAsThePipeline() throws Exception {
    Pipeline p = new Pipeline("mounting", null, List.of(new Parameter("side", ParameterType.STRING, "heads", null)),
        List.of(new Task("flip", FLIP, Map.of("side", new Argument.PipelineParameter("side")), List.of(),
            List.of(new TaskSetting.PvcMount("my-pvc", "/mnt")))), null, PipelineSettings.DEFAULTS, null);
    Workflow w = kfp2(p);
    assertTrue(Kfp2Writer.write(p).contains("\n---\nplatforms:"), "the mount is in the platform document");
    RunResult r = runner(false).run(w, Map.of("side", "tails"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));

    JsonNode copy = Yaml.json().readTree(r.runDir().resolve(LocalRunner.WORKFLOW_FILE).toFile());
    assertEquals("mounting", copy.at("/pipeline_spec/pipelineInfo/name").asString(), copy.toString());
    assertEquals("/mnt", copy.at("/platform_spec/platforms/kubernetes/deploymentSpec/executors/exec-flip/pvcMount/0/mountPath").asString(),
        copy.toString());
    Workflow back = runCopy(r);
    assertEquals(w.pipeline(), back.pipeline());
    assertTrue(((Task) back.pipeline().node("flip").orElseThrow()).settings().contains(new TaskSetting.PvcMount("my-pvc", "/mnt")));
  }

  /**
   * A mount of a claim's sub-path ({@code mountPvc("my-pvc", "/mnt", "models")}, kfp-kubernetes' {@code sub_path}) sees the
   * sub-folder of the claim's folder, made where the claim lacks it as the kubelet makes it: a task mounting the whole claim
   * finds the file at {@code models/f}, and a sub-path leading out of the claim's folder through a link fails its task.
   */
  @Test
  void aMountOfAClaimsSubPathSeesTheSubFolderOfTheClaimsFolder() throws Exception {
    ComponentSpec write = sh("write", "printf model > \"$0\" && printf done > \"$1\"", List.of("file:String"),
        Map.of("out", "String"));
    ComponentSpec read = sh("read", "cat \"$0\" > \"$1\"", List.of("file:String"), Map.of("out", "String"));
    Pipeline p = new Pipeline("sub-paths", null, List.of(), List.of(
        new Task("write", write, Map.of("file", Argument.Constant.of("/mnt/f")), List.of(),
            List.of(new TaskSetting.PvcMount("my-pvc", "/mnt", "models/v1"))),
        new Task("read", read, Map.of("file", Argument.Constant.of("/data/models/v1/f")), List.of("write"),
            List.of(new TaskSetting.PvcMount("my-pvc", "/data")))), null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("model", r.output("read", "out"));
    assertEquals("model", Files.readString(dir.resolve("runs/volumes/my-pvc/models/v1/f")));
    assertEquals(p, runCopy(r).pipeline(), "the sub-path kept in the spec the run keeps");

    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("runs/volumes/my-pvc/link"), outside);
    Pipeline linked = new Pipeline("linked", null, List.of(), List.of(new Task("write", write,
        Map.of("file", Argument.Constant.of("/mnt/f")), List.of(), List.of(new TaskSetting.PvcMount("my-pvc", "/mnt", "link/in")))),
        null, PipelineSettings.DEFAULTS, null);
    RunResult failed = runner(false).run(kfp2(linked), Map.of());
    assertFalse(failed.succeeded());
    String why = String.valueOf(failed.task("write").orElseThrow());
    assertTrue(why.contains("mounts the claim 'my-pvc' at its sub-path 'link/in', which leads through a link out of the claim's "
        + "folder"), why + console);
    assertFalse(Files.exists(outside.resolve("in")), "nothing made outside the claim's folder");
  }

  /**
   * An emptyDir volume is a fresh folder of each task's own, as a pod's is: the second task, mounting
   * a volume of the same name at the same path, does not see the file the first wrote there (a
   * claim, mountPvc, is shared by the tasks of the run).
   */
  @Test
  void anEmptyDirIsAFreshFolderOfEachTask() throws Exception {
    ComponentSpec fresh = sh("fresh", "[ ! -e \"$0\" ] && echo x > \"$0\" && [ -s \"$0\" ] && printf fresh > \"$1\"",
        List.of("file:String"), Map.of("out", "String"));
    List<TaskSetting> scratch = List.of(new TaskSetting.EmptyDirMount("scratch", "/scratch", "Memory", "1Gi"));
    Pipeline p = new Pipeline("scratching", null, List.of(), List.of(
        new Task("first", fresh, Map.of("file", Argument.Constant.of("/scratch/f")), List.of(), scratch),
        new Task("second", fresh, Map.of("file", Argument.Constant.of("/scratch/f")), List.of("first"), scratch)), null,
        PipelineSettings.DEFAULTS, null);
    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("fresh", r.output("second", "out"));
    assertFalse(Files.exists(Path.of("/scratch/f")), "the path is the container's, not this machine's");
  }

  @Test
  void aSpecWithoutAPlatformDocumentIsKeptAsItIs() throws Exception {
    Workflow w = kfp2(flipPipeline());
    RunResult r = runner(false).run(w, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    JsonNode copy = Yaml.json().readTree(r.runDir().resolve(LocalRunner.WORKFLOW_FILE).toFile());
    assertEquals("flip-and-loop", copy.at("/pipelineInfo/name").asString(), copy.toString());
    assertEquals(w.pipeline(), runCopy(r).pipeline());
  }

  @Test
  void aStoppedRunResumesFromThePipelineItKeptWithoutRerunningFinishedTasks() throws Exception {
    Path counter = dir.resolve("count");
    Path gate = dir.resolve("gate");
    ComponentSpec counted = sh("counted", "echo x >> \"$0\"; printf 21 > \"$1\"", List.of("file:String"), Map.of("out", "Integer"));
    ComponentSpec gated = sh("gated", "[ -f \"$1\" ] && printf $(( $0 * 2 )) > \"$2\"", List.of("n:Integer", "gate:String"),
        Map.of("out", "Integer"));
    Pipeline p = new Pipeline("gated", null, List.of(), List.of(
        new Task("counted", counted, Map.of("file", Argument.Constant.of(counter.toString()))),
        new Task("gated", gated, Map.of("n", new Argument.TaskOutput("counted", "out"), "gate", Argument.Constant.of(gate.toString())),
            List.of(), List.of(new TaskSetting.PvcMount("my-pvc", "/mnt")))), null, PipelineSettings.DEFAULTS, null);
    RunResult failed = runner(false).run(kfp2(p), Map.of());
    assertEquals(State.Failed, failed.task("gated").orElseThrow().state());
    String kept = Files.readString(failed.runDir().resolve(LocalRunner.WORKFLOW_FILE));

    Files.writeString(gate, "open");
    RunResult r = runner(false).resume(runCopy(failed), failed.runDir());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(failed.runDir(), r.runDir());
    assertEquals("42", r.output("gated", "out"));
    assertEquals(1, Files.readAllLines(counter).size(), "'counted' did not run again");
    assertEquals(kept, Files.readString(r.runDir().resolve(LocalRunner.WORKFLOW_FILE)), "the pipeline the run ran, kept as it was");
  }

  @Test
  void theRunRecordHasEachArtifactWithItsTypeUriAndMetadataAndTheMetrics() throws Exception {
    // a component of another tool that writes KFP v1's metrics file and a KFP 2 artifact
    ComponentSpec scores = new ComponentSpec("scores", null, null, null, List.of(),
        List.of(new OutputSpec("mlpipeline-metrics", TypeSpec.named("system.Artifact"), null),
            new OutputSpec("model", TypeSpec.named("system.Model"), null)),
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("printf '{\"metrics\": [{\"name\": \"accuracy\", \"numberValue\": 0.9}]}' > \"$0\"; printf m > \"$1\""),
            new Placeholder.OutputPath("mlpipeline-metrics"), new Placeholder.OutputPath("model")), null, null), null);
    Pipeline p = new Pipeline("scoring", null, List.of(), List.of(new Task("scores", scores, Map.of())), null,
        PipelineSettings.DEFAULTS, null);
    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(Map.of("accuracy", 0.9), r.task("scores").orElseThrow().metrics());
    OutputArtifact model = r.task("scores").orElseThrow().outputArtifacts().get("model");
    assertEquals("system.Model", model.type());
    assertEquals("m", Files.readString(model.path()));

    JsonNode task = Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).at("/tasks/scores");
    assertEquals("system.Model", task.at("/artifacts/model/type").asString());
    assertEquals("scores/outputs/model/data", task.at("/artifacts/model/path").asString());
    assertEquals(model.path().toAbsolutePath().normalize().toString(), task.at("/artifacts/model/uri").asString());
    assertTrue(task.at("/artifacts/model/metadata").isObject());
    assertEquals(0.9, task.at("/metrics/accuracy").asDouble());
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("accuracy=0.9"), console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void kfpV1UiOutputsOfAnArgoWorkflowAreItsMetricsAndVisualizations() throws Exception {
    String metrics = "{\"metrics\": [{\"name\": \"auc\", \"numberValue\": 0.75, \"format\": \"RAW\"}]}";
    String ui = "{\"outputs\": [{\"type\": \"markdown\", \"storage\": \"inline\", \"source\": \"# hi\"}]}";
    String template = "  - name: report\n"
        + "    outputs: {artifacts: [{name: mlpipeline-metrics, path: /tmp/m.json}, {name: mlpipeline-ui-metadata, path: /tmp/ui.json}]}\n"
        + "    container:\n      image: alpine\n      command: [sh, -c]\n"
        + "      args: ['printf %s \"$0\" > /tmp/m.json; printf %s \"$1\" > /tmp/ui.json', '" + metrics + "', '" + ui + "']\n";
    Workflow wf = LocalRunnerTest.workflow("report", "", "      - {name: report, template: report}\n", template);
    RunResult r = runner(false).run(wf, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TaskResult t = r.task("report").orElseThrow();
    assertEquals(Map.of("auc", 0.75), t.metrics());
    assertEquals(1, t.visualizations().size());
    assertEquals("markdown", t.visualizations().get(0).path("type").asString());

    JsonNode task = Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).at("/tasks/report");
    assertEquals(0.75, task.at("/metrics/auc").asDouble());
    assertEquals("# hi", task.at("/visualizations/0/source").asString());
    assertEquals("report/outputs/mlpipeline-metrics/data", task.at("/artifacts/mlpipeline-metrics/path").asString());
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("metrics: auc=0.75"), console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aClassificationMetricsArtifactIsAVisualizationInKfpsShape() throws Exception {
    // what KFP's launcher gets from a Python component that logs a confusion matrix
    String output = "{\"artifacts\": {\"cm\": {\"artifacts\": [{\"name\": \"cm\", \"metadata\": {\"confusionMatrix\": "
        + "{\"annotationSpecs\": [{\"displayName\": \"a\"}], \"rows\": [{\"row\": [3]}]}}}]}}}";
    ComponentSpec cm = new ComponentSpec("cm", null, null, null, List.of(),
        List.of(new OutputSpec("cm", TypeSpec.named("system.ClassificationMetrics"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\"; printf %s \"$1\" > \"$f\"; printf %s \"$0\""),
            new Placeholder.ExecutorInput(), new Placeholder.Literal(output)), null, null), null);
    Pipeline p = new Pipeline("classify", null, List.of(), List.of(new Task("cm", cm, Map.of())), null, PipelineSettings.DEFAULTS, null);
    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> r.failedTask() + " " + r.failedTask().map(TaskResult::log).map(l -> {
      try {
        return Files.readString(l);
      } catch (java.io.IOException e) {
        return "";
      }
    }).orElse(""));
    TaskResult t = r.task("cm").orElseThrow();
    assertEquals(0, Files.size(t.artifacts().get("cm")), "metadata only: an empty file");
    JsonNode v = t.visualizations().get(0);
    assertEquals("system.ClassificationMetrics", v.path("type").asString());
    assertEquals("cm", v.path("name").asString());
    assertEquals(3, v.at("/confusionMatrix/rows/0/row/0").asInt());
    JsonNode input = Yaml.json().readTree(Files.readString(t.log()));
    assertEquals(t.outputArtifacts().get("cm").uri(), input.at("/outputs/artifacts/cm/artifacts/0/uri").asString(),
        "the URI the task was given");
    assertEquals(t.artifacts().get("cm").toAbsolutePath().normalize().toString(), t.outputArtifacts().get("cm").uri(),
        "on this machine the artifact's absolute path, as kfp.local gives it: KFP's Python Artifact.path is a URI without a scheme");
    assertEquals("system.ClassificationMetrics", input.at("/outputs/artifacts/cm/artifacts/0/type/schemaTitle").asString());
  }

  @Test
  void aSlicedClassificationMetricsArtifactIsAVisualizationInKfpsShape() throws Exception {
    // what KFP's launcher gets from a component that logs a slice's confusion matrix
    String output = "{\"artifacts\": {\"sm\": {\"artifacts\": [{\"name\": \"sm\", \"metadata\": {\"evaluationSlices\": [{\"slice\": "
        + "\"north\", \"sliceClassificationMetrics\": {\"confusionMatrix\": {\"annotationSpecs\": [{\"displayName\": \"a\"}], "
        + "\"rows\": [{\"row\": [3]}]}}}]}}]}}}";
    ComponentSpec sm = new ComponentSpec("sm", null, null, null, List.of(),
        List.of(new OutputSpec("sm", TypeSpec.named("system.SlicedClassificationMetrics"), null)),
        new ContainerSpec("python:3", List.of(new Placeholder.Literal("sh")), List.of(new Placeholder.Literal("-c"),
            new Placeholder.Literal("f=$(printf %s \"$0\" | sed -n 's/.*\"outputFile\": *\"\\([^\"]*\\)\".*/\\1/p'); "
                + "mkdir -p \"$(dirname \"$f\")\"; printf %s \"$1\" > \"$f\""),
            new Placeholder.ExecutorInput(), new Placeholder.Literal(output)), null, null), null);
    Pipeline p = new Pipeline("sliced", null, List.of(), List.of(new Task("sm", sm, Map.of())), null, PipelineSettings.DEFAULTS, null);
    String yaml = Kfp2Writer.write(p);
    assertTrue(yaml.contains("schemaTitle: system.SlicedClassificationMetrics"), yaml);
    Task read = (Task) dev.kfp4j.format.kfp2.Kfp2Reader.read(yaml, "sliced.yaml").steps().get(0);
    assertEquals("system.SlicedClassificationMetrics", read.component().outputs().get(0).type().name(), "read back from the KFP 2 file");
    RunResult r = runner(false).run(kfp2(p), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TaskResult t = r.task("sm").orElseThrow();
    JsonNode v = t.visualizations().get(0);
    assertEquals("system.SlicedClassificationMetrics", v.path("type").asString());
    assertEquals("sm", v.path("name").asString());
    assertEquals("north", v.at("/evaluationSlices/0/slice").asString());
    assertEquals(3, v.at("/evaluationSlices/0/sliceClassificationMetrics/confusionMatrix/rows/0/row/0").asInt());
    assertEquals("north", t.outputArtifacts().get("sm").metadata().get("evaluationSlices") instanceof List<?> l
        && l.get(0) instanceof Map<?, ?> m ? m.get("slice") : null);
    JsonNode task = Yaml.json().readTree(r.runDir().resolve("run.json").toFile()).at("/tasks/sm");
    assertEquals("system.SlicedClassificationMetrics", task.at("/visualizations/0/type").asString(), "kept in the run record");
  }
}
