package dev.kfp4j.processor;

import dev.kfp4j.local.PipelinesIndex;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the processor compiled into this class output, for the next compilation of part of it (an
 * IDE's, an incremental build's): for each pipeline, the method it was compiled from, its source
 * file, its generated class, what chose its formats, and the digest of each component spec it embeds. With it, compiling
 * a pipeline's file alone recognises the pipeline class it generated before, and compiling a
 * component's file alone finds the pipelines that still embed its earlier spec. Kept as the
 * resource {@value #RESOURCE}; a partial compilation rewrites only its own pipelines' entries.
 * Written as JSON after a comment line (JSON is YAML too), so that reading it needs no YAML parser:
 * a processor is loaded afresh for each compile of an IDE's or a build daemon's, and starting
 * Jackson's YAML parser cost more there than the rest of a component file's partial compilation.
 * What chose a pipeline's formats is for the commands ({@link PipelinesIndex}), which say how to compile it in another form.
 */
final class PipelineIndex {
  static final String RESOURCE = PipelinesIndex.RESOURCE;
  private static final String HEADER = "Written by kfp4j: where each pipeline of this class output was compiled from, and the"
      + " digests of the component specs it embeds, to keep partial compilations in step. Do not edit.";

  /** One pipeline's entry; {@code formatsFrom} null for an entry of an index written before it said. */
  record Entry(String name, String method, String owner, String file, String pipelineClass, FormatsFrom formatsFrom,
      Map<String, String> components) {}

  private final Filer filer;
  private Map<String, Entry> earlier;
  private final Map<String, Entry> now = new TreeMap<>();

  PipelineIndex(Filer filer) {
    this.filer = filer;
  }

  /** The pipelines an earlier compilation wrote into this class output (empty for none), by name. */
  private Map<String, Entry> earlier() {
    if (earlier == null) {
      String text = read(filer);
      earlier = entries(text == null ? null : PipelinesIndex.parse(text));
    }
    return earlier;
  }

  /**
   * The index of this class output, null for none. A folder's is read there alone: the class path may hold another
   * project's classes folder (a Maven reactor's module, an IDE's), whose index is no earlier compilation of this one. Only
   * where the class output is no folder (a compiler kept in memory, as compile-testing's) is an earlier output given on the
   * class path, and read there.
   */
  private static String read(Filer filer) {
    try {
      FileObject out = filer.getResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
      if ("file".equals(out.toUri().getScheme())) {
        try (InputStream in = out.openInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException | RuntimeException e) {
      return null; // none written yet
    }
    return SpecSource.read(filer, RESOURCE);
  }

  /** The entries of an index's tree (none for null or a tree that is not an object), by name. */
  static Map<String, Entry> entries(JsonNode root) {
    Map<String, Entry> out = new TreeMap<>();
    if (root != null && root.isObject()) {
      root.properties().forEach(e -> out.put(e.getKey(), entry(e.getKey(), e.getValue())));
    }
    return out;
  }

  private static Entry entry(String name, JsonNode n) {
    Map<String, String> components = new TreeMap<>();
    n.path("components").properties().forEach(c -> components.put(c.getKey(), c.getValue().asString()));
    return new Entry(name, n.path("method").asString(), n.path("owner").asString(), n.path("file").asString(),
        n.path("class").asString(), FormatsFrom.of(n.get(PipelinesIndex.FORMATS_FROM)), components);
  }

  /** The names of the pipelines an earlier compilation wrote into this class output (none in a first, whole one). */
  java.util.Set<String> earlierNames() {
    return earlier().keySet();
  }

  /**
   * Whether an earlier compilation generated {@code pipelineClass} from a method of the class and name of {@code method}
   * ({@code test.P.p(int)}): its parameters may have changed since, and its class is still its own.
   */
  boolean generatedEarlier(String pipelineClass, String method) {
    return earlier().values().stream()
        .anyMatch(e -> e.pipelineClass().equals(pipelineClass) && named(e.method()).equals(named(method)));
  }

  /** A method as {@code ComponentValidator.describe} says it, without its parameters: {@code test.P.p}. */
  private static String named(String method) {
    int open = method.indexOf('(');
    return open < 0 ? method : method.substring(0, open);
  }

  /** Records {@code pipeline}, compiled now from {@code file}, embedding these specs (resource → digest). */
  void compiled(PipelineModel pipeline, String file, Map<String, String> components) {
    now.put(pipeline.name(), new Entry(pipeline.name(), pipeline.source(), pipeline.owner().canonicalName(), file,
        pipeline.pipelineClass().canonicalName(), pipeline.ownFormats() ? FormatsFrom.ANNOTATION : FormatsFrom.OPTION,
        new TreeMap<>(components)));
  }

  /**
   * The pipelines of earlier compilations that embed the spec at {@code resource} with another
   * digest than {@code digest} and whose class is not compiled now ({@code digest} is asked for
   * only when one embeds it).
   */
  List<Entry> staleUsers(String resource, Supplier<String> digest, Predicate<String> compiledNow) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : earlier().values()) {
      String embedded = e.components().get(resource);
      if (embedded != null && !embedded.equals(digest.get()) && !compiledNow.test(e.owner()) && !now.containsKey(e.name())) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Writes the index: the pipelines compiled now, and those of earlier compilations whose class
   * is not compiled now (a pipeline removed from a file compiled now is dropped).
   */
  void write(Predicate<String> compiledNow) throws IOException {
    Map<String, Entry> all = new TreeMap<>();
    earlier().forEach((name, e) -> {
      if (!compiledNow.test(e.owner())) {
        all.put(name, e);
      }
    });
    all.putAll(now);
    Output.resource(filer, RESOURCE, "# " + HEADER + "\n" + json(all.values()) + "\n");
  }

  /**
   * The entries as the JSON object Jackson's default pretty printer writes of them, without
   * Jackson's JSON generator ({@link Yaml#prettyJsonText}): a build that writes the index loads
   * none of its 75 classes (for each compile of an IDE's, which loads the processor afresh).
   */
  static String json(Collection<Entry> entries) {
    ObjectNode root = Yaml.object();
    for (Entry e : entries) {
      ObjectNode n = root.putObject(e.name());
      n.put("method", e.method());
      n.put("owner", e.owner());
      n.put("file", e.file());
      n.put("class", e.pipelineClass());
      if (e.formatsFrom() != null) { // an earlier compilation's entry that does not say is kept as it was
        n.put(PipelinesIndex.FORMATS_FROM, e.formatsFrom().text());
      }
      ObjectNode components = n.putObject("components");
      for (Map.Entry<String, String> c : e.components().entrySet()) {
        components.put(c.getKey(), c.getValue());
      }
    }
    return Yaml.prettyJsonText(root);
  }
}
