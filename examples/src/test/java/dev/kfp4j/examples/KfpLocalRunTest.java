package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The examples' KFP 2 pipelines run by KFP's own local orchestrator ({@code kfp.local}, its Docker runner: each Java
 * task in the examples' image, through KFP's executor input) give each task the value outputs kfp4j's local runner gives
 * it, each Java task in a JVM of its own as in a container ({@code --subprocess}); a task named by its key in its DAG,
 * with the values of each iteration of a loop.
 * By hand, as {@link KfpSdkTest}: {@code -Dkfp4j.kfpPython=python3}, a Python that imports KFP's SDK, and an engine
 * that answers Docker's API ({@code DOCKER_HOST}; podman's {@code podman system service}) holding the examples' image
 * ({@code kfp4j image --to daemon} in {@code examples/}) and the images the pipelines' other components name; skipped
 * without them. Each pipeline takes a minute or so there: a container a task.
 */
@EnabledIfSystemProperty(named = "kfp4j.kfpPython", matches = ".+")
class KfpLocalRunTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      add-example                                 | {}                                   | ends
      add-example-v2                              | {"value_1": 3, "value_2": 4}         | ends
      announce-end                                | {}                                   | ends
      condition-loop-artifact                     | {}                                   | ends
      container-if-loop                           | {}                                   | ends
      control-flow                                | {}                                   | ends
      count-calls                                 | {}                                   | ends
      default-value                               | {"b": 5}                             | ends
      dir-pipeline                                | {}                                   | ends
      evaluation                                  | {}                                   | ends
      exit-handler                                | {}                                   | ends
      exit-handler-beside-tasks                   | {}                                   | fails
      exit-status                                 | {}                                   | ends
      fan-in-models                               | {}                                   | ends
      greet                                       | {"greeting": "Hello", "name": "Ada"} | ends
      greet-twice                                 | {}                                   | ends
      if-else-one-of                              | {}                                   | ends
      ignore-upstream-failure                     | {}                                   | ends
      inner-pipeline                              | {"msg": "hi"}                        | ends
      loop-with-after-dependency-set              | {}                                   | ends
      make-and-train                              | {"rows": 40}                         | ends
      notify-on-exit                              | {}                                   | ends
      optional-title                              | {"title": "Dr."}                     | ends
      pipeline-flip-coin                          | {}                                   | ends
      pipeline-in-pipeline-complex                | {}                                   | ends
      pipeline-with-exit-handler                  | {}                                   | fails
      pipeline-with-exit-pipeline-without-status  | {}                                   | fails
      pipeline-with-loop-parameter                | {}                                   | ends
      pipeline-with-multiple-exit-handlers        | {}                                   | fails
      pipeline-with-task-final-status-conditional | {}                                   | fails
      runtime-resource-request-gpu-pipeline       | {}                                   | ends
      runtime-resource-request-pipeline           | {}                                   | ends
      status-in-groups                            | {}                                   | fails
      training                                    | {}                                   | ends
      tutorial-data-passing                       | {}                                   | ends
      volume                                      | {}                                   | ends
      weekly-report                               | {}                                   | ends
      withitem-basic                              | {}                                   | ends
      withparam-global                            | {}                                   | ends
      withparam-output                            | {}                                   | ends
      """)
  void kfpLocalGivesEachTaskTheOutputsKfp4jGives(String pipeline, String arguments, String end) throws Exception {
    boolean fails = switch (end) {
      case "ends" -> false;
      case "fails" -> true; // a task fails on purpose (an exit handler's samples): both runs fail, their other tasks' outputs agree
      default -> throw new IllegalArgumentException(end);
    };
    Assumptions.assumeTrue(System.getenv("DOCKER_HOST") != null, "needs DOCKER_HOST, an engine answering Docker's API");
    Path spec = KfpSdkTest.compiled().resolve("pipelines").resolve(pipeline + ".yaml");
    Path outputs = dir.resolve("kfp-local-outputs.json");
    KfpSdkTest.python(List.of(System.getProperty("kfp4j.kfpPython"), KfpSdkTest.script("run_locally.py"),
        KfpSdkTest.loadable(spec, dir.resolve(pipeline + ".yaml")).toString(), dir.resolve("kfp-local").toString(), arguments,
        outputs.toString(), fails ? "fails" : "ends"), 1800, fails);

    Map<String, Map<String, List<String>>> kfp = new TreeMap<>();
    java.util.Set<String> calls = calls(Yaml.readAll(Files.readString(spec)).get(0));
    for (JsonNode put : Yaml.readJson(Files.readString(outputs))) {
      String task = put.get(0).asString();
      if (!GROUP.matcher(task).matches() && !calls.contains(task)) {
        add(kfp, task, put.get(1).asString(), canon(Yaml.toPlain(put.get(2))));
      }
    }
    Map<String, Map<String, List<String>>> ours = new TreeMap<>();
    for (TaskResult t : kfp4j(spec, arguments, fails).tasks()) {
      if (t.state().ok()) {
        String leaf = inCall(t.name().substring(t.name().lastIndexOf('/') + 1).replaceFirst("\\(\\d+\\)$", ""), calls);
        t.outputs().forEach((k, v) -> add(ours, leaf, k, canon(v)));
      }
    }
    assertEquals(kfp, ours);
  }

  /**
   * Group tasks (loops and their iterations, conditions, exit handlers), whose outputs kfp.local keeps as it gathers them
   * for the DAG after.
   */
  private static final java.util.regex.Pattern GROUP =
      java.util.regex.Pattern.compile("(for-loop|condition|condition-branches|exit-handler)-\\d+(-iteration-\\d+)?");

  /**
   * The tasks of {@code spec} that run a called pipeline's DAG: kfp.local keeps the outputs the DAG gathers from its tasks
   * under the call's name too, where kfp4j's runner, which puts the called pipeline's tasks in, has only those tasks.
   */
  private static java.util.Set<String> calls(JsonNode spec) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    List<JsonNode> dags = new java.util.ArrayList<>(List.of(spec.path("root").path("dag")));
    spec.path("components").forEach(c -> dags.add(c.path("dag")));
    for (JsonNode dag : dags) {
      dag.path("tasks").properties().forEach(t -> {
        String component = t.getValue().path("componentRef").path("name").asString("");
        if (spec.path("components").path(component).has("dag") && !GROUP.matcher(t.getKey()).matches()) {
          out.add(t.getKey());
        }
      });
    }
    return out;
  }

  /** Adds {@code value} to the values of {@code output} of {@code task}, in order, for loops' iterations that end in any order. */
  private static void add(Map<String, Map<String, List<String>>> to, String task, String output, Object value) {
    List<String> values = to.computeIfAbsent(task, k -> new TreeMap<>()).computeIfAbsent(output, k -> new java.util.ArrayList<>());
    values.add(String.valueOf(value));
    java.util.Collections.sort(values);
  }

  /**
   * A task's name in its called pipeline's DAG, as kfp.local names it: kfp4j's runner puts a called pipeline's tasks in
   * the caller's DAG, a name that another task there has already taking the call's name before it ({@code
   * greet-2-print-op1} for {@code greet-2}'s {@code print-op1}).
   */
  private static String inCall(String task, java.util.Set<String> calls) {
    String in = task;
    for (String call : calls) { // the longest call's name: greet-2's, not greet's
      if (task.startsWith(call + "-") && !calls.contains(task) && task.length() - call.length() - 1 < in.length()) {
        in = task.substring(call.length() + 1);
      }
    }
    return in;
  }

  private RunResult kfp4j(Path spec, String arguments, boolean fails) {
    Map<String, String> args = new TreeMap<>();
    Yaml.readJson(arguments).properties().forEach(e -> args.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RunResult r = LocalRunner.builder().root(dir.resolve("kfp4j")).caching(false).javaMode(LocalRunner.JavaMode.SUBPROCESS)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).build().run(Workflow.read(spec), args);
    assertEquals(!fails, r.succeeded(), console.toString(StandardCharsets.UTF_8));
    return r;
  }

  /**
   * A value in a form both sides share: kfp4j's outputs are texts (as KFP v1 passes them), KFP 2's executor output typed
   * values; a text that reads as JSON other than a string is that value, a number is compared by value.
   */
  private static Object canon(Object v) {
    if ("True".equals(v) || "False".equals(v)) { // a Boolean's text, as KFP v1 passes it
      return Boolean.valueOf((String) v);
    }
    if (v instanceof String s) {
      try {
        JsonNode n = Yaml.readJson(s);
        return n.isString() ? s : canon(Yaml.toPlain(n));
      } catch (RuntimeException e) {
        return s;
      }
    }
    if (v instanceof Number n) {
      return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(KfpLocalRunTest::canon).toList();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put(k, canon(x)));
      return out;
    }
    return v;
  }
}
