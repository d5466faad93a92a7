package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field of a DAG's task ({@code PipelineTaskSpec}) and of an executor's container ({@code PipelineContainerSpec}),
 * walked through KFP's {@code .proto} descriptors and set in a spec, is either read and written back as set, or refused
 * naming it. A task's {@code cachingOptions.cacheKey} (KFP's {@code set_caching_options(cache_key=...)}, read now) and a
 * container's {@code lifecycle} (refused) were read as if absent, and lost when the spec was written again.
 */
class TaskFieldsTest {
  private static final String TASK = "/root/dag/tasks/fail-op";
  private static final String CONTAINER = "/deploymentSpec/executors/exec-fail-op/container";

  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_PROTOS);
  }

  private static JsonNode spec() {
    return Yaml.readAll(Yaml.resource(TaskFieldsTest.class, "upstream/ignore_upstream_failure.yaml")).get(0);
  }

  @Test
  void everyFieldOfATaskIsWrittenBackAsSetOrRefusedNamingIt() {
    // a task's inputs are read value by value, and which iterator a task has decides what it is: both tested apart
    Set<String> refused = walk("ml_pipelines.PipelineTaskSpec", TASK,
        List.of("inputs", "parameterIterator", "artifactIterator", "componentRef", "dependentTasks"));
    // a condition the walk makes up ('v') is no CEL kfp4j reads; a loop's limit on a task that loops over nothing
    assertEquals(Set.of("iteratorPolicy.parallelismLimit", "triggerPolicy.condition"), refused);
  }

  @Test
  void everyFieldOfAContainerIsWrittenBackAsSetOrRefusedNamingIt() {
    // the image and command line are the component's: read and written by ComponentReader, tested apart
    Set<String> refused = walk("ml_pipelines.PipelineDeploymentConfig.PipelineContainerSpec", CONTAINER,
        List.of("image", "command", "args"));
    // an env value without a name; the deprecated numbers without the quantities beside them
    assertEquals(Set.of("env.value", "lifecycle.preCacheCheck.args", "lifecycle.preCacheCheck.command", "resources.cpuLimit",
        "resources.cpuRequest", "resources.memoryLimit", "resources.memoryRequest"), refused);
  }

  /**
   * Sets each field of message {@code type} at {@code at} of the spec; returns the fields refused (each naming it), asserting
   * that the others are written back as set (as KFP's backend reads them: a {@code false} left out is {@code false}).
   */
  private static Set<String> walk(String type, String at, List<String> skip) {
    Set<String> refused = new TreeSet<>();
    for (List<FieldDescriptor> path : ProtoWalk.paths(Kfp2Schemas.message(type), skip)) {
      String shown = ProtoWalk.shown(path);
      JsonNode spec = spec().deepCopy();
      ObjectNode changed = (ObjectNode) spec.at(at);
      ProtoWalk.set(changed, path);
      JsonNode again;
      try {
        again = Yaml.readAll(Kfp2Writer.write(Kfp2Reader.read(List.of(spec), "", "walk.yaml"))).get(0).at(at);
      } catch (FormatException e) {
        assertTrue(path.stream().anyMatch(f -> e.getMessage().contains(f.getJsonName())), shown + " refused without naming it: "
            + e.getMessage());
        refused.add(shown);
        continue;
      }
      assertEquals(ProtoWalk.leaf(Kfp2Schemas.parse(type, changed.toString()), path),
          ProtoWalk.leaf(Kfp2Schemas.parse(type, again.toString()), path), shown + " set, then read and written again: " + again);
    }
    return refused;
  }
}
