package dev.kfp4j.spec;

import dev.kfp4j.yaml.BlockYaml;
import dev.kfp4j.yaml.JacksonText;
import java.util.List;
import java.util.Map;

/**
 * Writes a KFP v1 component spec with a container straight from the spec: the bytes {@link
 * dev.kfp4j.yaml.Yaml#write} gives for {@link ComponentYamlWriter#toNode}'s tree, without building
 * the tree and walking it. The processor writes one per {@code @Component} in every build, so this
 * is on its path. What it does not decide gives null, and {@link ComponentYaml#write} writes the
 * tree: a graph component, input or output annotations, a structured type, an executor-input
 * placeholder, a null where text is expected, and texts or keys {@link JacksonText} leaves to
 * Jackson.
 *
 * <p>The layout is {@code DirectYaml}'s: a map's keys at its indentation, a nested map two further,
 * a list's {@code - } at its key's indentation, a list item's first key after its dash.
 */
final class ComponentYamlText {
  /** Thrown, without a trace, when the spec holds what this writer does not decide. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private final StringBuilder out = new StringBuilder(1024);

  private ComponentYamlText() {}

  /** {@code spec} as YAML after {@code header}'s lines as {@code # } comments, or null when the tree path must write it. */
  static String write(ComponentSpec spec, String header) {
    if (spec.container() == null || spec.graph() != null) {
      return null;
    }
    ComponentYamlText w = new ComponentYamlText();
    BlockYaml.appendComment(header, w.out);
    try {
      w.spec(spec);
    } catch (Unsupported e) {
      return null;
    }
    return w.out.toString();
  }

  private void spec(ComponentSpec spec) {
    if (spec.name() != null) {
      text("name", spec.name(), 0);
    }
    if (spec.description() != null) {
      text("description", spec.description(), 0);
    }
    if (!spec.annotations().isEmpty() || !spec.labels().isEmpty()) {
      out.append("metadata:\n");
      if (!spec.annotations().isEmpty()) {
        names("  ", "annotations", spec.annotations(), 2);
      }
      if (!spec.labels().isEmpty()) {
        names("  ", "labels", spec.labels(), 2);
      }
    }
    if (!spec.inputs().isEmpty()) {
      out.append("inputs:\n");
      for (InputSpec in : spec.inputs()) {
        input(in);
      }
    }
    if (!spec.outputs().isEmpty()) {
      out.append("outputs:\n");
      for (OutputSpec o : spec.outputs()) {
        output(o);
      }
    }
    container(spec.container());
  }

  /** An input as a list item: its keys at column 2, the first after the dash. */
  private void input(InputSpec in) {
    item(in.annotations(), in.name(), in.type(), in.description());
    if (in.defaultValue() != null) {
      text("  default", in.defaultValue(), 2);
    }
    if (in.optional()) {
      out.append("  optional: true\n");
    }
  }

  private void output(OutputSpec o) {
    item(o.annotations(), o.name(), o.type(), o.description());
  }

  /** What an input and an output both start with: {@code - name:}, its type and its description, at column 2. */
  private void item(Object annotations, String name, TypeSpec type, String description) {
    if (annotations != null) {
      throw new Unsupported();
    }
    out.append("- ");
    text("name", name, 2);
    type(type);
    if (description != null) {
      text("  description", description, 2);
    }
  }

  /** An input's or output's named type, at column 2. */
  private void type(TypeSpec type) {
    if (type != null) {
      if (!(type.value() instanceof String s)) {
        throw new Unsupported();
      }
      text("  type", s, 2);
    }
  }

  private void container(ContainerSpec c) {
    out.append("implementation:\n  container:\n");
    text("    image", c.image(), 4);
    if (!c.command().isEmpty()) {
      list("    ", "command", c.command(), 4);
    }
    if (!c.args().isEmpty()) {
      list("    ", "args", c.args(), 4);
    }
    if (!c.env().isEmpty()) {
      out.append("    env:\n");
      for (Map.Entry<String, Placeholder> e : c.env().entrySet()) {
        out.append("      ");
        key(e.getKey());
        value(e.getValue(), 6);
      }
    }
    if (!c.fileOutputs().isEmpty()) {
      names("    ", "fileOutputs", c.fileOutputs(), 4);
    }
  }

  /** {@code key:} and a map of names to texts, its keys at {@code column + 2}; {@code pad} is the key's indentation. */
  private void names(String pad, String key, Map<String, String> map, int column) {
    out.append(pad).append(key).append(":\n");
    for (Map.Entry<String, String> e : map.entrySet()) {
      pad(column + 2);
      key(e.getKey());
      out.append(' ');
      scalar(e.getValue(), column + 2);
    }
  }

  /** {@code key: text}, the key (with its indentation, or after a dash) at {@code column}. */
  private void text(String key, String text, int column) {
    out.append(key).append(": ");
    scalar(text, column);
  }

  /** {@code key:} and a non-empty list of command-line items at the key's indentation, {@code column}. */
  private void list(String pad, String key, List<Placeholder> items, int column) {
    out.append(pad).append(key).append(":\n");
    items(items, column);
  }

  private void items(List<Placeholder> items, int column) {
    if (items.isEmpty()) {
      throw new Unsupported(); // an empty list is Jackson's to write
    }
    for (Placeholder p : items) {
      pad(column);
      out.append("- ");
      if (p instanceof Placeholder.Literal l) {
        scalar(l.value(), column);
      } else {
        map(p, column + 2);
      }
    }
  }

  /** What follows a key's colon: a literal on the line, or a placeholder's map on the next lines. */
  private void value(Placeholder p, int column) {
    if (p instanceof Placeholder.Literal l) {
      out.append(' ');
      scalar(l.value(), column);
    } else {
      out.append('\n');
      pad(column + 2);
      map(p, column + 2);
    }
  }

  /** A placeholder as a map whose first key is already at {@code column}. */
  private void map(Placeholder p, int column) {
    if (p instanceof Placeholder.InputValue v) {
      text("inputValue", v.input(), column);
    } else if (p instanceof Placeholder.InputPath v) {
      text("inputPath", v.input(), column);
    } else if (p instanceof Placeholder.OutputPath v) {
      text("outputPath", v.output(), column);
    } else if (p instanceof Placeholder.InputUri v) {
      text("inputUri", v.input(), column);
    } else if (p instanceof Placeholder.OutputUri v) {
      text("outputUri", v.output(), column);
    } else if (p instanceof Placeholder.IsPresent v) {
      text("isPresent", v.input(), column);
    } else if (p instanceof Placeholder.InputArtifacts a) {
      throw ComponentYamlWriter.noArtifactList(a);
    } else if (p instanceof Placeholder.Concat c) {
      out.append("concat:\n");
      items(c.items(), column);
    } else if (p instanceof Placeholder.If i) {
      out.append("if:\n");
      pad(column + 2);
      out.append("cond:");
      value(i.cond(), column + 2);
      pad(column + 2);
      out.append("then:");
      branch(i.then(), i.singleThen(), column + 2);
      if (i.hasElse()) {
        pad(column + 2);
        out.append("else:");
        branch(i.otherwise(), i.singleElse(), column + 2);
      }
    } else {
      throw new Unsupported(); // executorInput: null; an artifact's metadata: the tree path's error
    }
  }

  /** An if's branch: one item written alone, as the SDK read it, or a list at {@code column}. */
  private void branch(List<Placeholder> items, boolean single, int column) {
    if (single && items.size() == 1) {
      value(items.get(0), column);
    } else {
      out.append('\n');
      items(items, column);
    }
  }

  /** A map's key given by the spec (an annotation, a label, an environment variable). */
  private void key(String key) {
    if (!JacksonText.appendKey(key, out)) {
      throw new Unsupported();
    }
    out.append(':');
  }

  /** A text and its line break; a literal block's lines at {@code column + 2}. */
  private void scalar(String text, int column) {
    if (text == null || !JacksonText.appendText(text, column, out)) {
      throw new Unsupported();
    }
    out.append('\n');
  }

  private void pad(int indent) {
    BlockYaml.appendPad(indent, out);
  }
}
