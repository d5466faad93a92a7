package dev.kfp4j.format;

import dev.kfp4j.yaml.Yaml;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The YAML documents of a pipeline file, as the formats' readers take them. */
public final class Documents {
  private Documents() {}

  /** Every document of {@code yaml}; text that is not YAML is a FormatException naming {@code source}. */
  public static List<JsonNode> read(String yaml, String source) {
    try {
      return Yaml.readAll(yaml);
    } catch (JacksonException e) {
      throw notYaml(source, e);
    }
  }

  /**
   * Every document of {@code yaml}, or null when it is not YAML: for telling a file's kind from its
   * content, where the reader of the kind it then is says what is wrong, and where.
   */
  public static List<JsonNode> readOrNull(String yaml) {
    try {
      return Yaml.readAll(yaml);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code yaml}'s document, as {@link Yaml#read(String)} reads it; text that is not YAML is a FormatException naming {@code source}. */
  public static JsonNode first(String yaml, String source) {
    try {
      return Yaml.read(yaml);
    } catch (JacksonException e) {
      throw notYaml(source, e);
    }
  }

  private static FormatException notYaml(String source, JacksonException e) {
    return new FormatException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
  }
}
