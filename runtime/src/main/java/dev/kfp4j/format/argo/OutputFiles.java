package dev.kfp4j.format.argo;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The files a workflow's steps write their file outputs to, as its templates declare them: per
 * template and output, the file's name in the container ({@code report.html}) and the KFP type
 * the template's component spec gives the output ({@code HTML}, {@code Markdown}, {@code
 * Dataset}...), so that a viewer of a run's outputs can show each as what it is.
 */
public final class OutputFiles {
  /** An output file: its name in the container and its KFP type, each null when the workflow does not say. */
  public record OutputFile(String fileName, String type) {}

  private OutputFiles() {}

  /** By template name, then output name; empty for a file that is not an Argo workflow. */
  public static Map<String, Map<String, OutputFile>> of(JsonNode workflow) {
    Map<String, Map<String, OutputFile>> byTemplate = new HashMap<>();
    if (!ArgoReader.isWorkflow(workflow)) {
      return byTemplate;
    }
    for (JsonNode t : workflow.path("spec").path("templates")) {
      Map<String, String> types = ComponentReader.annotatedTypes(t);
      Map<String, OutputFile> outputs = new HashMap<>();
      for (JsonNode a : t.path("outputs").path("artifacts")) {
        String name = a.path("name").asString("");
        String path = a.path("path").asString("");
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        outputs.put(name, new OutputFile(fileName.isEmpty() ? null : fileName, types.get(name)));
      }
      byTemplate.put(t.path("name").asString(""), outputs);
    }
    return byTemplate;
  }
}
