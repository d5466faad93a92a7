package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.PipelineCall;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.Nullable;
import dev.kfp4j.processor.validation.PipelineArtifactParameters;
import dev.kfp4j.processor.validation.TypeMapper;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the call of a {@code @Pipeline} method in another pipeline's body ({@code
 * Inner.inner(x.output(), "a")}): a stand-in task whose component is the called pipeline's
 * interface, its parameters as inputs and what it returns as outputs ({@code Output}, or one per
 * record component), so the body's checks see its arguments and outputs as a task's. Its place
 * takes the called pipeline's tasks when the model is built. A pipeline calling itself is an error
 * here; through others, when the calls are put together.
 */
final class PipelineCallReader {
  private final Body body;

  PipelineCallReader(Body body) {
    this.body = body;
  }

  /** Whether {@code method} is a {@code @Pipeline} method. */
  static boolean isPipeline(ExecutableElement method) {
    return Annotations.annotation(method, Syntax.PIPELINE) != null;
  }

  /** The parameter of {@code method} that takes the pipeline's final status (it runs only as the exit task), or null. */
  String statusParameter(ExecutableElement method) {
    for (VariableElement p : method.getParameters()) {
      if (body.types.isType(p.asType(), TypeMapper.FINAL_STATUS)) {
        return p.getSimpleName().toString();
      }
    }
    return null;
  }

  /** Whether {@code method} returns a record: its outputs are read through a variable, {@code r.total()}. */
  boolean returnsRecord(ExecutableElement method) {
    return body.types.isRecord(method.getReturnType());
  }

  /** The stand-in task of the call {@code mi} of {@code method}, read in {@code group}; null after an error. */
  TaskBuilder read(MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group) {
    String source = ComponentValidator.describe(method);
    if (source.equals(body.graph.pipeline().source())) {
      String self = body.graph.pipeline().name();
      body.error(mi, Message.PIPELINE_RECURSION, Syntax.firstLine(mi), self, self + " -> " + self);
      return null;
    }
    AnnotationMirror annotation = Annotations.annotation(method, Syntax.PIPELINE);
    String name = Annotations.stringValue(annotation, "name");
    if (name.isEmpty()) {
      name = Names.kebab(method.getSimpleName().toString());
    }
    String status = statusParameter(method);
    if (status != null && !body.exitPipelineCall) {
      body.error(mi, Message.EXIT_PIPELINE_ELSEWHERE, Syntax.firstLine(mi), name, status);
      return null;
    }
    ComponentSpec iface = iface(name, method);
    if (iface == null) {
      body.graph.markIncomplete(); // the called method's own errors say why
      return null;
    }
    boolean here = body.trees.getPath(method) != null;
    if (!here) { // read from its files, beside its class
      var owner = (javax.lang.model.element.TypeElement) method.getEnclosingElement();
      body.namedBy.apply(dev.kfp4j.processor.model.PipelineModel.kfp2ResourcePath(name), owner);
      body.namedBy.apply(dev.kfp4j.processor.model.PipelineModel.resourcePath(name), owner);
    }
    TaskBuilder task = body.graph.pipelineCall(new PipelineCall(source, name, here, artifactLists(method)), iface, group, body.at(mi));
    List<? extends ExpressionTree> args = mi.getArguments();
    for (int i = 0; i < args.size(); i++) {
      String input = method.getParameters().get(i).getSimpleName().toString();
      ExpressionTree a = args.get(i);
      if (input.equals(status)) { // the exit pipeline's status: the run's, which its tasks read as Dsl.runStatus()
        Argument value = Syntax.isNullLiteral(a) ? null : body.arguments.read(a, new TreePath(path, a), group);
        if (Argument.RunValue.isStatus(value)) {
          task.arguments().put(input, value, body.at(a));
        } else if (value != null || Syntax.isNullLiteral(a)) {
          body.error(a, Message.EXIT_PIPELINE_STATUS, input, name);
        }
        continue;
      }
      if (Syntax.isNullLiteral(a)) { // left out: the parameter's default, as a run that gives no value
        // a value without a default (LeftOutValueCheck), an artifact read inside, are checked once the called pipeline is read
        task.arguments().leaveOut(input, body.at(a));
        continue;
      }
      Argument value = body.arguments.read(a, new TreePath(path, a), group);
      if (value == null) {
        task.arguments().unread(input);
      } else {
        task.arguments().put(input, value, body.at(a));
      }
    }
    return task;
  }

  /**
   * The outputs of {@code method} that are lists of artifacts: a {@code List<Path>} it returns (or a record component of
   * one), which its body returns as the artifacts a {@code Dsl.collect} collects (checked there), KFP's {@code List[Artifact]}.
   */
  java.util.Set<String> artifactLists(ExecutableElement method) {
    java.util.Set<String> lists = new java.util.HashSet<>();
    returned(method).forEach((output, type) -> {
      if (body.types.isPathList(type)) {
        lists.add(output);
      }
    });
    return lists;
  }

  /** What {@code method} returns, by output name: each component of a record it returns, else {@code Output}; none for void. */
  private Map<String, TypeMirror> returned(ExecutableElement method) {
    Map<String, TypeMirror> out = new java.util.LinkedHashMap<>();
    TypeMirror ret = method.getReturnType();
    if (body.types.isRecord(ret)) {
      for (RecordComponentElement c : ((TypeElement) ((DeclaredType) ret).asElement()).getRecordComponents()) {
        out.put(c.getSimpleName().toString(), c.asType());
      }
    } else if (ret.getKind() != TypeKind.VOID) {
      out.put("Output", ret);
    }
    return out;
  }

  /** The called pipeline as a component: its parameters (each optional: one left out takes its default) and outputs. */
  private ComponentSpec iface(String name, ExecutableElement method) {
    List<InputSpec> inputs = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      if (body.types.isType(p.asType(), TypeMapper.FINAL_STATUS)) {
        inputs.add(new InputSpec(p.getSimpleName().toString(), TypeSpec.TASK_FINAL_STATUS, null, null, true, Map.of()));
        continue;
      }
      AnnotationMirror inPath = Annotations.annotation(p, "dev.kfp4j.annotations.InputPath");
      boolean list = inPath != null && body.types.isType(p.asType(), "java.util.List"); // KFP's Input[List[Dataset]]
      if (list || inPath != null && body.types.isType(p.asType(), "java.nio.file.Path")) {
        // an artifact it takes (KFP's Input[Dataset]): given one, as a task's artifact input; left out only when @Nullable
        String title = PipelineArtifactParameters.schemaTitle(Annotations.stringValue(inPath, "value"));
        if (title == null) {
          return null;
        }
        String input = p.getSimpleName().toString();
        inputs.add(list ? InputSpec.artifactList(input, TypeSpec.named(title), null, false)
            : new InputSpec(input, TypeSpec.named(title), null, null, Nullable.marks(p), Map.of()));
        continue;
      }
      TypeSpec type = type(p.asType());
      if (type == null) {
        return null;
      }
      inputs.add(new InputSpec(p.getSimpleName().toString(), type, null, null, true, Map.of()));
    }
    List<OutputSpec> outputs = new ArrayList<>();
    List<Placeholder> args = new ArrayList<>();
    for (Map.Entry<String, TypeMirror> o : returned(method).entrySet()) {
      if (!output(o.getKey(), o.getValue(), outputs, args)) {
        return null;
      }
    }
    return new ComponentSpec(name, null, Map.of(), Map.of(), inputs, outputs,
        new ContainerSpec(ContainerSpec.NO_IMAGE, List.of(), args, Map.of(), Map.of()), null);
  }

  private boolean output(String name, TypeMirror type, List<OutputSpec> outputs, List<Placeholder> args) {
    if (body.types.isType(type, "java.nio.file.Path")) {
      outputs.add(new OutputSpec(name, null, null, Map.of()));
      args.add(new Placeholder.OutputPath(name)); // a file, as the task it comes from writes it
      return true;
    }
    TypeSpec t = type(type);
    if (t == null) {
      return false;
    }
    outputs.add(new OutputSpec(name, t, null, Map.of()));
    return true;
  }

  private TypeSpec type(TypeMirror type) {
    try {
      ValueKind kind = body.types.kind(type);
      return kind == null || kind.kfpType() == null ? null : TypeSpec.named(kind.kfpType());
    } catch (TypeMapper.Unsupported e) {
      return null;
    }
  }
}
