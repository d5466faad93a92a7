package dev.kfp4j.artifacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KFP v1's visualizations of a step, the {@code mlpipeline-ui-metadata} output its UI draws in the
 * step's "Visualizations" tab. Take it as {@code @Out MlpipelineUiMetadata ui}: the component gets
 * the output {@code mlpipeline_ui_metadata}, as the KFP SDK names {@code
 * mlpipeline_ui_metadata_path: OutputPath()}, which the Argo workflow passes as the artifact {@code
 * mlpipeline-ui-metadata}. Each call adds one entry to {@code {"outputs": [...]}}, in KFP v1's
 * shapes with the data inline, and rewrites the file; a component that adds none leaves {@code
 * {"outputs": []}}.
 *
 * <p>It is KFP v1's; KFP 2's UI reads {@link ClassificationMetrics}, {@link Markdown} and {@link
 * HTML} instead.
 */
public final class MlpipelineUiMetadata extends V1UiFile {
  private final List<Object> outputs = new ArrayList<>();

  /** Visualizations written to {@code path} (the entrypoint gives KFP's), which now holds none. */
  public MlpipelineUiMetadata(Path path) {
    super(path);
    write();
  }

  /**
   * Adds a table: {@code type: table}, {@code format: csv}, the header, the rows as inline CSV.
   *
   * @throws IllegalArgumentException when a row's length differs from the header's
   */
  public void table(List<String> header, List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("row " + i + " of the table has " + row.size() + " cells for the "
            + header.size() + " columns " + header + "; give one cell per column");
      }
      csvRow(csv, row);
    }
    Map<String, Object> out = entry("table");
    out.put("format", "csv");
    out.put("header", List.copyOf(header));
    out.put("source", csv.toString());
    add(out);
  }

  /**
   * Adds a confusion matrix: {@code type: confusion_matrix}, inline CSV rows {@code target,
   * predicted, count}, and the labels.
   *
   * @param labels the categories, in the order of the matrix's rows and columns
   * @param matrix {@code matrix[i][j]}: how many items of label {@code i} were predicted {@code j}
   * @throws IllegalArgumentException when the matrix is not square with one row and column per label
   */
  public void confusionMatrix(List<String> labels, int[][] matrix) {
    if (matrix.length != labels.size()) {
      throw new IllegalArgumentException("the confusion matrix has " + matrix.length + " rows for " + labels.size()
          + " labels " + labels + "; give one row per label");
    }
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i].length != labels.size()) {
        throw new IllegalArgumentException("row " + i + " (" + labels.get(i) + ") of the confusion matrix has "
            + matrix[i].length + " values for " + labels.size() + " labels; give one value per label");
      }
      for (int j = 0; j < matrix[i].length; j++) {
        csvRow(csv, List.of(labels.get(i), labels.get(j), Integer.toString(matrix[i][j])));
      }
    }
    Map<String, Object> out = entry("confusion_matrix");
    out.put("format", "csv");
    out.put("schema", List.of(column("target", "CATEGORY"), column("predicted", "CATEGORY"), column("count", "NUMBER")));
    out.put("source", csv.toString());
    out.put("labels", List.copyOf(labels));
    add(out);
  }

  /**
   * Adds an ROC curve: {@code type: roc}, inline CSV rows {@code fpr, tpr, thresholds}; point
   * {@code i} is {@code (fpr[i], tpr[i])} at {@code thresholds[i]}.
   *
   * @throws IllegalArgumentException when the arrays differ in length, or a value is NaN or infinite
   */
  public void roc(double[] fpr, double[] tpr, double[] thresholds) {
    if (fpr.length != tpr.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException("fpr, tpr and thresholds must be the same length; got " + fpr.length + ", "
          + tpr.length + " and " + thresholds.length);
    }
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < fpr.length; i++) {
      ClassificationMetrics.checkFinite("fpr", fpr[i]);
      ClassificationMetrics.checkFinite("tpr", tpr[i]);
      ClassificationMetrics.checkFinite("thresholds", thresholds[i]);
      csvRow(csv, List.of(Double.toString(fpr[i]), Double.toString(tpr[i]), Double.toString(thresholds[i])));
    }
    Map<String, Object> out = entry("roc");
    out.put("format", "csv");
    out.put("schema", List.of(column("fpr", "NUMBER"), column("tpr", "NUMBER"), column("thresholds", "NUMBER")));
    out.put("source", csv.toString());
    add(out);
  }

  /** Adds Markdown, rendered by KFP v1's UI: {@code type: markdown}, the text inline. */
  public void markdown(String text) {
    Map<String, Object> out = entry("markdown");
    out.put("source", text);
    add(out);
  }

  /** Adds an HTML page, shown in a sandboxed frame by KFP v1's UI: {@code type: web-app}, the page inline. */
  public void webApp(String html) {
    Map<String, Object> out = entry("web-app");
    out.put("source", html);
    add(out);
  }

  /** The entries added, in order, as KFP v1 reads them. */
  public List<Object> outputs() {
    return List.copyOf(outputs);
  }

  @Override
  Object json() {
    return Map.of("outputs", outputs);
  }

  private static Map<String, Object> entry(String type) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", type);
    out.put("storage", "inline");
    return out;
  }

  private static Map<String, Object> column(String name, String type) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("type", type);
    return c;
  }

  private void add(Map<String, Object> output) {
    outputs.add(output);
    write();
  }

  /** One CSV line, each cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
  private static void csvRow(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i) == null ? "" : cells.get(i);
      if (i > 0) {
        csv.append(',');
      }
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
        csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(cell);
      }
    }
    csv.append('\n');
  }
}
