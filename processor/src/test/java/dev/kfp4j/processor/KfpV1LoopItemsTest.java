package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * KFP 1.8.22's compiler test pipelines with loops, ported to Java ({@code kfp-ports/V1Loops.java}): the Argo workflow
 * passes each loop's item, and each field of it, into the loop's and the condition's templates under the names KFP 1.8's
 * compiler gives them in its files ({@code kfp-ports/kfp-v1/}), compared exactly; and the Argo reader reads both.
 */
class KfpV1LoopItemsTest {
  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = Compile.compile(JavaFileObjects.forResource(Objects.requireNonNull(
        KfpV1LoopItemsTest.class.getClassLoader().getResource("kfp-ports/V1Loops.java"))));
    assertThat(compilation).succeeded();
  }

  private static String ours(String pipeline) {
    return Compile.resource(compilation, "META-INF/kfp4j/pipelines/" + pipeline + ".yaml");
  }

  private static String kfp(String file) {
    return Yaml.resource(KfpV1LoopItemsTest.class, "kfp-ports/kfp-v1/" + file);
  }

  /**
   * The loop items a workflow passes: for each group template (a loop's, a condition's), the names of its inputs that are
   * loop items; for each task running a group, its arguments that are, with their values ({@code {{item.a}}}, {@code
   * {{inputs.parameters.loop-item-param-1-subvar-a}}}); the root template is called {@code root}. Names and values are as
   * written, not normalized.
   */
  static Map<String, String> loopItems(String yaml) {
    JsonNode wf = Yaml.read(yaml);
    String entry = wf.at("/spec/entrypoint").asString();
    Map<String, String> out = new TreeMap<>();
    for (JsonNode t : wf.at("/spec/templates")) {
      String name = t.get("name").asString().equals(entry) ? "root" : t.get("name").asString();
      if (name.startsWith("for-loop-") || name.startsWith("condition-")) {
        for (JsonNode in : t.at("/inputs/parameters")) {
          if (in.get("name").asString().contains("loop-item")) {
            out.put(name + " input " + in.get("name").asString(), "");
          }
        }
      }
      for (JsonNode task : t.at("/dag/tasks")) {
        String template = task.get("template").asString();
        if (!template.startsWith("for-loop-") && !template.startsWith("condition-")) {
          continue;
        }
        for (JsonNode p : task.at("/arguments/parameters")) {
          if (p.get("name").asString().contains("loop-item")) {
            out.put(name + "/" + task.get("name").asString() + " argument " + p.get("name").asString(), p.get("value").asString());
          }
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "withitem_basic.yaml, withitem-basic",
      "withitem_nested.yaml, withitem-nested",
      "withparam_global.yaml, withparam-global",
      "withparam_global_dict.yaml, withparam-global-dict",
      "withparam_output.yaml, withparam-output",
      "withparam_output_dict.yaml, withparam-output-dict",
      "parallelfor_item_argument_resolving.yaml, parallelfor-item-argument-resolving"})
  void theLoopItemsHaveTheNamesKfp18Wrote(String kfpFile, String pipeline) {
    String ours = ours(pipeline);
    ArgoSchemas.assertValid(ours, pipeline);
    Map<String, String> kfp = loopItems(kfp(kfpFile));
    assertThat(kfp).isNotEmpty();
    assertThat(loopItems(ours)).isEqualTo(kfp);
  }

  @Test
  void aFieldComparedInAConditionInsideTheLoopIsPassedUnderKfp18sName() {
    String ours = ours("condition-in-loop");
    ArgoSchemas.assertValid(ours, "condition-in-loop");
    assertThat(loopItems(ours)).isEqualTo(Map.of(
        "for-loop-2 input loop-item-param-1-subvar-a", "",
        "for-loop-2 input loop-item-param-1-subvar-b", "",
        "condition-3 input loop-item-param-1-subvar-b", "",
        "root/for-loop-2 argument loop-item-param-1-subvar-a", "{{item.a}}",
        "root/for-loop-2 argument loop-item-param-1-subvar-b", "{{item.b}}",
        "for-loop-2/condition-3 argument loop-item-param-1-subvar-b", "{{inputs.parameters.loop-item-param-1-subvar-b}}"));
    // the condition's when, tested in the loop's DAG, reads the field there (KFP 1.8 passes it into the condition too)
    JsonNode when = null;
    for (JsonNode t : Yaml.read(ours).at("/spec/templates")) {
      if (t.get("name").asString().equals("for-loop-2")) {
        when = t.at("/dag/tasks/0/when");
      }
    }
    assertThat(when.asString()).contains("inputs.parameters['loop-item-param-1-subvar-a']");
  }

  /** The Argo reader takes KFP 1.8's names and kfp4j's for the same items: each task reads the item or the field. */
  @Test
  void theArgoReaderReadsKfp18sFilesAndKfp4jsAlike() {
    Pipeline kfp = ArgoReader.read(kfp("withitem_nested.yaml"), "withitem_nested.yaml");
    assertThat(argument(kfp, "my-inner-inner-coop", "loop-item-param-1-subvar-a")).isEqualTo(new Argument.LoopItem("for-loop-2", "a"));
    assertThat(argument(kfp, "my-inner-inner-coop", "loop-item-param-3")).isEqualTo(new Argument.LoopItem("for-loop-4", null));
    Pipeline ours = ArgoReader.read(ours("withitem-nested"), "withitem-nested.yaml");
    assertThat(argument(ours, "my-inner-inner-coop", "a")).isEqualTo(new Argument.LoopItem("for-loop-2", "a"));
    assertThat(argument(ours, "my-inner-inner-coop", "inner")).isEqualTo(new Argument.LoopItem("for-loop-4", null));
    Pipeline output = ArgoReader.read(kfp("withparam_output_dict.yaml"), "withparam_output_dict.yaml");
    assertThat(argument(output, "my-in-cop1", "my-out-cop0-out-loop-item-subvar-a")).isEqualTo(new Argument.LoopItem("for-loop-1", "a"));
    // and kfp4j writes back what it read of its own
    String nested = ours("withitem-nested");
    assertThat(ArgoWriter.write(ArgoReader.readToWrite(nested, "withitem-nested.yaml"))).isEqualTo(nested);
  }

  private static Argument argument(Pipeline p, String task, String input) {
    return ((Task) p.node(task).orElseThrow(() -> new AssertionError("no task " + task))).arguments().get(input);
  }
}
