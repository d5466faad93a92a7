package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.TaskSetting;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an importer step as KFP's compiler writes {@code dsl.importer} ({@code
 * pipeline_spec_builder.build_importer_spec_for_task}): a task giving input {@code uri} (a
 * constant as {@code runtimeValue}, else where the value is), a component {@code comp-importer}
 * taking {@code uri} (a {@code STRING}) and giving output {@code artifact} of the step's type, and
 * its executor {@code importer}: {@code artifactUri} ({@code constant}, or {@code
 * runtimeParameter: uri}), {@code typeSchema}, {@code reimport} and {@code downloadToWorkspace}
 * when true, {@code metadata} when there is some.
 */
final class Kfp2Importers {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TaskInputs inputs;
  private final ArgumentTypes types;
  private final Kfp2Components components;

  Kfp2Importers(TaskInputs inputs, ArgumentTypes types, Kfp2Components components) {
    this.inputs = inputs;
    this.types = types;
    this.components = components;
  }

  /** Fills task {@code t} of importer {@code s}, in {@code level}'s DAG, adding what it waits for to {@code deps}. */
  void task(ObjectNode t, ImporterStep s, Level level, Set<String> deps, String where) {
    t.putObject("cachingOptions").put("enableCache", true);
    ObjectNode definitions = NODES.objectNode();
    ObjectNode parameters = definitions.putObject("inputDefinitions").putObject("parameters");
    for (Map.Entry<String, Argument> e : s.arguments().entrySet()) {
      Argument a = e.getValue();
      if (types.isArtifact(a)) {
        throw new FormatException(where + ": importer input '" + e.getKey() + "' is given " + a
            + ", a file (an artifact in KFP 2); an importer takes values: the URI and its metadata's values");
      }
      String type = e.getKey().equals(ImporterStep.URI) ? "STRING" : types.type(a).v2Name();
      parameters.putObject(e.getKey()).put("parameterType", type);
      if (a instanceof Argument.Constant c) {
        TaskInputs.constant(t, e.getKey(), Kfp2Components.value(c.text(), c.type(), where + ", input '" + e.getKey() + "'"));
      } else {
        inputs.input(t, e.getKey(), a, level, deps, false);
      }
    }
    Kfp2Components.artifactType(definitions.putObject("outputDefinitions").putObject("artifacts").putObject(ImporterStep.OUTPUT),
        s.artifactType());
    ObjectNode container = NODES.objectNode();
    ObjectNode k8s = NODES.objectNode();
    Kfp2Settings settings = new Kfp2Settings(where, t, container, k8s, a -> inputs.parameter(a, level, deps));
    for (TaskSetting setting : s.settings()) {
      setting.accept(settings);
    }
    if (!container.isEmpty() || !k8s.isEmpty()) {
      throw new FormatException(where + ": an importer runs no container of its own: of the task settings it takes its display "
          + "name, caching and retries, not " + (container.isEmpty() ? k8s : container).propertyNames());
    }
    t.putObject("componentRef").put("name", components.importer(definitions, executor(s)));
  }

  /** The executor's {@code importer}, as KFP's compiler writes it. */
  static ObjectNode executor(ImporterStep s) {
    ObjectNode importer = NODES.objectNode();
    if (s.uri() instanceof Argument.Constant c) {
      importer.putObject("artifactUri").put("constant", c.text());
    } else {
      importer.putObject("artifactUri").put("runtimeParameter", ImporterStep.URI);
    }
    if (s.metadata() != null && !s.metadataJson().isEmpty()) {
      importer.set("metadata", s.metadataJson());
    }
    if (s.reimport()) {
      importer.put("reimport", true);
    }
    if (s.downloadToWorkspace()) {
      importer.put("downloadToWorkspace", true);
    }
    Kfp2Types.putType(importer.putObject("typeSchema"), s.artifactType());
    return importer;
  }
}
