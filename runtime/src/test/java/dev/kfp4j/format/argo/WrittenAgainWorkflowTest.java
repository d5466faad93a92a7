package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.TestComponents;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workflow's own keys ({@code metadata}, {@code spec} but its templates), read to be written again ({@link
 * ArgoReader#readToWrite}: upload, run-once, schedule, a pipeline called from the class path): one kfp4j would not write
 * again, or would write otherwise, is refused, naming each; a run here takes them, as Argo does. What kfp4j writes itself
 * (the KFP SDK's marks of its version, KFP v1's {@code pipeline_spec}) is not refused.
 */
class WrittenAgainWorkflowTest {
  private static final String ARGO = ", or submit the file with Argo's own tools (argo submit)";

  /** The message of the refusal of {@code edit} of a workflow kfp4j wrote, which a run here takes. */
  private static String refused(Consumer<ObjectNode> edit) {
    ObjectNode wf = WrittenAgainTemplatesTest.kfp4jWorkflow("p");
    edit.accept(wf);
    String yaml = Yaml.jsonText(wf);
    String message = assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "edited.yaml")).getMessage();
    ArgoReader.read(yaml, "edited.yaml"); // a run here takes it, as Argo does
    return message;
  }

  private static ObjectNode spec(ObjectNode wf) {
    return (ObjectNode) wf.get("spec");
  }

  @Test
  void aKeyOfTheWorkflowKfp4jDoesNotWriteIsRefusedNamingIt() {
    assertEquals("edited.yaml: the workflow uses metadata.labels.team, which kfp4j's model does not carry: the workflow written"
        + " again would lose it. Remove metadata.labels.team (kfp4j has no setting that writes it)" + ARGO,
        refused(w -> ((ObjectNode) w.at("/metadata/labels")).put("team", "ml")));
    assertEquals("edited.yaml: the workflow uses spec.tolerations, which kfp4j's model does not carry: the workflow written again"
        + " would lose it. Set toleration(...) on each task (for spec.tolerations)" + ARGO,
        refused(w -> spec(w).putArray("tolerations").addObject().put("key", "gpu").put("operator", "Exists")));
    assertEquals("edited.yaml: the workflow uses spec.podMetadata, which kfp4j's model does not carry: the workflow written again"
        + " would lose it. Set podLabel(...), podAnnotation(...) on each task (for spec.podMetadata)" + ARGO,
        refused(w -> spec(w).putObject("podMetadata").putObject("labels").put("team", "ml")));
    assertEquals("edited.yaml: the workflow uses spec.hooks, which kfp4j's model does not carry: the workflow written again would"
        + " lose it. Remove spec.hooks (kfp4j has no setting that writes it)" + ARGO,
        refused(w -> spec(w).putObject("hooks").putObject("running").put("expression", "workflow.status == 'Running'")
            .put("template", "use")));
    // where no namespace is given (a pipeline written into another, a run here), one more key kfp4j has no setting for
    assertEquals("edited.yaml: the workflow uses metadata.namespace, which kfp4j's model does not carry: the workflow written"
        + " again would lose it. Remove metadata.namespace (kfp4j has no setting that writes it)" + ARGO,
        refused(w -> ((ObjectNode) w.get("metadata")).put("namespace", "team-a")));
    // all at once, in one line, a label of another tool's in brackets
    String all = refused(w -> {
      ((ObjectNode) w.at("/metadata/labels")).put("pipelines.kubeflow.org/v2_pipeline", "true");
      spec(w).putArray("tolerations").addObject().put("key", "gpu");
      spec(w).putObject("dnsConfig").putArray("nameservers").add("1.1.1.1");
    });
    assertEquals("edited.yaml: the workflow uses metadata.labels['pipelines.kubeflow.org/v2_pipeline'], spec.tolerations,"
        + " spec.dnsConfig, which kfp4j's model does not carry: the workflow written again would lose them. Set toleration(...) on"
        + " each task (for spec.tolerations), remove metadata.labels['pipelines.kubeflow.org/v2_pipeline'], spec.dnsConfig (kfp4j"
        + " has no setting that writes them)" + ARGO, all);
  }

  @Test
  void aValueOfTheWorkflowKfp4jWritesOtherwiseIsRefusedWithTheSettingThatWritesIt() {
    assertEquals("edited.yaml: the workflow has spec.activeDeadlineSeconds 1.5, which kfp4j writes again as 1: the workflow written"
        + " again would lose it. Set spec.activeDeadlineSeconds with @Pipeline(activeDeadlineSeconds) and compile the pipeline"
        + " again" + ARGO, refused(w -> spec(w).put("activeDeadlineSeconds", 1.5)));
    assertEquals("edited.yaml: the workflow has spec.ttlStrategy.secondsAfterCompletion null, which kfp4j writes again as 0: the"
        + " workflow written again would lose it. Set spec.ttlStrategy.secondsAfterCompletion with @Pipeline(ttlSecondsAfterFinished,"
        + " ttlSecondsAfterSuccess, ttlSecondsAfterFailure) or run_config's ttl and compile the pipeline again" + ARGO,
        refused(w -> spec(w).putObject("ttlStrategy").putNull("secondsAfterCompletion")));
    // a key below one kfp4j carries: the setting holds the strategy alone
    assertTrue(refused(w -> spec(w).putObject("podGC").put("strategy", "OnPodSuccess").put("deleteDelayDuration", "30s"))
        .startsWith("edited.yaml: the workflow uses spec.podGC.deleteDelayDuration, which kfp4j's model does not carry"));
  }

  @Test
  void whatTheClusterWroteOfARunIsNotRefusedButALabelOfTheUsersIs() {
    // a workflow as `argo get -o yaml` shows it after a run: its name, state, object metadata and the controller's labels
    ObjectNode ran = WrittenAgainTemplatesTest.kfp4jWorkflow("p");
    ObjectNode metadata = (ObjectNode) ran.get("metadata");
    metadata.put("name", "p-x7k2p").put("uid", "6f1c1e6e-0b1a-4f0e-9a55-2a4a4f3f8c11").put("resourceVersion", "81234")
        .put("creationTimestamp", "2026-12-07T10:00:00Z").put("generation", 4);
    metadata.putArray("managedFields").addObject().put("manager", "workflow-controller");
    ((ObjectNode) metadata.get("labels")).put("workflows.argoproj.io/phase", "Succeeded").put("workflows.argoproj.io/completed", "true")
        .put("workflows.argoproj.io/creator", "system-serviceaccount-argo");
    ran.putObject("status").put("phase", "Succeeded").put("startedAt", "2026-12-07T10:00:00Z");
    String yaml = Yaml.jsonText(ran);
    String again = ArgoWriter.write(ArgoReader.readToWrite(yaml, "ran.yaml"));
    assertTrue(again.contains("generateName: p-\n") && !again.contains("Succeeded") && !again.contains("81234"), again);
    // a label of the user's beside them still is
    ((ObjectNode) metadata.get("labels")).put("workflows.argoproj.io/archive-strategy", "false");
    assertTrue(assertThrows(FormatException.class, () -> ArgoReader.readToWrite(Yaml.jsonText(ran), "ran.yaml")).getMessage()
        .startsWith("ran.yaml: the workflow uses metadata.labels['workflows.argoproj.io/archive-strategy'], which kfp4j's model"
            + " does not carry"));
  }

  @Test
  void whatKfp4jWritesItselfIsNotRefused() throws Exception {
    // the KFP SDK's marks of its version and time, its pipeline_spec: kfp4j writes its own
    String sdk = Files.readString(Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml"));
    String written = ArgoWriter.write(ArgoReader.readToWrite(sdk, "add_pipeline.yaml"));
    assertEquals(written, ArgoWriter.write(ArgoReader.readToWrite(written, "written.yaml")), "read and written again, the same");
    // a pipeline_conf setting of the SDK's that kfp4j does not carry is refused
    String budget = sdk.replace("  serviceAccountName: pipeline-runner\n",
        "  serviceAccountName: pipeline-runner\n  podDisruptionBudget: {minAvailable: 1}\n");
    assertTrue(assertThrows(FormatException.class, () -> ArgoReader.readToWrite(budget, "add_pipeline.yaml")).getMessage()
        .startsWith("add_pipeline.yaml: the workflow uses spec.podDisruptionBudget, which kfp4j's model does not carry"));
    // a name rather than generateName: the pipeline's name, which kfp4j writes as generateName; empty lists as absent
    ObjectNode named = WrittenAgainTemplatesTest.kfp4jWorkflow("p");
    ((ObjectNode) named.get("metadata")).remove("generateName");
    ((ObjectNode) named.get("metadata")).put("name", "p");
    spec(named).putObject("arguments").putArray("parameters");
    spec(named).putArray("imagePullSecrets");
    assertTrue(ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(named), "named.yaml")).contains("generateName: p-\n"));
  }

  /** Pipeline {@code p}, described {@code Adds.}, of parameter {@code n} (Integer, default 1), echoed by its one task. */
  private static ObjectNode withParameter() {
    Task echo = new Task("echo", TestComponents.ECHO, Map.of("msg", new Argument.PipelineParameter("n")));
    return ArgoWriter.toNode(new Pipeline("p", "Adds.", List.of(new Parameter("n", ParameterType.INTEGER, "1", "how many")),
        List.of(echo), null, PipelineSettings.DEFAULTS, "T.p()"));
  }

  /** The message of the refusal of {@code edit} of kfp4j's {@code pipeline_spec} annotation of {@link #withParameter()}. */
  private static String refusedAnnotation(Consumer<ObjectNode> edit) {
    ObjectNode wf = withParameter();
    ObjectNode annotations = (ObjectNode) wf.at("/metadata/annotations");
    ObjectNode spec = (ObjectNode) Yaml.readJson(annotations.get(PIPELINE_SPEC).asString());
    edit.accept(spec);
    annotations.put(PIPELINE_SPEC, spec.toString());
    String yaml = Yaml.jsonText(wf);
    ArgoReader.read(yaml, "edited.yaml"); // a run here takes it
    return assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "edited.yaml")).getMessage();
  }

  private static final String PIPELINE_SPEC = "pipelines.kubeflow.org/pipeline_spec";
  private static final String ANNOTATION = "metadata.annotations['" + PIPELINE_SPEC + "']";

  @Test
  void aHandEditOfKfp4jsPipelineSpecAnnotationIsRefusedNamingItsKey() {
    assertEquals("edited.yaml: the workflow uses " + ANNOTATION + ".inputs 'n'.description, which kfp4j's model does not carry:"
        + " the workflow written again would lose it. Describe the parameter with @param in the @Pipeline method's Javadoc,"
        + " which kfp4j writes as spec.arguments.parameters' description (for " + ANNOTATION + ".inputs 'n'.description)" + ARGO,
        refusedAnnotation(s -> ((ObjectNode) s.get("inputs").get(0)).put("description", "how many")));
    assertTrue(refusedAnnotation(s -> s.put("name", "adder")).startsWith("edited.yaml: the workflow has " + ANNOTATION
        + ".name \"adder\", which kfp4j writes again as \"p\": the workflow written again would lose it. Set " + ANNOTATION
        + ".name with @Pipeline(name) (the workflow's generateName)"));
    assertTrue(refusedAnnotation(s -> s.put("display_name", "Adder")).startsWith("edited.yaml: the workflow uses " + ANNOTATION
        + ".display_name, which kfp4j's model does not carry"));
  }

  @Test
  void whatKfp4jReadsOfItsPipelineSpecAnnotationIsNotRefused() {
    // the description and an input's type are read from the annotation, so written again as edited; its layout is not compared
    ObjectNode wf = withParameter();
    ObjectNode annotations = (ObjectNode) wf.at("/metadata/annotations");
    ObjectNode spec = (ObjectNode) Yaml.readJson(annotations.get(PIPELINE_SPEC).asString());
    spec.put("description", "Adds numbers.");
    ((ObjectNode) spec.get("inputs").get(0)).put("type", "String");
    annotations.put(PIPELINE_SPEC, spec.toString());
    Pipeline read = ArgoReader.readToWrite(Yaml.jsonText(wf), "edited.yaml");
    assertEquals("Adds numbers.", read.description());
    assertEquals(ParameterType.STRING, read.parameters().get(0).type());
    // a default is spec.arguments' value, which Argo and KFP v1 take, and which kfp4j writes into the annotation again: a
    // default edited there (as by hand, or in a file taken from a run, whose arguments are the run's) is the pipeline's
    ObjectNode edited = withParameter();
    ((ObjectNode) edited.at("/spec/arguments/parameters/0")).put("value", "5");
    String again = ArgoWriter.write(ArgoReader.readToWrite(Yaml.jsonText(edited), "edited.yaml"));
    assertTrue(again.contains("\\\"default\\\": \\\"5\\\"") && again.contains("value: \"5\""), again);
    // the annotation's default alone, which neither reads, is written again as spec.arguments says
    ObjectNode annotated = withParameter();
    ObjectNode its = (ObjectNode) annotated.at("/metadata/annotations");
    ObjectNode json = (ObjectNode) Yaml.readJson(its.get(PIPELINE_SPEC).asString());
    ((ObjectNode) json.get("inputs").get(0)).put("default", "2");
    its.put(PIPELINE_SPEC, json.toString());
    assertEquals("1", ArgoReader.readToWrite(Yaml.jsonText(annotated), "edited.yaml").parameters().get(0).defaultValue());
  }

  /** A workflow's namespace is the one its reader gives a run, named in the words of the one who gives it. */
  @Test
  void aWorkflowsNamespaceIsRefusedNamingWhereTheReaderGivesOne() {
    ObjectNode wf = WrittenAgainTemplatesTest.kfp4jWorkflow("p");
    ((ObjectNode) wf.get("metadata")).put("namespace", "team-a");
    String yaml = Yaml.jsonText(wf);
    assertEquals("edited.yaml: the workflow uses metadata.namespace, which kfp4j's model does not carry: the workflow written"
        + " again would lose it. Give the namespace as -Dkfp4j.namespace (for metadata.namespace)" + ARGO,
        assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "edited.yaml", "-Dkfp4j.namespace")).getMessage());
  }
}
