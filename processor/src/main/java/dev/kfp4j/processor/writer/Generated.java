package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ClassName;

/** What every generated class shares: its annotations and how its file is written. */
public final class Generated {
  static final String PROCESSOR = "dev.kfp4j.processor.Kfp4jProcessor";
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Generated() {}

  /**
   * Starts a generated top-level class: its Javadoc ({@code doc}, then {@code link} as a {@code
   * {@link}}, then {@code after}), {@code @Generated}, and {@code public final class Name {}.
   */
  static JavaWriter begin(JavaWriter w, ClassName type, String doc, ClassName link, String after) {
    w.beginJavadoc().emit(doc).type(link).emit(after).endJavadoc();
    w.annotation(GENERATED, PROCESSOR);
    return w.emit("public final class ").emit(type.simpleName()).emit(" {\n").indent();
  }

  /**
   * Plain text (a description read from a component file, or Javadoc text kfp4j cleaned of its tags) as Javadoc text
   * showing the same characters: ampersands, angle brackets, at signs and braces become HTML entities, since
   * Javadoc reads them as markup (an entity, a tag, a block or inline tag); {@link JavaWriter} keeps a comment end
   * and a backslash before {@code u} from reaching javac. Null stays null.
   */
  static String text(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * What an op's {@code @return} says: the task it returns, the component it runs, its outputs, each a link to its
   * accessor ({@code outputs}: accessor name to description, which may be null; {@code task}: the task class's name),
   * and the settings chained on it.
   */
  static String opReturn(String component, String task, java.util.Map<String, String> outputs) {
    StringBuilder out = new StringBuilder("the task that runs component {@code ").append(component).append('}');
    if (outputs.isEmpty()) {
      out.append(", which has no outputs;");
    } else {
      out.append(outputs.size() == 1 ? ";\n    its output " : ";\n    its outputs ");
      String sep = "";
      for (java.util.Map.Entry<String, String> o : outputs.entrySet()) {
        out.append(sep).append("{@link ").append(task).append('#').append(o.getKey()).append("() ").append(o.getKey()).append("()}");
        if (o.getValue() != null) {
          out.append(" (").append(o.getValue()).append(')');
        }
        sep = ",\n    ";
      }
    }
    return out.append(outputs.isEmpty() ? "\n    " : ";\n    ").append("settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},\n    "
        + "{@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}\n    "
        + "and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it").toString();
  }

  /** A doc comment as {@code Elements.getDocComment} returns it, ready for {@code addJavadoc}. */
  static String javadoc(String comment) {
    if (comment == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : comment.split("\n", -1)) {
      out.append(line.startsWith(" ") ? line.substring(1) : line).append('\n');
    }
    return out.toString().strip() + "\n";
  }
}
