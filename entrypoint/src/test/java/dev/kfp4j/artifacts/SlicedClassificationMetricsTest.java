package dev.kfp4j.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SlicedClassificationMetrics} writes the metadata KFP's {@code dsl.SlicedClassificationMetrics}
 * describes ({@code evaluationSlices} of {@code slice} and {@code sliceClassificationMetrics}, each
 * as a {@link ClassificationMetrics} writes it), and {@link ClassificationMetrics}' categories, rows
 * and cells as KFP's {@code set_confusion_matrix_categories}, {@code log_confusion_matrix_row} and
 * {@code log_confusion_matrix_cell}.
 */
class SlicedClassificationMetricsTest {
  private static final Path P = Path.of("/tmp/kfp4j-test/sliced");

  private static Map<String, Object> matrix(List<String> categories, List<List<Integer>> rows) {
    return Map.of("confusionMatrix", Map.of(
        "annotationSpecs", categories.stream().map(c -> Map.of("displayName", c)).toList(),
        "rows", rows.stream().map(r -> Map.of("row", r)).toList()));
  }

  @Test
  void itsSchemaTitleIsKfps() {
    assertEquals("system.SlicedClassificationMetrics", new SlicedClassificationMetrics(P).schemaTitle());
    assertEquals("0.0.1", new SlicedClassificationMetrics(P).schemaVersion());
  }

  @Test
  void eachSliceHasClassificationMetricsInTheOrderFirstLogged() {
    SlicedClassificationMetrics m = new SlicedClassificationMetrics(P);
    m.logConfusionMatrix("north", List.of("cat", "dog"), new int[][] {{5, 1}, {2, 7}});
    m.logRocPoint("south", 0.0, 0.0, 1.0);
    m.logRoc("north", new double[] {0.5}, new double[] {0.8}, new double[] {0.5});
    m.logRocPoint("south", 1.0, 1.0, 0.0);
    ClassificationMetrics north = new ClassificationMetrics(P);
    north.logConfusionMatrix(List.of("cat", "dog"), new int[][] {{5, 1}, {2, 7}});
    north.logRocPoint(0.5, 0.8, 0.5);
    ClassificationMetrics south = new ClassificationMetrics(P);
    south.logRoc(new double[] {0.0, 1.0}, new double[] {0.0, 1.0}, new double[] {1.0, 0.0});
    assertEquals(Map.of("evaluationSlices", List.of(
        Map.of("slice", "north", "sliceClassificationMetrics", north.metadata()),
        Map.of("slice", "south", "sliceClassificationMetrics", south.metadata()))), m.metadata());
    assertEquals(List.of(Map.of("confidenceThreshold", 1.0, "recall", 0.0, "falsePositiveRate", 0.0),
        Map.of("confidenceThreshold", 0.0, "recall", 1.0, "falsePositiveRate", 1.0)),
        ((Map<?, ?>) ((Map<?, ?>) ((List<?>) m.metadata().get("evaluationSlices")).get(1)).get("sliceClassificationMetrics"))
            .get("confidenceMetrics"), "KFP's keys, points appended");
  }

  @Test
  void categoriesThenRowsAndCellsAsKfpsMethods() {
    SlicedClassificationMetrics m = new SlicedClassificationMetrics(P);
    m.setConfusionMatrixCategories("all", List.of("a", "b", "c"));
    m.logConfusionMatrixRow("all", "b", 1, 2, 3);
    m.logConfusionMatrixCell("all", "c", "a", 9);
    assertEquals(Map.of("evaluationSlices", List.of(Map.of("slice", "all", "sliceClassificationMetrics",
        matrix(List.of("a", "b", "c"), List.of(List.of(0, 0, 0), List.of(1, 2, 3), List.of(9, 0, 0)))))), m.metadata());

    ClassificationMetrics plain = new ClassificationMetrics(P);
    plain.setConfusionMatrixCategories(List.of("x", "y"));
    plain.logConfusionMatrixCell("x", "y", 4);
    plain.logConfusionMatrixRow("y", 5, 6);
    assertEquals(matrix(List.of("x", "y"), List.of(List.of(0, 4), List.of(5, 6))), plain.metadata());
  }

  @Test
  void aRefusedValueNamesWhyAndLeavesTheMetadataAsItWas() {
    SlicedClassificationMetrics m = new SlicedClassificationMetrics(P);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> m.logConfusionMatrixCell("s", "a", "b", 1));
    assertTrue(none.getMessage().startsWith("the confusion matrix has no categories yet; set them first"), none.getMessage());
    IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
        () -> m.logConfusionMatrix("s", List.of("a", "b"), new int[][] {{1, 2}}));
    assertTrue(square.getMessage().startsWith("the confusion matrix has 1 rows for 2 categories"), square.getMessage());
    assertEquals(Map.of(), m.metadata(), "no empty slice left behind");
    m.setConfusionMatrixCategories("s", List.of("a", "b"));
    Map<String, Object> before = Map.copyOf(m.metadata());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> m.logConfusionMatrixRow("s", "z", 1, 2));
    assertEquals("'z' is no category of the confusion matrix; expected one of [a, b]", unknown.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> m.logConfusionMatrixRow("s", "a", 1));
    assertTrue(length.getMessage().startsWith("the row of 'a' has 1 values for 2 categories"), length.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> m.logRocPoint("s", Double.NaN, 0, 0));
    assertTrue(nan.getMessage().startsWith("metric 'falsePositiveRate' is NaN"), nan.getMessage());
    assertEquals(before, m.metadata());
  }

  @Test
  void anInputsMetadataIsReadOnly() {
    SlicedClassificationMetrics in = new SlicedClassificationMetrics("m", "file:///m", P, Map.of("evaluationSlices", List.of()));
    assertThrows(UnsupportedOperationException.class, () -> in.logRocPoint("s", 0, 0, 1));
  }
}
