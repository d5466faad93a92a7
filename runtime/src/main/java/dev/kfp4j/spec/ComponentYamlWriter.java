package dev.kfp4j.spec;

import dev.kfp4j.yaml.Yaml;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes KFP v1 component specs as YAML trees, in the KFP SDK's key order (name, description,
 * metadata, inputs, outputs, implementation; within an input: name, type, description, default,
 * optional), so a spec written here reads like one the SDK wrote. {@link ComponentYaml} is the way in.
 */
final class ComponentYamlWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ComponentYamlWriter() {}


  static ObjectNode toNode(ComponentSpec spec) {
    ObjectNode root = NODES.objectNode();
    putIfNotNull(root, "name", spec.name());
    putIfNotNull(root, "description", spec.description());
    if (!spec.annotations().isEmpty() || !spec.labels().isEmpty()) {
      ObjectNode metadata = root.putObject("metadata");
      if (!spec.annotations().isEmpty()) {
        ObjectNode a = metadata.putObject("annotations");
        spec.annotations().forEach(a::put);
      }
      if (!spec.labels().isEmpty()) {
        ObjectNode l = metadata.putObject("labels");
        spec.labels().forEach(l::put);
      }
    }
    if (!spec.inputs().isEmpty()) {
      ArrayNode inputs = root.putArray("inputs");
      for (InputSpec in : spec.inputs()) {
        ObjectNode n = inputs.addObject();
        n.put("name", in.name());
        putType(n, in.type());
        putIfNotNull(n, "description", in.description());
        putIfNotNull(n, "default", in.defaultValue());
        if (in.optional()) {
          n.put("optional", true);
        }
        if (in.annotations() != null) {
          n.set("annotations", Yaml.mapper().valueToTree(in.annotations()));
        }
      }
    }
    if (!spec.outputs().isEmpty()) {
      ArrayNode outputs = root.putArray("outputs");
      for (OutputSpec out : spec.outputs()) {
        ObjectNode n = outputs.addObject();
        n.put("name", out.name());
        putType(n, out.type());
        putIfNotNull(n, "description", out.description());
        if (out.annotations() != null) {
          n.set("annotations", Yaml.mapper().valueToTree(out.annotations()));
        }
      }
    }
    ObjectNode implementation = root.putObject("implementation");
    if (spec.container() != null) {
      ContainerSpec c = spec.container();
      ObjectNode container = implementation.putObject("container");
      container.put("image", c.image());
      try {
        if (!c.command().isEmpty()) {
          container.set("command", toNodes(c.command()));
        }
        if (!c.args().isEmpty()) {
          container.set("args", toNodes(c.args()));
        }
      } catch (SpecException e) {
        throw new SpecException(spec.name() + ": " + e.getMessage()); // an artifact's metadata, which KFP v1 cannot hold
      }
      if (!c.env().isEmpty()) {
        ObjectNode env = container.putObject("env");
        c.env().forEach((k, v) -> env.set(k, toNode(v)));
      }
      if (!c.fileOutputs().isEmpty()) {
        ObjectNode fo = container.putObject("fileOutputs");
        c.fileOutputs().forEach(fo::put);
      }
    } else if (spec.graph() != null) {
      implementation.set("graph", toNode(spec.graph()));
    }
    return root;
  }

  private static ObjectNode toNode(GraphSpec graph) {
    ObjectNode n = NODES.objectNode();
    ObjectNode tasks = n.putObject("tasks");
    graph.tasks().forEach((id, t) -> {
      ObjectNode task = tasks.putObject(id);
      ObjectNode ref = task.putObject("componentRef");
      GraphSpec.ComponentRef r = t.componentRef();
      putIfNotNull(ref, "name", r.name());
      putIfNotNull(ref, "digest", r.digest());
      putIfNotNull(ref, "tag", r.tag());
      putIfNotNull(ref, "url", r.url());
      if (r.spec() != null) {
        ref.set("spec", toNode(r.spec()));
      }
      if (!t.arguments().isEmpty()) {
        ObjectNode args = task.putObject("arguments");
        t.arguments().forEach((k, v) -> args.set(k, toNode(v)));
      }
      putRaw(task, "isEnabled", t.isEnabled());
      putRaw(task, "executionOptions", t.executionOptions());
      putRaw(task, "annotations", t.annotations());
    });
    if (!graph.outputValues().isEmpty()) {
      ObjectNode values = n.putObject("outputValues");
      graph.outputValues().forEach((k, v) -> values.set(k, toNode(v)));
    }
    return n;
  }

  private static JsonNode toNode(GraphSpec.Argument a) {
    if (a instanceof GraphSpec.Argument.Constant c) {
      return NODES.stringNode(c.value());
    }
    ObjectNode n = NODES.objectNode();
    if (a instanceof GraphSpec.Argument.GraphInput g) {
      ObjectNode ref = n.putObject("graphInput");
      ref.put("inputName", g.inputName());
      putType(ref, g.type());
    } else {
      GraphSpec.Argument.TaskOutput o = (GraphSpec.Argument.TaskOutput) a;
      ObjectNode ref = n.putObject("taskOutput");
      ref.put("taskId", o.taskId());
      ref.put("outputName", o.outputName());
      putType(ref, o.type());
    }
    return n;
  }

  private static void putRaw(ObjectNode n, String key, Object value) {
    if (value != null) {
      n.set(key, Yaml.mapper().valueToTree(value));
    }
  }

  private static void putType(ObjectNode n, TypeSpec type) {
    if (type != null) {
      // a named type (almost all) needs no trip through the mapper
      n.set("type", type.value() instanceof String s ? NODES.stringNode(s) : Yaml.mapper().valueToTree(type.value()));
    }
  }

  private static void putIfNotNull(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private static ArrayNode toNodes(List<Placeholder> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(p -> array.add(toNode(p)));
    return array;
  }

  /** The YAML form of one command-line item. */
  static JsonNode toNode(Placeholder p) {
    if (p instanceof Placeholder.Literal l) {
      return NODES.stringNode(l.value());
    } else if (p instanceof Placeholder.InputValue v) {
      return single("inputValue", v.input());
    } else if (p instanceof Placeholder.InputPath v) {
      return single("inputPath", v.input());
    } else if (p instanceof Placeholder.OutputPath v) {
      return single("outputPath", v.output());
    } else if (p instanceof Placeholder.InputUri v) {
      return single("inputUri", v.input());
    } else if (p instanceof Placeholder.OutputUri v) {
      return single("outputUri", v.output());
    } else if (p instanceof Placeholder.InputMetadata v) {
      throw noMetadata("input", v.input());
    } else if (p instanceof Placeholder.OutputMetadata v) {
      throw noMetadata("output", v.output());
    } else if (p instanceof Placeholder.IsPresent v) {
      return single("isPresent", v.input());
    } else if (p instanceof Placeholder.ExecutorInput) {
      ObjectNode n = NODES.objectNode();
      n.putNull("executorInput");
      return n;
    } else if (p instanceof Placeholder.Concat c) {
      ObjectNode n = NODES.objectNode();
      n.set("concat", toNodes(c.items()));
      return n;
    } else if (p instanceof Placeholder.InputArtifacts a) {
      throw noArtifactList(a);
    }
    Placeholder.If i = (Placeholder.If) p;
    ObjectNode n = NODES.objectNode();
    ObjectNode body = n.putObject("if");
    body.set("cond", toNode(i.cond()));
    body.set("then", i.singleThen() && i.then().size() == 1 ? toNode(i.then().get(0)) : toNodes(i.then()));
    if (i.hasElse()) {
      body.set(
          "else",
          i.singleElse() && i.otherwise().size() == 1 ? toNode(i.otherwise().get(0)) : toNodes(i.otherwise()));
    }
    return n;
  }

  /** The error for an artifact's metadata, which KFP 2 specs give a command line and KFP v1 component files cannot. */
  static SpecException noMetadata(String kind, String name) {
    return new SpecException("the command line uses the metadata of " + kind + " '" + name + "' ({{$." + kind
        + "s.artifacts['" + name + "'].metadata}}), which only a KFP 2 spec can hold: a KFP v1 component file has no placeholder for it");
  }

  private static ObjectNode single(String key, String value) {
    ObjectNode n = NODES.objectNode();
    n.put(key, value);
    return n;
  }


  /** KFP v1's component YAML has no placeholder for a list of artifacts (KFP 2's {@code {{$.inputs.artifacts['x']}}}). */
  static IllegalArgumentException noArtifactList(Placeholder.InputArtifacts a) {
    return new IllegalArgumentException("KFP v1's component YAML has no placeholder for the list of artifacts of input '" + a.input()
        + "' (KFP 2's {{$.inputs.artifacts['" + a.input() + "']}}); keep this component in KFP 2's format");
  }
}
