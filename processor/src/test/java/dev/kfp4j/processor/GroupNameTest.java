package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code dsl.If(c, name='big')}, {@code dsl.Elif}/{@code dsl.Else(name=...)} and {@code dsl.ParallelFor(items,
 * name='loop')} in Java: {@code Dsl.when(c, "big", () -> ...)}, {@code .orWhen(c, "small", ...)}, {@code
 * .otherwise("edge", ...)}, {@code Dsl.forEach(items, "loop", item -> ...)} (and {@code Dsl.oneOf}'s branches, {@code
 * Dsl.collect}'s loop) name their group, KFP 2's display name of its task; the name is a String constant, as an exit
 * handler's ({@link ExitHandlerNameTest}).
 */
class GroupNameTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
      "import java.util.List;", "import test.*;");

  private JavaFileObject source;

  private Compilation compile(List<Pipeline> models, String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(models, PipelineModelTest.LIB, source);
  }

  private static JsonNode kfp2(Compilation c) {
    return Yaml.readAll(Compile.resource(c, Kfp2PipelineTest.P2)).get(0);
  }

  @Test
  void aConditionAndALoopShowTheirNamesAsKfpsCompilerWritesThem() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "static final String LOOP = \"lo\" + \"op\";",
        "@Pipeline public static void p(int n) {",
        "  var t = LibOps.add(n, 1);",
        "  Dsl.when(Dsl.gt(t.output(), 3), \"big\", () -> Dsl.forEach(List.of(1, 2, 3), LOOP, item -> LibOps.add(item, 1)));",
        "  Dsl.forEach(List.of(4, 5), 2, \"limited\", item -> LibOps.add(item, 2));",
        "}");
    assertThat(c).succeeded();
    Condition big = (Condition) models.get(0).node("condition-1").orElseThrow();
    assertThat(big.displayName()).isEqualTo("big");
    Loop loop = (Loop) models.get(0).node("for-loop-3").orElseThrow();
    assertThat(loop.displayName()).isEqualTo("loop");
    Loop limited = (Loop) models.get(0).node("for-loop-5").orElseThrow();
    assertThat(limited.displayName()).isEqualTo("limited");
    assertThat(limited.parallelism()).isEqualTo(2);
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    JsonNode spec = Yaml.readAll(yaml).get(0);
    // the task keys and components stay KFP's condition-1 and for-loop-3; taskInfo.name is the group's own name
    assertThat(spec.at("/root/dag/tasks/condition-1/taskInfo/name").asString()).isEqualTo("big");
    assertThat(spec.at("/root/dag/tasks/condition-1/componentRef/name").asString()).isEqualTo("comp-condition-1");
    assertThat(spec.at("/components/comp-condition-1/dag/tasks/for-loop-3/taskInfo/name").asString()).isEqualTo("loop");
    assertThat(spec.at("/root/dag/tasks/for-loop-5/taskInfo/name").asString()).isEqualTo("limited");
    assertThat(spec.at("/root/dag/tasks/for-loop-5/iteratorPolicy/parallelismLimit").asInt()).isEqualTo(2);
    // the Argo workflow: KFP v1's compiler puts a dsl.Condition's name into its group's; a loop's it has not (no name in 1.8)
    String argo = Compile.resource(c, Kfp2PipelineTest.P);
    assertThat(argo).contains("- name: condition-big-1\n");
    assertThat(argo).contains("{name: condition-big-1, template: condition-big-1, when: ");
    assertThat(argo).doesNotContain("condition-1");
    assertThat(argo).contains("{name: for-loop-3, template: for-loop-3, ");
    assertThat(argo).doesNotContain("limited");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
      dev.kfp4j.testing.ArgoSchemas.assertValid(argo, "p.yaml");
    }
  }

  @Test
  void aConditionsNameArgoWouldRefuseInItsGroupsIsAnErrorUnlessThePipelineIsForKfp2Only() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(int n) {",
        "  Dsl.when(Dsl.gt(n, 3), \"big one\", () -> LibOps.greet(\"big\"));",
        "  Dsl.forEach(List.of(1), \"a loop\", item -> LibOps.add(item, 1));",
        "}",
        "@Pipeline(formats = Format.KFP2) public static void q(int n) {",
        "  Dsl.when(Dsl.gt(n, 3), \"big two\", () -> LibOps.greet(\"big\"));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] a condition's name goes into its group's name in the Argo workflow (KFP "
        + "v1's compiler writes dsl.Condition(c, name='big') as group condition-big-1), and 'big one' makes one Argo refuses: "
        + "write letters, digits, '-' and '_' (at most 100), or write the pipeline for KFP 2 only, @Pipeline(formats = Format.KFP2)")
        .inFile(source).onLineContaining("\"big one\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void eachBranchOfAChainShowsItsOwnName() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(int n) {",
        "  var t = LibOps.add(n, 1);",
        "  Dsl.when(Dsl.gt(t.output(), 3), \"big\", () -> LibOps.greet(\"big\"))",
        "      .orWhen(Dsl.lt(t.output(), 0), () -> LibOps.greet(\"negative\"))",
        "      .otherwise(\"small\", () -> LibOps.greet(\"small\"));",
        "}");
    assertThat(c).succeeded();
    Branches chain = (Branches) models.get(0).node("condition-branches-1").orElseThrow();
    assertThat(chain.branches().stream().map(Condition::displayName).toList())
        .containsExactly("big", null, "small").inOrder();
    JsonNode dag = kfp2(c).at("/components/comp-condition-branches-1/dag/tasks");
    assertThat(dag.at("/condition-2/taskInfo/name").asString()).isEqualTo("big");
    assertThat(dag.at("/condition-3/taskInfo/name").asString()).isEqualTo("condition-3");
    assertThat(dag.at("/condition-4/taskInfo/name").asString()).isEqualTo("small");
    assertThat(kfp2(c).at("/root/dag/tasks/condition-branches-1/taskInfo/name").asString()).isEqualTo("condition-branches-1");
  }

  @Test
  void oneOfBranchesAndCollectedLoopsTakeNamesToo() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline(formats = Format.KFP2) public static String p(int n) {",
        "  var said = Dsl.oneOf(Dsl.gt(n, 3), \"big\", () -> LibOps.greet(\"big\").output())",
        "      .orWhen(Dsl.lt(n, 0), \"negative\", () -> LibOps.greet(\"negative\").output())",
        "      .otherwise(() -> LibOps.greet(\"small\").output());",
        "  var sums = Dsl.collect(List.of(1, 2), 1, \"sums\", item -> LibOps.add(item, 1).output());",
        "  LibOps.count(sums);",
        "  return said;",
        "}");
    assertThat(c).succeeded();
    JsonNode spec = kfp2(c);
    JsonNode dag = spec.at("/components/comp-condition-branches-1/dag/tasks");
    assertThat(dag.at("/condition-2/taskInfo/name").asString()).isEqualTo("big");
    assertThat(dag.at("/condition-3/taskInfo/name").asString()).isEqualTo("negative");
    assertThat(dag.at("/condition-4/taskInfo/name").asString()).isEqualTo("condition-4");
    assertThat(spec.at("/root/dag/tasks/for-loop-6/taskInfo/name").asString()).isEqualTo("sums");
    assertThat(((Loop) models.get(0).node("for-loop-6").orElseThrow()).displayName()).isEqualTo("sums");
  }

  @Test
  void withoutNamesTheGroupsShowTheirTasksAsBefore() {
    List<Pipeline> models = new ArrayList<>();
    Compilation c = compile(models,
        "@Pipeline public static void p(int n) {",
        "  Dsl.when(Dsl.gt(n, 3), () -> Dsl.forEach(List.of(1, 2), 1, item -> LibOps.add(item, 1)));",
        "}");
    assertThat(c).succeeded();
    assertThat(((Condition) models.get(0).node("condition-1").orElseThrow()).displayName()).isNull();
    JsonNode spec = kfp2(c);
    assertThat(spec.at("/root/dag/tasks/condition-1/taskInfo/name").asString()).isEqualTo("condition-1");
    assertThat(spec.at("/components/comp-condition-1/dag/tasks/for-loop-3/taskInfo/name").asString()).isEqualTo("for-loop-3");
  }

  @Test
  void aNameThatIsNoConstantIsAnErrorOnItSayingWhatToWrite() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline public static void p(int n, String who) {",
        "  Dsl.when(Dsl.gt(n, 3),",
        "      who,",
        "      () -> LibOps.greet(\"big\"))",
        "      .otherwise(who + \"!\", () -> LibOps.greet(\"small\"));",
        "  Dsl.forEach(List.of(1, 2), 2,",
        "      String.valueOf(n),",
        "      item -> LibOps.add(item, 1));",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the name of a condition must be a String constant that is not blank (a "
        + "literal or a static final field), not 'who': write Dsl.when(condition, \"big\", () -> { ... })")
        .inFile(source).onLineContaining("who,");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the name of a branch must be a String constant that is not blank (a "
        + "literal or a static final field), not 'who + \"!\"': write .otherwise(\"other\", () -> ...)")
        .inFile(source).onLineContaining("who + \"!\"");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the name of a loop must be a String constant that is not blank (a "
        + "literal or a static final field), not 'String.valueOf(n)': write Dsl.forEach(items, \"loop\", item -> { ... })")
        .inFile(source).onLineContaining("String.valueOf(n),");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void aBlankNameIsAnError() {
    Compilation c = compile(new ArrayList<>(),
        "@Pipeline(formats = Format.KFP2) public static void p(int n) {",
        "  Dsl.when(Dsl.gt(n, 3), \"\", () -> LibOps.greet(\"big\"));",
        "  var xs = Dsl.collect(List.of(1, 2), \" \", item -> LibOps.add(item, 1).output());",
        "  LibOps.count(xs);",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the name of a condition must be a String constant that is not blank")
        .inFile(source).onLineContaining("\"\"");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the name of a loop must be a String constant that is not blank "
        + "(a literal or a static final field), not '\" \"': write Dsl.collect(items, \"loop\", item -> t(item).output())")
        .inFile(source).onLineContaining("\" \"");
    assertThat(c).hadErrorCount(2);
  }
}
