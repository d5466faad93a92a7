package dev.kfp4j.processor.writer;

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
import dev.kfp4j.processor.model.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooEntrypoint}: a {@code main} that runs one of {@code Foo}'s components by name,
 * speaking KFP v1's function-component argument protocol and KFP 2's executor input alike (the
 * same calls on {@code Invocation} serve both). Plain calls only, no reflection, so it starts as
 * fast as a hello-world.
 */
public final class EntrypointWriter {
  private static final ClassName ENTRYPOINT = ClassName.get("dev.kfp4j.entrypoint", "Entrypoint");
  private static final ClassName HANDLER = ENTRYPOINT.nestedClass("Handler");
  private static final ClassName SIGNATURE = ClassName.get("dev.kfp4j.entrypoint", "Signature");
  private static final ClassName INVOCATION = ClassName.get("dev.kfp4j.entrypoint", "Invocation");
  private static final ClassName TYPE_TOKEN = ClassName.get("dev.kfp4j.entrypoint", "TypeToken");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

  private EntrypointWriter() {}

  public static JavaFile write(ClassName owner, List<ComponentModel> components) {
    ClassName entry = components.get(0).entrypointClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(entry)
            .addAnnotation(Generated.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(HANDLER)
            .addJavadoc(
                "Container entrypoint of the components in {@link $T}.\n\n<p>Usage: {@code java -cp <classpath> $L <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),\nor {@code java -cp <classpath> $L <component> --executor_input <json>} (KFP 2)\n",
                owner, entry.canonicalName(), entry.canonicalName());
    CodeBlock.Builder signatures = CodeBlock.builder();
    CodeBlock.Builder dispatch = CodeBlock.builder().beginControlFlow("switch (in.component())");
    for (ComponentModel c : components) {
      type.addOriginatingElement(c.element());
      String field = constantName(c.name());
      type.addField(
          FieldSpec.builder(SIGNATURE, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(signature(c))
              .build());
      signatures.add(", $N", field);
      if (declaresResult(c)) {
        // a block of its own, so each record-returning component's 'result' is its own variable
        dispatch.add("case $S: {\n", c.name()).indent().add(call(c)).addStatement("return").unindent().add("}\n");
      } else {
        dispatch.add("case $S:\n", c.name()).indent().add(call(c)).addStatement("return").unindent();
      }
    }
    dispatch
        .add("default:\n")
        .indent()
        .addStatement("throw new $T($S + in.component())", IllegalArgumentException.class, "unknown component ")
        .unindent()
        .endControlFlow();
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
            .addStatement(
                "return $T.run($S, args, new $T()$L)", ENTRYPOINT, entry.canonicalName(), entry, signatures.build())
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("call")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(INVOCATION, "in")
            .addException(Exception.class)
            .addCode(dispatch.build())
            .build());
    return Generated.file(entry, type.build());
  }

  static String constantName(String componentName) {
    return componentName.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * {@code Signature.of("add", "Adds.", "a b -> Output")}: one call with constant text, which a
   * cold javac compiles at a fraction of the cost of a chain of calls; an optional value's default
   * follows as {@code .defaultText(...)}. A name the one-line form cannot hold (a space, {@code :}
   * or {@code ?} in it) keeps the chain of calls.
   */
  private static CodeBlock signature(ComponentModel c) {
    List<String> words = new ArrayList<>();
    CodeBlock.Builder defaults = CodeBlock.builder();
    for (InputModel in : c.inputs()) {
      if (!plain(in.name())) {
        return chain(c);
      }
      String kind;
      switch (in.role()) {
        case VALUE:
          kind = "";
          if (in.optional() && in.defaultText() != null) {
            defaults.add("\n    .defaultText($S, $S)", in.name(), in.defaultText());
          }
          break;
        case INPUT_PATH:
          kind = ":inputPath";
          break;
        case OUTPUT_PATH:
          kind = ":outputPath";
          break;
        case INPUT_ARTIFACT:
          kind = ":inputArtifact";
          break;
        case OUTPUT_ARTIFACT:
          kind = ":outputArtifact";
          break;
        default:
          throw new AssertionError(in.role());
      }
      words.add(in.name() + kind + (in.optional() && !in.isOutput() ? "?" : ""));
    }
    boolean outputs = false;
    for (OutputModel out : c.outputs()) {
      if (!out.isFile()) {
        if (!plain(out.name())) {
          return chain(c);
        }
        if (!outputs) {
          words.add("->");
          outputs = true;
        }
        words.add(out.name());
      }
    }
    return CodeBlock.builder()
        .add("$T.of($S, $S, $S)", SIGNATURE, c.name(), firstLine(c.description()), String.join(" ", words))
        .add(defaults.build())
        .build();
  }

  /** Whether {@code name} can stand in {@link #signature}'s one line. */
  private static boolean plain(String name) {
    return !name.isEmpty() && !name.equals("->") && name.indexOf(' ') < 0 && name.indexOf(':') < 0 && name.indexOf('?') < 0;
  }

  /** The signature as a chain of calls, one per input and output. */
  private static CodeBlock chain(ComponentModel c) {
    CodeBlock.Builder b = CodeBlock.builder().add("new $T($S, $S)", SIGNATURE, c.name(), firstLine(c.description()));
    for (InputModel in : c.inputs()) {
      switch (in.role()) {
        case VALUE:
          if (in.optional()) {
            b.add("\n    .optionalValue($S, $S)", in.name(), in.defaultText());
          } else {
            b.add("\n    .value($S)", in.name());
          }
          break;
        case INPUT_PATH:
          b.add("\n    .inputPath($S, $L)", in.name(), !in.optional());
          break;
        case OUTPUT_PATH:
          b.add("\n    .outputPath($S)", in.name());
          break;
        case INPUT_ARTIFACT:
          b.add("\n    .inputArtifact($S, $L)", in.name(), !in.optional());
          break;
        case OUTPUT_ARTIFACT:
          b.add("\n    .outputArtifact($S)", in.name());
          break;
        default:
          throw new AssertionError(in.role());
      }
    }
    for (OutputModel out : c.outputs()) {
      if (!out.isFile()) {
        b.add("\n    .output($S)", out.name());
      }
    }
    return b.build();
  }

  private static String firstLine(String description) {
    if (description == null) {
      return "";
    }
    int nl = description.indexOf('\n');
    return nl < 0 ? description : description.substring(0, nl);
  }

  /** Whether {@link #call} declares the local {@code result}: a record's outputs, read one by one. */
  private static boolean declaresResult(ComponentModel c) {
    if (c.returnType() == TypeName.VOID) {
      return false;
    }
    List<OutputModel> returned = c.outputs().stream().filter(o -> !o.isFile()).toList();
    return !(returned.size() == 1 && returned.get(0).source() == OutputModel.Source.RETURN);
  }

  private static CodeBlock call(ComponentModel c) {
    CodeBlock.Builder args = CodeBlock.builder();
    boolean first = true;
    for (InputModel in : c.inputs()) {
      args.add(first ? "" : ",$W").add("$L", argument(in));
      first = false;
    }
    CodeBlock invoke = CodeBlock.of("$T.$N($L)", c.owner(), c.methodName(), args.build());
    CodeBlock.Builder code = CodeBlock.builder();
    if (c.returnType() == TypeName.VOID) {
      return code.addStatement("$L", invoke).build();
    }
    List<OutputModel> returned = c.outputs().stream().filter(o -> !o.isFile()).toList();
    if (!declaresResult(c)) {
      return code.addStatement("in.$L($S, $L)", outputCall(returned.get(0)), returned.get(0).name(), invoke).build();
    }
    code.addStatement(
        "$T result = $T.requireNonNull($L, $S)",
        c.returnType(), OBJECTS, invoke, c.methodName() + " returned null; return a " + c.returnType());
    for (OutputModel out : returned) {
      code.addStatement("in.$L($S, result.$N())", outputCall(out), out.name(), out.recordAccessor());
    }
    return code.build();
  }

  /** {@code intOutput} for an {@code int} ..., else {@code output}: no value boxed in generated code. */
  private static String outputCall(OutputModel out) {
    TypeName t = out.javaType();
    return t.isPrimitive() && !t.equals(TypeName.CHAR) && !t.equals(TypeName.BYTE) && !t.equals(TypeName.SHORT)
        ? t + "Output"
        : "output";
  }

  private static CodeBlock argument(InputModel in) {
    CodeBlock value;
    switch (in.role()) {
      case OUTPUT_PATH:
        if (in.isV1UiFile()) {
          // KFP 2 maps mlpipeline_metrics to its Metrics artifact; KFP 2's UI reads no mlpipeline_ui_metadata
          return ((ClassName) in.javaType()).simpleName().equals("MlpipelineMetrics")
              ? CodeBlock.of("in.mlpipelineMetrics($S)", in.name())
              : CodeBlock.of("new $T(in.outputPath($S))", in.javaType(), in.name());
        }
        return in.pathAsString()
            ? CodeBlock.of("in.outputPath($S).toString()", in.name())
            : CodeBlock.of("in.outputPath($S)", in.name());
      case INPUT_PATH:
        value = in.pathAsString() ? CodeBlock.of("in.pathString($S)", in.name()) : CodeBlock.of("in.path($S)", in.name());
        break;
      case OUTPUT_ARTIFACT:
        return CodeBlock.of("in.outputArtifact($S, $T.class)", in.name(), in.valueType());
      case INPUT_ARTIFACT:
        value = CodeBlock.of("in.artifact($S, $T.class)", in.name(), in.valueType());
        break;
      default:
        value = valueOf(in);
    }
    if (in.optionalWrapper()) {
      return CodeBlock.of(
          "in.has($S) ? $T.of($L) : $T.<$T>empty()", in.name(), OPTIONAL, value, OPTIONAL, in.valueType().box());
    }
    return value;
  }

  private static CodeBlock valueOf(InputModel in) {
    ValueKind kind = in.kind();
    TypeName t = in.valueType();
    if (kind == ValueKind.ENUM) {
      return CodeBlock.of("in.enumValue($S, $T.class)", in.name(), t);
    }
    if (kind.isJson()) {
      if (t instanceof ParameterizedTypeName) {
        return CodeBlock.of("in.json($S, new $T() {})", in.name(), ParameterizedTypeName.get(TYPE_TOKEN, t));
      }
      return CodeBlock.of("in.json($S, $T.class)", in.name(), t);
    }
    return CodeBlock.of("in.$L($S)", kind.getter(), in.name());
  }
}
