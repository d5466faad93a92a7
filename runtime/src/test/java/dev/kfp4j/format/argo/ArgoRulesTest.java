package dev.kfp4j.format.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Argo's submission rules beyond the schema: each rule has a workflow that keeps it (the positive
 * control, {@link #VALID}) and one that breaks it, with the message naming the place.
 */
class ArgoRulesTest {
  /** A DAG with parameters, a task output, an artifact, a condition, loops over items and a parameter, an exit handler. */
  static final String VALID = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Workflow",
      "metadata: {generateName: demo-, labels: {team: a}}",
      "spec:",
      "  entrypoint: demo",
      "  onExit: bye",
      "  arguments: {parameters: [{name: n, value: '3'}, {name: list_1, value: '[1, 2]'}]}",
      "  templates:",
      "  - name: demo",
      "    dag:",
      "      tasks:",
      "      - {name: make, template: make, arguments: {parameters: [{name: n, value: '{{workflow.parameters.n}}'}]}}",
      "      - {name: use, template: use, dependencies: [make], when: '{{tasks.make.outputs.parameters.count}} > 1',",
      "         arguments: {parameters: [{name: count, value: '{{tasks.make.outputs.parameters.count}}'}],",
      "                     artifacts: [{name: data, from: '{{tasks.make.outputs.artifacts.data}}'}]}}",
      "      - {name: later, template: loop, dependencies: [use], arguments: {parameters: [{name: from-make,",
      "         value: '{{tasks.make.outputs.parameters.count}}'}]}}",
      "  - name: loop",
      "    inputs: {parameters: [{name: from-make}]}",
      "    dag:",
      "      tasks:",
      "      - {name: each, template: use, withItems: [{a: 1}, {a: 2}], arguments: {parameters: [{name: count, value: '{{item.a}}'}],",
      "         artifacts: [{name: data, raw: {data: x}}]}}",
      "      - {name: every, template: use, withParam: '{{workflow.parameters.list_1}}', arguments: {parameters: [{name: count,",
      "         value: '{{item}} {{item.any}} {{inputs.parameters.from-make}}'}], artifacts: [{name: data, raw: {data: x}}]}}",
      "  - name: make",
      "    inputs: {parameters: [{name: n}]}",
      "    outputs:",
      "      parameters: [{name: count, valueFrom: {path: /tmp/count}}]",
      "      artifacts: [{name: data, path: /tmp/data}]",
      "    container: {image: alpine, command: [sh, -c, 'echo {{inputs.parameters.n}} > /tmp/count; echo {{pod.name}} > /tmp/data']}",
      "  - name: use",
      "    inputs: {parameters: [{name: count}, {name: mode, value: fast}], artifacts: [{name: data, path: /tmp/in}]}",
      "    container: {image: alpine, command: [cat, '{{inputs.artifacts.data.path}}', '{{inputs.parameters.count}}', '{{workflow.name}}']}",
      "  - name: bye",
      "    container: {image: alpine, command: [echo, '{{workflow.status}} {{workflow.failures}} {{workflow.labels.team}}']}",
      "");

  static List<String> errors(String yaml) {
    return ArgoRules.errors(Yaml.read(yaml));
  }

  /** The one error of {@link #VALID} with {@code from} replaced by {@code to}. */
  static String error(String from, String to) {
    assertTrue(VALID.contains(from), from);
    List<String> errors = errors(VALID.replace(from, to));
    assertEquals(1, errors.size(), errors::toString);
    return errors.get(0);
  }

  @Test
  void theControlKeepsEveryRule() {
    assertEquals(List.of(), errors(VALID));
  }

  @Test
  void theKfpSdksOwnWorkflowKeepsEveryRule() throws Exception {
    assertEquals(List.of(), errors(Files.readString(Shared.testdata("kfp-sdk-1.8.22/add_pipeline.yaml"))));
  }

  @Test
  void parameterAndArtifactNamesAreLettersDigitsUnderscoreAndDash() {
    assertTrue(errors(VALID.replace("inputs: {parameters: [{name: n}]}", "inputs: {parameters: [{name: 'n 2'}]}")).contains(
        "templates.make.inputs.parameters[0].name 'n 2' is invalid: a parameter or artifact name has only letters, digits, '_' and '-'"));
    List<String> spaced = errors(VALID.replace("count", "the count"));
    assertTrue(spaced.contains("templates.make.outputs.parameters[0].name 'the count' is invalid: a parameter or artifact name has only "
        + "letters, digits, '_' and '-'"), spaced::toString);
    assertTrue(spaced.contains("templates.demo.tasks.use.arguments.parameters[0].name 'the count' is invalid: a parameter or artifact "
        + "name has only letters, digits, '_' and '-'"), spaced::toString);
    assertEquals(List.of("templates.demo.tasks.use: {{tasks.make.outputs.artifacts.data}} does not resolve: template 'make' of task "
            + "'make' declares no such output",
        "templates.make.outputs.artifacts[0].name 'data.csv' is invalid: a parameter or artifact name has only letters, digits, '_' and '-'"),
        errors(VALID.replace("artifacts: [{name: data, path: /tmp/data}]", "artifacts: [{name: data.csv, path: /tmp/data}]")));
    assertNull(ArgoRules.whyInvalidParameterName("Hash-algorithm_2"));
  }

  /** The pod Kubernetes makes of a container template refuses a volume name that is no label, twice the same, or a mount of none. */
  @Test
  void podVolumesHaveUniqueKubernetesNamesAndEveryMountNamesOne() {
    String from = "container: {image: alpine, command: [echo, '{{workflow.status}} {{workflow.failures}} {{workflow.labels.team}}']}";
    String mounted = "volumes: [{name: data, emptyDir: {}}]\n    container: {image: alpine, command: [ls], volumeMounts: [{name: data, mountPath: /d}]}";
    assertEquals(List.of(), errors(VALID.replace(from, mounted)));
    assertEquals("templates.bye.volumes[0].name 'pvc-data.v1' is invalid: Kubernetes names use only lower-case letters, digits and "
        + "'-', and start and end with a letter or digit", error(from, mounted.replace("name: data", "name: pvc-data.v1")));
    assertEquals("templates.bye.volumes[1].name 'data' is not unique",
        error(from, mounted.replace("[{name: data, emptyDir: {}}]", "[{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]")));
    assertEquals("templates.bye.container.volumeMounts: volume 'date' is not defined; did you mean 'data'?",
        error(from, mounted.replace("volumeMounts: [{name: data", "volumeMounts: [{name: date")));
  }

  @Test
  void templateAndTaskNamesAreDnsLikeAndAtMost128Characters() {
    assertEquals(List.of("spec.templates[4].name 'By_e' is invalid: a template, task or step name has only letters, digits and '-', "
        + "and starts with a letter or digit"), errors(VALID.replace("bye", "By_e")));
    String longName = "t".repeat(129);
    assertEquals(List.of("spec.templates[4].name '" + longName + "' is invalid: it has 129 characters, more than 128"),
        errors(VALID.replace("bye", longName)));
    assertEquals("templates.demo.tasks[2].name '-later' is invalid: a template, task or step name has only letters, digits and '-', "
        + "and starts with a letter or digit", error("{name: later,", "{name: -later,"));
    assertEquals(List.of("spec.templates[4].name 'use' is not unique"), errors(VALID.replace("bye", "use")));
  }

  @Test
  void referencesResolveInTheirScope() {
    assertEquals("templates.make: {{inputs.parameters.m}} does not resolve: template 'make' declares no such input",
        error("echo {{inputs.parameters.n}}", "echo {{inputs.parameters.m}}"));
    assertEquals("templates.demo.tasks.make: {{workflow.parameters.nn}} does not resolve: spec.arguments.parameters declares no "
        + "such parameter", error("{{workflow.parameters.n}}", "{{workflow.parameters.nn}}"));
    assertEquals("templates.demo.tasks.later: {{tasks.make.outputs.parameters.total}} does not resolve: template 'make' of task "
        + "'make' declares no such output", error("value: '{{tasks.make.outputs.parameters.count}}'}]}}",
            "value: '{{tasks.make.outputs.parameters.total}}'}]}}"));
    assertEquals("templates.demo.tasks.use: {{tasks.mak.outputs.artifacts.data}} does not resolve: there is no task 'mak' in "
        + "this DAG; did you mean 'make'?", error("'{{tasks.make.outputs.artifacts.data}}'", "'{{tasks.mak.outputs.artifacts.data}}'"));
    assertEquals("templates.loop.tasks.each: {{inputs.parameters.from_make}} does not resolve: template 'loop' declares no such input",
        error("value: '{{item.a}}'", "value: '{{inputs.parameters.from_make}}'"));
  }

  @Test
  void aTaskReadsOnlyOutputsOfTasksItWaitsFor() {
    // 'later' waits for 'use', which waits for 'make': through another task is enough
    assertEquals(List.of(
        "templates.demo.tasks.use: {{tasks.make.outputs.parameters.count}} does not resolve: task 'use' does not depend on 'make'; "
            + "list it in its dependencies",
        "templates.demo.tasks.use: {{tasks.make.outputs.artifacts.data}} does not resolve: task 'use' does not depend on 'make'; "
            + "list it in its dependencies",
        "templates.demo.tasks.later: {{tasks.make.outputs.parameters.count}} does not resolve: task 'later' does not depend on "
            + "'make'; list it in its dependencies"),
        errors(VALID.replace("template: use, dependencies: [make],", "template: use,")));
  }

  @Test
  void itemsOnlyInLoopsAndOnlyTheirKeys() {
    assertEquals("templates.loop.tasks.each: {{item.b}} does not resolve: only a task with withItems or withParam has {{item}}, and "
        + "{{item.<key>}} only for keys its items have", error("'{{item.a}}'", "'{{item.b}}'"));
    assertEquals("templates.demo.tasks.make: {{item}} does not resolve: only a task with withItems or withParam has {{item}}, and "
        + "{{item.<key>}} only for keys its items have", error("'{{workflow.parameters.n}}'", "'{{item}}'"));
    assertEquals("templates.make: {{item}} does not resolve: only a task with withItems or withParam has {{item}}, and "
        + "{{item.<key>}} only for keys its items have", error("echo {{pod.name}}", "echo {{item}}"));
  }

  @Test
  void dependenciesExistAndMakeNoCycle() {
    assertEquals("templates.demo.tasks.later: dependency 'uses' is not defined; did you mean 'use'?",
        errors(VALID.replace("dependencies: [use]", "dependencies: [uses]")).get(0));
    List<String> cycle = errors(VALID.replace("template: make, arguments", "template: make, dependencies: [later], arguments"));
    assertEquals(List.of("templates.demo.tasks: dependency cycle: make -> later -> use -> make"), cycle);
  }

  @Test
  void entrypointOnExitAndTaskTemplatesExist() {
    assertEquals("spec.entrypoint: template 'dem' is not defined; did you mean 'demo'?", error("entrypoint: demo", "entrypoint: dem"));
    assertEquals("spec.entrypoint is required", error("  entrypoint: demo\n", ""));
    assertEquals("spec.onExit: template 'by' is not defined; did you mean 'bye'?", error("onExit: bye", "onExit: by"));
    assertEquals("templates.demo.tasks.make: template 'mak' is not defined; did you mean 'make'?",
        error("{name: make, template: make,", "{name: make, template: mak,"));
  }

  @Test
  void everyInputWithoutADefaultIsSupplied() {
    assertEquals("templates.demo.tasks.make.arguments: inputs.parameters.n of template 'make' was not supplied",
        error("arguments: {parameters: [{name: n, value: '{{workflow.parameters.n}}'}]}", "arguments: {}"));
    assertEquals("templates.loop.tasks.each.arguments: inputs.artifacts.data of template 'use' was not supplied",
        error("{{item.a}}'}],\n         artifacts: [{name: data, raw: {data: x}}]}}", "{{item.a}}'}]}}"));
    assertEquals("templates.demo.tasks.make.arguments.parameters.n.value is required",
        error("{name: n, value: '{{workflow.parameters.n}}'}", "{name: n}"));
  }

  @Test
  void anUnclosedReferenceAndABadTemplateAreRefused() {
    assertEquals("templates.bye: '{{' without '}}' in \"{{workflow.labels.team\"",
        error("{{workflow.labels.team}}", "{{workflow.labels.team"));
    assertEquals("templates.bye: {{workflow.status {{workflow.failures}} does not resolve", error("{{workflow.status}}", "{{workflow.status"));
    assertEquals("templates.bye.container.image may not be empty", error("image: alpine, command: [echo", "image: '', command: [echo"));
    assertTrue(error("    container: {image: alpine, command: [echo, '{{workflow.status}}", "    suspend: {}\n    container: {image: "
        + "alpine, command: [echo, '{{workflow.status}}").startsWith("templates.bye has several template types [container, suspend]"));
  }

  @Test
  void referencesArgoDoesNotCheckAreLeftAlone() {
    assertEquals(List.of(), errors(VALID.replace("echo {{pod.name}}", "echo {{=sprig.upper(\"x\")}} {{ not.a.root }} {{$}}")));
  }
}
