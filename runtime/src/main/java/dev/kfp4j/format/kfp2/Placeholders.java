package dev.kfp4j.format.kfp2;

import dev.kfp4j.yaml.Yaml;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Channels;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.Placeholder;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A KFP v1 command line in KFP 2's placeholders, as KFP 2 loads a v1 component: {@code inputValue}
 * → {@code {{$.inputs.parameters['x']}}}, {@code inputPath} → {@code {{$.inputs.artifacts['x'].path}}},
 * {@code outputPath} → {@code {{$.outputs.parameters['x'].output_file}}} or {@code
 * {{$.outputs.artifacts['x'].path}}}, {@code inputUri} → {@code {{$.inputs.artifacts['x'].uri}}},
 * {@code outputUri} → {@code {{$.outputs.artifacts['x'].uri}}}, {@code concat} → {@code
 * {"Concat": [...]}} (one string with the placeholders in it where a KFP 2 spec had it so), {@code if} on {@code isPresent} → {@code {"IfPresent": {...}}}, {@code
 * executorInput} → {@code {{$}}}; an artifact's metadata, which only KFP 2 specs hold, → {@code
 * {{$.inputs.artifacts['x'].metadata}}} or {@code {{$.outputs.artifacts['x'].metadata}}}.
 */
final class Placeholders {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Placeholders() {}

  static List<String> convert(ComponentSpec spec, List<Placeholder> items, String where) {
    List<String> out = new ArrayList<>();
    for (Placeholder p : items) {
      out.add(string(spec, p, where));
    }
    return out;
  }

  private static String string(ComponentSpec spec, Placeholder p, String where) {
    if (p instanceof Placeholder.Literal l) {
      return l.value();
    }
    if (p instanceof Placeholder.InputValue v) {
      return Channels.placeholder(v.input());
    }
    if (p instanceof Placeholder.InputPath ip) {
      return "{{$.inputs.artifacts['" + ip.input() + "'].path}}";
    }
    if (p instanceof Placeholder.OutputPath op) {
      return Kfp2Types.outputIsArtifact(spec, op.output())
          ? "{{$.outputs.artifacts['" + op.output() + "'].path}}"
          : "{{$.outputs.parameters['" + op.output() + "'].output_file}}";
    }
    if (p instanceof Placeholder.InputUri iu) {
      return "{{$.inputs.artifacts['" + iu.input() + "'].uri}}";
    }
    if (p instanceof Placeholder.OutputUri ou) {
      return "{{$.outputs.artifacts['" + ou.output() + "'].uri}}";
    }
    if (p instanceof Placeholder.InputMetadata im) {
      return "{{$.inputs.artifacts['" + im.input() + "'].metadata}}";
    }
    if (p instanceof Placeholder.OutputMetadata om) {
      return "{{$.outputs.artifacts['" + om.output() + "'].metadata}}";
    }
    if (p instanceof Placeholder.ExecutorInput) {
      return "{{$}}";
    }
    if (p instanceof Placeholder.InputArtifacts a) {
      return "{{$.inputs.artifacts['" + a.input() + "']}}";
    }
    if (p instanceof Placeholder.Concat c && c.inline()) { // one string with the placeholders in it, as it was read
      StringBuilder s = new StringBuilder();
      c.items().forEach(i -> s.append(string(spec, i, where)));
      return s.toString();
    }
    return Yaml.pyJsonInOrder(node(spec, p, where)); // as KFP's compiler writes it: InputName, Then, Else
  }

  private static ObjectNode node(ComponentSpec spec, Placeholder p, String where) {
    ObjectNode n = NODES.objectNode();
    if (p instanceof Placeholder.Concat c) {
      ArrayNode items = n.putArray("Concat");
      for (Placeholder i : c.items()) {
        items.add(string(spec, i, where));
      }
      return n;
    }
    if (p instanceof Placeholder.If i && i.cond() instanceof Placeholder.IsPresent present) {
      ObjectNode body = n.putObject("IfPresent");
      body.put("InputName", present.input());
      ArrayNode then = body.putArray("Then");
      convert(spec, i.then(), where).forEach(then::add);
      if (i.hasElse()) {
        ArrayNode otherwise = body.putArray("Else");
        convert(spec, i.otherwise(), where).forEach(otherwise::add);
      }
      return n;
    }
    throw new FormatException(where + ": KFP 2 has no placeholder for " + p
        + "; its command lines take inputValue, inputPath, outputPath, inputUri, outputUri, concat, and if on isPresent");
  }
}
