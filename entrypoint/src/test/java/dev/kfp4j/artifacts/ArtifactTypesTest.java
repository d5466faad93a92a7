package dev.kfp4j.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The artifact types and the metadata their log methods write, in the shapes KFP's own classes write. */
class ArtifactTypesTest {
  private static final Path P = Path.of("/tmp/kfp4j-test/a");

  @Test
  void schemaTitlesAreKfps() {
    assertEquals("system.Artifact", new Artifact(P).schemaTitle());
    assertEquals("system.Dataset", new Dataset(P).schemaTitle());
    assertEquals("system.Model", new Model(P).schemaTitle());
    assertEquals("system.Metrics", new Metrics(P).schemaTitle());
    assertEquals("system.ClassificationMetrics", new ClassificationMetrics(P).schemaTitle());
    assertEquals("system.HTML", new HTML(P).schemaTitle());
    assertEquals("system.Markdown", new Markdown(P).schemaTitle());
    assertEquals("0.0.1", new Model(P).schemaVersion());
  }

  @Test
  void anArtifactAtAPathAsATestMakesOne() {
    Dataset d = new Dataset(P);
    assertEquals("a", d.name());
    assertEquals("file:///tmp/kfp4j-test/a", d.uri());
    assertEquals(P, d.path());
    d.metadata().put("rows", 3);
    assertEquals(Map.of("rows", 3), d.metadata());
    assertEquals("system.Dataset 'a' at file:///tmp/kfp4j-test/a", d.toString());
  }

  /** As KFP's {@code log_metric}: one metadata entry per metric, the last value winning. */
  @Test
  void metricsAreMetadataEntries() {
    Metrics m = new Metrics(P);
    m.log("rmse", 0.5);
    m.log("accuracy", 0.9);
    m.log("rmse", 0.25);
    assertEquals(Map.of("rmse", 0.25, "accuracy", 0.9), m.metadata());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.log("loss", Double.NaN));
    assertEquals("metric 'loss' is NaN, which KFP cannot keep: its metadata holds JSON numbers; log a finite value", e.getMessage());
  }

  @Test
  void anInputsMetricsCannotBeLogged() {
    Metrics input = new Metrics("m", "minio://b/m", P, Map.of("rmse", 0.5));
    assertThrows(UnsupportedOperationException.class, () -> input.log("rmse", 1));
  }

  /** As KFP's {@code log_confusion_matrix}: {@code annotationSpecs} and {@code rows}. */
  @Test
  void aConfusionMatrixHasKfpsShape() {
    ClassificationMetrics m = new ClassificationMetrics(P);
    m.logConfusionMatrix(List.of("cat", "dog"), new int[][] {{5, 1}, {2, 7}});
    assertEquals(Map.of("confusionMatrix", Map.of(
        "annotationSpecs", List.of(Map.of("displayName", "cat"), Map.of("displayName", "dog")),
        "rows", List.of(Map.of("row", List.of(5, 1)), Map.of("row", List.of(2, 7))))), m.metadata());
  }

  @Test
  void aConfusionMatrixThatIsNotSquareIsRefused() {
    ClassificationMetrics m = new ClassificationMetrics(P);
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> m.logConfusionMatrix(List.of("cat", "dog"), new int[][] {{5, 1}}));
    assertTrue(rows.getMessage().startsWith("the confusion matrix has 1 rows for 2 categories"), rows.getMessage());
    IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
        () -> m.logConfusionMatrix(List.of("cat", "dog"), new int[][] {{5, 1}, {2}}));
    assertTrue(row.getMessage().startsWith("row 1 (dog) of the confusion matrix has 1 values for 2 categories"), row.getMessage());
    assertEquals(Map.of(), m.metadata());
  }

  /** As KFP's {@code log_roc_curve}: one {@code confidenceMetrics} entry per point, appended. */
  @Test
  void rocPointsHaveKfpsShape() {
    ClassificationMetrics m = new ClassificationMetrics(P);
    m.logRoc(new double[] {0.0, 0.5}, new double[] {0.0, 0.8}, new double[] {1.0, 0.5});
    m.logRocPoint(1.0, 1.0, 0.0);
    assertEquals(List.of(
        Map.of("confidenceThreshold", 1.0, "recall", 0.0, "falsePositiveRate", 0.0),
        Map.of("confidenceThreshold", 0.5, "recall", 0.8, "falsePositiveRate", 0.5),
        Map.of("confidenceThreshold", 0.0, "recall", 1.0, "falsePositiveRate", 1.0)), m.metadata().get("confidenceMetrics"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.logRoc(new double[] {0.1}, new double[] {0.2, 0.3}, new double[] {0.5}));
    assertEquals("fpr, tpr and thresholds must be the same length; got 1, 2 and 1", e.getMessage());
  }

  @Test
  void anArtifactWithoutALocalPathSaysWhereToReadIt() {
    Artifact remote = new Artifact("page", "https://example.com/page", null, null);
    IllegalStateException e = assertThrows(IllegalStateException.class, remote::path);
    assertEquals("system.Artifact 'page' at https://example.com/page has no local path: KFP 2 mounts gs://, s3://, minio:// "
        + "and oci:// URIs only; read it from uri()", e.getMessage());
  }
}
