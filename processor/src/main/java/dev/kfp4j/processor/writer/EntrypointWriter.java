package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.entrypoint.Table;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.OutputModel;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code FooEntrypoint}: a {@code main} that runs one of {@code Foo}'s components by name,
 * speaking KFP v1's function-component argument protocol and KFP 2's executor input alike. Its
 * components are constant data, one string each in a table ({@link #row}), which javac compiles
 * at almost no cost: {@code dev.kfp4j.entrypoint.Entrypoint} finds the component's method by
 * reflection (its name and erased parameter types), reads each argument as the method's generic
 * parameter type asks, and writes what it returns.
 */
public final class EntrypointWriter {
  private static final ClassName ENTRYPOINT = ClassName.get("dev.kfp4j.entrypoint", "Entrypoint");
  private static final ArrayTypeName STRINGS = ArrayTypeName.of(String.class);

  /** The {@code @param} of {@code main} and {@code run}. */
  private static final String ARGS = "@param args the component's name, then its arguments, as the class's usage shows\n";

  private EntrypointWriter() {}

  public static JavaSource write(ClassName owner, List<ComponentModel> components) {
    ClassName entry = components.get(0).entrypointClass();
    String name = entry.canonicalName();
    JavaWriter w = new JavaWriter(entry, Set.of());
    Generated.begin(w, entry, "Container entrypoint of the components in {@link ", owner,
        "}.\n\n<p>Usage: {@code java -cp <classpath> " + name
            + " <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),\nor {@code java -cp <classpath> "
            + name + " <component> --executor_input <json>} (KFP 2)\n");
    w.javadoc("One row per component: {@code <component> <method>(<parameter types>) <input>... -> <output>...},\n"
        + "then a tab and the first line of its description.\n");
    w.emit("private static final ").type(STRINGS).emit(" COMPONENTS = {\n").indent();
    for (ComponentModel c : components) {
      w.origin(c.element());
      w.literal(row(c)).emit(",\n");
    }
    w.unindent().emit("};\n");
    w.emit("\n").beginMethod("private ", null, entry.simpleName(), List.of(), List.of()).endBlock();
    w.emit("\n").javadoc("Runs a component and exits with its exit code: 0 done, 1 failed, 2 bad arguments.\n\n" + ARGS);
    w.beginMethod("public static ", TypeName.VOID, "main", List.of(STRINGS), List.of("args"));
    w.beginStatement().emit("int code = run(args)").endStatement();
    w.emit("if (code != 0) {\n").indent().beginStatement().emit("System.exit(code)").endStatement().unindent().emit("}\n");
    w.endBlock();
    w.emit("\n").javadoc("Runs a component and returns the exit code, without exiting.\n\n" + ARGS
        + "@return the exit code: 0 done, 1 failed, 2 bad arguments\n");
    w.beginMethod("public static ", TypeName.INT, "run", List.of(STRINGS), List.of("args"));
    w.beginStatement().emit("return ").type(ENTRYPOINT).emit(".run(").literal(name).emit(", args, ").type(owner)
        .emit(".class, COMPONENTS)").endStatement();
    w.endBlock();
    return w.endBlock().source();
  }

  /**
   * A component as its entrypoint's table holds it, {@code "add add(int,int) a b -> Output\tAdds
   * two numbers."}: its name, its method with the erased parameter types, each input ({@code
   * <name>[:<role>][?][=<default>]}), the returned outputs after {@code ->}, and after a tab the
   * first line of its description. Names and defaults escape a space, control characters and
   * {@code %:?=,()>} as {@code %XX}.
   */
  static String row(ComponentModel c) {
    StringBuilder row = new StringBuilder(Table.escape(c.name())).append(' ').append(c.methodName()).append('(');
    for (int i = 0; i < c.inputs().size(); i++) {
      row.append(i == 0 ? "" : ",").append(binaryName(c.inputs().get(i).javaType()));
    }
    row.append(')');
    for (InputModel in : c.inputs()) {
      row.append(' ').append(Table.escape(in.name())).append(role(in));
      if (in.optional() && !in.isOutput()) {
        row.append('?');
      }
      if (in.role() == InputModel.Role.VALUE && in.optional() && in.defaultText() != null) {
        row.append('=').append(Table.escape(in.defaultText()));
      }
    }
    boolean outputs = false;
    for (OutputModel out : c.outputs()) {
      if (!out.isFile()) {
        row.append(outputs ? " " : " -> ").append(Table.escape(out.name()));
        outputs = true;
      }
    }
    String description = firstLine(c.description());
    return description.isEmpty() ? row.toString() : row.append('\t').append(description).toString();
  }

  private static String role(InputModel in) {
    switch (in.role()) {
      case VALUE:
        return "";
      case INPUT_PATH:
        return ":inputPath";
      case OUTPUT_PATH:
        return ":outputPath";
      case INPUT_ARTIFACT:
        return ":inputArtifact";
      case INPUT_ARTIFACTS:
        return ":inputArtifacts";
      case OUTPUT_ARTIFACT:
        return ":outputArtifact";
      default:
        throw new AssertionError(in.role());
    }
  }

  /** The erased type as {@code Class.getName()} spells it: {@code int}, {@code java.util.List}, {@code a.Outer$Inner}. */
  static String binaryName(TypeName type) {
    TypeName t = type.withoutAnnotations();
    if (t instanceof ParameterizedTypeName p) {
      t = p.rawType();
    }
    if (t.isPrimitive()) {
      return t.toString();
    }
    if (t instanceof ClassName c) {
      return c.reflectionName();
    }
    throw new IllegalArgumentException("no parameter of a component is a " + type);
  }

  private static String firstLine(String description) {
    if (description == null) {
      return "";
    }
    int nl = description.indexOf('\n');
    return nl < 0 ? description : description.substring(0, nl);
  }
}
