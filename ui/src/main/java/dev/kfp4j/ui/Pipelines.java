package dev.kfp4j.ui;

import dev.kfp4j.local.CompiledPipelines;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.local.WorkflowException;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled pipelines a run can be started of, in either format ({@link CompiledPipelines}: a
 * pipeline compiled in both runs from its Argo workflow, as {@code kfp4j run} runs it), read each
 * time (a new compile shows at once).
 */
final class Pipelines {
  private final Path classes;

  /** The pipelines under {@code classes}; none when it is null. */
  Pipelines(Path classes) {
    this.classes = classes == null ? null : classes.toAbsolutePath().normalize();
  }

  /** Each pipeline's file, by name, sorted; none when they cannot be listed. */
  private Map<String, Path> files() {
    if (classes == null) {
      return Map.of();
    }
    try {
      return CompiledPipelines.in(classes);
    } catch (IOException e) {
      return Map.of(); // none to offer
    }
  }

  List<String> names() {
    return List.copyOf(files().keySet());
  }

  /** Each pipeline with its parameters (name, default, KFP type), for the "create run" form. */
  ArrayNode list() {
    ArrayNode out = Yaml.json().createArrayNode();
    for (String name : names()) {
      Optional<Workflow> w;
      try {
        w = workflow(name);
      } catch (WorkflowException e) {
        continue; // not a workflow the runner runs
      }
      if (w.isEmpty()) {
        continue;
      }
      ObjectNode p = out.addObject();
      p.put("name", name);
      ArrayNode params = p.putArray("parameters");
      for (Workflow.Parameter param : w.get().parameters()) {
        ObjectNode o = params.addObject().put("name", param.name());
        if (param.defaultValue() != null) {
          o.put("default", param.defaultValue());
        } else if (param.optional()) {
          o.put("optional", true); // left out of the run when its field is left empty
        }
        if (param.type() != null) {
          o.put("type", param.type());
        }
      }
    }
    return out;
  }

  /** The compiled YAML of pipeline {@code name}. */
  Optional<String> yaml(String name) {
    return file(name).flatMap(Pipelines::read);
  }

  Optional<Workflow> workflow(String name) {
    return file(name).flatMap(f -> read(f).map(y -> Workflow.parse(y, f.toString())));
  }

  private Optional<Path> file(String name) {
    return RunsFolder.plain(name) ? Optional.ofNullable(files().get(name)) : Optional.empty();
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
