package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
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
 * The DAG templates of a workflow kfp4j wrote, read to be written again ({@link ArgoReader#readToWrite}): kfp4j names the
 * entrypoint and exit handler after the pipeline and a condition's or loop's template after its task, so one renamed by
 * hand would be written again under kfp4j's name; it is refused, naming it. Another tool's workflow is read into kfp4j's
 * names on purpose.
 */
class WrittenAgainDagNamesTest {
  private static final ComponentSpec ECHO = ComponentYaml.parse("""
      name: echo
      inputs:
      - {name: msg, type: String}
      outputs:
      - {name: out, type: String}
      implementation:
        container:
          image: alpine
          command: [sh, -c, 'echo "$0" | tee "$1"', {inputValue: msg}, {outputPath: out}]
      """, "echo.yaml");

  /**
   * Pipeline {@code p}: {@code echo}, then {@code condition-1} (its output is {@code hi}) running {@code echo-2}, and {@code
   * for-loop-2} over {@code a}, {@code b} running {@code echo-3}; exit handler {@code p-exit-handler} running {@code bye}.
   */
  private static ObjectNode workflow() {
    Task echo = new Task("echo", ECHO, Map.of("msg", Argument.Constant.of("hi")));
    Predicate said = new Predicate.Comparison(new Argument.TaskOutput("echo", "out"), Predicate.Operator.EQ, Argument.Constant.of("hi"));
    Pipeline p = new Pipeline("p", null, List.of(), List.of(echo,
        new Condition("condition-1", said, List.of(new Task("echo-2", ECHO, Map.of("msg", Argument.Constant.of("yes"))))),
        new Loop("for-loop-2", new Loop.Constants(List.of(Argument.Constant.of("a"), Argument.Constant.of("b"))), 0,
            List.of(new Task("echo-3", ECHO, Map.of("msg", new Argument.LoopItem("for-loop-2", null)))))),
        new Task("bye", ECHO, Map.of("msg", Argument.Constant.of("bye"))), PipelineSettings.DEFAULTS, "T.p()");
    return ArgoWriter.toNode(p);
  }

  /** Renames template {@code from} of {@code wf} {@code to}, and what names it (a task's template, the spec's key), by hand. */
  private static void rename(ObjectNode wf, String from, String to) {
    for (JsonNode t : wf.at("/spec/templates")) {
      if (t.path("name").asString("").equals(from)) {
        ((ObjectNode) t).put("name", to);
      }
      for (JsonNode task : t.path("dag").path("tasks")) {
        if (task.path("template").asString("").equals(from)) {
          ((ObjectNode) task).put("template", to);
        }
      }
    }
    ObjectNode spec = (ObjectNode) wf.get("spec");
    for (String key : List.of("entrypoint", "onExit")) {
      if (spec.path(key).asString("").equals(from)) {
        spec.put(key, to);
      }
    }
  }

  /** The text written again of {@code wf} edited. */
  private static String writtenAgain(ObjectNode wf, Consumer<ObjectNode> edit) {
    edit.accept(wf);
    return ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(wf), "edited.yaml"));
  }

  /** The message of the refusal of {@code edit}, which a run here takes. */
  private static String refused(Consumer<ObjectNode> edit) {
    ObjectNode wf = workflow();
    String message = assertThrows(FormatException.class, () -> writtenAgain(wf, edit)).getMessage();
    ArgoReader.read(Yaml.jsonText(wf), "edited.yaml"); // a run here takes it, as Argo does
    return message;
  }

  private static final String UNDO = ", or undo the edit (where no one renamed it, another version of kfp4j wrote it: compile"
      + " its pipeline again with this one), or submit the file with Argo's own tools";

  @Test
  void aConditionsOrLoopsTemplateRenamedByHandIsRefusedNamingItsTask() {
    assertEquals("edited.yaml: template 'checkit' (a condition's or loop's DAG, written by kfp4j) is named 'checkit', which"
        + " kfp4j writes again as 'condition-1', after its task 'condition-1': the workflow written again would lose the name."
        + " kfp4j names the DAG template of a condition or loop after its group, which the task that runs it names (kfp4j"
        + " numbers a Dsl.when's or Dsl.forEach's group in the order written: condition-1, for-loop-2): rename that task too"
        + UNDO, refused(w -> rename(w, "condition-1", "checkit")));
    assertTrue(refused(w -> rename(w, "for-loop-2", "each")).startsWith("edited.yaml: template 'each' (a condition's or loop's"
        + " DAG, written by kfp4j) is named 'each', which kfp4j writes again as 'for-loop-2', after its task 'for-loop-2'"));
  }

  @Test
  void theEntrypointOrExitHandlerRenamedByHandIsRefusedNamingThePipeline() {
    assertEquals("edited.yaml: template 'main' (the entrypoint, written by kfp4j) is named 'main', which kfp4j writes again as"
        + " 'p', after the pipeline's name 'p': the workflow written again would lose the name. kfp4j names the entrypoint"
        + " after the pipeline: name the pipeline instead (@Pipeline(name = \"...\") on its method, the workflow's generateName)"
        + " and compile it again" + UNDO, refused(w -> rename(w, "p", "main")));
    assertTrue(refused(w -> rename(w, "p-exit-handler", "goodbye")).startsWith("edited.yaml: template 'goodbye' (the exit"
        + " handler, written by kfp4j) is named 'goodbye', which kfp4j writes again as 'p-exit-handler', after the pipeline's"
        + " name 'p'"));
  }

  @Test
  void aPlainDagAddedByHandIsRefusedAsItWouldBeFlattened() {
    String message = refused(w -> {
      ObjectNode extra = ((tools.jackson.databind.node.ArrayNode) w.at("/spec/templates")).addObject();
      extra.put("name", "extra");
      ObjectNode hello = extra.putObject("dag").putArray("tasks").addObject();
      hello.put("name", "hello").put("template", "echo");
      hello.putObject("arguments").putArray("parameters").addObject().put("name", "msg").put("value", "hello");
      ((tools.jackson.databind.node.ArrayNode) w.at("/spec/templates/0/dag/tasks")).addObject().put("name", "more")
          .put("template", "extra");
    });
    assertEquals("edited.yaml: template 'extra' is a DAG that task 'more' of template 'p' runs with neither a when nor a loop,"
        + " which kfp4j writes for no group of a workflow of its own: its tasks are read into the DAG that runs it, and the"
        + " workflow written again would lose the template and its nesting. Move its tasks into 'p' (or write them in a"
        + " Dsl.when or Dsl.forEach of the pipeline and compile it again), or submit the file with Argo's own tools", message);
  }

  @Test
  void aNameKfp4jWritesAgainIsNotRefused() {
    String written = writtenAgain(workflow(), w -> {});
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "p.yaml")), "not edited: written again as it was");
    // the task renamed with its template: the group's name, written again
    String both = writtenAgain(workflow(), w -> {
      rename(w, "condition-1", "check");
      for (JsonNode task : w.at("/spec/templates/0/dag/tasks")) {
        if (task.path("name").asString("").equals("condition-1")) {
          ((ObjectNode) task).put("name", "check");
        }
      }
    });
    assertTrue(both.contains("  - name: check\n") && !both.contains("condition-1"), both);
    // the pipeline renamed with its entrypoint and exit handler
    String renamed = writtenAgain(workflow(), w -> {
      rename(w, "p", "q");
      rename(w, "p-exit-handler", "q-exit-handler");
      ((ObjectNode) w.get("metadata")).put("generateName", "q-");
      ObjectNode annotations = (ObjectNode) w.at("/metadata/annotations");
      annotations.put(Argo.PIPELINE_SPEC, annotations.get(Argo.PIPELINE_SPEC).asString().replace("\"p\"", "\"q\""));
    });
    assertTrue(renamed.contains("entrypoint: q\n") && renamed.contains("onExit: q-exit-handler\n"), renamed);
  }

  @Test
  void anotherToolsWorkflowIsReadIntoKfp4jsNames() {
    // without kfp4j's label the workflow is another tool's, whose names kfp4j converts on purpose
    String written = writtenAgain(workflow(), w -> {
      ((ObjectNode) w.get("metadata")).remove("labels");
      rename(w, "condition-1", "checkit");
      rename(w, "p", "main");
    });
    assertTrue(written.contains("entrypoint: p\n") && !written.contains("checkit") && !written.contains("main"), written);
  }
}
