package dev.kfp4j.format.argo;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code outputs} of each container template of another tool, as one text: what defines the outputs a task of it gives
 * besides its command line, for the local runner's cache key. Two such templates with the same image, command and inputs
 * differ in what their outputs are where one saves an output from a path the command does not name (an env entry may), reads
 * another key ({@code valueFrom.default}, {@code optional}), names it or keeps it as a parameter or an artifact otherwise. KFP
 * v1's cache keys a template on its whole {@code outputs} too ({@code generateCacheKeyFromTemplate}). The text is JSON with
 * every object's keys sorted, the lists in their order (the first output at a path is the one whose file it is), so the same
 * outputs give the same text however the file orders their keys. A template kfp4j wrote has none: its component annotation
 * defines its outputs, which its command names ({@link MissingOutputs#checkWrittenByKfp4j} refuses an edit that would not).
 * Keyed by template (the name of its component, {@link ComponentReader}).
 */
public record TemplateOutputs(Map<String, String> texts) {
  /** A run of a pipeline whose outputs its components define (a KFP 2 spec's). */
  public static final TemplateOutputs NONE = new TemplateOutputs(Map.of());

  public TemplateOutputs {
    texts = Map.copyOf(texts);
  }

  /** The outputs of the container templates of another tool of workflow {@code root}. */
  public static TemplateOutputs of(JsonNode root) {
    Map<String, String> texts = new HashMap<>();
    for (JsonNode t : root.path("spec").path("templates")) {
      if (t.has("container") && !ComponentReader.writtenByKfp4j(t) && !t.path("outputs").isEmpty()) {
        texts.putIfAbsent(t.path("name").asString(""), Yaml.jsonText(Yaml.sortedKeys(t.path("outputs"))));
      }
    }
    return new TemplateOutputs(texts);
  }

  /** The text of the outputs of the template whose component is {@code spec}; empty where there is none. */
  public String of(ComponentSpec spec) {
    return texts.getOrDefault(spec.name(), "");
  }
}
