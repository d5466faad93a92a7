package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The container template of another tool (a hand-written workflow, the KFP SDK's) as a component
 * that runs the same command: the text of its command line and environment, its variables and its
 * outputs' types.
 */
class ForeignTemplateTest {
  /** A workflow of one task {@code t} running template {@code t}, whose YAML list item is {@code template}. */
  private static Pipeline read(String template) {
    return ArgoReader.read(workflow(template), "hand.yaml");
  }

  /** {@link #read}'s workflow as YAML. */
  private static String workflow(String template) {
    return HandWritten.workflow("- {name: t, template: t, arguments: {parameters: [{name: x, value: '{{workflow.parameters.n}}'}]}}\n",
        template);
  }

  /** The message of the FormatException {@link #read} throws for {@code template}. */
  private static String refused(String template) {
    return assertThrows(FormatException.class, () -> read(template)).getMessage();
  }

  private static Task task(Pipeline p) {
    return (Task) p.node("t").orElseThrow();
  }

  private static final Placeholder X = new Placeholder.InputValue("x");
  private static final Placeholder OUT = new Placeholder.OutputPath("out");

  @Test
  void textAroundAnInputAndTheRunsNameInArgsIsAConcatOfPlaceholders() {
    Task t = task(read("""
        - name: t
          inputs: {parameters: [{name: x}]}
          outputs: {parameters: [{name: out, valueFrom: {path: /tmp/o}}]}
          container: {image: a, command: [sh, -c], args: ['echo "n={{inputs.parameters.x}} in {{ workflow.name }}" > /tmp/o']}
        """));
    ComponentSpec c = t.component();
    assertEquals(List.of(new Placeholder.Concat(List.of(new Placeholder.Literal("echo \"n="), X, new Placeholder.Literal(" in "),
        new Placeholder.InputValue("workflow-name"), new Placeholder.Literal("\" > "), OUT))), c.container().args());
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.RUN_NAME), t.arguments().get("workflow-name"),
        "the variable is an input of its own, given the run's name");
    assertEquals(new Argument.PipelineParameter("n"), t.arguments().get("x"));
  }

  @Test
  void aVariableInAnEnvValueIsAnInputGivenItsValue() {
    Task t = task(read("""
        - name: t
          inputs: {parameters: [{name: x}, {name: workflow-status, value: taken}]}
          container:
            image: a
            command: [sh, -c, 'echo $RUN $STATUS $N']
            env:
            - {name: RUN, value: 'run {{workflow.name}} ({{workflow.uid}})'}
            - {name: STATUS, value: '{{workflow.status}}'}
            - {name: N, value: '{{workflow.parameters.n}}'}
            - {name: CREATED, value: '{{workflow.creationTimestamp}}'}
        """));
    Map<String, Placeholder> env = t.component().container().env();
    assertEquals(new Placeholder.Concat(List.of(new Placeholder.Literal("run "), new Placeholder.InputValue("workflow-name"),
        new Placeholder.Literal(" ("), new Placeholder.InputValue("workflow-uid"), new Placeholder.Literal(")"))), env.get("RUN"));
    assertEquals(new Placeholder.InputValue("workflow-status-2"), env.get("STATUS"), "a name the template's own input has is not reused");
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.STATUS), t.arguments().get("workflow-status-2"));
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.RUN_ID), t.arguments().get("workflow-uid"));
    assertEquals(new Argument.PipelineParameter("n"), t.arguments().get(((Placeholder.InputValue) env.get("N")).input()));
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.CREATE_TIME),
        t.arguments().get(((Placeholder.InputValue) env.get("CREATED")).input()));
  }

  @Test
  void anOutputParameterIsAStringValueUnlessTheSdksAnnotationTypesIt() {
    ComponentSpec c = task(read("""
        - name: t
          metadata:
            annotations:
              pipelines.kubeflow.org/component_spec: '{"outputs": [{"name": "n", "type": "Integer"}, {"name": "m", "type": "Model"}]}'
          inputs: {parameters: [{name: x}]}
          outputs:
            parameters:
            - {name: out, valueFrom: {path: /tmp/o}}
            - {name: n, valueFrom: {path: /tmp/n}}
            artifacts:
            - {name: m, path: /tmp/m}
          container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}} | tee /tmp/o /tmp/n /tmp/m']}
        """)).component();
    assertEquals(TypeSpec.named("String"), c.output("out").orElseThrow().type());
    assertEquals(TypeSpec.named("Integer"), c.output("n").orElseThrow().type());
    assertEquals(TypeSpec.named("Model"), c.output("m").orElseThrow().type());
    assertFalse(c.outputIsArtifact("out"), "a value a condition or another task can read");
    assertFalse(c.outputIsArtifact("n"));
  }

  @Test
  void aVariableWithoutAValueOrAKeyTheModelDoesNotHoldIsNamed() {
    assertEquals("hand.yaml: template 't': container.args[1] names '{{pod.name}}', which kfp4j cannot give a value: "
        + "a template's text may name its inputs ({{inputs.parameters.NAME}}, {{inputs.artifacts.NAME}}), "
        + "{{workflow.parameters.NAME}}, {{workflow.name}}, {{workflow.uid}}, {{workflow.status}} and {{workflow.creationTimestamp}}",
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container: {image: a, command: [sh], args: [-c, 'echo {{pod.name}}']}
            """));
    assertEquals("hand.yaml: template 't': container.env N names '{{inputs.parameters.nope}}', which kfp4j cannot give a value: "
        + "a template's text may name its inputs ({{inputs.parameters.NAME}}, {{inputs.artifacts.NAME}}), "
        + "{{workflow.parameters.NAME}}, {{workflow.name}}, {{workflow.uid}}, {{workflow.status}} and {{workflow.creationTimestamp}}",
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container: {image: a, command: [sh], env: [{name: N, value: '{{inputs.parameters.nope}}'}]}
            """));
    assertEquals("hand.yaml: template 't': volume 'data' mounts the claim '{{inputs.parameters.x}}', whose name is a variable; "
        + "kfp4j's model holds a claim's name as written: name the claim itself", refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              volumes: [{name: data, persistentVolumeClaim: {claimName: '{{inputs.parameters.x}}'}}]
              container: {image: a, command: [sh], volumeMounts: [{name: data, mountPath: /data}]}
            """));
    String sidecars = refused("""
        - name: t
          inputs: {parameters: [{name: x}]}
          sidecars: [{name: db, image: postgres}]
          container: {image: a, command: [sh]}
        """);
    assertEquals("hand.yaml: template 't' uses 'sidecars', which kfp4j's model does not hold; a container or DAG template may use "
        + "name, metadata, inputs, outputs, container, dag, retryStrategy, activeDeadlineSeconds, nodeSelector, tolerations, volumes, "
        + "parallelism, affinity, priorityClassName, serviceAccountName, podSpecPatch, securityContext, timeout", sidecars);
  }

  @Test
  void theVariablesInputsRoundTripAsArgoArguments() {
    String template = """
        - name: t
          inputs: {parameters: [{name: x}]}
          container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}} {{workflow.status}}']}
        """;
    Pipeline p = read(template);
    String written = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(dev.kfp4j.yaml.Yaml.read(written)), written);
    assertEquals(task(p).arguments(), task(ArgoReader.read(written, "written.yaml")).arguments(), written);
  }

  @Test
  void aBackoffOfMillisecondsWithoutAMaximumIsHeldAndWrittenByBothFormats() {
    Pipeline p = read("""
        - name: t
          inputs: {parameters: [{name: x}]}
          retryStrategy: {limit: '2', backoff: {duration: 10ms, factor: '2'}}
          container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}}']}
        """);
    assertEquals(new dev.kfp4j.model.RunSetting.RetryBackoff("10ms", 2, ""),
        task(p).settings().stream().filter(s -> s instanceof dev.kfp4j.model.RunSetting.RetryBackoff).findFirst().orElseThrow());
    String argo = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(dev.kfp4j.yaml.Yaml.read(argo)), argo);
    assertEquals("{\"duration\":\"10ms\",\"factor\":\"2\"}",
        dev.kfp4j.yaml.Yaml.read(argo).at("/spec/templates/1/retryStrategy/backoff").toString(), "no maximum written: none, as read");
    tools.jackson.databind.JsonNode retry = dev.kfp4j.yaml.Yaml.read(dev.kfp4j.format.kfp2.Kfp2Writer.write(p))
        .at("/root/dag/tasks/t/retryPolicy");
    assertEquals("0.01s", retry.path("backoffDuration").asString(), "protobuf's Duration holds fractions of a second");
    assertEquals("3600s", retry.path("backoffMaxDuration").asString(), "KFP's own maximum where none is given");
  }

  @Test
  void anEnvFromASecretOrConfigMapKeyIsASettingOfTheTaskAndWrittenBack() {
    Pipeline p = read("""
        - name: t
          inputs: {parameters: [{name: x}]}
          container:
            image: a
            command: [sh, -c, 'echo $TOKEN $REGION $N']
            env:
            - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
            - {name: N, value: '{{inputs.parameters.x}}'}
            - {name: REGION, valueFrom: {configMapKeyRef: {name: settings, key: region, optional: false}}}
        """);
    assertEquals(Map.of("N", X), task(p).component().container().env(), "the component's own text");
    assertEquals(List.of(new TaskSetting.SecretEnv("TOKEN", "creds", "token"), new TaskSetting.ConfigMapEnv("REGION", "settings", "region")),
        task(p).settings().stream().filter(s -> s instanceof TaskSetting.SecretEnv || s instanceof TaskSetting.ConfigMapEnv).toList());
    String written = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(dev.kfp4j.yaml.Yaml.read(written)), written);
    assertEquals("[{\"name\":\"N\",\"value\":\"{{inputs.parameters.x}}\"},"
        + "{\"name\":\"TOKEN\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"creds\",\"key\":\"token\"}}},"
        + "{\"name\":\"REGION\",\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"settings\",\"key\":\"region\"}}}]",
        dev.kfp4j.yaml.Yaml.read(written).at("/spec/templates/1/container/env").toString(), written);
    assertEquals(task(p).settings(), task(ArgoReader.read(written, "written.yaml")).settings(), "read again: the same settings");
  }

  /** An env entry from a field of the pod and an emptyDir mount are the task's envFromField and mountEmptyDir settings. */
  @Test
  void anEnvFromAPodFieldAndAnEmptyDirAreSettingsOfTheTaskAndWrittenBack() {
    Pipeline p = read("""
        - name: t
          inputs: {parameters: [{name: x}]}
          volumes: [{name: shm, emptyDir: {medium: Memory}}]
          container:
            image: a
            command: [sh, -c, 'echo $POD']
            env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
            volumeMounts: [{name: shm, mountPath: /dev/shm}]
        """);
    List<TaskSetting> expected = List.of(new TaskSetting.EmptyDirMount("shm", "/dev/shm", "Memory", ""),
        new TaskSetting.FieldPathEnv("POD", "metadata.name")); // the template's settings, then those of its env entries
    assertEquals(expected, task(p).settings());
    String written = ArgoWriter.write(p);
    assertEquals(List.of(), ArgoRules.errors(dev.kfp4j.yaml.Yaml.read(written)), written);
    assertEquals("[{\"name\":\"shm\",\"emptyDir\":{\"medium\":\"Memory\"}}]",
        dev.kfp4j.yaml.Yaml.read(written).at("/spec/templates/1/volumes").toString(), written);
    assertEquals(expected, task(ArgoReader.read(written, "written.yaml")).settings(), "read again: the same settings");
  }

  @Test
  void anEnvFromWhatTheModelDoesNotHoldIsRefusedNamingTemplateAndEntry() {
    String hint = ", which kfp4j's model does not hold; an env entry has a value, or takes it from a key of a secret or config map "
        + "(valueFrom.secretKeyRef or valueFrom.configMapKeyRef with name and key, optional or not)";
    assertEquals("hand.yaml: template 't': container.env POD uses valueFrom.fieldRef.apiVersion, which kfp4j's model does not hold; "
        + "an env entry from a field of the pod has valueFrom.fieldRef.fieldPath alone",
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container:
                image: a
                command: [sh]
                env: [{name: POD, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}}]
            """));
    assertEquals("hand.yaml: template 't': container.env POD uses valueFrom.resourceFieldRef" + hint,
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container:
                image: a
                command: [sh]
                env: [{name: POD, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}]
            """));
    assertEquals("hand.yaml: template 't': container.env TOKEN uses valueFrom.secretKeyRef with a variable in its name or key" + hint,
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container:
                image: a
                command: [sh]
                env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: '{{inputs.parameters.x}}', key: token}}}]
            """));
  }

  /** A hand-written mount of a claim's folder ({@code subPath}) is the model's {@code mountPvc(claim, path, subPath)}. */
  @Test
  void aClaimsSubPathIsKeptAndOneKubernetesRefusesIsRefused() {
    assertEquals(List.of(new TaskSetting.PvcMount("shared", "/data", "models")), task(read("""
        - name: t
          inputs: {parameters: [{name: x}]}
          volumes: [{name: data, persistentVolumeClaim: {claimName: shared}}]
          container: {image: a, command: [sh], volumeMounts: [{name: data, mountPath: /data, subPath: models}]}
        """)).settings());
    assertTrue(refused("""
        - name: t
          inputs: {parameters: [{name: x}]}
          volumes: [{name: data, persistentVolumeClaim: {claimName: shared}}]
          container: {image: a, command: [sh], volumeMounts: [{name: data, mountPath: /data, subPath: ../models}]}
        """).contains("mountPvc: the sub-path '../models' contains '..', which Kubernetes refuses as a volumeMount's subPath"));
  }

  @Test
  void aContainerKeyMountOrResourceTheModelDoesNotHoldIsRefusedNotDropped() {
    assertEquals("hand.yaml: template 't' uses 'container.workingDir', which kfp4j's model does not hold; a container may use "
        + "name, image, command, args, env, resources, imagePullPolicy, volumeMounts, securityContext", refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container: {image: a, command: [./run], workingDir: /app}
            """));
    String mounts = ", which kfp4j's model does not hold; a mount has a name and a mountPath (and a subPath for a claim of a fixed "
        + "name), and mounts a volume of the template that "
        + "is a persistentVolumeClaim (claimName), secret (secretName) or configMap (name) alone (a secret or config map optional: true too), an emptyDir (medium, sizeLimit), or an "
        + "ephemeral claim";
    // a claim's folder is a mount of the model (mountPvc(claim, path, subPath)); a secret's is not
    assertEquals("hand.yaml: template 't': container.volumeMounts 'creds' uses 'subPath'" + mounts,
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              volumes: [{name: creds, secret: {secretName: shared}}]
              container: {image: a, command: [sh], volumeMounts: [{name: creds, mountPath: /creds, subPath: x}]}
            """));
    assertEquals("hand.yaml: template 't': container.volumeMounts 'data' uses 'readOnly'" + mounts,
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              volumes: [{name: data, persistentVolumeClaim: {claimName: shared}}]
              container: {image: a, command: [sh], volumeMounts: [{name: data, mountPath: /data, subPath: x, readOnly: true}]}
            """));
    assertEquals("hand.yaml: template 't': container.volumeMounts 'scratch' uses volume hostPath {\"path\":\"/tmp\"}" + mounts,
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              volumes: [{name: scratch, hostPath: {path: /tmp}}]
              container: {image: a, command: [sh], volumeMounts: [{name: scratch, mountPath: /scratch}]}
            """));
    assertEquals("hand.yaml: template 't': container.resources.limits.ephemeral-storage is '1Gi', which kfp4j's model does not hold; "
        + "it holds limits and requests of cpu and memory, and a whole number of another resource such as nvidia.com/gpu",
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              container: {image: a, command: [sh], resources: {limits: {cpu: '1', ephemeral-storage: 1Gi}}}
            """));
  }

  @Test
  void aRetryOrTolerationTheModelDoesNotHoldIsRefusedNamingIt() {
    assertEquals("hand.yaml: template 't': retryStrategy is {\"limit\":\"{{inputs.parameters.x}}\"}, which kfp4j's model does not hold: "
        + "a count or number of seconds is a whole number", refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              retryStrategy: {limit: '{{inputs.parameters.x}}'}
              container: {image: a, command: [sh]}
            """));
    assertEquals("hand.yaml: template 't': retryStrategy is {\"limit\":2,\"expression\":\"lastRetry.exitCode > 1\"}, which kfp4j's "
        + "model does not hold: it holds [backoff, limit, retryPolicy], not 'expression'", refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              retryStrategy: {limit: 2, expression: lastRetry.exitCode > 1}
              container: {image: a, command: [sh]}
            """));
    assertEquals("hand.yaml: template 't': tolerations is [{\"key\":\"k\",\"operator\":\"Exists\",\"tolerationSeconds\":60}], "
        + "which kfp4j's model does not hold: it holds [effect, key, operator, value], not 'tolerationSeconds'",
        refused("""
            - name: t
              inputs: {parameters: [{name: x}]}
              tolerations: [{key: k, operator: Exists, tolerationSeconds: 60}]
              container: {image: a, command: [sh]}
            """));
  }

  @Test
  void whatARunIgnoresButAWorkflowWrittenAgainWouldLoseIsRefusedWhenWritingAgain() {
    String yaml = workflow("""
        - name: t
          inputs: {parameters: [{name: x}]}
          podSpecPatch: '{"containers": [{"name": "main", "resources": {"limits": {"cpu": "1"}}}]}'
          container: {image: a, command: [sh, -c, 'echo {{inputs.parameters.x}}']}
        """);
    assertEquals("a", task(ArgoReader.read(yaml, "hand.yaml")).component().container().image(), "a run on one machine ignores it");
    assertEquals("hand.yaml: template 't' uses 'podSpecPatch', which kfp4j's model does not carry: the workflow written again"
        + " would lose it. Run it locally, or submit the file with Argo's own tools",
        assertThrows(FormatException.class, () -> ArgoReader.readToWrite(yaml, "hand.yaml")).getMessage());
  }
}
