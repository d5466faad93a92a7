package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pictures of the files the KFP SDK itself compiled (2.17.0's pipeline specs, 1.8.22's workflow), from {@code ../shared}. */
class SdkPicturesTest {
  static Path shared(String folder) {
    Path dir = Path.of(System.getProperty("kfp4j.shared", "../../shared"), "testdata", folder);
    Assumptions.assumeTrue(Files.isDirectory(dir), "needs ../shared (the KFP SDK's files); set -Dkfp4j.shared");
    return dir;
  }

  /** Every pipeline spec KFP 2.17 wrote, components compiled alone too (a root running the component once). */
  static Stream<String> kfp2Files() throws IOException {
    try (Stream<Path> files = Files.list(shared("kfp-sdk-2.17.0"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("kfp2Files")
  void kfp2SdkFilesAreDrawn(String file) throws IOException {
    Path f = shared("kfp-sdk-2.17.0").resolve(file);
    Pipeline p;
    try {
      p = PipelineGraph.read(Files.readString(f), f.toString());
    } catch (FormatException e) {
      // train_component.yaml: a component compiled alone, whose root takes artifacts, is no pipeline kfp4j reads
      Assumptions.assumeFalse(e.getMessage().contains("takes artifacts as inputs"), e.getMessage());
      throw e;
    }
    PictureChecks.svg(p, PipelineGraph.svg(p));
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }

  @Test
  void kfpV1SdkWorkflowIsDrawn() throws IOException {
    Path f = shared("kfp-sdk-1.8.22").resolve("add_pipeline.yaml");
    Pipeline p = PipelineGraph.read(Files.readString(f), f.toString());
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(3, pic.boxes().size(), pic.boxes().keySet().toString());
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }

  @Test
  void anArtifactIsAFileAndTheIfAndLoopAreGroups() throws IOException {
    Path f = shared("kfp-sdk-2.17.0").resolve("cond_loop_artifact.yaml");
    SvgPicture pic = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(Files.readString(f), f.toString())));
    assertEquals("file", pic.edges("produce", "total").get(0).kind());
    assertEquals(List.of("data → data"), pic.edges("produce", "total").get(0).label());
    assertEquals("after", pic.edges("total", "report").get(0).kind());
    List<String> labels = pic.groups().values().stream().map(g -> g.texts().get(0)).toList();
    assertTrue(labels.contains("if total.Output > 3"), labels.toString());
    assertTrue(labels.contains("for each item in [1, 2, 3]"), labels.toString());
  }

  /** A claim's deletion (kfp-kubernetes' DeletePVC, a step of the run) was drawn nowhere: the picture showed a claim kept. */
  @Test
  void aClaimsDeletionIsInItsVolumesBox() throws IOException {
    Path f = shared("kfp-sdk-2.17.0").resolve("kubernetes_settings.yaml");
    SvgPicture pic = SvgPicture.parse(PipelineGraph.svg(PipelineGraph.read(Files.readString(f), f.toString())));
    assertEquals(List.of("createpvc", "volume my-pvc", "1Gi, ReadWriteOnce, standard", "deleted when write succeeds"),
        pic.boxes().get("createpvc").texts());
  }
}
