package dev.kfp4j.ui;

import dev.kfp4j.local.Workflow;
import dev.kfp4j.local.WorkflowException;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compiled pipelines a run can be started of: the Argo workflows {@code mvn compile} wrote in
 * {@code <classes>/META-INF/kfp4j/pipelines/}, read each time (a new compile shows at once).
 */
final class Pipelines {
  static final String FOLDER = "META-INF/kfp4j/pipelines";

  private final Path dir;

  /** The pipelines under {@code classes}; none when it is null. */
  Pipelines(Path classes) {
    this.dir = classes == null ? null : classes.toAbsolutePath().normalize().resolve(FOLDER);
  }

  List<String> names() {
    List<String> names = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
        files.forEach(f -> names.add(f.getFileName().toString().replaceFirst("\\.yaml$", "")));
      } catch (IOException e) {
        // none to offer
      }
    }
    names.sort(null);
    return names;
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
    if (dir == null || !RunsFolder.plain(name) || !names().contains(name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(dir.resolve(name + ".yaml")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  Optional<Workflow> workflow(String name) {
    return yaml(name).map(y -> Workflow.parse(y, dir.resolve(name + ".yaml").toString()));
  }
}
