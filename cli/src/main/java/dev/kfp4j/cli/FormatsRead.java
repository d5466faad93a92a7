package dev.kfp4j.cli;

import dev.kfp4j.local.PipelinesIndex;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What chose the formats of compiled pipelines, as the pipelines index the processor wrote beside them says ({@link
 * PipelinesIndex}), for the message on a pipeline compiled in the other form only: it names the one way to compile it in
 * the form wanted too ({@link PipelineFormat#compileToo}).
 */
final class FormatsRead {
  private FormatsRead() {}

  /**
   * What chose the formats of the pipelines {@code names}, as the index of {@code classes} says, else the first on the
   * classpath that has an entry of that name (a pipeline of a jar); null when an index does not say for one of them (kfp4j
   * wrote none before 2026-12-07), none has it, or they differ.
   */
  static FormatsFrom of(Path classes, List<String> names) {
    List<JsonNode> indexes = indexes(classes);
    FormatsFrom common = null;
    for (String name : names) {
      FormatsFrom chosen = indexes.stream().filter(i -> i.has(name)).findFirst().map(i -> PipelinesIndex.formatsFrom(i, name))
          .orElse(null);
      if (chosen == null || common != null && chosen != common) {
        return null;
      }
      common = chosen;
    }
    return common;
  }

  /** The indexes that may say, in order: that of {@code classes}, then those on the classpath; none that does not read. */
  private static List<JsonNode> indexes(Path classes) {
    List<JsonNode> out = new ArrayList<>();
    Path own = classes.resolve(PipelinesIndex.RESOURCE);
    try {
      if (Files.isRegularFile(own)) {
        add(out, Files.readString(own));
      }
      for (URL url : Collections.list(Thread.currentThread().getContextClassLoader().getResources(PipelinesIndex.RESOURCE))) {
        try (InputStream in = url.openStream()) {
          add(out, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      return out; // only a message's advice: what was read, without the rest
    }
    return out;
  }

  private static void add(List<JsonNode> out, String text) {
    try {
      JsonNode index = PipelinesIndex.parse(text);
      if (index != null && index.isObject()) {
        out.add(index);
      }
    } catch (RuntimeException e) {
      // an index that does not read says nothing: the message names both ways, as without one
    }
  }
}
