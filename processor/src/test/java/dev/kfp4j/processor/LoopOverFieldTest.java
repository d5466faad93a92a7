package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A loop over a list field of an outer loop's item, KFP's {@code dsl.ParallelFor(item.p_a)} ({@code
 * pipeline_with_nested_loops.py}, {@code pipeline_with_loops_and_conditions.py}): {@code Dsl.forEach(item.xs(), x -> ...)}.
 * It was an {@code UnsupportedArgument} error ("Dsl.forEach loops over List.of(constants...), a List pipeline parameter, ...").
 */
class LoopOverFieldTest {
  @TempDir Path dir;

  private static final String[] BODY = {
      "public record Group(List<Integer> xs, String name) {}",
      "@Pipeline public static void p(@Default(\"[{\\\"xs\\\": [1, 2], \\\"name\\\": \\\"a\\\"}, {\\\"xs\\\": [10], \\\"name\\\": \\\"b\\\"}]\")"
          + " List<Group> groups) {",
      "  Dsl.forEach(groups, g -> Dsl.forEach(g.xs(), x -> LibOps.add(x, 1)));",
      "}"};

  @Test
  void kfp2SelectsTheFieldAsKfpsCompilerDoes() {
    JsonNode spec = Kfp2PipelineTest.compile(BODY).spec();
    // KFP's pipeline_with_nested_loops.yaml: for-loop-2 in comp-for-loop-1
    JsonNode inner = Kfp2PipelineTest.task(spec, "comp-for-loop-1", "for-loop-2");
    assertThat(inner.get("inputs")).isEqualTo(Yaml.read("{parameters: {"
        + "pipelinechannel--groups-loop-item: {componentInputParameter: pipelinechannel--groups-loop-item},"
        + "pipelinechannel--groups-loop-item-subvar-xs: {componentInputParameter: pipelinechannel--groups-loop-item,"
        + " parameterExpressionSelector: 'parseJson(string_value)[\"xs\"]'}}}"));
    assertThat(inner.get("parameterIterator")).isEqualTo(Yaml.read("{itemInput: pipelinechannel--groups-loop-item-subvar-xs-loop-item,"
        + " items: {inputParameter: pipelinechannel--groups-loop-item-subvar-xs}}"));
  }

  @Test
  void argoLoopsOverTheItemsFieldAsKfpV1Does() {
    String argo = Kfp2PipelineTest.compile(BODY).argo();
    // as KFP 1.8's compiler names them: the field selected from the outer item, and the inner loop's item after it
    assertThat(argo).contains("withParam: '{{inputs.parameters.groups-loop-item-subvar-xs}}'");
    assertThat(argo).contains("{name: groups-loop-item-subvar-xs, value: '{{item.xs}}'}");
    assertThat(argo).contains("{name: groups-loop-item-subvar-xs-loop-item, value: '{{item}}'}");
  }

  @Test
  void bothFormatsRunEachItemOfEachField() throws Exception {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(BODY);
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    for (String format : new String[] {c.kfp2(), c.argo()}) {
      RunResult r;
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
            .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(format, "p.yaml"), Map.of());
      }
      assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
      assertThat(r.tasks().stream().filter(t -> t.name().equals("add")).map(t -> t.outputs().get("Output")).sorted().toList())
          .containsExactly("11", "2", "3");
    }
  }
}
