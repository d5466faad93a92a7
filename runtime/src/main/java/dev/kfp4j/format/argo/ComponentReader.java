package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
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
 * (the {@code component_spec} annotation, names as in the template): that spec is the component.
 * Any other template becomes a component made from the template itself: its input parameters and
 * artifacts are the inputs, its output parameters and artifacts the outputs, and its command line
 * uses {@code inputValue}, {@code inputPath} and {@code outputPath} placeholders where the
 * template names an input or one of its files' paths, so it runs the same command.
 */
final class ComponentReader {
  private static final Pattern INPUT_PARAMETER = Pattern.compile("\\{\\{\\s*inputs\\.parameters\\.([-a-zA-Z0-9_]+)\\s*}}");

  private ComponentReader() {}

  /** Whether kfp4j wrote {@code template}, so its annotation is its component exactly. */
  static boolean writtenByKfp4j(JsonNode template) {
    return Argo.SDK_TYPE.equals(template.path("metadata").path("labels").path(Argo.SDK_TYPE_LABEL).asString(""))
        && template.path("metadata").path("annotations").hasNonNull(Argo.COMPONENT_SPEC);
  }

  static ComponentSpec read(JsonNode template, String where) {
    if (writtenByKfp4j(template)) {
      String json = template.path("metadata").path("annotations").path(Argo.COMPONENT_SPEC).asString("");
      try {
        return ComponentYaml.fromNode(Yaml.json().readTree(json), where + ": annotation " + Argo.COMPONENT_SPEC);
      } catch (JacksonException | SpecException e) {
        throw new FormatException(where + ": annotation " + Argo.COMPONENT_SPEC + " is not a component spec: " + e.getMessage(), e);
      }
    }
    return fromTemplate(template, where);
  }

  private static ComponentSpec fromTemplate(JsonNode template, String where) {
    JsonNode container = template.path("container");
    String image = container.path("image").asString("");
    List<InputSpec> inputs = new ArrayList<>();
    Map<String, Placeholder> paths = new LinkedHashMap<>();
    for (JsonNode p : template.path("inputs").path("parameters")) {
      String name = p.path("name").asString("");
      String dflt = p.hasNonNull("default") ? p.get("default").asString() : p.hasNonNull("value") ? p.get("value").asString() : null;
      inputs.add(new InputSpec(name, null, null, dflt, false));
    }
    for (JsonNode a : template.path("inputs").path("artifacts")) {
      String name = a.path("name").asString("");
      inputs.add(new InputSpec(name, null, null, null, false));
      if (a.hasNonNull("path")) {
        paths.put(a.get("path").asString(), new Placeholder.InputPath(name));
      }
    }
    Map<String, OutputSpec> outputs = new LinkedHashMap<>();
    for (JsonNode p : template.path("outputs").path("parameters")) {
      String name = p.path("name").asString("");
      String path = p.path("valueFrom").path("path").asString(null);
      if (path == null) {
        throw new FormatException(where + ": output parameter '" + name + "' is not read from a file (valueFrom.path), so it cannot run here");
      }
      outputs.putIfAbsent(name, new OutputSpec(name, null, null));
      paths.putIfAbsent(path, new Placeholder.OutputPath(name));
    }
    for (JsonNode a : template.path("outputs").path("artifacts")) {
      String name = a.path("name").asString("");
      String path = a.path("path").asString("");
      if (!paths.containsKey(path)) {
        outputs.putIfAbsent(name, new OutputSpec(name, TypeSpec.named("Artifact"), null));
        paths.put(path, new Placeholder.OutputPath(name));
      }
    }
    Map<String, Placeholder> env = new LinkedHashMap<>();
    for (JsonNode e : container.path("env")) {
      if (e.has("value")) {
        env.put(e.path("name").asString(""), item(e.get("value").asString(""), paths));
      }
    }
    // outputs whose paths the command line does not name are written where the template says
    Map<String, String> fileOutputs = new LinkedHashMap<>();
    List<Placeholder> command = items(container.path("command"), paths);
    List<Placeholder> args = items(container.path("args"), paths);
    paths.forEach((path, p) -> {
      if (p instanceof Placeholder.OutputPath o && !mentions(command, o) && !mentions(args, o)) {
        fileOutputs.put(o.output(), path);
      }
    });
    return new ComponentSpec(template.path("name").asString(""), null, null, null, inputs, List.copyOf(outputs.values()),
        new ContainerSpec(image, command, args, env, fileOutputs), null);
  }

  private static boolean mentions(List<Placeholder> items, Placeholder p) {
    for (Placeholder i : items) {
      if (i.equals(p) || (i instanceof Placeholder.Concat c && c.items().contains(p))) {
        return true;
      }
    }
    return false;
  }

  private static List<Placeholder> items(JsonNode strings, Map<String, Placeholder> paths) {
    List<Placeholder> out = new ArrayList<>();
    for (JsonNode s : strings) {
      out.add(item(s.asString(""), paths));
    }
    return out;
  }

  /** One command-line string as placeholders: input references and known paths, the rest literal. */
  static Placeholder item(String s, Map<String, Placeholder> paths) {
    List<Placeholder> parts = new ArrayList<>();
    split(s, paths, parts);
    return parts.size() == 1 ? parts.get(0) : new Placeholder.Concat(parts);
  }

  private static void split(String s, Map<String, Placeholder> paths, List<Placeholder> out) {
    if (s.isEmpty()) {
      if (out.isEmpty()) {
        out.add(new Placeholder.Literal(""));
      }
      return;
    }
    Matcher m = INPUT_PARAMETER.matcher(s);
    int start = -1;
    int end = -1;
    Placeholder found = null;
    if (m.find()) {
      start = m.start();
      end = m.end();
      found = new Placeholder.InputValue(m.group(1));
    }
    // the longest path that appears first
    List<String> keys = new ArrayList<>(paths.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed());
    for (String path : keys) {
      int i = path.isEmpty() ? -1 : s.indexOf(path);
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
      split(s.substring(end), paths, out);
    }
  }
}
