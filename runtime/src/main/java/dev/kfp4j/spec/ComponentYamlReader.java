package dev.kfp4j.spec;

import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads KFP v1 component specs from YAML trees: every field checked, errors naming the source, the
 * field and, when the text is known, its line. {@link ComponentYaml} is the way in.
 */
final class ComponentYamlReader {
  private ComponentYamlReader() {}

  private static final List<String> PLACEHOLDERS =
      List.of("inputValue", "inputPath", "outputPath", "inputUri", "outputUri", "concat", "if", "isPresent", "executorInput");

  static final class Reader {
    private final String source;
    /** The text read, to find an offending field's line; null when reading a tree. */
    private final String text;
    /** The inputs and outputs declared, by name, as read so far: what a graph's references may name. */
    final Map<String, InputSpec> inputs = new LinkedHashMap<>();
    final Map<String, OutputSpec> outputs = new LinkedHashMap<>();
    /** Whether to refuse what kfp4j cannot compile into workflow tasks ({@link ComponentYaml#parseCompilable}). */
    final boolean compilable;

    Reader(String source, String text, boolean compilable) {
      this.source = source;
      this.text = text;
      this.compilable = compilable;
    }

    /** A reader of a component spec inside this one's (a graph task's inline spec), from the same source. */
    Reader child() {
      return new Reader(source, text, compilable);
    }

    SpecException error(FieldPath field, String message) {
      int[] at = text == null ? null : FieldPath.locate(text, field);
      return new SpecException(source, at == null ? 0 : at[0], at == null ? 0 : at[1], field.toString(), message);
    }

    ComponentSpec spec(JsonNode root, FieldPath at) {
      if (root == null || !root.isObject()) {
        throw error(at, "a component spec is a YAML mapping with 'name', 'inputs', 'outputs' and 'implementation'");
      }
      String name = text(root, "name", at);
      if (name != null) {
        checkName("component", name, at.key("name"));
      }
      String description = text(root, "description", at);
      Map<String, String> annotations = null;
      Map<String, String> labels = null;
      JsonNode metadata = root.get("metadata");
      if (metadata != null && !metadata.isNull()) {
        requireObject(metadata, at.key("metadata"));
        annotations = stringMap(metadata.get("annotations"), at.key("metadata").key("annotations"));
        labels = stringMap(metadata.get("labels"), at.key("metadata").key("labels"));
      }
      JsonNode ins = root.get("inputs");
      if (ins != null && !ins.isNull()) {
        requireArray(ins, at.key("inputs"));
        for (int i = 0; i < ins.size(); i++) {
          JsonNode n = ins.get(i);
          FieldPath field = at.key("inputs").index(i);
          requireObject(n, field);
          InputSpec in = new InputSpec(
              required(n, "name", field),
              type(n.get("type")),
              text(n, "description", field),
              scalar(n.get("default")),
              bool(n, "optional", field),
              annotations(n.get("annotations"), field.key("annotations")));
          checkName("input", in.name(), field.key("name"));
          if (inputs.putIfAbsent(in.name(), in) != null) {
            throw error(field.key("name"), "input '" + in.name() + "' is declared twice; input names are unique");
          }
          String refused = Names.whyKfpSdkRefusesInput(in.name());
          if (refused != null) {
            throw error(field.key("name"), refused);
          }
        }
      }
      JsonNode outs = root.get("outputs");
      if (outs != null && !outs.isNull()) {
        requireArray(outs, at.key("outputs"));
        for (int i = 0; i < outs.size(); i++) {
          JsonNode n = outs.get(i);
          FieldPath field = at.key("outputs").index(i);
          requireObject(n, field);
          OutputSpec out = new OutputSpec(
              required(n, "name", field),
              type(n.get("type")),
              text(n, "description", field),
              annotations(n.get("annotations"), field.key("annotations")));
          checkName("output", out.name(), field.key("name"));
          if (outputs.putIfAbsent(out.name(), out) != null) {
            throw error(field.key("name"), "output '" + out.name() + "' is declared twice; output names are unique");
          }
        }
      }
      FieldPath implementation = at.key("implementation");
      JsonNode impl = root.get("implementation");
      if (impl == null || !impl.isObject()) {
        throw error(implementation, (impl == null ? "missing" : "not a mapping") + "; expected 'implementation: {container: ...}' or 'implementation: {graph: ...}'");
      }
      ContainerSpec container = null;
      GraphSpec graph = null;
      JsonNode c = impl.get("container");
      if (c != null) {
        container = container(c, implementation.key("container"));
      } else if (impl.has("graph")) {
        graph = new GraphYamlReader(this).graph(impl.get("graph"), implementation.key("graph"));
      } else {
        throw error(implementation, "expected 'container' or 'graph', found " + impl.propertyNames());
      }
      return new ComponentSpec(name, description, annotations, labels, List.copyOf(inputs.values()), List.copyOf(outputs.values()),
          container, graph);
    }

    /** A name KFP would take, and that stays one file name where kfp4j makes it a path ({@link Names#whyNotAName}). */
    private void checkName(String what, String name, FieldPath field) {
      String why = Names.whyNotAName(name);
      if (why != null) {
        throw error(field, what + " name '" + name + "' cannot be used: " + why + "; kfp4j makes file and task names of "
            + "names (/tmp/inputs/<name>/data), so a name may not be empty, hold '/', '\\' or control characters, or be "
            + "'.' or '..'; Argo's own names take letters, digits, '_' and '-'");
      }
    }

    Map<String, Object> annotations(JsonNode n, FieldPath field) {
      if (n == null || n.isNull()) {
        return null;
      }
      requireObject(n, field);
      @SuppressWarnings("unchecked")
      Map<String, Object> m = Yaml.mapper().convertValue(n, LinkedHashMap.class);
      return m;
    }

    ContainerSpec container(JsonNode c, FieldPath at) {
      requireObject(c, at);
      String image = required(c, "image", at);
      List<Placeholder> command = items(c.get("command"), at.key("command"));
      List<Placeholder> args = items(c.get("args"), at.key("args"));
      Map<String, Placeholder> env = new LinkedHashMap<>();
      JsonNode e = c.get("env");
      if (e != null && !e.isNull()) {
        requireObject(e, at.key("env"));
        for (Map.Entry<String, JsonNode> entry : e.properties()) {
          env.put(entry.getKey(), placeholder(entry.getValue(), at.key("env").key(entry.getKey())));
        }
      }
      Map<String, String> fileOutputs = stringMap(c.get("fileOutputs"), at.key("fileOutputs"));
      if (fileOutputs != null) {
        for (String output : fileOutputs.keySet()) {
          if (!outputs.containsKey(output)) {
            throw error(at.key("fileOutputs").key(output), "no output '" + output + "'" + choices(output, outputs.keySet(), "outputs"));
          }
        }
      }
      return new ContainerSpec(image, command, args, env, fileOutputs);
    }

    static Object raw(JsonNode n) {
      return n == null || n.isNull() ? null : Yaml.mapper().convertValue(n, Object.class);
    }

    List<Placeholder> items(JsonNode n, FieldPath field) {
      List<Placeholder> list = new ArrayList<>();
      if (n == null || n.isNull()) {
        return list;
      }
      requireArray(n, field);
      for (int i = 0; i < n.size(); i++) {
        list.add(placeholder(n.get(i), field.index(i)));
      }
      return list;
    }

    Placeholder placeholder(JsonNode n, FieldPath field) {
      if (n == null || n.isNull()) {
        throw error(field, "an empty item; expected a string or a placeholder such as {inputValue: name}");
      }
      if (n.isValueNode()) {
        return new Placeholder.Literal(n.asString());
      }
      if (!n.isObject() || n.size() != 1) {
        throw error(field, "expected a string or a one-key placeholder (" + String.join(", ", PLACEHOLDERS) + "), found " + n);
      }
      Map.Entry<String, JsonNode> only = n.properties().iterator().next();
      String key = only.getKey();
      JsonNode value = only.getValue();
      FieldPath inner = field.key(key);
      return switch (key) {
        case "inputValue" -> new Placeholder.InputValue(input(value, inner));
        case "inputPath" -> new Placeholder.InputPath(input(value, inner));
        case "outputPath" -> new Placeholder.OutputPath(output(value, inner));
        case "inputUri" -> new Placeholder.InputUri(input(value, inner));
        case "outputUri" -> new Placeholder.OutputUri(output(value, inner));
        case "isPresent" -> new Placeholder.IsPresent(input(value, inner));
        case "executorInput" -> new Placeholder.ExecutorInput();
        case "concat" -> new Placeholder.Concat(items(value, inner));
        case "if" -> {
          requireObject(value, inner);
          JsonNode cond = value.get("cond");
          if (cond == null) {
            throw error(inner, "missing 'cond'; write {if: {cond: {isPresent: name}, then: [...], else: [...]}}");
          }
          JsonNode then = value.get("then");
          if (then == null) {
            throw error(inner, "missing 'then'; write {if: {cond: {isPresent: name}, then: [...], else: [...]}}");
          }
          JsonNode otherwise = value.get("else");
          yield new Placeholder.If(
              placeholder(cond, inner.key("cond")),
              branch(then, inner.key("then")),
              otherwise == null ? List.of() : branch(otherwise, inner.key("else")),
              !then.isArray(),
              otherwise != null && !otherwise.isArray(),
              otherwise != null);
        }
        default -> {
          String near = Names.nearest(key, PLACEHOLDERS);
          throw error(field, "unknown placeholder '" + key + "'; " + (near == null ? "" : "did you mean '" + near + "'? ")
              + "expected one of " + String.join(", ", PLACEHOLDERS));
        }
      };
    }

    List<Placeholder> branch(JsonNode n, FieldPath field) {
      return n.isArray() ? items(n, field) : List.of(placeholder(n, field));
    }

    /** The name of a declared input, as a placeholder uses it. */
    String input(JsonNode n, FieldPath field) {
      String name = name(n, field, "an input");
      if (!inputs.containsKey(name)) {
        throw error(field, "no input '" + name + "'" + choices(name, inputs.keySet(), "inputs"));
      }
      return name;
    }

    /** The name of a declared output, as a placeholder uses it. */
    String output(JsonNode n, FieldPath field) {
      String name = name(n, field, "an output");
      if (!outputs.containsKey(name)) {
        throw error(field, "no output '" + name + "'" + choices(name, outputs.keySet(), "outputs"));
      }
      return name;
    }

    static String choices(String name, java.util.Set<String> declared, String what) {
      if (declared.isEmpty()) {
        return "; the component declares no " + what;
      }
      String near = Names.nearest(name, declared);
      return near == null
          ? "; the " + what + " are " + String.join(", ", declared)
          : "; did you mean '" + near + "'? The " + what + " are " + String.join(", ", declared);
    }

    String name(JsonNode n, FieldPath field, String what) {
      if (n == null || !n.isString()) {
        throw error(field, "expected the name of " + what + ", found " + (n == null ? "nothing" : n.toString()));
      }
      return n.asString();
    }

    TypeSpec type(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isString()) {
        return TypeSpec.named(n.asString());
      }
      return new TypeSpec(Yaml.mapper().convertValue(n, Object.class));
    }

    String scalar(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isValueNode()) {
        return n.asString();
      }
      // The SDK writes structured defaults as JSON text; keep a structured one as its JSON.
      return n.toString();
    }

    boolean bool(JsonNode n, String key, FieldPath field) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return false;
      }
      if (!v.isBoolean()) {
        throw error(field.key(key), "expected true or false, found " + v);
      }
      return v.booleanValue();
    }

    String text(JsonNode n, String key, FieldPath field) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isValueNode()) {
        throw error(field.key(key), "expected text, found " + describe(v));
      }
      return v.asString();
    }

    String required(JsonNode n, String key, FieldPath field) {
      String v = text(n, key, field);
      if (v == null) {
        throw error(field, "missing '" + key + "'");
      }
      return v;
    }

    Map<String, String> stringMap(JsonNode n, FieldPath field) {
      if (n == null || n.isNull()) {
        return null;
      }
      requireObject(n, field);
      Map<String, String> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        map.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
      }
      return map;
    }

    void requireObject(JsonNode n, FieldPath field) {
      if (n == null || !n.isObject()) {
        throw error(field, "expected a mapping, found " + describe(n));
      }
    }

    void requireArray(JsonNode n, FieldPath field) {
      if (!n.isArray()) {
        throw error(field, "expected a list, found " + describe(n));
      }
    }

    static String describe(JsonNode n) {
      if (n == null || n.isNull()) {
        return "nothing";
      }
      if (n.isObject()) {
        return "a mapping";
      }
      if (n.isArray()) {
        return "a list";
      }
      return "'" + n.asString() + "'";
    }
  }
}
