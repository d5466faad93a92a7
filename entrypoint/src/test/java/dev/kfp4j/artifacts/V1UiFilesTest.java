package dev.kfp4j.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KFP v1's UI files, written whole at each change in the shapes KFP v1's UI reads. */
class V1UiFilesTest {
  @TempDir Path dir;

  @Test
  void metricsAreWrittenAsKfpV1ReadsThem() throws IOException {
    Path file = dir.resolve("metrics.json");
    MlpipelineMetrics m = new MlpipelineMetrics(file);
    assertEquals("{\"metrics\": []}\n", Files.readString(file)); // valid even when nothing is logged
    m.log("accuracy", 0.93);
    m.log("recall", 0.5, MlpipelineMetrics.Format.PERCENTAGE);
    m.log("accuracy", 0.95); // the last value wins, in the place of the first
    assertEquals("{\"metrics\": [{\"format\": \"RAW\", \"name\": \"accuracy\", \"numberValue\": 0.95}, "
        + "{\"format\": \"PERCENTAGE\", \"name\": \"recall\", \"numberValue\": 0.5}]}\n", Files.readString(file));
  }

  @Test
  void badMetricsAreRefusedWhereTheyAreLogged() {
    MlpipelineMetrics m = new MlpipelineMetrics(dir.resolve("m"));
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> m.log("my accuracy", 1));
    assertTrue(name.getMessage().contains("^[a-zA-Z0-9][-a-zA-Z0-9_]*$"), name.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.log("loss", Double.NaN));
    assertEquals(List.of(), m.metrics());
  }

  @Test
  void eachVisualizationHasKfpV1sShape() throws IOException {
    Path file = dir.resolve("ui.json");
    MlpipelineUiMetadata ui = new MlpipelineUiMetadata(file);
    assertEquals("{\"outputs\": []}\n", Files.readString(file));
    ui.table(List.of("name", "note"), List.of(List.of("a", "plain"), List.of("b", "with, comma and \"quote\"")));
    ui.confusionMatrix(List.of("cat", "dog"), new int[][] {{3, 1}, {0, 2}});
    ui.roc(new double[] {0, 0.5, 1}, new double[] {0, 0.75, 1}, new double[] {1, 0.5, 0});
    ui.markdown("# Title");
    ui.webApp("<p>hi</p>");
    assertEquals("{\"outputs\": ["
        + "{\"format\": \"csv\", \"header\": [\"name\", \"note\"], \"source\": \"a,plain\\nb,\\\"with, comma and \\\"\\\"quote\\\"\\\"\\\"\\n\", "
        + "\"storage\": \"inline\", \"type\": \"table\"}, "
        + "{\"format\": \"csv\", \"labels\": [\"cat\", \"dog\"], \"schema\": [{\"name\": \"target\", \"type\": \"CATEGORY\"}, "
        + "{\"name\": \"predicted\", \"type\": \"CATEGORY\"}, {\"name\": \"count\", \"type\": \"NUMBER\"}], "
        + "\"source\": \"cat,cat,3\\ncat,dog,1\\ndog,cat,0\\ndog,dog,2\\n\", \"storage\": \"inline\", \"type\": \"confusion_matrix\"}, "
        + "{\"format\": \"csv\", \"schema\": [{\"name\": \"fpr\", \"type\": \"NUMBER\"}, {\"name\": \"tpr\", \"type\": \"NUMBER\"}, "
        + "{\"name\": \"thresholds\", \"type\": \"NUMBER\"}], \"source\": \"0.0,0.0,1.0\\n0.5,0.75,0.5\\n1.0,1.0,0.0\\n\", "
        + "\"storage\": \"inline\", \"type\": \"roc\"}, "
        + "{\"source\": \"# Title\", \"storage\": \"inline\", \"type\": \"markdown\"}, "
        + "{\"source\": \"<p>hi</p>\", \"storage\": \"inline\", \"type\": \"web-app\"}]}\n", Files.readString(file));
  }

  @Test
  void malformedVisualizationsAreRefusedAndLeaveTheFileAsItWas() throws IOException {
    Path file = dir.resolve("ui.json");
    MlpipelineUiMetadata ui = new MlpipelineUiMetadata(file);
    IllegalArgumentException table =
        assertThrows(IllegalArgumentException.class, () -> ui.table(List.of("a", "b"), List.of(List.of("1"))));
    assertTrue(table.getMessage().contains("row 0 of the table has 1 cells for the 2 columns"), table.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ui.confusionMatrix(List.of("a", "b"), new int[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class, () -> ui.roc(new double[] {0}, new double[] {0, 1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> ui.roc(new double[] {Double.POSITIVE_INFINITY}, new double[] {0}, new double[] {1}));
    assertEquals("{\"outputs\": []}\n", Files.readString(file));
  }
}
