package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.base.Javadoc;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.OutputModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code FooOps}: for each component of {@code Foo} a static op method returning a typed
 * task, and the task class with one accessor per output.
 */
public final class OpsWriter {
  static final ClassName TASK = ClassName.get("dev.kfp4j.dsl", "Task");
  static final ClassName OP = ClassName.get("dev.kfp4j.dsl", "Op");
  static final ClassName OP_OUTPUT = OP.nestedClass("Output");
  static final ClassName PATH = ClassName.get("java.nio.file", "Path");
  static final TypeName OBJECTS = ArrayTypeName.of(ClassName.OBJECT);

  private OpsWriter() {}

  public static JavaSource write(ClassName owner, List<ComponentModel> components) {
    ClassName ops = components.get(0).opsClass();
    Set<String> nested = new HashSet<>();
    for (ComponentModel c : components) {
      if (!c.sharedTask()) {
        nested.add(c.taskClass().simpleName());
      }
    }
    JavaWriter w = new JavaWriter(ops, nested);
    Generated.begin(w, ops, "Ops of the components in {@link ", owner, "}: call them in a {@code @Pipeline} method.\n");
    w.beginMethod("private ", null, ops.simpleName(), List.of(), List.of()).endBlock();
    for (ComponentModel c : components) {
      w.origin(c.element());
      List<InputModel> inputs = new ArrayList<>();
      boolean anyOptional = false;
      for (InputModel in : c.inputs()) {
        if (!in.isOutput() && in.kind() != dev.kfp4j.processor.model.ValueKind.TASK_CONFIG) { // KFP's driver gives a TaskConfig
          inputs.add(in);
          anyOptional |= in.optional();
        }
      }
      op(w, c, inputs, true);
      if (anyOptional) {
        op(w, c, inputs, false);
      }
    }
    for (ComponentModel c : components) {
      if (!c.sharedTask()) {
        task(w, c);
      }
    }
    return w.endBlock().source();
  }

  private static void op(JavaWriter w, ComponentModel c, List<InputModel> inputs, boolean all) {
    String doc = Generated.javadoc(c.javadoc());
    String note =
        all ? "<p>Component {@code " + c.name() + "}." : "<p>Component {@code " + c.name() + "}, optional inputs left out.";
    Set<String> params = new HashSet<>();
    List<TypeName> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> inputNames = new ArrayList<>();
    for (InputModel in : inputs) {
      if (all || !in.optional()) {
        params.add(in.javaName());
        types.add(opType(in));
        names.add(in.javaName());
        inputNames.add(in.name());
      }
    }
    doc = onlyParams(doc, params);
    Javadoc parsed = Javadoc.parse(c.javadoc());
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < names.size(); i++) { // javadoc, and an IDE, want every parameter described
      if (parsed.param(names.get(i)) == null) {
        tags.append("@param ").append(names.get(i)).append(" input {@code ").append(inputNames.get(i)).append("}\n");
      }
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (OutputModel out : c.outputs()) {
      outputs.put(out.accessor(), Generated.text(out.description()));
    }
    TypeName task = c.taskType();
    String taskName = !c.sharedTask() ? c.taskClass().simpleName() // nested in the ops class
        : task instanceof ParameterizedTypeName p ? p.rawType().canonicalName() : TypeNames.canonical(task);
    tags.append("@return ").append(Generated.opReturn(c.name(), taskName, outputs)).append('\n');
    String kept = doc.strip();
    String full = kept.isEmpty() ? tags.toString() : kept + (kept.startsWith("@") || kept.contains("\n@") ? "\n" : "\n\n") + tags;
    w.emit("\n").javadoc(withNote(full, note));
    w.annotation(OP, opMembers(c.name(), null, inputNames,
        c.inputs().stream().filter(in -> !in.isOutput()).map(InputModel::name).toList()));
    w.beginMethod("public static ", c.taskType(), c.methodName(), types, names);
    returnNewTask(w, c.sharedTask() ? c.taskType() : c.taskClass(), c.sharedTask() ? c.name() : null, inputNames, names);
    w.endBlock();
  }

  /**
   * The members of an op's {@code @Op}: its component's name, the spec it was read from (or null),
   * its inputs. The inputs are left out when there are none, or when they are the spec's, all of
   * them in the spec's order ({@code specInputs}): the processor then reads them from the spec, and
   * javac has no array to compile per op.
   */
  static Map<String, List<String>> opMembers(String name, String spec, List<String> inputs, List<String> specInputs) {
    Map<String, List<String>> members = new LinkedHashMap<>();
    members.put("value", List.of(name));
    if (spec != null) {
      members.put("spec", List.of(spec));
    }
    if (!inputs.isEmpty() && !inputs.equals(specInputs)) {
      members.put("inputs", inputs);
    }
    return members;
  }

  /**
   * {@code return new T(new Object[] {"a", a, "b", b});} ({@code new T("name", ...)} for a shared
   * task class): what an op passes its task's constructor. One plain constructor call, with the
   * task type spelled out (no diamond to infer), is the cheapest op body for javac to compile: a
   * varargs helper costs it a third resolution phase and a call more.
   */
  static void returnNewTask(JavaWriter w, TypeName task, String sharedName, List<String> inputs, List<String> params) {
    w.beginStatement().emit("return new ").type(task).emit("(");
    if (sharedName != null) {
      w.literal(sharedName).emit(", ");
    }
    if (inputs.isEmpty()) {
      w.emit("new Object[0]");
    } else {
      w.emit("new Object[] {");
      for (int i = 0; i < inputs.size(); i++) {
        w.emit(i == 0 ? "" : ", ").literal(inputs.get(i)).emit(", ").emit(params.get(i));
      }
      w.emit("}");
    }
    w.emit(")").endStatement();
  }

  /** A task class nested in the ops class, with its constructor: {@code public static final class AddTask extends Task<AddTask>}. */
  static void beginTask(JavaWriter w, ClassName task, String doc, String taskName) {
    w.emit("\n").javadoc(doc);
    w.emit("public static final class ").emit(task.simpleName()).emit(" extends ").type(TASK).emit("<").type(task).emit("> {\n").indent();
    w.beginMethod("", null, task.simpleName(), List.of(OBJECTS), List.of("namesAndValues"));
    w.beginStatement().emit("super(").literal(taskName).emit(", namesAndValues)").endStatement();
    w.endBlock();
  }

  /** An output's accessor on a task class: it only names the output, and throws if called outside a pipeline. */
  static void accessor(JavaWriter w, String doc, String output, TypeName type, String name, String taskName) {
    w.emit("\n").javadoc(doc + "\n@return the output, to give to another op in the pipeline (outside a pipeline this throws)\n");
    w.annotation(OP_OUTPUT, output);
    w.beginMethod("public ", type, name, List.of(), List.of());
    w.beginStatement().emit("throw outsidePipeline(").literal(taskName).emit(", ").literal(output).emit(")").endStatement();
    w.endBlock();
  }

  /**
   * Drops {@code @param} blocks for parameters the op method does not have, and the blocks that describe the component's
   * method rather than the op: {@code @return} (the op returns a task, whose {@code @return} kfp4j writes),
   * {@code @throws} and {@code @exception} (an op throws nothing the method throws).
   */
  static String onlyParams(String doc, Set<String> params) {
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    for (String line : doc.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("@")) {
        skipping = false;
        if (t.startsWith("@param ")) {
          String name = Javadoc.firstWord(t.substring(7).strip());
          skipping = !params.contains(name);
        } else {
          String tag = Javadoc.firstWord(t);
          skipping = tag.equals("@return") || tag.equals("@throws") || tag.equals("@exception");
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
    TypeName t = in.role() == InputModel.Role.INPUT_ARTIFACT ? PATH
        : in.role() == InputModel.Role.INPUT_ARTIFACTS ? ParameterizedTypeName.get(ClassName.get(List.class), PATH)
        : in.valueType();
    return in.optional() ? t.box() : t;
  }

  private static void task(JavaWriter w, ComponentModel c) {
    ClassName task = c.taskClass();
    beginTask(w, task, "A task of component {@code " + c.name() + "}, returned by {@link #" + c.methodName() + signatureRef(c) + "}.\n", c.name());
    for (OutputModel out : c.outputs()) {
      String doc = "Output {@code " + out.name() + "}"
          + (out.kfpType() == null ? "" : " ({@code " + out.kfpType() + "})")
          + (out.description() == null ? "" : ": " + Generated.text(out.description())) + ".\n";
      accessor(w, doc, out.name(), out.javaType(), out.accessor(), c.name());
    }
    w.endBlock();
  }

  private static String signatureRef(ComponentModel c) {
    StringBuilder sb = new StringBuilder("(");
    boolean first = true;
    for (InputModel in : c.inputs()) {
      if (in.isOutput() || in.kind() == dev.kfp4j.processor.model.ValueKind.TASK_CONFIG) {
        continue;
      }
      sb.append(first ? "" : ", ").append(erasure(opType(in)));
      first = false;
    }
    return sb.append(')').toString();
  }

  private static String erasure(TypeName t) {
    return t instanceof ParameterizedTypeName p ? p.rawType().canonicalName() : TypeNames.canonical(t);
  }
}
