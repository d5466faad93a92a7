package dev.kfp4j.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Writes typed ops for component specs imported with {@code @ImportComponents}: one op per spec,
 * parameters typed from the KFP input types (required inputs first), outputs typed the same way.
 */
public final class ImportedOpsWriter {
  private static final ClassName DSL = ClassName.get("dev.kfp4j.dsl", "Task");

  /**
   * One imported spec, where it was read from, and whether from a KFP 2 component file (whose
   * artifacts are files and whose other inputs and outputs are values, as KFP 2 passes them).
   */
  public record Imported(ComponentSpec spec, String resource, boolean kfp2) {}

  private ImportedOpsWriter() {}

  public static JavaFile write(ClassName owner, List<Imported> components) {
    ClassName ops = ClassName.get(owner.packageName(), String.join("_", owner.simpleNames()) + "Ops");
    TypeSpec.Builder type = TypeSpec.classBuilder(ops)
        .addAnnotation(Generated.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Ops of the components imported by {@link $T}: call them in a {@code @Pipeline} method.\n", owner)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    Set<String> methods = new HashSet<>();
    for (Imported c : components) {
      String method = unique(javaName(c.spec().name() == null ? baseName(c.resource()) : c.spec().name(), false), methods);
      String task = dev.kfp4j.spec.Names.taskName(c.spec().name() == null ? baseName(c.resource()) : c.spec().name());
      ClassName nested = ops.nestedClass(Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Task");
      TypeName taskType = taskType(c, nested);
      List<InputSpec> ordered = new ArrayList<>();
      c.spec().inputs().stream().filter(i -> !optional(i)).forEach(ordered::add);
      c.spec().inputs().stream().filter(ImportedOpsWriter::optional).forEach(ordered::add);
      boolean anyOptional = ordered.stream().anyMatch(ImportedOpsWriter::optional);
      for (boolean all : anyOptional ? new boolean[] {true, false} : new boolean[] {true}) {
        List<InputSpec> given = all ? ordered : ordered.stream().filter(i -> !optional(i)).toList();
        type.addMethod(op(c, method, task, nested, taskType, given, !all));
      }
      if (taskType.equals(nested)) {
        type.addType(task(c, nested, task));
      }
    }
    return Generated.file(ops, type.build());
  }

  private static MethodSpec op(Imported c, String method, String task, ClassName nested, TypeName taskType,
      List<InputSpec> ordered, boolean requiredOnly) {
    {
      MethodSpec.Builder m = MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(taskType);
      m.addJavadoc("$L\n\n<p>Component {@code $L}, from {@code $L}$L.\n", doc(c.spec().description(), "The component " + c.spec().name() + "."),
          c.spec().name(), c.resource(), requiredOnly ? "; optional inputs left out" : "");
      if (c.spec().graph() != null) {
        m.addJavadoc("\n<p>A graph component: a call runs its tasks $L, inlined into the pipeline as KFP v1 compiles them.\n",
            String.join(", ", c.spec().graph().sortedTaskIds().stream().map(id -> "{@code " + doc(id, id) + "}").toList()));
      }
      if (ordered.stream().anyMatch(in -> in.description() != null || optional(in))) {
        m.addJavadoc("\n");
      }
      AnnotationSpec.Builder op = AnnotationSpec.builder(OpsWriter.OP).addMember("value", "$S", task).addMember("spec", "$S", c.resource());
      CodeBlock.Builder args = CodeBlock.builder();
      Set<String> params = new HashSet<>();
      for (InputSpec in : ordered) {
        String param = unique(javaName(in.name(), false), params);
        m.addParameter(inputType(c, in), param);
        if (in.description() != null) {
          m.addJavadoc("@param $L $L$L\n", param, doc(in.description(), ""), optional(in) ? " (optional: null leaves it out)" : "");
        } else if (optional(in)) {
          m.addJavadoc("@param $L optional: null leaves it out\n", param);
        }
        op.addMember("inputs", "$S", in.name());
        args.add(args.isEmpty() ? "$S, $L" : ", $S, $L", in.name(), param);
      }
      m.addAnnotation(op.build());
      if (taskType.equals(nested)) {
        m.addStatement("return new $T($L)", nested, OpsWriter.namesAndValues(args.build()));
      } else {
        m.addStatement("return new $T($S, $L)", taskType, task, OpsWriter.namesAndValues(args.build()));
      }
      return m.build();
    }
  }

  private static boolean optional(InputSpec in) {
    return in.optional() || in.defaultValue() != null;
  }

  /** The shared task class when the only output is {@code Output}; else a nested class. */
  private static TypeName taskType(Imported c, ClassName nested) {
    ComponentSpec spec = c.spec();
    if (spec.outputs().isEmpty()) {
      return ClassName.get("dev.kfp4j.dsl", "VoidTask");
    }
    if (spec.outputs().size() == 1 && spec.outputs().get(0).name().equals("Output")) {
      return dev.kfp4j.processor.model.ComponentModel.sharedTaskType(outputType(c, spec.outputs().get(0)));
    }
    return nested;
  }

  private static TypeSpec task(Imported c, ClassName nested, String task) {
    ComponentSpec spec = c.spec();
    TypeSpec.Builder b = TypeSpec.classBuilder(nested)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(DSL, nested))
        .addJavadoc("A task of component {@code $L}.\n", spec.name())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(Object[].class, "namesAndValues")
            .addStatement("super($S, namesAndValues)", task)
            .build());
    Set<String> names = new HashSet<>(Set.of("after", "component", "arguments", "settings", "output"));
    for (OutputSpec out : spec.outputs()) {
      // output Output is output(), as on the ops of @Component methods (an overload of Task's output(task, name))
      String accessor = out.name().equals("Output") ? "output" : unique(javaName(out.name(), true), names);
      b.addMethod(MethodSpec.methodBuilder(accessor)
          .addModifiers(Modifier.PUBLIC)
          .addAnnotation(AnnotationSpec.builder(OpsWriter.OP_OUTPUT).addMember("value", "$S", out.name()).build())
          .returns(outputType(c, out))
          .addJavadoc("Output {@code $L}$L.\n", out.name(), out.description() == null ? "" : ": " + doc(out.description(), ""))
          .addStatement("throw outsidePipeline($S, $S)", task, out.name())
          .build());
    }
    return b.build();
  }

  /**
   * Java types from KFP types: Integer → long, Float → double, Boolean, JSON, files → Path, else
   * String. In a KFP 2 file the files are its artifacts ({@code system.Dataset}...).
   */
  static TypeName inputType(Imported c, InputSpec in) {
    boolean file = c.kfp2() ? c.spec().inputIsArtifact(in.name()) : c.spec().inputIsFile(in.name());
    TypeName t = file ? ClassName.get(Path.class) : valueType(in.type() == null ? null : in.type().name());
    return optional(in) ? t.box() : t;
  }

  static TypeName outputType(Imported c, OutputSpec out) {
    boolean file = c.kfp2() ? c.spec().outputIsArtifact(out.name()) : c.spec().outputIsFile(out.name());
    return file ? ClassName.get(Path.class) : valueType(out.type() == null ? null : out.type().name());
  }

  private static TypeName valueType(String kfpType) {
    if (kfpType == null) {
      return ClassName.get(String.class);
    }
    switch (kfpType) {
      case "Integer":
        return TypeName.LONG;
      case "Float":
        return TypeName.DOUBLE;
      case "Boolean":
        return TypeName.BOOLEAN;
      case "JsonArray":
        return ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(Object.class));
      case "JsonObject":
        return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), WildcardTypeName.subtypeOf(Object.class));
      default:
        return ClassName.get(String.class);
    }
  }

  /** {@code "Train XGBoost model"} → {@code trainXgboostModel}; accessors and keywords get a suffix. */
  static String javaName(String name, boolean accessor) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String lower = word.toLowerCase(Locale.ROOT);
      out.append(out.length() == 0 ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
      out.insert(0, accessor ? "output" : "op");
    }
    String s = out.toString();
    return SourceVersion.isKeyword(s) ? s + "_" : s;
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  private static String baseName(String resource) {
    String file = resource.substring(resource.lastIndexOf('/') + 1);
    return file.replaceAll("\\.(component\\.)?ya?ml$", "");
  }

  private static String doc(String text, String fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return text.strip().replace("*/", "*&#47;");
  }
}
