package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Arguments;
import dev.kfp4j.processor.graph.GraphCall;
import dev.kfp4j.processor.graph.PipelineCall;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.TaskHandle;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.GraphSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads task expressions: a task variable, an op call (a graph component's expanded into its
 * tasks, a KFP 2 pipeline file's a stand-in for the pipeline it runs, as a called {@code @Pipeline}'s), {@code Dsl.volume}/{@code Dsl.resource}, and settings chained on any of them ({@code
 * Ops.op(a).cpuLimit("1")}, {@code t.after(u)}).
 */
final class TaskReader {
  private final Body body;

  TaskReader(Body body) {
    this.body = body;
  }

  /** The task {@code e} stands for, its call read in {@code group}; null after an error (or javac's). */
  TaskHandle read(ExpressionTree e, TreePath path, Group group) {
    path = Syntax.unwrap(path);
    e = Syntax.unwrap(e);
    if (body.erroneous(path)) {
      return null;
    }
    if (e instanceof IdentifierTree) {
      Element variable = body.trees.getElement(path);
      TaskHandle task = body.taskVariables.get(variable);
      if (task == null && !body.failedVariables.contains(variable)) {
        body.error(e, Message.NOT_A_TASK, e);
      }
      return task;
    }
    if (!(e instanceof MethodInvocationTree mi) || !(body.trees.getElement(path) instanceof ExecutableElement method)) {
      body.error(e, Message.NOT_AN_OP_CALL, Syntax.firstLine(e));
      return null;
    }
    AnnotationMirror op = Annotations.annotation(method, Syntax.OP);
    if (op != null) {
      return opCall(mi, path, method, op, group);
    }
    if (Syntax.isDslStep(method)) {
      return body.steps.read(mi, path, method, group);
    }
    if ((Syntax.declaredIn(method, Syntax.TASK) || Syntax.declaredIn(method, Syntax.RESOURCE_TASK)
        || Syntax.declaredIn(method, Syntax.IMPORTER_TASK) || Syntax.isVolumeSetting(method))
        && mi.getMethodSelect() instanceof MemberSelectTree select) {
      ExpressionTree receiver = select.getExpression();
      TaskHandle task = read(receiver, new TreePath(new TreePath(path, select), receiver), group);
      if (task != null) {
        body.settings.read(task, mi, path, method);
      }
      return task;
    }
    if (PipelineCallReader.isPipeline(method)) {
      return body.pipelineCalls.read(mi, path, method, group); // a statement: the called pipeline's tasks, its outputs unread
    }
    if (!body.componentCall(mi, path)) {
      body.error(e, Message.NOT_AN_OP_OR_SETTING, Syntax.firstLine(e));
    }
    return null;
  }

  private TaskHandle opCall(MethodInvocationTree mi, TreePath path, ExecutableElement method, AnnotationMirror op, Group group) {
    String component = (String) Annotations.value(op, "value");
    String spec = Annotations.stringValue(op, "spec");
    String resource = spec.isEmpty() ? "META-INF/kfp4j/components/" + component + ".yaml" : spec;
    var opClass = (javax.lang.model.element.TypeElement) method.getEnclosingElement();
    String clash = body.trees.getPath(opClass) == null ? body.namedBy.apply(resource, opClass) : null; // from the class path
    if (clash != null) {
      body.error(mi, Message.DUPLICATE_COMPONENT, component, clash);
      return null;
    }
    ComponentSpec specOf = body.specs.apply(resource);
    if (specOf == null) {
      body.error(mi, Message.NO_COMPONENT_SPEC, resource, method.getSimpleName());
      return null;
    }
    boolean graph = specOf.graph() != null;
    // a KFP 2 pipeline file's op: a stand-in task that its pipeline takes the place of, as a called @Pipeline's
    java.util.Set<String> lists = graph ? null : body.pipelineFiles.apply(resource); // its outputs that are lists of artifacts
    boolean pipeline = lists != null;
    GraphCall call = graph ? body.graph.graphCall(component, specOf, group, body.at(mi)) : null;
    TaskBuilder task = graph ? null : pipeline
        ? body.graph.pipelineCall(PipelineCall.ofFile(resource, component, lists), specOf, group, body.at(mi))
        : body.graph.task(component, specOf, group, body.at(mi));
    Arguments arguments = graph ? call.arguments() : task.arguments();
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> inputs = (List<? extends AnnotationValue>) Annotations.value(op, "inputs");
    List<? extends ExpressionTree> args = mi.getArguments();
    for (int i = 0; i < args.size(); i++) {
      // an @Op without inputs passes the spec's inputs, all of them in order (as the processor writes it)
      String input = inputs != null && i < inputs.size() ? inputs.get(i).getValue().toString()
          : inputs == null && i < specOf.inputs().size() ? specOf.inputs().get(i).name()
          : method.getParameters().get(i).getSimpleName().toString();
      ExpressionTree a = args.get(i);
      if (Syntax.isNullLiteral(a)) {
        arguments.leaveOut(input, body.at(a)); // an optional input left out
        continue;
      }
      if (isValueOfFile(a, new TreePath(path, a)) && specOf.inputIsFile(input)) {
        ExpressionTree file = ((MethodInvocationTree) Syntax.unwrap(a)).getArguments().get(0);
        body.error(a, Message.VALUE_TO_FILE, input, specOf.name(), Syntax.firstLine(file), Syntax.firstLine(file));
        arguments.unread(input);
        continue;
      }
      if (!graph && !pipeline && body.texts.isJoined(a, new TreePath(path, a))) { // KFP's f-string: "n = " + t.output()
        TextReader.Text text = body.texts.read(a, new TreePath(path, a), group);
        if (text.text() == null) {
          arguments.unread(input);
        } else {
          arguments.put(input, text.text(), body.at(a));
          text.channels().forEach((channel, value) -> arguments.put(channel, value, body.at(a)));
        }
        continue;
      }
      Argument value = body.arguments.read(a, new TreePath(path, a), group);
      if (value == null) {
        arguments.unread(input);
      } else {
        arguments.put(input, value, body.at(a));
      }
    }
    if (graph) {
      expand(call);
      return call;
    }
    return task;
  }

  /** Whether {@code a} is {@code Dsl.value(...)}. */
  private boolean isValueOfFile(ExpressionTree a, TreePath path) {
    return Syntax.unwrap(a) instanceof MethodInvocationTree && body.trees.getElement(Syntax.unwrap(path)) instanceof ExecutableElement m
        && Syntax.isValueOfFile(m);
  }

  /**
   * The call of a graph component becomes the graph's tasks, as KFP v1's compiler inlines them
   * ({@link GraphSpec#expand}): each a task named after its component; an input whose value could
   * not be read takes a stand-in, so its mistake is reported once.
   */
  private void expand(GraphCall call) {
    Map<String, Argument> given = new LinkedHashMap<>(call.arguments().values());
    call.arguments().unreadInputs().forEach(input -> given.put(input, Argument.Constant.of("")));
    try {
      call.outputs(GraphSpec.expand(call.component(), given, text -> new Argument.Constant(text, ParameterType.STRING),
          (id, graphTask, child, arguments) -> {
            String name = child.name() == null ? id : child.name();
            TaskBuilder task = body.graph.graphTask(call, Names.taskName(name), child, id);
            arguments.forEach((input, value) -> task.arguments().put(input, value, call.position()));
            if (GraphSpec.maxRetries(graphTask) >= 0) {
              task.setting(new SettingCall(new RunSetting.Retry(GraphSpec.maxRetries(graphTask), null), "retries", call.position()));
            }
            if (GraphSpec.cachingOff(graphTask)) {
              task.setting(new SettingCall(new RunSetting.Caching(false), "caching", call.position()));
            }
            return output -> new Argument.TaskOutput(task.name(), output);
          }));
    } catch (SpecException e) {
      body.reporter.error(call.position(), Message.GRAPH_NOT_COMPILABLE, call.component().name(), e.getMessage());
    }
  }
}
