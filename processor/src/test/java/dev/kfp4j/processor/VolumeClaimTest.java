package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kfp4j.processor.FormatErrorTest.compile;
import static dev.kfp4j.processor.FormatErrorTest.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code Dsl.volume(...).uniqueName(false)}: a claim named by its resource name alone (KFP v1's {@code
 * VolumeOp(generate_unique_name=False)}, kfp-kubernetes' {@code CreatePVC(pvc_name=...)}); and the claims a run would make twice,
 * errors on the volume that makes one again.
 */
class VolumeClaimTest {
  private static final String ARGO = "META-INF/kfp4j/pipelines/p.yaml";
  private static final String KFP2 = "META-INF/kfp4j/kfp2/pipelines/p.yaml";

  @Test
  void aFixedNameIsTheClaimsNameInBothFormats() {
    Compilation c = compile(pipeline("@Pipeline public static void p() {",
        "  var v = Dsl.volume(\"shared-data\", \"1Gi\").uniqueName(false);",
        "  LibOps.add(1, 2).mountVolume(v, \"/data\");", "}"));
    assertThat(c).succeededWithoutWarnings();
    String argo = Compile.resource(c, ARGO);
    ArgoSchemas.assertValid(argo, ARGO);
    JsonNode manifest = Yaml.read(Yaml.read(argo).at("/spec/templates").valueStream()
        .filter(t -> t.path("name").asString().equals("shared-data")).findFirst().orElseThrow().at("/resource/manifest").asString());
    assertEquals("shared-data", manifest.at("/metadata/name").asString(), argo);
    assertEquals(false, ((VolumeStep) ArgoReader.read(argo, "p.yaml").node("shared-data").orElseThrow()).uniqueName());

    String kfp2 = Compile.resource(c, KFP2);
    Compile.validKfp2(kfp2, "p.yaml");
    JsonNode inputs = Yaml.readAll(kfp2).get(0).at("/root/dag/tasks/shared-data/inputs/parameters");
    assertEquals("shared-data", inputs.at("/pvc_name/runtimeValue/constant").asString(), kfp2);
    assertTrue(inputs.path("pvc_name_suffix").isMissingNode(), kfp2);
    VolumeStep read = (VolumeStep) Kfp2Reader.read(kfp2, "p.yaml").node("shared-data").orElseThrow();
    assertEquals("shared-data", read.resourceName());
    assertEquals(false, read.uniqueName());
  }

  @Test
  void byDefaultTheClaimIsNamedAfterTheRun() {
    Compilation c = compile(pipeline("@Pipeline public static void p() {", "  var v = Dsl.volume(\"data\", \"1Gi\").uniqueName(true);",
        "  LibOps.add(1, 2).mountVolume(v, \"/data\");", "}"));
    assertThat(c).succeededWithoutWarnings();
    assertTrue(Compile.resource(c, ARGO).contains("name: '{{workflow.name}}-data'"), Compile.resource(c, ARGO));
    assertEquals("-data", Yaml.readAll(Compile.resource(c, KFP2)).get(0)
        .at("/root/dag/tasks/data/inputs/parameters/pvc_name_suffix/runtimeValue/constant").asString());
  }

  /**
   * A task mounting the claim by its name, {@code mountPvc(v.name(), "/data")} (kfp-kubernetes' {@code mount_pvc(task,
   * pvc_name=pvc.outputs['name'])}, KFP's {@code parallel_for_mount_pvc.py}), mounts it as {@code mountVolume(v, ...)} does:
   * the claim is deleted after it, not while it runs.
   */
  @Test
  void theClaimIsDeletedAfterTasksMountingItByItsName() {
    Compilation c = compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var v = Dsl.volume(\"my-pvc\", \"5Mi\", \"ReadWriteOnce\", \"standard\");",
        "  Dsl.forEach(List.of(1, 2), x -> LibOps.add(x, 1).mountPvc(v.name(), \"/data\"));",
        "  LibOps.add(3, 4).mountPvc(v.name(), \"/data\");", "}"));
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, KFP2);
    Compile.validKfp2(kfp2, "p.yaml");
    JsonNode delete = Yaml.readAll(kfp2).get(0).at("/root/dag/tasks/my-pvc-delete");
    assertEquals("[\"my-pvc\",\"for-loop-2\",\"add-2\"]", delete.path("dependentTasks").toString(), kfp2);
    // once they succeeded: KFP's backend runs a task of ALL_UPSTREAM_TASKS_COMPLETED as an exit hook of each task it waits for
    // (after add-2 alone, the loop's task taking none), which would delete the claim while the loop still uses it
    assertTrue(delete.path("triggerPolicy").isMissingNode(), kfp2);
    assertEquals(kfp2, dev.kfp4j.format.kfp2.Kfp2Writer.write(Kfp2Reader.read(kfp2, "p.yaml")),
        "read back, written the same");
  }

  /**
   * A claim of a fixed name ({@code uniqueName(false)}) mounted by that name, {@code mountPvc("shared-data", "/data")}, is a
   * mount of it too: its deletion waits for the task. Before, the deletepvc waited for the createpvc alone, so on KFP (and in
   * a local run) it could delete the claim before or while the task used it.
   */
  @Test
  void aFixedClaimIsDeletedAfterTasksMountingItByThatName() {
    Compilation c = compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p() {",
        "  var v = Dsl.volume(\"shared-data\", \"1Gi\").uniqueName(false);",
        "  var write = LibOps.add(1, 2).mountPvc(\"shared-data\", \"/data\").after(v);",
        "  LibOps.add(3, 4).mountPvc(\"shared-data\", \"/data\").after(write);", "}"));
    assertThat(c).succeededWithoutWarnings();
    String kfp2 = Compile.resource(c, KFP2);
    Compile.validKfp2(kfp2, "p.yaml");
    JsonNode delete = Yaml.readAll(kfp2).get(0).at("/root/dag/tasks/shared-data-delete");
    assertEquals("[\"shared-data\",\"add\",\"add-2\"]", delete.path("dependentTasks").toString(), kfp2);
  }

  /**
   * The same in an Argo workflow: the claim's deletion depends on the tasks mounting the fixed name (before, on the volume step
   * alone, so Argo could delete the claim while they used it), and the workflow reads back as the pipeline it was written from.
   */
  @Test
  void inArgoTooAFixedClaimIsDeletedAfterTasksMountingItByThatName() {
    Compilation c = compile(pipeline("@Pipeline(formats = Format.ARGO) public static void p() {",
        "  var v = Dsl.volume(\"shared-data\", \"1Gi\").uniqueName(false);",
        "  var write = LibOps.add(1, 2).mountPvc(\"shared-data\", \"/data\").after(v);",
        "  LibOps.add(3, 4).mountPvc(\"shared-data\", \"/data\").after(write);", "}"));
    assertThat(c).succeededWithoutWarnings();
    String argo = Compile.resource(c, ARGO);
    ArgoSchemas.assertValid(argo, ARGO);
    JsonNode delete = Yaml.read(argo).at("/spec/templates").valueStream().flatMap(t -> t.at("/dag/tasks").valueStream())
        .filter(t -> t.path("name").asString().equals("shared-data-delete")).findFirst().orElseThrow();
    assertEquals("shared-data && (add.Succeeded || add.Failed || add.Errored || add.Skipped || add.Omitted) && (add-2.Succeeded || "
        + "add-2.Failed || add-2.Errored || add-2.Skipped || add-2.Omitted)", delete.path("depends").asString(), argo);
    assertEquals(argo, dev.kfp4j.format.argo.ArgoWriter.write(ArgoReader.read(argo, "p.yaml")), "read back, written the same");
  }

  /** KFP 2 names each claim named after the run at random ({@code uuid + suffix}): two alike, or one in a loop, are two claims. */
  @Test
  void inKfp2AloneClaimsNamedAfterTheRunMayShareAResourceName() {
    assertThat(compile(pipeline("@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {",
        "  var a = Dsl.volume(\"data\", \"1Gi\");", "  var b = Dsl.volume(\"data\", \"2Gi\");",
        "  Dsl.forEach(xs, x -> { var v = Dsl.volume(\"data\", \"1Gi\"); LibOps.add(x, 1).mountVolume(v, \"/d\"); });",
        "  LibOps.add(1, 2).mountVolume(a, \"/a\").mountVolume(b, \"/b\");", "}"))).succeededWithoutWarnings();
  }

  /** A pipeline making a claim, called twice: the caller's run would make it twice, an error on the caller. */
  @Test
  void aPipelineMakingAClaimCalledTwiceIsAnErrorOnTheCaller() {
    JavaFileObject source = Compile.testClass("Q", NestedPipelineTest.HEADER,
        "@Pipeline(name = \"scratch\") public static void scratch(int n) {",
        "  var v = Dsl.volume(\"scratch\", \"1Gi\");", "  LibOps.add(n, 1).mountVolume(v, \"/s\");", "}",
        "@Pipeline(name = \"twice\") public static void twice() {", "  Q.scratch(1);", "  Q.scratch(2);", "}");
    Compilation c = Compile.compile(PipelineModelTest.LIB, source);
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] pipeline 'twice': volume step 'scratch-2-scratch' makes claim "
        + "'{{workflow.name}}-scratch', which volume step 'scratch-scratch' makes too; a run makes a claim once: give each volume a resource "
        + "name of its own").inFile(source).onLineContaining("@Pipeline(name = \"twice\")");
    assertThat(c).hadErrorCount(1);
  }

  static Stream<Arguments> claimsMadeTwice() {
    return Stream.of(
        Arguments.of("kfp4j:BadSetting", "var b = Dsl.volume(\"data\", \"2Gi\");",
            new String[] {"@Pipeline public static void p() {", "  var a = Dsl.volume(\"data\", \"1Gi\");", "  var b = Dsl.volume(\"data\", \"2Gi\");",
                "}"},
            "Dsl.volume: this volume makes claim '{{workflow.name}}-data', which volume 'data' makes already, and a run makes a claim "
                + "once; give this volume a resource name of its own, or mount volume 'data'"),
        Arguments.of("kfp4j:BadSetting", "var b = Dsl.volume(\"shared\", \"2Gi\").uniqueName(false);",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p() {",
                "  var a = Dsl.volume(\"shared\", \"1Gi\").uniqueName(false);", "  var b = Dsl.volume(\"shared\", \"2Gi\").uniqueName(false);",
                "}"},
            "Dsl.volume: this volume makes claim 'shared', which volume 'shared' makes already"),
        Arguments.of("kfp4j:NotInArgo", "var v = Dsl.volume(\"data\", \"1Gi\");",
            new String[] {"@Pipeline(formats = Format.ARGO) public static void p(List<Integer> xs) {",
                "  Dsl.forEach(xs, x -> {", "    var v = Dsl.volume(\"data\", \"1Gi\");", "    LibOps.add(x, 1).mountVolume(v, \"/d\");",
                "  });", "}"},
            "Dsl.volume in a loop: the Argo workflow names a claim after the run ('{{workflow.name}}-data'), so each iteration would "
                + "make the same claim; make the volume before the loop and mount it in the loop's tasks, or write this pipeline for "
                + "KFP 2 only (which names each claim at random): @Pipeline(formats = Format.KFP2)"),
        Arguments.of("kfp4j:BadSetting", "var v = Dsl.volume(\"shared\", \"1Gi\").uniqueName(false);",
            new String[] {"@Pipeline(formats = Format.KFP2) public static void p(List<Integer> xs) {",
                "  Dsl.forEach(xs, x -> {", "    var v = Dsl.volume(\"shared\", \"1Gi\").uniqueName(false);",
                "    LibOps.add(x, 1).mountVolume(v, \"/d\");", "  });", "}"},
            "Dsl.volume in a loop: each iteration would make claim 'shared' (uniqueName(false)) again; make the volume before the "
                + "loop and mount it in the loop's tasks, or drop uniqueName(false): KFP 2 names each iteration's claim at random"),
        Arguments.of("kfp4j:BadSetting", "var v = Dsl.volume(\"shared\", \"1Gi\").uniqueName(false);",
            new String[] {"@Pipeline public static void p(List<Integer> xs) {",
                "  Dsl.forEach(xs, x -> {", "    var v = Dsl.volume(\"shared\", \"1Gi\").uniqueName(false);",
                "    LibOps.add(x, 1).mountVolume(v, \"/d\");", "  });", "}"},
            "Dsl.volume in a loop: each iteration would make claim 'shared' (uniqueName(false)) again; make the volume before the "
                + "loop and mount it in the loop's tasks, or drop uniqueName(false) and write this pipeline for KFP 2 only, which "
                + "names each iteration's claim at random: @Pipeline(formats = Format.KFP2)"),
        Arguments.of("kfp4j:BadSetting", "uniqueName(unique)",
            new String[] {"@Pipeline public static void p(boolean unique) {", "  Dsl.volume(\"data\", \"1Gi\").uniqueName(unique);", "}"},
            "the argument of uniqueName(...) must be a constant (a literal or a static final field), not 'unique'"),
        Arguments.of("kfp4j:BadSetting", "Dsl.volume(\"My_Data\", \"1Gi\")",
            new String[] {"@Pipeline public static void p() {", "  Dsl.volume(\"My_Data\", \"1Gi\").uniqueName(false);", "}"},
            "Dsl.volume: the resource name 'My_Data' is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', at most "
                + "63 characters); write e.g. \"my-pvc\""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("claimsMadeTwice")
  void aClaimARunWouldMakeTwiceIsAnErrorOnTheVolume(String tag, String line, String[] body, String message) {
    FormatErrorTest.assertOneErrorOn(tag, line, body, message);
  }
}
