package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code mountPvc(claim, mountPath, subPath)}, kfp-kubernetes' {@code mount_pvc(task, pvc_name, mount_path, sub_path=...)}: the
 * claim's folder mounted, written as KFP's SDK writes it ({@code subPath} in the task's {@code pvcMount}) and as a container's
 * {@code volumeMounts[].subPath} in Argo; a sub-path Kubernetes refuses is an error on it.
 */
class PvcSubPathTest {
  private static final String ARGO = "META-INF/kfp4j/pipelines/p.yaml";
  private static final String KFP2 = "META-INF/kfp4j/kfp2/pipelines/p.yaml";

  @Test
  void aConstantClaimsFolderIsTheMountsSubPathInBothFormatsAndReadsBack() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile("@Pipeline public static void p() {",
        "  LibOps.add(1, 2).mountPvc(\"shared\", \"/data\", \"models\").mountPvc(\"shared\", \"/logs\", \"runs/logs\");", "}");
    List<TaskSetting> mounts = List.of(new TaskSetting.PvcMount("shared", "/data", "models"),
        new TaskSetting.PvcMount("shared", "/logs", "runs/logs"));
    assertEquals(mounts, ((Task) c.model().node("add").orElseThrow()).settings());

    String kfp2 = c.kfp2();
    assertEquals("[{\"constant\":\"shared\",\"mountPath\":\"/data\",\"pvcNameParameter\":{\"runtimeValue\":{\"constant\":\"shared\"}},"
        + "\"subPath\":\"models\"},{\"constant\":\"shared\",\"mountPath\":\"/logs\",\"pvcNameParameter\":{\"runtimeValue\":"
        + "{\"constant\":\"shared\"}},\"subPath\":\"runs/logs\"}]",
        Yaml.readAll(kfp2).get(1).at("/platforms/kubernetes/deploymentSpec/executors/exec-add/pvcMount").toString(), kfp2);
    assertEquals(mounts, ((Task) Kfp2Reader.read(kfp2, "p.yaml").node("add").orElseThrow()).settings());
    assertEquals(kfp2, Kfp2Writer.write(Kfp2Reader.read(kfp2, "p.yaml")), "read back, written the same");

    String argo = c.argo();
    ArgoSchemas.assertValid(argo, ARGO);
    JsonNode template = Yaml.read(argo).at("/spec/templates").valueStream()
        .filter(t -> t.path("name").asString().equals("add")).findFirst().orElseThrow();
    assertEquals("[{\"name\":\"pvc-shared\",\"mountPath\":\"/data\",\"subPath\":\"models\"},"
        + "{\"name\":\"pvc-shared\",\"mountPath\":\"/logs\",\"subPath\":\"runs/logs\"}]",
        template.at("/container/volumeMounts").toString(), argo);
    assertEquals("[{\"name\":\"pvc-shared\",\"persistentVolumeClaim\":{\"claimName\":\"shared\"}}]",
        template.at("/volumes").toString(), argo);
    assertEquals(mounts, ((Task) ArgoReader.read(argo, "p.yaml").node("add").orElseThrow()).settings());
  }

  /**
   * A claim a pipeline parameter names, or a volume step's (kfp-kubernetes' CreatePVC): KFP's SDK writes the sub-path beside
   * either ({@code mount_pvc} checks none) and KFP's driver mounts it as it is ({@code makeVolumeMountPatch} in {@code
   * backend/src/v2/driver/k8s.go}), the kubelet making the folder in the new claim, so kfp4j takes both.
   */
  @Test
  void aClaimFromTheRunOrMadeByAVolumeStepTakesASubPathToo() {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile("@Pipeline(formats = Format.KFP2) public static void p(String claim) {",
        "  var v = Dsl.volume(\"my-pvc\", \"5Mi\", \"ReadWriteOnce\", \"standard\");",
        "  LibOps.add(1, 2).mountPvc(claim, \"/data\", \"models\");",
        "  LibOps.add(3, 4).mountPvc(v.name(), \"/data\", \"logs\");", "}");
    String kfp2 = c.kfp2();
    JsonNode executors = Yaml.readAll(kfp2).get(1).at("/platforms/kubernetes/deploymentSpec/executors");
    assertEquals("[{\"componentInputParameter\":\"claim\",\"mountPath\":\"/data\",\"pvcNameParameter\":{\"componentInputParameter\":"
        + "\"claim\"},\"subPath\":\"models\"}]", executors.at("/exec-add/pvcMount").toString(), kfp2);
    assertEquals("[{\"mountPath\":\"/data\",\"pvcNameParameter\":{\"taskOutputParameter\":{\"outputParameterKey\":\"name\","
        + "\"producerTask\":\"my-pvc\"}},\"subPath\":\"logs\",\"taskOutputParameter\":{\"outputParameterKey\":\"name\","
        + "\"producerTask\":\"my-pvc\"}}]", executors.at("/exec-add-2/pvcMount").toString(), kfp2);
    var read = Kfp2Reader.read(kfp2, "p.yaml");
    assertEquals(List.of(new TaskSetting.PvcMountFrom(new Argument.PipelineParameter("claim"), "/data", "models")),
        ((Task) read.node("add").orElseThrow()).settings());
    assertEquals(new TaskSetting.PvcMountFrom(new Argument.TaskOutput("my-pvc", "name"), "/data", "logs"),
        ((Task) read.node("add-2").orElseThrow()).settings().get(0));
    assertEquals(kfp2, Kfp2Writer.write(read), "read back, written the same");
  }

  @Test
  void anAbsoluteSubPathOrOneWithDotDotIsAnErrorOnItSayingWhatToWrite() {
    String line = "  LibOps.add(1, 2).mountPvc(\"shared\", \"/data\", \"/models\");";
    Compilation c = compile("@Pipeline public static void p() {", line, "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] mountPvc: the sub-path '/models' is absolute, which Kubernetes refuses as a "
        + "volumeMount's subPath: it is a folder within the claim; write it relative to the claim's root, such as \"models\"")
        .inFile(p(c)).onLine(lineOf(c, line)).atColumn(line.indexOf("\"/models\"") + 1);
    assertThat(c).hadErrorCount(1);

    line = "  LibOps.add(1, 2).mountPvc(claim, \"/data\", \"models/../../other\");";
    c = compile("@Pipeline(formats = Format.KFP2) public static void p(String claim) {", line, "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] mountPvc: the sub-path 'models/../../other' contains '..', which Kubernetes "
        + "refuses as a volumeMount's subPath: it may not leave the claim; write a folder within it, such as \"models\"")
        .inFile(p(c)).onLine(lineOf(c, line)).atColumn(line.indexOf("\"models/..") + 1);
    assertThat(c).hadErrorCount(1);

    line = "  LibOps.add(1, 2).mountPvc(\"shared\", \"/data\", sub);";
    c = compile("@Pipeline(formats = Format.KFP2) public static void p(String sub) {", line, "}");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] the argument of mountPvc(...) must be a constant (a literal or a static "
        + "final field), not 'sub'").inFile(p(c)).onLine(lineOf(c, line)).atColumn(line.indexOf("sub)") + 1);
  }

  private static Compilation compile(String... body) {
    JavaFileObject source = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.dsl.Dsl;",
        "import java.util.*;"), body);
    return Compile.compileWithOptions(new java.util.ArrayList<>(), List.of(), PipelineModelTest.LIB, source);
  }

  /** The number of the line {@code line} in the compiled source. */
  private static long lineOf(Compilation c, String line) {
    try {
      return List.of(p(c).getCharContent(true).toString().split("\n", -1)).indexOf(line) + 1;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JavaFileObject p(Compilation c) {
    return c.sourceFiles().stream().filter(f -> f.getName().endsWith("P.java")).findFirst().orElseThrow();
  }
}
