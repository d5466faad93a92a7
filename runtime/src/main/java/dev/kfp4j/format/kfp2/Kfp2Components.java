package dev.kfp4j.format.kfp2;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.JavaEntrypoint;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code components} and {@code deploymentSpec.executors} of a pipeline spec, and the
 * executors' Kubernetes configs. One component and executor per distinct container configuration
 * (component, container settings, Kubernetes settings), shared by every task that has it; one
 * component per group DAG.
 */
final class Kfp2Components {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final ObjectNode components = NODES.objectNode();
  final ObjectNode executors = NODES.objectNode();
  final ObjectNode kubernetes = NODES.objectNode();
  private final Map<List<Object>, String> byConfiguration = new HashMap<>();
  private final Map<String, Integer> names = new HashMap<>();
  private final Map<ComponentSpec, Integer> specIds = new IdentityHashMap<>();
  private final Map<ComponentSpec, Integer> distinctSpecs = new HashMap<>();

  /** The component running {@code spec} in {@code container} (settings applied) with {@code k8s}, made if new. */
  String container(ComponentSpec spec, ObjectNode container, ObjectNode k8s, String where) {
    int id = specIds.computeIfAbsent(spec, k -> distinctSpecs.computeIfAbsent(k, d -> distinctSpecs.size()));
    List<Object> key = List.of(id, container, k8s);
    String existing = byConfiguration.get(key);
    if (existing != null) {
      return existing;
    }
    String base = unique(sanitize(spec.name() == null ? "component" : spec.name()));
    String name = "comp-" + base;
    String label = "exec-" + base;
    ObjectNode comp = definitions(spec, where);
    comp.put("executorLabel", label);
    components.set(name, comp);
    executors.putObject(label).set("container", executor(spec, container, where));
    if (!k8s.isEmpty()) {
      kubernetes.set(label, k8s);
    }
    byConfiguration.put(key, name);
    return name;
  }

  /**
   * The component of an importer: {@code definitions} (its {@code uri} and metadata inputs, its
   * {@code artifact} output), run by an executor of {@code importer}; named {@code comp-importer},
   * made unique, and shared by importers alike, as a container component is.
   */
  String importer(ObjectNode definitions, ObjectNode importer) {
    List<Object> key = List.of("importer", definitions, importer);
    String existing = byConfiguration.get(key);
    if (existing != null) {
      return existing;
    }
    String base = unique("importer");
    ObjectNode comp = definitions.deepCopy();
    comp.put("executorLabel", "exec-" + base);
    components.set("comp-" + base, comp);
    executors.putObject("exec-" + base).set("importer", importer);
    byConfiguration.put(key, "comp-" + base);
    return "comp-" + base;
  }

  /** Adds the component of a group DAG: {@code comp-<name>}, made unique where a called pipeline's component has the name; its name. */
  String group(String name, ObjectNode spec) {
    String comp = Names.uniqueIn("comp-" + name, components.propertyNames());
    components.set(comp, spec);
    return comp;
  }

  /**
   * Adds the components and executors of {@code docs}, the spec of a pipeline called in this one
   * (and its platform spec, if any), and the DAG component of its root, as KFP's compiler merges a
   * pipeline used as a component ({@code merge_deployment_spec_and_component_spec}): an executor
   * whose label is taken is renamed {@code <label>-2} (then {@code -3}...), a component whose name is
   * taken, or given to another of the called pipeline's, likewise, and what refers to them follows;
   * the root's component is {@code comp-<call>}, made unique. Nothing is shared with this
   * pipeline's own components, even where they are alike, as KFP's compiler writes it. Its name.
   */
  String pipeline(String call, List<JsonNode> docs) {
    JsonNode sub = docs.get(0);
    JsonNode subKubernetes = docs.size() > 1 ? docs.get(1).path("platforms").path("kubernetes").path("deploymentSpec")
        .path("executors") : NODES.objectNode();
    Map<String, String> labels = new HashMap<>();
    sub.path("deploymentSpec").path("executors").properties().forEach(e -> {
      String label = Names.uniqueIn(e.getKey(), executors.propertyNames());
      labels.put(e.getKey(), label);
      executors.set(label, e.getValue());
      if (subKubernetes.has(e.getKey())) {
        kubernetes.set(label, subKubernetes.get(e.getKey()));
      }
      taken(label.substring("exec-".length()));
    });
    Map<String, String> renamed = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>(components.propertyNames());
    sub.path("components").propertyNames().forEach(name -> {
      String unique = Names.uniqueIn(name, seen);
      renamed.put(name, unique);
      seen.add(name);
      seen.add(unique);
    });
    sub.path("components").properties().forEach(e -> {
      ObjectNode comp = (ObjectNode) e.getValue();
      if (comp.has("executorLabel")) {
        comp.put("executorLabel", labels.get(comp.path("executorLabel").asString()));
      }
      renameRefs(comp, renamed);
      components.set(renamed.get(e.getKey()), comp);
      taken(renamed.get(e.getKey()).substring("comp-".length()));
    });
    ObjectNode root = ((ObjectNode) sub.path("root")).deepCopy();
    renameRefs(root, renamed);
    String name = Names.uniqueIn("comp-" + sanitize(call), components.propertyNames());
    components.set(name, root);
    return name;
  }

  /** Points the tasks of {@code comp}'s DAG at the components' new names. */
  private static void renameRefs(ObjectNode comp, Map<String, String> renamed) {
    comp.path("dag").path("tasks").forEach(task -> {
      String ref = task.path("componentRef").path("name").asString(null);
      if (ref != null && renamed.containsKey(ref)) {
        ((ObjectNode) task.path("componentRef")).put("name", renamed.get(ref));
      }
    });
  }

  /** Keeps this pipeline's own components from the name {@code base} a called pipeline's took. */
  private void taken(String base) {
    names.putIfAbsent(base, 1);
  }

  /** The component of an executor KFP's backend runs itself, such as {@code createpvc} ({@code image: argostub/createpvc}). */
  String builtIn(String name, ObjectNode definitions) {
    String comp = "comp-" + name;
    if (!components.has(comp)) {
      definitions.put("executorLabel", "exec-" + name);
      components.set(comp, definitions);
      executors.putObject("exec-" + name).putObject("container").put("image", "argostub/" + name);
      names.merge(name, 1, Integer::sum);
    }
    return comp;
  }

  private String unique(String base) {
    int n = names.merge(base, 1, Integer::sum);
    String name = n == 1 ? base : base + "-" + n;
    while (n > 1 && names.containsKey(name)) {
      name = base + "-" + (++n);
    }
    if (n > 1) {
      names.put(name, 1);
    }
    return name;
  }

  /** KFP's sanitised names: lower case, runs of other characters as one '-'. */
  static String sanitize(String name) {
    String s = Names.dashed(name); // one dash at most at each end
    int start = s.startsWith("-") ? 1 : 0;
    int end = Math.max(start, s.endsWith("-") ? s.length() - 1 : s.length());
    return start == end ? "component" : s.substring(start, end);
  }

  /** A container component's input and output definitions. */
  static ObjectNode definitions(ComponentSpec spec, String where) {
    ObjectNode comp = NODES.objectNode();
    for (InputSpec in : spec.inputs()) {
      ObjectNode def;
      if (Kfp2Types.inputIsArtifact(spec, in.name())) {
        def = comp.withObject("inputDefinitions").withObject("artifacts").putObject(in.name());
        artifactType(def, Kfp2Types.schemaTitle(in.type()));
        if (in.isArtifactList()) {
          def.put("isArtifactList", true);
        }
      } else {
        def = comp.withObject("inputDefinitions").withObject("parameters").putObject(in.name());
        ParameterType type = Kfp2Types.parameterType(in);
        boolean status = TypeSpec.TASK_FINAL_STATUS.equals(in.type());
        boolean config = TaskConfigs.isTaskConfig(in); // dsl.TaskConfig: KFP's driver fills it
        def.put("parameterType", status ? Kfp2Types.TASK_FINAL_STATUS : config ? Kfp2Types.TASK_CONFIG : type.v2Name());
        if (status || config) {
          def.put("isOptional", true); // as KFP's SDK writes it
        } else if (in.defaultValue() != null) {
          def.set("defaultValue", value(in.defaultValue(), type, where + ": default of input '" + in.name() + "'"));
        }
      }
      if (in.optional() || in.defaultValue() != null) {
        def.put("isOptional", true);
      }
      if (in.description() != null && !in.description().isEmpty()) {
        def.put("description", in.description());
      }
    }
    passthroughs(comp, spec);
    for (OutputSpec out : spec.outputs()) {
      ObjectNode def;
      if (Kfp2Types.outputIsArtifact(spec, out.name())) {
        def = comp.withObject("outputDefinitions").withObject("artifacts").putObject(out.name());
        artifactType(def, Kfp2Types.schemaTitle(out.type()));
      } else {
        def = comp.withObject("outputDefinitions").withObject("parameters").putObject(out.name());
        def.put("parameterType", Kfp2Types.parameterType(out).v2Name());
      }
      if (out.description() != null && !out.description().isEmpty()) {
        def.put("description", out.description());
      }
    }
    return comp;
  }

  /** The component's {@code taskConfigPassthroughs}, as KFP's compiler writes them ({@code applyToTask} only when true). */
  static void passthroughs(ObjectNode comp, ComponentSpec spec) {
    for (TaskConfigs.Passthrough p : TaskConfigs.of(spec)) {
      ObjectNode item = comp.withArray("taskConfigPassthroughs").addObject().put("field", p.field());
      if (p.applyToTask()) {
        item.put("applyToTask", true);
      }
    }
  }

  static void artifactType(ObjectNode def, String schemaTitle) {
    Kfp2Types.putType(def.putObject("artifactType"), schemaTitle);
  }

  /** A value in KFP's text form as the protobuf {@code Value} of a parameter of {@code type}. */
  static JsonNode value(String text, ParameterType type, String where) {
    try {
      return switch (type) {
        case INTEGER -> NODES.numberNode(exact(KfpValues.parseLong(text)));
        case FLOAT -> {
          double d = KfpValues.parseDouble(text);
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("KFP 2 keeps numbers as JSON, which has no '" + text + "'");
          }
          yield NODES.numberNode(d);
        }
        case BOOLEAN -> NODES.booleanNode(KfpValues.parseBoolean(text));
        case STRING -> NODES.stringNode(text);
        case LIST, STRUCT -> exactIntegers(Yaml.readJson(text));
      };
    } catch (RuntimeException e) {
      throw new FormatException(where + ": '" + text + "' is not a " + type.v2Name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code v}, when a double holds it exactly: KFP 2 keeps every number as a protobuf double (a {@code Value}'s
   * {@code number_value}), so 9007199254740993 (2^53 + 1) would reach the task as 9007199254740992, and no error would say so.
   */
  private static long exact(long v) {
    if (new java.math.BigDecimal((double) v).compareTo(java.math.BigDecimal.valueOf(v)) != 0) {
      throw new IllegalArgumentException("KFP 2 keeps numbers as doubles, and " + v + " would reach the task as "
          + new java.math.BigDecimal((double) v).toBigInteger() + "; pass it as a String and parse it in the component");
    }
    return v;
  }

  /** {@code json}, each whole number in it checked as {@link #exact} checks one. */
  private static JsonNode exactIntegers(JsonNode json) {
    if (json != null && json.isIntegralNumber()) {
      if (!json.canConvertToLong()) {
        throw new IllegalArgumentException("KFP 2 keeps numbers as doubles, and " + json + " is beyond what one holds exactly; "
            + "pass it as a String and parse it in the component");
      }
      exact(json.longValue());
    } else if (json != null && json.isContainer()) {
      for (JsonNode item : json.values()) {
        exactIntegers(item);
      }
    }
    return json;
  }

  /** An executor's container before settings: its image, command line (placeholders converted) and environment. */
  record Container(String image, List<String> command, List<String> args, Map<String, String> env) {}

  /** The container that runs {@code spec}: kfp4j's entrypoints through KFP 2's executor protocol, other commands as they are. */
  static Container container(ComponentSpec spec, String where) {
    if (spec.graph() != null || spec.container() == null) {
      throw new FormatException(where + ": only container components run as KFP 2 executors");
    }
    Optional<JavaEntrypoint> java = JavaEntrypoint.of(spec.container());
    List<String> command;
    List<String> args;
    if (java.isPresent()) {
      // kfp4j's entrypoints speak KFP 2's executor protocol, as KFP's lightweight components do
      command = Placeholders.convert(spec, java.get().command(), where);
      args = List.of(JavaEntrypoint.EXECUTOR_INPUT_FLAG, "{{$}}");
    } else {
      command = Placeholders.convert(spec, spec.container().command(), where);
      args = Placeholders.convert(spec, spec.container().args(), where);
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, Placeholder> e : spec.container().env().entrySet()) {
      env.put(e.getKey(), Placeholders.convert(spec, List.of(e.getValue()), where).get(0));
    }
    return new Container(spec.container().image(), command, args, env);
  }

  /** The executor's container: the image and command line, with the container settings given. */
  static ObjectNode executor(ComponentSpec spec, ObjectNode settings, String where) {
    Container container = container(spec, where);
    ObjectNode c = NODES.objectNode();
    c.put("image", container.image());
    if (!container.command().isEmpty()) {
      ArrayNode command = c.putArray("command");
      for (String item : container.command()) {
        command.add(item);
      }
    }
    if (!container.args().isEmpty()) {
      ArrayNode args = c.putArray("args");
      for (String item : container.args()) {
        args.add(item);
      }
    }
    for (Map.Entry<String, String> e : container.env().entrySet()) {
      c.withArray("env").addObject().put("name", e.getKey()).put("value", e.getValue());
    }
    settings.properties().forEach(e -> {
      if (e.getKey().equals("env")) { // one entry a name, as KFP's compiler merges set_env_variable into the component's env
        e.getValue().forEach(v -> env(c.withArray("env"), v));
      } else if (e.getValue().isArray() && c.has(e.getKey())) {
        ((ArrayNode) c.get(e.getKey())).addAll((ArrayNode) e.getValue());
      } else {
        c.set(e.getKey(), e.getValue());
      }
    });
    return c;
  }

  /** Puts {@code entry} into {@code env}: in the place of the entry of its name, if there is one, else last. */
  private static void env(ArrayNode env, JsonNode entry) {
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).path("name").equals(entry.path("name"))) {
        env.set(i, entry);
        return;
      }
    }
    env.add(entry);
  }
}
