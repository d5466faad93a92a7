package dev.kfp4j.local;

import dev.kfp4j.yaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The pipelines index the processor keeps in a class output, {@value #RESOURCE}: a comment line, then a JSON object with an
 * entry for each pipeline compiled there, by name (JSON is YAML too; kfp4j wrote it in block YAML before 2026-12-03). The
 * processor reads it back for partial compilations; the commands read what chose a pipeline's formats ({@link
 * #formatsFrom}), to say how to compile it in the form they need too.
 */
public final class PipelinesIndex {
  /** Where the processor keeps it, in the class output. */
  public static final String RESOURCE = "META-INF/kfp4j/pipelines.index";
  /** The key of an entry that says what chose the pipeline's formats ({@link FormatsFrom}); none before 2026-12-07. */
  public static final String FORMATS_FROM = "formatsFrom";

  private PipelinesIndex() {}

  /** What chose the formats a pipeline is written in. */
  public enum FormatsFrom {
    /** Its {@code @Pipeline(formats = ...)}, where the processor option {@code kfp4j.formats} changes nothing. */
    ANNOTATION,
    /** The processor option {@code kfp4j.formats} (both formats when it is not given): its {@code @Pipeline} names none. */
    OPTION;

    /** How the index writes it: its name in lower case. */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value the index writes as {@code text}; null for none (an entry written before there was one) or another. */
    public static FormatsFrom of(JsonNode text) {
      for (FormatsFrom f : values()) {
        if (text != null && text.isString() && f.text().equals(text.asString())) {
          return f;
        }
      }
      return null;
    }
  }

  /**
   * The index's tree: JSON after its comment lines, as the processor writes it, read without a YAML parser; an index in the
   * block YAML that kfp4j wrote before 2026-12-03, with one.
   */
  public static JsonNode parse(String text) {
    int at = 0;
    while (text.startsWith("#", at) && text.indexOf('\n', at) >= 0) {
      at = text.indexOf('\n', at) + 1;
    }
    return text.startsWith("{", at) ? Yaml.readJson(text.substring(at)) : Yaml.read(text);
  }

  /** What chose the formats of the pipeline named {@code pipeline} in the index {@code index}; null when it does not say. */
  public static FormatsFrom formatsFrom(JsonNode index, String pipeline) {
    JsonNode entry = index == null ? null : index.get(pipeline);
    return entry == null || !entry.isObject() ? null : FormatsFrom.of(entry.get(FORMATS_FROM));
  }
}
