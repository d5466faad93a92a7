package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.SpecException;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The component a container template runs. A template kfp4j wrote carries its component's spec
 * (the {@code component_spec} annotation, names as in the template): that spec is the component (an output key it does
 * not write that a run would act on is refused: {@link MissingOutputs#checkWrittenByKfp4j}).
 * Any other template becomes a component made from the template itself: its input parameters and
 * artifacts are the inputs, its output parameters (typed as the KFP SDK's annotation says, else
 * {@code String}) and artifacts the outputs, and its command line and environment use {@code
 * inputValue}, {@code inputPath} and {@code outputPath} placeholders where the template names an
 * input or one of its files' paths, so it runs the same command. A variable of the workflow in that
 * text ({@code {{workflow.status}}}, {@code {{workflow.parameters.p}}}, ...) becomes an input of its
 * own, which each task of the template is given ({@link Component#globals}); any other variable is
 * a FormatException naming the template and the field.
 */
final class ComponentReader {
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern GLOBAL = Pattern.compile("workflow\\.(status|name|uid|creationTimestamp|parameters\\.[-a-zA-Z0-9_]+)");

  /**
   * The keys of a template another tool wrote that kfp4j reads, or that change nothing on one
   * machine (scheduling, security); any other (sidecars, init containers, ...) is refused, not dropped.
   */
  private static final List<String> TEMPLATE_KEYS = List.of("name", "metadata", "inputs", "outputs", "container", "dag",
      "retryStrategy", "activeDeadlineSeconds", "nodeSelector", "tolerations", "volumes", "parallelism", "affinity",
      "priorityClassName", "serviceAccountName", "podSpecPatch", "securityContext", "timeout");

  /**
   * The keys of {@link #TEMPLATE_KEYS} that change nothing on one machine but that the model does
   * not carry to a cluster: a workflow written again would lose them.
   */
  private static final List<String> RUN_ONLY_KEYS = List.of("affinity", "priorityClassName", "serviceAccountName",
      "podSpecPatch", "securityContext", "timeout", "parallelism");

  /** The keys of such a template's container that kfp4j reads ({@code name} Argo sets to {@code main}). */
  private static final List<String> CONTAINER_KEYS = List.of("name", "image", "command", "args", "env", "resources", "imagePullPolicy",
      "volumeMounts", "securityContext");

  /** The sources of a volume kfp4j mounts, each with the one key that names it. */
  private static final Map<String, String> VOLUME_SOURCES = Map.of("persistentVolumeClaim", "claimName", "secret", "secretName",
      "configMap", "name");

  private ComponentReader() {}

  /** Refuses a key of a container or DAG template that kfp4j's model does not hold; {@code where} names the template. */
  static void checkKeys(JsonNode template, String where) {
    for (String key : template.propertyNames()) {
      if (!TEMPLATE_KEYS.contains(key)) {
        throw new FormatException(where + " uses '" + key + "', which kfp4j's model does not hold; a container or DAG template may use "
            + String.join(", ", TEMPLATE_KEYS));
      }
    }
  }

  /**
   * Refuses a key of container template {@code template}, another tool's, that a run on one
   * machine may ignore but that writing the workflow again would lose; {@code where} names the
   * template.
   */
  static void checkCarried(JsonNode template, String where) {
    for (String key : RUN_ONLY_KEYS) {
      if (template.has(key)) {
        throw TemplateIo.notCarried(where, key);
      }
    }
    TemplateIo.checkCarried(template, where);
  }

  /**
   * A template's component; the inputs made for the workflow's variables its text names: input
   * name to the variable ({@code workflow.status}), in the order they appear; and the settings its
   * {@code env} entries make that a component does not hold (a key of a secret or config map),
   * which each task of the template has, in their order among the entries that follow; and the
   * input artifacts with a source of their own that the model does not hold, each with its key
   * ({@link TemplateIo#sources}), which each task of the template must give instead. All are empty
   * for a template kfp4j wrote.
   */
  record Component(ComponentSpec spec, Map<String, String> globals, List<TaskSetting> envSettings, Map<String, String> sources) {}

  /** Whether kfp4j wrote {@code template}, so its annotation is its component exactly. */
  static boolean writtenByKfp4j(JsonNode template) {
    return Argo.SDK_TYPE.equals(template.path("metadata").path("labels").path(Argo.SDK_TYPE_LABEL).asString(""))
        && template.path("metadata").path("annotations").hasNonNull(Argo.COMPONENT_SPEC);
  }

  static ComponentSpec read(JsonNode template, String where) {
    return component(template, where).spec();
  }

  static Component component(JsonNode template, String where) {
    if (writtenByKfp4j(template)) {
      MissingOutputs.checkWrittenByKfp4j(template, where);
      String json = template.path("metadata").path("annotations").path(Argo.COMPONENT_SPEC).asString("");
      try {
        ComponentSpec spec = ComponentYaml.fromNode(Yaml.readJson(json), where + ": annotation " + Argo.COMPONENT_SPEC);
        return new Component(spec, Map.of(), List.of(), Map.of());
      } catch (JacksonException | SpecException e) {
        throw new FormatException(where + ": annotation " + Argo.COMPONENT_SPEC + " is not a component spec: " + e.getMessage(), e);
      }
    }
    return fromTemplate(template, where);
  }

  /**
   * The types of the outputs the KFP SDK's annotation of {@code template} declares, by name; empty
   * when there is none or it is not JSON.
   */
  static Map<String, String> annotatedTypes(JsonNode template) {
    Map<String, String> types = new LinkedHashMap<>();
    String json = template.path("metadata").path("annotations").path(Argo.COMPONENT_SPEC).asString("");
    if (json.isEmpty()) {
      return types;
    }
    try {
      for (JsonNode o : Yaml.readJson(json).path("outputs")) {
        if (o.path("type").isString()) {
          types.put(o.path("name").asString(""), o.path("type").asString());
        }
      }
    } catch (JacksonException e) {
      // not KFP's annotation: the outputs keep the template's own types
    }
    return types;
  }

  private static Component fromTemplate(JsonNode template, String where) {
    checkKeys(template, where);
    TemplateIo.checkRun(template, where);
    for (JsonNode v : template.path("volumes")) {
      String claim = v.path("persistentVolumeClaim").path("claimName").asString("");
      if (claim.contains("{{")) {
        throw new FormatException(where + ": volume '" + v.path("name").asString("") + "' mounts the claim '" + claim
            + "', whose name is a variable; kfp4j's model holds a claim's name as written: name the claim itself");
      }
    }
    JsonNode container = template.path("container");
    checkContainer(template, where);
    String image = container.path("image").asString("");
    List<InputSpec> inputs = new ArrayList<>();
    Map<String, Placeholder> paths = new LinkedHashMap<>();
    java.util.Set<String> parameters = new java.util.HashSet<>();
    java.util.Set<String> artifacts = new java.util.HashSet<>();
    for (JsonNode p : template.path("inputs").path("parameters")) {
      String name = p.path("name").asString("");
      // a value wins over a default, as in Argo; a task's argument wins over both
      String dflt = TemplateIo.valueElseDefault(p);
      inputs.add(new InputSpec(name, null, TemplateIo.text(p, "description"), dflt, false));
      parameters.add(name);
    }
    for (JsonNode a : template.path("inputs").path("artifacts")) {
      String name = a.path("name").asString("");
      // raw text is the file a task that gives none has: the input's default
      inputs.add(new InputSpec(name, null, null, TemplateIo.text(a.path("raw"), "data"), false));
      artifacts.add(name);
      if (a.hasNonNull("path")) {
        paths.put(a.get("path").asString(), new Placeholder.InputPath(name));
      }
    }
    Map<String, String> types = annotatedTypes(template);
    Map<String, OutputSpec> outputs = new LinkedHashMap<>();
    for (JsonNode p : template.path("outputs").path("parameters")) {
      String name = p.path("name").asString("");
      String path = p.path("valueFrom").path("path").asString(null);
      if (path == null) {
        throw new FormatException(where + ": output parameter '" + name + "' is not read from a file (valueFrom.path), so it cannot run here");
      }
      // a value: of the type the annotation gives, when that is a parameter type
      String type = types.get(name);
      boolean value = type != null && dev.kfp4j.model.ParameterType.ofV1Name(type) != null;
      outputs.putIfAbsent(name, new OutputSpec(name, TypeSpec.named(value ? type : "String"), TemplateIo.text(p, "description")));
      paths.putIfAbsent(path, new Placeholder.OutputPath(name));
    }
    for (JsonNode a : template.path("outputs").path("artifacts")) {
      String name = a.path("name").asString("");
      String path = a.path("path").asString("");
      if (!paths.containsKey(path)) {
        outputs.putIfAbsent(name, new OutputSpec(name, TypeSpec.named(types.getOrDefault(name, "Artifact")), null));
        paths.put(path, new Placeholder.OutputPath(name));
      } else if (paths.get(path) instanceof Placeholder.OutputPath o && MissingOutputs.defaulted(template, o.output())) {
        throw new FormatException(where + ": output parameter '" + o.output() + "' has a valueFrom.default, and artifact '" + name
            + "' is saved from its file too; a run here keeps one file for both, so it cannot give the value without the file."
            + " Save the artifact from a file of its own, or drop the default");
      }
    }
    Text text = new Text(where, paths, parameters, artifacts, inputs);
    // an entry that takes its value from a secret or config map is a setting of the task (envSettings), which is
    // written after the component's own entries: a plain value after such an entry is a setting too, to keep the order
    Map<String, Placeholder> env = new LinkedHashMap<>();
    List<TaskSetting> envSettings = new ArrayList<>();
    for (JsonNode e : container.path("env")) {
      String name = e.path("name").asString("");
      if (e.has("valueFrom")) {
        envSettings.add(SettingsReader.envFrom(e, where));
        continue;
      }
      Placeholder value = text.item(e.path("value").asString(""), "container.env " + name);
      if (!envSettings.isEmpty() && value instanceof Placeholder.Literal literal) {
        envSettings.add(new TaskSetting.Env(name, literal.value()));
      } else {
        env.put(name, value);
      }
    }
    // outputs whose paths the command line does not name are written where the template says
    Map<String, String> fileOutputs = new LinkedHashMap<>();
    List<Placeholder> command = text.items(container.path("command"), "container.command");
    List<Placeholder> args = text.items(container.path("args"), "container.args");
    paths.forEach((path, p) -> {
      if (p instanceof Placeholder.OutputPath o && !mentions(command, o) && !mentions(args, o)) {
        fileOutputs.put(o.output(), path);
      }
    });
    return new Component(new ComponentSpec(template.path("name").asString(""), null, null, null, inputs, List.copyOf(outputs.values()),
        new ContainerSpec(image, command, args, env, fileOutputs), null), Map.copyOf(text.globals), List.copyOf(envSettings),
        TemplateIo.sources(template));
  }

  /**
   * Refuses a key of the container, or a mount, that kfp4j's model does not hold: a mount is of a
   * claim, secret, config map or emptyDir the template's volumes name, as a whole, at a path.
   */
  private static void checkContainer(JsonNode template, String where) {
    JsonNode container = template.path("container");
    for (String key : container.propertyNames()) {
      if (!CONTAINER_KEYS.contains(key)) {
        throw new FormatException(where + " uses 'container." + key + "', which kfp4j's model does not hold; a container may use "
            + String.join(", ", CONTAINER_KEYS));
      }
    }
    for (JsonNode m : container.path("volumeMounts")) {
      String volume = m.path("name").asString("");
      JsonNode source = null;
      for (JsonNode v : template.path("volumes")) {
        if (v.path("name").asString("").equals(volume)) {
          source = v;
        }
      }
      String refused = null;
      for (String key : m.propertyNames()) {
        boolean claim = source != null && source.path("persistentVolumeClaim").path("claimName").isString()
            && !source.path("persistentVolumeClaim").path("claimName").asString().equals(Argo.inputParameter(volume + "-name"));
        if (!key.equals("name") && !key.equals("mountPath") && !(key.equals("subPath") && claim && m.get(key).isString())) {
          refused = "'" + key + "'";
        }
      }
      String why = m.path("subPath").isString() ? TaskSetting.PvcMount.whyBadSubPath(m.get("subPath").asString()) : null;
      if (refused == null && why != null) {
        throw new FormatException(where + ": container.volumeMounts '" + volume + "': " + why);
      }
      if (refused == null && source == null) {
        refused = "no volume of the template";
      } else if (refused == null) {
        List<String> keys = new ArrayList<>();
        source.propertyNames().forEach(keys::add);
        keys.remove("name");
        String type = keys.size() == 1 ? keys.get(0) : "";
        JsonNode typed = source.path(type);
        boolean emptyDir = type.equals("emptyDir") && typed.isObject() && typed.propertyNames().stream()
            .allMatch(k -> (k.equals("medium") || k.equals("sizeLimit")) && typed.get(k).isString())
            || type.equals("ephemeral") && ephemeral(volume, m.path("mountPath").asString(""), typed);
        boolean optional = !type.equals("persistentVolumeClaim") && typed.size() == 2 && typed.path("optional").asBoolean(false);
        if (!emptyDir && (!VOLUME_SOURCES.containsKey(type) || typed.size() != (optional ? 2 : 1)
            || !typed.hasNonNull(VOLUME_SOURCES.get(type)))) {
          refused = "volume " + String.join(", ", keys) + (typed.isObject() ? " " + typed : "");
        }
      }
      if (refused != null) {
        throw new FormatException(where + ": container.volumeMounts '" + volume + "' uses " + refused + ", which kfp4j's model does not "
            + "hold; a mount has a name and a mountPath (and a subPath for a claim of a fixed name), and mounts a volume of the template that is a persistentVolumeClaim "
            + "(claimName), secret (secretName) or configMap (name) alone (a secret or config map optional: true too), an emptyDir (medium, sizeLimit), or an ephemeral claim");
      }
    }
  }

  /** Whether {@code ephemeral} is a generic ephemeral volume the model holds (mountEphemeralVolume's). */
  private static boolean ephemeral(String volume, String path, JsonNode ephemeral) {
    try {
      EphemeralVolumes.read(volume, path, ephemeral);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean mentions(List<Placeholder> items, Placeholder p) {
    for (Placeholder i : items) {
      if (i.equals(p) || (i instanceof Placeholder.Concat c && c.items().contains(p))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A template's text as placeholders: its inputs' references, the paths of its files, and the
   * workflow's variables (each an input of its own, {@code globals}); the rest literal.
   */
  private static final class Text {
    final String where;
    final Map<String, Placeholder> paths;
    final java.util.Set<String> parameters;
    final java.util.Set<String> artifacts;
    final List<InputSpec> inputs;
    final Map<String, String> globals = new LinkedHashMap<>();
    final List<String> pathsLongestFirst;

    Text(String where, Map<String, Placeholder> paths, java.util.Set<String> parameters, java.util.Set<String> artifacts,
        List<InputSpec> inputs) {
      this.where = where;
      this.paths = paths;
      this.parameters = parameters;
      this.artifacts = artifacts;
      this.inputs = inputs;
      this.pathsLongestFirst = new ArrayList<>(paths.keySet());
      pathsLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
    }

    List<Placeholder> items(JsonNode strings, String field) {
      List<Placeholder> out = new ArrayList<>();
      int i = 0;
      for (JsonNode s : strings) {
        out.add(item(s.asString(""), field + "[" + i++ + "]"));
      }
      return out;
    }

    /** One string as placeholders. */
    Placeholder item(String s, String field) {
      List<Placeholder> parts = new ArrayList<>();
      split(s, field, parts);
      return parts.size() == 1 ? parts.get(0) : new Placeholder.Concat(parts);
    }

    private void split(String s, String field, List<Placeholder> out) {
      if (s.isEmpty()) {
        if (out.isEmpty()) {
          out.add(new Placeholder.Literal(""));
        }
        return;
      }
      Matcher m = REFERENCE.matcher(s);
      int start = -1;
      int end = -1;
      Placeholder found = null;
      if (m.find()) {
        start = m.start();
        end = m.end();
        found = reference(m.group(1), field);
      }
      // the longest path that appears first
      for (String path : pathsLongestFirst) {
        int i = path.isEmpty() ? -1 : whole(s, path);
        if (i >= 0 && (found == null || i < start)) {
          start = i;
          end = i + path.length();
          found = paths.get(path);
        }
      }
      if (found == null) {
        out.add(new Placeholder.Literal(s));
        return;
      }
      if (start > 0) {
        out.add(new Placeholder.Literal(s.substring(0, start)));
      }
      out.add(found);
      if (end < s.length()) {
        split(s.substring(end), field, out);
      }
    }

    /**
     * Where {@code path} first stands whole in {@code s}, -1 if nowhere: not inside a longer name, so that {@code /tmp/outlink}
     * or {@code /x/tmp/o}, files of the container's own, are not taken for output {@code /tmp/o}, which would move them into
     * the task's output folder here (beside the output's file, where Argo's container writes them to its own {@code /tmp}).
     */
    private static int whole(String s, String path) {
      for (int i = s.indexOf(path); i >= 0; i = s.indexOf(path, i + 1)) {
        int after = i + path.length();
        boolean startsWhole = i == 0 || !nameCharacter(s.charAt(i - 1)) && (path.startsWith("/") || s.charAt(i - 1) != '/');
        boolean endsWhole = after == s.length() || path.endsWith("/") || !nameCharacter(s.charAt(after));
        if (startsWhole && endsWhole) {
          return i;
        }
      }
      return -1;
    }

    /** Whether {@code c} may go on a file name: a letter, a digit, {@code .}, {@code _} or {@code -}. */
    private static boolean nameCharacter(char c) {
      return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    private Placeholder reference(String variable, String field) {
      String[] ref = variable.split("\\.", 3);
      if (ref.length == 3 && ref[0].equals("inputs") && ref[1].equals("parameters") && parameters.contains(ref[2])) {
        return new Placeholder.InputValue(ref[2]);
      }
      if (ref.length == 3 && ref[0].equals("inputs") && ref[1].equals("artifacts") && artifacts.contains(ref[2])) {
        return new Placeholder.InputPath(ref[2]);
      }
      if (GLOBAL.matcher(variable).matches()) {
        for (Map.Entry<String, String> g : globals.entrySet()) {
          if (g.getValue().equals(variable)) {
            return new Placeholder.InputValue(g.getKey());
          }
        }
        String name = variable.replace('.', '-');
        for (int n = 2; taken(name); n++) {
          name = variable.replace('.', '-') + "-" + n;
        }
        globals.put(name, variable);
        inputs.add(new InputSpec(name, null, null, null, false));
        return new Placeholder.InputValue(name);
      }
      throw new FormatException(where + ": " + field + " names '{{" + variable + "}}', which kfp4j cannot give a value: "
          + "a template's text may name its inputs ({{inputs.parameters.NAME}}, {{inputs.artifacts.NAME}}), "
          + "{{workflow.parameters.NAME}}, {{workflow.name}}, {{workflow.uid}}, {{workflow.status}} and {{workflow.creationTimestamp}}");
    }

    private boolean taken(String name) {
      for (InputSpec in : inputs) {
        if (in.name().equals(name)) {
          return true;
        }
      }
      return false;
    }
  }
}
