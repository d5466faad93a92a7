package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The templates of a workflow kfp4j wrote, read to be written again ({@link ArgoReader#readToWrite}: upload, run-once,
 * schedule, a pipeline called from the class path): a template renamed by hand, or one no task runs, would not be in the
 * workflow written again, so it is refused, naming it; a run here takes both, as Argo does.
 */
class WrittenAgainTemplatesTest {
  private static final ComponentSpec MAKE = ComponentYaml.parse("""
      name: make
      outputs:
      - {name: data, type: String}
      implementation:
        container:
          image: alpine
          command: [sh, -c, 'printf d > "$0"', {outputPath: data}]
      """, "make.yaml");
  private static final ComponentSpec USE = ComponentYaml.parse("""
      name: use
      inputs:
      - {name: data, type: String}
      implementation:
        container:
          image: alpine
          command: [sh, -c, 'echo "$0"', {inputValue: data}]
      """, "use.yaml");

  /**
   * Pipeline {@code name}: tasks {@code first} and {@code second} run {@code make} (templates {@code make} and, retried,
   * {@code make-2}); {@code use} reads {@code first}'s output (template {@code use}).
   */
  static ObjectNode kfp4jWorkflow(String name) {
    Pipeline p = new Pipeline(name, null, List.of(), List.of(new Task("first", MAKE, Map.of()),
        new Task("second", MAKE, Map.of()).withSettings(List.of(new RunSetting.Retry(2, "OnFailure"))),
        new Task("use", USE, Map.of("data", new Argument.TaskOutput("first", "data")))), null, PipelineSettings.DEFAULTS, "T.p()");
    return ArgoWriter.toNode(p);
  }

  private static ObjectNode template(JsonNode wf, String name) {
    for (JsonNode t : wf.path("spec").path("templates")) {
      if (t.path("name").asString("").equals(name)) {
        return (ObjectNode) t;
      }
    }
    throw new AssertionError("no template '" + name + "' in\n" + Yaml.jsonText(wf));
  }

  /** The tasks of the entrypoint's DAG of {@code wf}. */
  private static ArrayNode tasks(JsonNode wf) {
    return (ArrayNode) template(wf, wf.path("spec").path("entrypoint").asString()).at("/dag/tasks");
  }

  /** Renames template {@code from} of {@code wf} and the tasks' references to it {@code to}, as a hand edit would. */
  private static void rename(ObjectNode wf, String from, String to) {
    template(wf, from).put("name", to);
    for (JsonNode task : tasks(wf)) {
      if (task.path("template").asString("").equals(from)) {
        ((ObjectNode) task).put("template", to);
      }
    }
  }

  /** {@code wf} edited, read to be written again; the text written. */
  private static String writtenAgain(ObjectNode wf, Consumer<ObjectNode> edit) {
    edit.accept(wf);
    return ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(wf), "edited.yaml"));
  }

  /** The message of the refusal of {@code edit}, which a run here takes. */
  private static String refused(Consumer<ObjectNode> edit) {
    ObjectNode wf = kfp4jWorkflow("p");
    String message = assertThrows(FormatException.class, () -> writtenAgain(wf, edit)).getMessage();
    ArgoReader.read(Yaml.jsonText(wf), "edited.yaml"); // a run here takes it, as Argo does
    return message;
  }

  @Test
  void aKfp4jTemplateRenamedByHandIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String m = refused(w -> rename(w, "use", "show-data"));
    assertEquals("edited.yaml: template 'show-data' (written by kfp4j) is named 'show-data', which kfp4j writes again as 'use',"
        + " after its component 'use': the workflow written again would lose the name. kfp4j names a template after its"
        + " component: name the component instead (@Component(name = \"...\") on its method, or the name in its component file)"
        + " and compile the pipeline again, or undo the edit (where no one renamed it, another version of kfp4j wrote it:"
        + " compile its pipeline again with this one), or submit the file with Argo's own tools", m);
    assertTrue(refused(w -> rename(w, "make-2", "make-retried")).startsWith("edited.yaml: template 'make-retried' (written by"
        + " kfp4j) is named 'make-retried', which kfp4j writes again as 'make-2', after its component 'make'"));
    // a task added by hand with a copy of a template under a name of its own: written again, the two are one
    assertTrue(refused(w -> {
      ((ArrayNode) w.at("/spec/templates")).add(template(w, "make").deepCopy().put("name", "make-copy"));
      tasks(w).add(((ObjectNode) tasks(w).get(0)).deepCopy().put("name", "third").put("template", "make-copy"));
    }).startsWith("edited.yaml: template 'make-copy' (written by kfp4j) is named 'make-copy', which kfp4j writes again as"
        + " 'make'"));
  }

  @Test
  void aNameOfKfp4jsFormForItsComponentIsNotARename() {
    // tasks moved by hand: the templates of 'make' are named in the order tasks first run them, make and make-2 swapped
    ObjectNode moved = kfp4jWorkflow("p");
    String written = writtenAgain(moved, w -> {
      ArrayNode tasks = tasks(w);
      JsonNode first = tasks.remove(0);
      tasks.insert(1, first);
    });
    assertEquals("make", tasks(Yaml.read(written)).get(0).path("template").asString(), written);
    assertEquals("second", tasks(Yaml.read(written)).get(0).path("name").asString(), written);
    // a pipeline named as a component: its template is '<component>-component'
    String own = ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(kfp4jWorkflow("make")), "make.yaml"));
    assertTrue(own.contains("template: make-component"), own);
    assertEquals(own, ArgoWriter.write(ArgoReader.readToWrite(own, "make.yaml")), "read and written again, the same");
  }

  @Test
  void aTemplateNoTaskRunsIsRefusedWhereTheWorkflowIsWrittenAgain() {
    String foreign = refused(w -> ((ArrayNode) w.at("/spec/templates")).addObject().put("name", "extra").putObject("container")
        .put("image", "alpine"));
    assertEquals("edited.yaml: template 'extra' is run by no task the workflow runs (from its entrypoint 'p'), which kfp4j"
        + " does not carry: the workflow written again would lose it, as it writes only the templates its tasks run. Remove it, or run"
        + " it from a task of the DAG, or submit the file with Argo's own tools", foreign);
    String two = refused(w -> {
      ((ArrayNode) w.at("/spec/templates")).add(template(w, "use").deepCopy().put("name", "use-old"));
      ((ArrayNode) w.at("/spec/templates")).addObject().put("name", "later").putObject("dag").putArray("tasks").addObject()
          .put("name", "t").put("template", "use-old");
    });
    assertTrue(two.startsWith("edited.yaml: templates 'use-old', 'later' are run by no task the workflow runs (from its"
        + " entrypoint 'p'), which kfp4j does not carry"), two);
    // the task that ran it removed: its template is left behind
    String left = refused(w -> tasks(w).remove(1));
    assertTrue(left.startsWith("edited.yaml: template 'make-2' is run by no task"), left);
  }

  @Test
  void aWorkflowKfp4jDoesNotReadIsRefusedForWhatItCannotReadNotForTheTemplatesThatLookUnused() {
    // a steps template, and a task's onExit: the templates they run are run by no DAG task, but the reader's is the error
    ObjectNode steps = kfp4jWorkflow("p");
    ObjectNode main = template(steps, "p");
    main.remove("dag");
    main.putArray("steps").addArray().addObject().put("name", "a").put("template", "make");
    String m = assertThrows(FormatException.class, () -> ArgoReader.readToWrite(Yaml.jsonText(steps), "steps.yaml")).getMessage();
    assertEquals("steps.yaml: p runs template 'p', which is neither a container, a resource nor a DAG; kfp4j reads those", m);
    ObjectNode hook = kfp4jWorkflow("p");
    ((ObjectNode) tasks(hook).get(0)).put("onExit", "extra");
    ((ArrayNode) hook.at("/spec/templates")).addObject().put("name", "extra").putObject("container").put("image", "alpine");
    m = assertThrows(FormatException.class, () -> ArgoReader.readToWrite(Yaml.jsonText(hook), "hook.yaml")).getMessage();
    assertTrue(m.startsWith("hook.yaml: task 'first' of template 'p' uses 'onExit', which kfp4j's model does not hold"), m);
  }

  @Test
  void anEditedValueThatMayHoldACredentialIsNotShownInTheRefusal() {
    String m = refused(w -> ((ArrayNode) template(w, "use").at("/container/command")).set(2, "--password=hunter2"));
    assertTrue(m.contains("container.command[2] is a value of 20 characters (not shown: it may hold a credential), which kfp4j"
        + " writes again as "), m);
    assertTrue(!m.contains("hunter2"), m);
    // a value that names none is shown, as it was
    String shown = refused(w -> ((ArrayNode) template(w, "use").at("/container/command")).set(2, "--verbose"));
    assertTrue(shown.contains("container.command[2] is \"--verbose\", which kfp4j writes again as "), shown);
    String url = refused(w -> ((ArrayNode) template(w, "use").at("/container/command")).set(2, "https://example.com/a.csv"));
    assertTrue(url.contains("container.command[2] is \"https://example.com/a.csv\", which kfp4j writes again as "), url);
  }

  @Test
  void anEditedValueOfACredentialsFormIsNotShownWhateverNamesIt() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";
    for (String value : List.of("--db=postgres://app:hunter2@db:5432/sales", "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
        "--header=" + jwt, "AKIA" + "ABCDEFGHIJKLMNOP", "-----BEGIN PRIVATE KEY-----")) {
      String m = refused(w -> ((ArrayNode) template(w, "use").at("/container/command")).set(2, value));
      assertTrue(m.contains("container.command[2] is a value of " + (value.length() + 2) + " characters (not shown: it may"
          + " hold a credential)"), m);
      assertTrue(!m.contains(value) && !m.contains("hunter2") && !m.contains(jwt), m);
    }
  }

  @Test
  void aKfp4jWorkflowNotEditedIsWrittenAgainAsItWas() {
    for (String name : List.of("p", "make", "use")) {
      String yaml = ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(kfp4jWorkflow(name)), "p.yaml"));
      assertEquals(yaml, ArgoWriter.write(ArgoReader.readToWrite(yaml, "p.yaml")), name);
    }
  }
}
