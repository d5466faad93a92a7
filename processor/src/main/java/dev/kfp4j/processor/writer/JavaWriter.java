package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;

/**
 * Writes the source of one generated top-level class directly, in the layout JavaPoet gives it
 * (two-space indent, {@code java.lang} not imported), without a general emitter: no format strings,
 * no regex, one pass of text and a second that only places type names and wraps long signatures.
 *
 * <p>Type names are written as JavaPoet writes them: a type is imported under its simple name
 * unless that name is taken by a type nested in the class, by the class itself, by an earlier
 * imported type, or by a type of the same package the file refers to; then it is written in full
 * ({@link Imports}). Types named in Javadoc count as in code, as JavaPoet counts them. Parameter
 * lists wrap past column 100 with a double indent ({@link Wrapper}). The class may hold nested
 * types, one level deep.
 *
 * <p>Code is written as text: {@link #emit} for code, {@link #type} for a type, {@link #literal}
 * for a string; {@link #beginStatement}/{@link #endStatement} around a statement, {@link
 * #beginMethod}/{@link #endBlock} around a method, {@link #indent}/{@link #unindent} for any
 * other block. {@link #source} gives the file.
 */
public final class JavaWriter {
  private static final String INDENT = "  ";

  private final ClassName type;
  private final Set<String> nested;
  private final StringBuilder body = new StringBuilder(8192);
  /** Type names and wrap points, in text order: where each goes in {@link #body}. */
  private final List<Mark> marks = new ArrayList<>();
  private final List<Element> origins = new ArrayList<>();
  private int level;
  private boolean lineStart = true;
  private boolean javadoc;
  private int statementLine = -1;

  /** A class name written at {@code at}, or a wrap point there (a space or nothing) with its continuation indent. */
  private record Mark(int at, ClassName type, boolean space, int indent) {}

  /** The writer of top-level class {@code type}, whose nested types have the simple names {@code nested}. */
  public JavaWriter(ClassName type, Set<String> nested) {
    this.type = type;
    this.nested = nested;
  }

  /** Records an element the class is generated from, for the {@code Filer}. */
  public JavaWriter origin(Element element) {
    origins.add(element);
    return this;
  }

  public JavaWriter indent() {
    level++;
    return this;
  }

  public JavaWriter unindent() {
    level--;
    return this;
  }

  /** Code or Javadoc text: each line indented (and in Javadoc prefixed with {@code " * "}) as it starts. */
  public JavaWriter emit(String text) {
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        line(text, start, i);
        newline();
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    line(text, start, n);
    return this;
  }

  private void line(String text, int from, int to) {
    if (from == to) {
      return;
    }
    startLine();
    if (javadoc) {
      commentText(text, from, to);
    } else {
      body.append(text, from, to);
    }
  }

  /**
   * Text inside a comment, written so that javac reads it as the text it is: a {@code *}{@code /} would end the
   * comment and a backslash before {@code u} is a Unicode escape to javac wherever it stands, an illegal one in a
   * description naming a Windows folder {@code C:&#92;users} (HTML entities instead, which Javadoc shows as the characters).
   */
  private void commentText(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to && text.charAt(i + 1) == 'u') {
        body.append("&#92;");
      } else if (c == '*' && i + 1 < to && text.charAt(i + 1) == '/') {
        body.append("*&#47;");
        i++;
      } else {
        body.append(c);
      }
    }
  }

  private void startLine() {
    if (lineStart) {
      for (int i = 0; i < level; i++) {
        body.append(INDENT);
      }
      if (javadoc) {
        body.append(" * ");
      }
      lineStart = false;
    }
  }

  private void newline() {
    if (javadoc && lineStart) {
      for (int i = 0; i < level; i++) {
        body.append(INDENT);
      }
      body.append(" *");
    }
    body.append('\n');
    lineStart = true;
    if (statementLine != -1) {
      if (statementLine == 0) {
        level += 2; // a statement's later lines are indented twice more
      }
      statementLine++;
    }
  }

  /** A statement: {@code code} (with {@link #type} and {@link #literal} calls in between) then {@code ";\n"}. */
  public JavaWriter beginStatement() {
    statementLine = 0;
    return this;
  }

  public JavaWriter endStatement() {
    emit(";\n");
    if (statementLine > 0) {
      level -= 2;
    }
    statementLine = -1;
    return this;
  }

  /** A type: keywords for primitives, class names placed once the imports are known. */
  public JavaWriter type(TypeName t) {
    if (t instanceof ClassName c) {
      startLine();
      marks.add(new Mark(body.length(), c, false, 0));
    } else if (t instanceof ParameterizedTypeName p) {
      type(p.rawType());
      emit("<");
      List<TypeName> args = p.typeArguments();
      for (int i = 0; i < args.size(); i++) {
        emit(i == 0 ? "" : ", ");
        type(args.get(i));
      }
      emit(">");
    } else if (t instanceof WildcardTypeName w) {
      if (w.lowerBounds().size() == 1) {
        emit("? super ").type(w.lowerBounds().get(0));
      } else if (TypeNames.isObject(w.upperBounds().get(0))) {
        emit("?");
      } else {
        emit("? extends ").type(w.upperBounds().get(0));
      }
    } else if (t instanceof ArrayTypeName a) {
      type(a.componentType()).emit("[]");
    } else {
      emit(TypeNames.keyword(t));
    }
    return this;
  }

  /** {@code text} as a Java string literal, escaped as JavaPoet's {@code $S} escapes it. */
  public JavaWriter literal(String text) {
    return emit(stringLiteral(text, INDENT));
  }

  /** A Javadoc comment: call {@link #emit}/{@link #type} in between; a last newline is added if missing. */
  public JavaWriter beginJavadoc() {
    emit("/**\n");
    javadoc = true;
    return this;
  }

  public JavaWriter endJavadoc() {
    if (!lineStart) {
      emit("\n");
    }
    javadoc = false;
    return emit(" */\n");
  }

  /** A Javadoc comment of plain text (nothing if it is empty). */
  public JavaWriter javadoc(String text) {
    return text.isEmpty() ? this : beginJavadoc().emit(text).endJavadoc();
  }

  /**
   * An annotation of string members, on its own line: {@code @A("v")} for a lone {@code value},
   * else one member a line, an array of several values one value a line.
   */
  public JavaWriter annotation(ClassName annotation, Map<String, List<String>> members) {
    emit("@").type(annotation);
    if (members.size() == 1 && members.containsKey("value")) {
      emit("(");
      values(members.get("value"));
      return emit(")\n");
    }
    emit("(\n");
    level += 2;
    boolean first = true;
    for (Map.Entry<String, List<String>> m : members.entrySet()) {
      emit(first ? "" : ",\n").emit(m.getKey()).emit(" = ");
      values(m.getValue());
      first = false;
    }
    level -= 2;
    return emit("\n)\n");
  }

  /** {@code @A("value")}, on its own line. */
  public JavaWriter annotation(ClassName annotation, String value) {
    return emit("@").type(annotation).emit("(").literal(value).emit(")\n");
  }

  private void values(List<String> values) {
    if (values.size() == 1) {
      level += 2;
      literal(values.get(0));
      level -= 2;
      return;
    }
    emit("{\n");
    level += 2;
    for (int i = 0; i < values.size(); i++) {
      emit(i == 0 ? "" : ",\n").literal(values.get(i));
    }
    level -= 2;
    emit("\n}");
  }

  /**
   * A method or constructor ({@code returns} null) up to its opening brace, its body indented:
   * {@code modifiers} as written ({@code "public static "}), parameters wrapped past column 100.
   */
  public JavaWriter beginMethod(String modifiers, TypeName returns, String name, List<? extends TypeName> types, List<String> names) {
    emit(modifiers);
    if (returns != null) {
      type(returns).emit(" ");
    }
    emit(name).emit("(");
    wrapPoint(false);
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        emit(",");
        wrapPoint(true);
      }
      type(types.get(i)).emit(" ").emit(names.get(i));
    }
    emit(") {\n");
    return indent();
  }

  public JavaWriter endBlock() {
    unindent();
    return emit("}\n");
  }

  private void wrapPoint(boolean space) {
    marks.add(new Mark(body.length(), null, space, level + 2));
  }

  /** The file: package, sorted imports, then the class text. */
  public JavaSource source() {
    Imports imports = new Imports(type, nested, Map.of());
    for (Mark m : marks) {
      if (m.type() != null) {
        imports.lookup(m.type());
      }
    }
    Map<String, ClassName> chosen = imports.chosen();
    StringBuilder out = new StringBuilder(body.length() + 1024);
    if (!type.packageName().isEmpty()) {
      out.append("package ").append(type.packageName()).append(";\n\n");
    }
    TreeMap<String, ClassName> sorted = new TreeMap<>();
    for (ClassName c : chosen.values()) {
      sorted.put(c.canonicalName(), c);
    }
    int count = 0;
    for (ClassName c : sorted.values()) {
      if (!c.packageName().equals("java.lang")) {
        out.append("import ").append(c.canonicalName()).append(";\n");
        count++;
      }
    }
    if (count > 0) {
      out.append('\n');
    }
    Imports placed = new Imports(type, nested, chosen);
    Wrapper wrapper = new Wrapper(out, INDENT);
    int at = 0;
    for (Mark m : marks) {
      wrapper.append(body.substring(at, m.at()));
      at = m.at();
      if (m.type() != null) {
        wrapper.append(placed.lookup(m.type()));
      } else {
        wrapper.wrapPoint(m.space(), m.indent());
      }
    }
    wrapper.append(body.substring(at));
    String name = type.packageName().isEmpty() ? type.simpleName() : type.canonicalName();
    return new JavaSource(name, out.toString(), origins.toArray(new Element[0]));
  }

  /** JavaPoet's {@code $S}: escapes, {@code \}uXXXX for other control characters, a line break continued on the next line. */
  static String stringLiteral(String value, String indent) {
    if (value == null) {
      return "null";
    }
    StringBuilder result = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\'' -> result.append('\'');
        case '"' -> result.append("\\\"");
        case '\b' -> result.append("\\b");
        case '\t' -> result.append("\\t");
        case '\n' -> result.append("\\n");
        case '\f' -> result.append("\\f");
        case '\r' -> result.append("\\r");
        case '\\' -> result.append("\\\\");
        default -> {
          if (Character.isISOControl(c)) {
            result.append(String.format("\\u%04x", (int) c));
          } else {
            result.append(c);
          }
        }
      }
      if (c == '\n' && i + 1 < value.length()) {
        result.append("\"\n").append(indent).append(indent).append("+ \"");
      }
    }
    return result.append('"').toString();
  }
}
