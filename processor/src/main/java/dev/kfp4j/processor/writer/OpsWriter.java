package dev.kfp4j.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.OutputModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooOps}: for each component of {@code Foo} a static op method returning a typed
 * task, and the task class with one accessor per output.
 */
public final class OpsWriter {
  static final ClassName TASK = ClassName.get("dev.kfp4j.dsl", "Task");
  static final ClassName OP = ClassName.get("dev.kfp4j.dsl", "Op");
  static final ClassName OP_OUTPUT = OP.nestedClass("Output");
  static final ClassName PATH = ClassName.get("java.nio.file", "Path");

  private OpsWriter() {}

  public static JavaFile write(ClassName owner, List<ComponentModel> components) {
    ClassName ops = components.get(0).opsClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(ops)
            .addAnnotation(Generated.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("Ops of the components in {@link $T}: call them in a {@code @Pipeline} method.\n", owner)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (ComponentModel c : components) {
      type.addOriginatingElement(c.element());
      List<InputModel> inputs = new ArrayList<>();
      for (InputModel in : c.inputs()) {
        if (!in.isOutput()) {
          inputs.add(in);
        }
      }
      type.addMethod(op(c, inputs, true));
      boolean anyOptional = inputs.stream().anyMatch(InputModel::optional);
      if (anyOptional) {
        type.addMethod(op(c, inputs, false));
      }
      if (!c.sharedTask()) {
        type.addType(task(c));
      }
    }
    return Generated.file(ops, type.build());
  }

  private static MethodSpec op(ComponentModel c, List<InputModel> inputs, boolean all) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(c.methodName())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(c.taskType());
    AnnotationSpec.Builder op = AnnotationSpec.builder(OP).addMember("value", "$S", c.name());
    String doc = Generated.javadoc(c.javadoc());
    String note =
        all ? "<p>Component {@code " + c.name() + "}." : "<p>Component {@code " + c.name() + "}, optional inputs left out.";
    java.util.Set<String> params = new java.util.HashSet<>();
    for (InputModel in : inputs) {
      if (all || !in.optional()) {
        params.add(in.javaName());
      }
    }
    m.addJavadoc("$L", withNote(onlyParams(doc, params), note));
    CodeBlock.Builder args = CodeBlock.builder();
    for (InputModel in : inputs) {
      if (!all && in.optional()) {
        continue;
      }
      m.addParameter(ParameterSpec.builder(opType(in), in.javaName()).build());
      op.addMember("inputs", "$S", in.name());
      if (!args.isEmpty()) {
        args.add(", ");
      }
      args.add("$S, $L", in.name(), in.javaName());
    }
    m.addAnnotation(op.build());
    if (c.sharedTask()) {
      m.addStatement("return new $T($S, $L)", c.taskType(), c.name(), namesAndValues(args.build()));
    } else {
      m.addStatement("return new $T($L)", c.taskClass(), namesAndValues(args.build()));
    }
    return m.build();
  }

  /**
   * {@code new Object[] {"a", a, "b", b}}: what an op passes its task's constructor. One plain
   * constructor call, with the task type spelled out (no diamond to infer), is the cheapest op body
   * for javac to compile: a varargs helper costs it a third resolution phase and a call more.
   */
  static CodeBlock namesAndValues(CodeBlock args) {
    return args.isEmpty() ? CodeBlock.of("new Object[0]") : CodeBlock.of("new Object[] {$L}", args);
  }

  /** Drops {@code @param} blocks for parameters the op method does not have. */
  static String onlyParams(String doc, java.util.Set<String> params) {
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    for (String line : doc.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("@")) {
        skipping = false;
        if (t.startsWith("@param ")) {
          String name = t.substring(7).strip().split("\\s+")[0];
          skipping = !params.contains(name);
        }
      }
      if (!skipping) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** Puts {@code note} as the last paragraph of the main text, before the block tags. */
  static String withNote(String doc, String note) {
    if (doc.isEmpty()) {
      return note + "\n";
    }
    int tags = doc.startsWith("@") ? 0 : doc.indexOf("\n@");
    if (tags < 0) {
      return doc.strip() + "\n\n" + note + "\n";
    }
    String main = doc.substring(0, tags).strip();
    return (main.isEmpty() ? "" : main + "\n\n") + note + "\n\n" + doc.substring(tags).strip() + "\n";
  }

  /**
   * The op parameter type: the value type, boxed where null may mean "not given"; a {@code Path}
   * for an input artifact, which takes a task's file or artifact output (in KFP 2 a file is an
   * artifact; the processor checks their KFP types agree).
   */
  static TypeName opType(InputModel in) {
    TypeName t = in.role() == InputModel.Role.INPUT_ARTIFACT ? PATH : in.valueType();
    return in.optional() ? t.box() : t;
  }

  private static TypeSpec task(ComponentModel c) {
    ClassName task = c.taskClass();
    TypeSpec.Builder b =
        TypeSpec.classBuilder(task)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(TASK, task))
            .addJavadoc("A task of component {@code $L}, returned by {@link #$L}.\n", c.name(), c.methodName() + signatureRef(c))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(Object[].class, "namesAndValues")
                    .addStatement("super($S, namesAndValues)", c.name())
                    .build());
    for (OutputModel out : c.outputs()) {
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(out.accessor())
              .addModifiers(Modifier.PUBLIC)
              .addAnnotation(AnnotationSpec.builder(OP_OUTPUT).addMember("value", "$S", out.name()).build())
              .returns(out.javaType())
              .addJavadoc(
                  "Output {@code $L}$L$L.\n",
                  out.name(),
                  out.kfpType() == null ? "" : " ({@code " + out.kfpType() + "})",
                  out.description() == null ? "" : ": " + out.description())
              .addStatement("throw outsidePipeline($S, $S)", c.name(), out.name());
      b.addMethod(m.build());
    }
    return b.build();
  }

  private static String signatureRef(ComponentModel c) {
    StringBuilder sb = new StringBuilder("(");
    boolean first = true;
    for (InputModel in : c.inputs()) {
      if (in.isOutput()) {
        continue;
      }
      sb.append(first ? "" : ", ").append(erasure(opType(in)));
      first = false;
    }
    return sb.append(')').toString();
  }

  private static String erasure(TypeName t) {
    if (t instanceof ParameterizedTypeName p) {
      return p.rawType().canonicalName();
    }
    return t.toString();
  }
}
