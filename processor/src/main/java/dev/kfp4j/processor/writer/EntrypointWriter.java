package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.OutputModel;
import java.util.List;
import javax.lang.model.element.Modifier;

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
  /** The characters a row's names and defaults escape, beside a space and control characters: as {@code Table}. */
  private static final String ESCAPED = "%:?=,()>";

  private EntrypointWriter() {}

  public static JavaFile write(ClassName owner, List<ComponentModel> components) {
    ClassName entry = components.get(0).entrypointClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(entry)
            .addAnnotation(Generated.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Container entrypoint of the components in {@link $T}.\n\n<p>Usage: {@code java -cp <classpath> $L <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),\nor {@code java -cp <classpath> $L <component> --executor_input <json>} (KFP 2)\n",
                owner, entry.canonicalName(), entry.canonicalName());
    CodeBlock.Builder rows = CodeBlock.builder().add("{\n").indent();
    for (ComponentModel c : components) {
      type.addOriginatingElement(c.element());
      rows.add("$S,\n", row(c));
    }
    type.addField(
        FieldSpec.builder(ArrayTypeName.of(String.class), "COMPONENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("One row per component: {@code <component> <method>(<parameter types>) <input>... -> <output>...},\nthen a tab and the first line of its description.\n")
            .initializer(rows.unindent().add("}").build())
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(
        MethodSpec.methodBuilder("main")
            .addJavadoc("Runs a component and exits with its exit code: 0 done, 1 failed, 2 bad arguments.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(String[].class, "args")
            .addStatement("int code = run(args)")
            .beginControlFlow("if (code != 0)")
            .addStatement("System.exit(code)")
            .endControlFlow()
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("run")
            .addJavadoc("Runs a component and returns the exit code, without exiting.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(int.class)
            .addParameter(String[].class, "args")
            .addStatement("return $T.run($S, args, $T.class, COMPONENTS)", ENTRYPOINT, entry.canonicalName(), owner)
            .build());
    return Generated.file(entry, type.build());
  }

  /**
   * A component as its entrypoint's table holds it, {@code "add add(int,int) a b -> Output\tAdds
   * two numbers."}: its name, its method with the erased parameter types, each input ({@code
   * <name>[:<role>][?][=<default>]}), the returned outputs after {@code ->}, and after a tab the
   * first line of its description. Names and defaults escape a space, control characters and
   * {@code %:?=,()>} as {@code %XX}.
   */
  static String row(ComponentModel c) {
    StringBuilder row = new StringBuilder(escape(c.name())).append(' ').append(c.methodName()).append('(');
    for (int i = 0; i < c.inputs().size(); i++) {
      row.append(i == 0 ? "" : ",").append(binaryName(c.inputs().get(i).javaType()));
    }
    row.append(')');
    for (InputModel in : c.inputs()) {
      row.append(' ').append(escape(in.name())).append(role(in));
      if (in.optional() && !in.isOutput()) {
        row.append('?');
      }
      if (in.role() == InputModel.Role.VALUE && in.optional() && in.defaultText() != null) {
        row.append('=').append(escape(in.defaultText()));
      }
    }
    boolean outputs = false;
    for (OutputModel out : c.outputs()) {
      if (!out.isFile()) {
        row.append(outputs ? " " : " -> ").append(escape(out.name()));
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

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f || ESCAPED.indexOf(c) >= 0) {
        sb.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String firstLine(String description) {
    if (description == null) {
      return "";
    }
    int nl = description.indexOf('\n');
    return nl < 0 ? description : description.substring(0, nl);
  }
}
