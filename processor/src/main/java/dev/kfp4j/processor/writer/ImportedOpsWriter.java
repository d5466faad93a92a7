package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Writes typed ops for component specs imported with {@code @ImportComponents}: one op per spec,
 * parameters typed from the KFP input types (required inputs first), outputs typed the same way.
 */
public final class ImportedOpsWriter {
  /**
   * One imported spec, where it was read from, whether from a KFP 2 component file (whose
   * artifacts are files and whose other inputs and outputs are values, as KFP 2 passes them), and
   * whether it is a KFP 2 pipeline file's interface (a call runs the pipeline's tasks).
   */
  public record Imported(ComponentSpec spec, String resource, boolean kfp2, boolean pipeline, Set<String> artifactLists) {
    public Imported {
      artifactLists = Set.copyOf(artifactLists);
    }

    /** A component file's spec. */
    public Imported(ComponentSpec spec, String resource, boolean kfp2) {
      this(spec, resource, kfp2, false, Set.of());
    }
  }

  /** {@code List<Path>}: a list of artifacts, KFP's {@code List[Dataset]}. */
  private static final TypeName PATH_LIST = ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(Path.class));

  private ImportedOpsWriter() {}

  public static JavaSource write(ClassName owner, List<Imported> components) {
    ClassName ops = ClassName.get(owner.packageName(), String.join("_", owner.simpleNames()) + "Ops");
    List<Op> written = new ArrayList<>();
    // a component named as a method of Object ("To string", "Notify") gets a number: a static toString() would not compile
    Set<String> methods = new HashSet<>(dev.kfp4j.processor.model.OutputModel.OBJECT_METHODS);
    Set<String> nested = new HashSet<>();
    for (Imported c : components) {
      String method = unique(javaName(c.spec().name() == null ? baseName(c.resource()) : c.spec().name(), false), methods);
      String task = dev.kfp4j.spec.Names.taskName(c.spec().name() == null ? baseName(c.resource()) : c.spec().name());
      ClassName nestedClass = ops.nestedClass(Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Task");
      TypeName taskType = taskType(c, nestedClass);
      if (taskType == nestedClass) {
        nested.add(nestedClass.simpleName());
      }
      written.add(new Op(c, method, task, nestedClass, taskType));
    }
    JavaWriter w = new JavaWriter(ops, nested);
    Generated.begin(w, ops, "Ops of the components imported by {@link ", owner, "}: call them in a {@code @Pipeline} method.\n");
    w.beginMethod("private ", null, ops.simpleName(), List.of(), List.of()).endBlock();
    for (Op o : written) {
      List<InputSpec> ordered = new ArrayList<>();
      // a TaskConfig input (KFP 2's dsl.TaskConfig) is no input of the op: KFP's driver fills it
      List<InputSpec> given = o.c().spec().inputs().stream().filter(i -> !dev.kfp4j.spec.TaskConfigs.isTaskConfig(i)).toList();
      given.stream().filter(i -> !optional(i)).forEach(ordered::add);
      given.stream().filter(ImportedOpsWriter::optional).forEach(ordered::add);
      boolean anyOptional = ordered.stream().anyMatch(ImportedOpsWriter::optional);
      op(w, o, ordered, false);
      if (anyOptional) {
        op(w, o, ordered.stream().filter(i -> !optional(i)).toList(), true);
      }
    }
    for (Op o : written) {
      if (o.taskType() == o.nested()) {
        task(w, o.c(), o.nested(), o.task());
      }
    }
    return w.endBlock().source();
  }

  /** One op to write: its component, method name, task name, nested task class and the task type it returns. */
  private record Op(Imported c, String method, String task, ClassName nested, TypeName taskType) {}

  private static void op(JavaWriter w, Op o, List<InputSpec> ordered, boolean requiredOnly) {
    Imported c = o.c();
    StringBuilder doc = new StringBuilder();
    doc.append(doc(c.spec().description(), "The component " + c.spec().name() + ".")).append("\n\n<p>Component {@code ")
        .append(c.spec().name()).append("}, from {@code ").append(c.resource()).append('}')
        .append(requiredOnly ? "; optional inputs left out" : "").append(".\n");
    if (c.spec().graph() != null) {
      doc.append("\n<p>A graph component: a call runs its tasks ")
          .append(String.join(", ", c.spec().graph().sortedTaskIds().stream().map(id -> "{@code " + doc(id, id) + "}").toList()))
          .append(", inlined into the pipeline as KFP v1 compiles them.\n");
    }
    if (c.pipeline()) {
      doc.append("\n<p>A KFP 2 pipeline: a call runs its tasks where it is, a pipeline in a pipeline (KFP's graph component);"
          + " of the task settings {@code after(...)}, {@code displayName(...)}, {@code caching(...)} and {@code cacheKey(...)}"
          + " apply to it, as KFP takes them on a loaded pipeline's task.\n");
    }
    doc.append("\n");
    List<TypeName> types = new ArrayList<>();
    List<String> params = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (InputSpec in : ordered) {
      String param = unique(javaName(in.name(), false), used);
      types.add(inputType(c, in));
      params.add(param);
      inputs.add(in.name());
      if (in.description() != null) {
        doc.append("@param ").append(param).append(' ').append(doc(in.description(), ""))
            .append(optional(in) ? " (optional: null leaves it out)" : "").append('\n');
      } else {
        doc.append("@param ").append(param).append(optional(in) ? " optional: null leaves it out\n" : " input {@code " + doc(in.name(), "") + "}\n");
      }
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<OutputSpec, String> accessors = accessors(c.spec());
    for (OutputSpec out : c.spec().outputs()) {
      outputs.put(accessors.get(out), out.description() == null ? null : doc(out.description(), null));
    }
    doc.append("@return ").append(Generated.opReturn(c.spec().name() == null ? baseName(c.resource()) : c.spec().name(), o.taskType() == o.nested() ? o.nested().simpleName() : TypeNames.canonical(o.taskType()).replaceAll("<.*", ""), outputs)).append('\n');
    w.emit("\n").javadoc(doc.toString());
    w.annotation(OpsWriter.OP, OpsWriter.opMembers(o.task(), c.resource(), inputs,
        c.spec().inputs().stream().map(InputSpec::name).toList()));
    w.beginMethod("public static ", o.taskType(), o.method(), types, params);
    OpsWriter.returnNewTask(w, o.taskType(), o.taskType() == o.nested() ? null : o.task(), inputs, params);
    w.endBlock();
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

  private static void task(JavaWriter w, Imported c, ClassName nested, String task) {
    ComponentSpec spec = c.spec();
    OpsWriter.beginTask(w, nested, "A task of component {@code " + spec.name() + "}.\n", task);
    Map<OutputSpec, String> accessors = accessors(spec);
    for (OutputSpec out : spec.outputs()) {
      String accessor = accessors.get(out);
      String doc = "Output {@code " + out.name() + "}" + (out.description() == null ? "" : ": " + doc(out.description(), "")) + ".\n";
      OpsWriter.accessor(w, doc, out.name(), outputType(c, out), accessor, task);
    }
    w.endBlock();
  }

  /**
   * Each output's accessor on its task, in the file's order. Output is output(), as on the ops of @Component methods (an
   * overload of Task's output(task, name)); an output named as a method every task has (upstream, hashCode...), which the
   * file's author could not know of, gets a number, after the names of the others, so that its own name's accessor stays
   * the other outputs'.
   */
  private static Map<OutputSpec, String> accessors(ComponentSpec spec) {
    Set<String> names = new HashSet<>(dev.kfp4j.processor.model.OutputModel.TASK_METHODS);
    names.add("output");
    Map<OutputSpec, String> accessors = new HashMap<>();
    for (OutputSpec out : spec.outputs()) {
      if (!names.contains(javaName(out.name(), true)) && !out.name().equals("Output")) {
        accessors.put(out, unique(javaName(out.name(), true), names));
      }
    }
    Map<OutputSpec, String> ordered = new LinkedHashMap<>();
    for (OutputSpec out : spec.outputs()) {
      ordered.put(out, out.name().equals("Output") ? "output" : accessors.computeIfAbsent(out, o -> unique(javaName(o.name(), true), names)));
    }
    return ordered;
  }

  /**
   * Java types from KFP types: Integer → long, Float → double, Boolean, JSON, the final status
   * ({@code PipelineTaskFinalStatus}, KFP 2's {@code TASK_FINAL_STATUS}), files → Path, else
   * String. In a KFP 2 file the files are its artifacts ({@code system.Dataset}...), and a list of artifacts
   * ({@code isArtifactList}) is a {@code List<Path>}.
   */
  static TypeName inputType(Imported c, InputSpec in) {
    boolean file = c.kfp2() ? c.spec().inputIsArtifact(in.name()) : c.spec().inputIsFile(in.name());
    TypeName t = file ? ClassName.get(Path.class) : valueType(in.type() == null ? null : in.type().name());
    if (in.isArtifactList()) {
      t = PATH_LIST;
    }
    return optional(in) ? t.box() : t;
  }

  static TypeName outputType(Imported c, OutputSpec out) {
    if (c.artifactLists().contains(out.name())) { // a pipeline file's dsl.Collected of artifacts: KFP's List[Dataset]
      return PATH_LIST;
    }
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
      case "PipelineTaskFinalStatus": // an exit task's status, given Dsl.runStatus()
        return ClassName.get("dev.kfp4j.artifacts", "PipelineTaskFinalStatus");
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
    return Generated.text(text.strip()); // markup characters as entities; JavaWriter keeps comment text from ending the comment
  }
}
