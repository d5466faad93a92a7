package dev.kfp4j.spec;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes KFP v1 component specs. Writing uses the key order of the KFP SDK (name,
 * description, metadata, inputs, outputs, implementation; within an input: name, type,
 * description, default, optional), so a spec written here reads like one the SDK wrote.
 */
public final class ComponentYaml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ComponentYaml() {}

  /** Parses a component spec from YAML text; {@code source} names it in errors. */
  public static ComponentSpec parse(String text, String source) {
    JsonNode root;
    try {
      root = Yaml.read(text);
    } catch (JacksonException e) {
      throw new SpecException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
    return fromNode(root, source);
  }

  public static ComponentSpec read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Largest component file read from a URL. */
  static final int MAX_URL_BYTES = 16 * 1024 * 1024;

  /**
   * Loads a component spec from a URL, as KFP's {@code load_component_from_url}: {@code http(s)}
   * through the JDK's HTTP client (30 s timeout, 16 MiB at most), {@code file} and {@code jar}
   * directly.
   */
  public static ComponentSpec read(java.net.URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    try {
      byte[] bytes;
      if (scheme.equals("http") || scheme.equals("https")) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .connectTimeout(java.time.Duration.ofSeconds(30)).build();
        java.net.http.HttpResponse<InputStream> response = client.send(
            java.net.http.HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(30)).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          if (response.statusCode() != 200) {
            throw new SpecException(uri + ": the server answered HTTP " + response.statusCode());
          }
          bytes = in.readNBytes(MAX_URL_BYTES + 1);
        }
      } else {
        try (InputStream in = uri.toURL().openStream()) {
          bytes = in.readNBytes(MAX_URL_BYTES + 1);
        }
      }
      if (bytes.length > MAX_URL_BYTES) {
        throw new SpecException(uri + ": larger than " + MAX_URL_BYTES / (1024 * 1024) + " MiB; not a component spec");
      }
      return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), uri.toString());
    } catch (IOException e) {
      throw new SpecException(uri + ": cannot read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpecException(uri + ": interrupted");
    } catch (IllegalArgumentException e) {
      throw new SpecException(uri + ": not a URL kfp4j can read: " + e.getMessage());
    }
  }

  /** Loads a component spec from a classpath resource such as {@code META-INF/kfp4j/components/add.yaml}. */
  public static ComponentSpec readResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SpecException("no component resource '" + resource + "' on the classpath");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a component spec as YAML with {@code header} as a leading comment (may be null). */
  public static String write(ComponentSpec spec, String header) {
    return Yaml.write(toNode(spec), header);
  }

  // ---------------------------------------------------------------- writing

  public static ObjectNode toNode(ComponentSpec spec) {
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
      if (!c.command().isEmpty()) {
        container.set("command", toNodes(c.command()));
      }
      if (!c.args().isEmpty()) {
        container.set("args", toNodes(c.args()));
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
      implementation.set("graph", Yaml.mapper().valueToTree(spec.graph()));
    }
    return root;
  }

  private static void putType(ObjectNode n, TypeSpec type) {
    if (type != null) {
      n.set("type", Yaml.mapper().valueToTree(type.value()));
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
  public static JsonNode toNode(Placeholder p) {
    if (p instanceof Placeholder.Literal l) {
      return NODES.stringNode(l.value());
    } else if (p instanceof Placeholder.InputValue v) {
      return single("inputValue", v.input());
    } else if (p instanceof Placeholder.InputPath v) {
      return single("inputPath", v.input());
    } else if (p instanceof Placeholder.OutputPath v) {
      return single("outputPath", v.output());
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

  private static ObjectNode single(String key, String value) {
    ObjectNode n = NODES.objectNode();
    n.put(key, value);
    return n;
  }

  // ---------------------------------------------------------------- reading

  public static ComponentSpec fromNode(JsonNode root, String source) {
    Reader r = new Reader(source);
    return r.spec(root);
  }

  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    SpecException error(String field, String message) {
      return new SpecException(source + ": " + field + ": " + message);
    }

    ComponentSpec spec(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw error("(root)", "a component spec is a YAML mapping with 'name', 'inputs', 'outputs' and 'implementation'");
      }
      String name = text(root, "name", "name");
      String description = text(root, "description", "description");
      Map<String, String> annotations = null;
      Map<String, String> labels = null;
      JsonNode metadata = root.get("metadata");
      if (metadata != null && !metadata.isNull()) {
        annotations = stringMap(metadata.get("annotations"), "metadata.annotations");
        labels = stringMap(metadata.get("labels"), "metadata.labels");
      }
      List<InputSpec> inputs = new ArrayList<>();
      JsonNode ins = root.get("inputs");
      if (ins != null && !ins.isNull()) {
        requireArray(ins, "inputs");
        for (int i = 0; i < ins.size(); i++) {
          JsonNode n = ins.get(i);
          String field = "inputs[" + i + "]";
          requireObject(n, field);
          inputs.add(
              new InputSpec(
                  required(n, "name", field),
                  type(n.get("type")),
                  text(n, "description", field),
                  scalar(n.get("default"), field + ".default"),
                  n.path("optional").asBoolean(false),
                  annotations(n.get("annotations"), field)));
        }
      }
      List<OutputSpec> outputs = new ArrayList<>();
      JsonNode outs = root.get("outputs");
      if (outs != null && !outs.isNull()) {
        requireArray(outs, "outputs");
        for (int i = 0; i < outs.size(); i++) {
          JsonNode n = outs.get(i);
          String field = "outputs[" + i + "]";
          requireObject(n, field);
          outputs.add(
              new OutputSpec(
                  required(n, "name", field),
                  type(n.get("type")),
                  text(n, "description", field),
                  annotations(n.get("annotations"), field)));
        }
      }
      JsonNode impl = root.get("implementation");
      if (impl == null || !impl.isObject()) {
        throw error("implementation", "missing; expected 'implementation: {container: ...}' or 'implementation: {graph: ...}'");
      }
      ContainerSpec container = null;
      Object graph = null;
      JsonNode c = impl.get("container");
      if (c != null) {
        container = container(c);
      } else if (impl.has("graph")) {
        graph = Yaml.mapper().convertValue(impl.get("graph"), Object.class);
      } else {
        throw error("implementation", "expected 'container' or 'graph', found " + impl.propertyNames());
      }
      return new ComponentSpec(name, description, annotations, labels, inputs, outputs, container, graph);
    }

    private Map<String, Object> annotations(JsonNode n, String field) {
      if (n == null || n.isNull()) {
        return null;
      }
      requireObject(n, field + ".annotations");
      @SuppressWarnings("unchecked")
      Map<String, Object> m = Yaml.mapper().convertValue(n, LinkedHashMap.class);
      return m;
    }

    ContainerSpec container(JsonNode c) {
      requireObject(c, "implementation.container");
      String image = required(c, "image", "implementation.container");
      List<Placeholder> command = items(c.get("command"), "implementation.container.command");
      List<Placeholder> args = items(c.get("args"), "implementation.container.args");
      Map<String, Placeholder> env = new LinkedHashMap<>();
      JsonNode e = c.get("env");
      if (e != null && !e.isNull()) {
        requireObject(e, "implementation.container.env");
        for (Map.Entry<String, JsonNode> entry : e.properties()) {
          env.put(entry.getKey(), placeholder(entry.getValue(), "implementation.container.env." + entry.getKey()));
        }
      }
      Map<String, String> fileOutputs = stringMap(c.get("fileOutputs"), "implementation.container.fileOutputs");
      return new ContainerSpec(image, command, args, env, fileOutputs);
    }

    List<Placeholder> items(JsonNode n, String field) {
      List<Placeholder> list = new ArrayList<>();
      if (n == null || n.isNull()) {
        return list;
      }
      requireArray(n, field);
      for (int i = 0; i < n.size(); i++) {
        list.add(placeholder(n.get(i), field + "[" + i + "]"));
      }
      return list;
    }

    Placeholder placeholder(JsonNode n, String field) {
      if (n == null || n.isNull()) {
        throw error(field, "an empty item; expected a string or a placeholder such as {inputValue: name}");
      }
      if (n.isValueNode()) {
        return new Placeholder.Literal(n.asString());
      }
      if (!n.isObject() || n.size() != 1) {
        throw error(field, "expected a string or a one-key placeholder (inputValue, inputPath, outputPath, concat, if, isPresent, executorInput), found " + n);
      }
      Map.Entry<String, JsonNode> only = n.properties().iterator().next();
      String key = only.getKey();
      JsonNode value = only.getValue();
      return switch (key) {
        case "inputValue" -> new Placeholder.InputValue(name(value, field + ".inputValue"));
        case "inputPath" -> new Placeholder.InputPath(name(value, field + ".inputPath"));
        case "outputPath" -> new Placeholder.OutputPath(name(value, field + ".outputPath"));
        case "isPresent" -> new Placeholder.IsPresent(name(value, field + ".isPresent"));
        case "executorInput" -> new Placeholder.ExecutorInput();
        case "concat" -> new Placeholder.Concat(items(value, field + ".concat"));
        case "if" -> {
          requireObject(value, field + ".if");
          JsonNode cond = value.get("cond");
          if (cond == null) {
            throw error(field + ".if", "missing 'cond'");
          }
          JsonNode then = value.get("then");
          if (then == null) {
            throw error(field + ".if", "missing 'then'");
          }
          JsonNode otherwise = value.get("else");
          yield new Placeholder.If(
              placeholder(cond, field + ".if.cond"),
              branch(then, field + ".if.then"),
              otherwise == null ? List.of() : branch(otherwise, field + ".if.else"),
              !then.isArray(),
              otherwise != null && !otherwise.isArray(),
              otherwise != null);
        }
        default -> throw error(field, "unknown placeholder '" + key + "'; expected one of inputValue, inputPath, outputPath, concat, if, isPresent, executorInput");
      };
    }

    List<Placeholder> branch(JsonNode n, String field) {
      return n.isArray() ? items(n, field) : List.of(placeholder(n, field));
    }

    String name(JsonNode n, String field) {
      if (n == null || !n.isString()) {
        throw error(field, "expected an input or output name");
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

    String scalar(JsonNode n, String field) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isValueNode()) {
        return n.asString();
      }
      // The SDK writes structured defaults as JSON text; keep a structured one as its JSON.
      return n.toString();
    }

    String text(JsonNode n, String key, String field) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isValueNode()) {
        throw error(field + (field.endsWith(key) ? "" : "." + key), "expected text, found " + v.getNodeType());
      }
      return v.asString();
    }

    String required(JsonNode n, String key, String field) {
      String v = text(n, key, field);
      if (v == null) {
        throw error(field, "missing '" + key + "'");
      }
      return v;
    }

    Map<String, String> stringMap(JsonNode n, String field) {
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

    void requireObject(JsonNode n, String field) {
      if (n == null || !n.isObject()) {
        throw error(field, "expected a mapping");
      }
    }

    void requireArray(JsonNode n, String field) {
      if (!n.isArray()) {
        throw error(field, "expected a list");
      }
    }
  }
}
