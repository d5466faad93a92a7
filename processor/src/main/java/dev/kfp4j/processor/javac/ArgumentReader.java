package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.ComparisonCall;
import dev.kfp4j.processor.graph.GraphCall;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.ResourceBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskHandle;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.Use;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a task input receives (a constant, a pipeline parameter, a task output or a loop
 * item) and the comparisons of {@code Dsl.when}.
 */
final class ArgumentReader {
  /** A map loop item's key read as a field: a name, as KFP's {@code item.A_a} and an Argo parameter name take it. */
  private static final java.util.regex.Pattern MAP_ITEM_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Body body;

  ArgumentReader(Body body) {
    this.body = body;
  }

  /** The argument {@code tree} passes, read in {@code group}; null after an error (or javac's). */
  Argument read(ExpressionTree tree, TreePath path, Group group) {
    TreePath written = path;
    path = Syntax.unwrap(path);
    ExpressionTree e = Syntax.unwrap(tree);
    if (body.erroneous(path) || body.usesFailedParameter(path)) {
      return null;
    }
    Object constant = body.constants.value(tree, path);
    if (constant != null) {
      return Constants.constant(widened(constant, written));
    }
    JsonNode field = body.constants.fieldValue(path); // static final List<String> ITEMS = List.of("x", "y")
    if (field != null) {
      return withoutChars(new Argument.Constant(KfpValues.format(Yaml.toPlain(field)), field.isArray() ? ParameterType.LIST
          : ParameterType.STRUCT), tree, body.constants.initializer(path), written);
    }
    if (body.constants.buildsRecord(path)) { // new Point(1, 2.0): a record of constants, as a loop's constant items
      return withoutChars(body.constants.record(path), tree, path, written);
    }
    if (e instanceof IdentifierTree) {
      Element element = body.trees.getElement(path);
      return body.collectedLists.isList(element) ? body.collectedLists.read(tree, element, group) : variable(tree, e, element);
    }
    if (e instanceof MethodInvocationTree mi && body.trees.getElement(path) instanceof ExecutableElement method
        && PipelineCallReader.isPipeline(method)) {
      return pipelineOutput(tree, mi, path, method, group); // Inner.inner(x), or inner(x) in the same class
    }
    if (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree select
        && body.trees.getElement(path) instanceof ExecutableElement method) {
      return call(tree, mi, path, select, method, group);
    }
    return notAnArgument(tree, body.trees.getElement(path), path);
  }

  /**
   * A constant as Java passes it to the parameter it is given to ({@link ConstantFolding#widened}): a {@code char} ({@code
   * 'a'}, {@code (char) 98}, {@code c ? 'a' : 0}) given to a number is that number, widened as a method invocation widens it
   * (JLS 5.3), {@code LibOps.add('a', 1)} gives 97, where the character's text would reach an int input as "a"; a {@code
   * float} given to a {@code double} is the double Java passes, {@code 0.1f} is 0.10000000149011612, where its text 0.1 would
   * reach the task as the double 0.1. Any other constant, or one given to another parameter, is as it is.
   */
  private Object widened(Object constant, TreePath argument) {
    if (!(constant instanceof Character || constant instanceof Float)) {
      return constant;
    }
    Object widened = ConstantFolding.widened(constant, parameterType(argument));
    return widened == null ? constant : widened;
  }

  /**
   * The type of the parameter the argument at {@code argument} (inside parentheses and casts there) is given to, as a
   * method invocation takes it (one of a variable arity's items); null when it is no argument of a call.
   */
  private javax.lang.model.type.TypeMirror parameterType(TreePath argument) {
    TreePath at = argument;
    while (at.getParentPath() != null && (at.getParentPath().getLeaf() instanceof com.sun.source.tree.ParenthesizedTree
        || at.getParentPath().getLeaf() instanceof com.sun.source.tree.TypeCastTree)) {
      at = at.getParentPath();
    }
    if (!(at.getParentPath() != null && at.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && body.trees.getElement(at.getParentPath()) instanceof ExecutableElement method && !method.getParameters().isEmpty())) {
      return null;
    }
    int i = call.getArguments().indexOf(at.getLeaf());
    if (i < 0) {
      return null;
    }
    javax.lang.model.type.TypeMirror type = method.getParameters().get(Math.min(i, method.getParameters().size() - 1)).asType();
    if (method.isVarArgs() && i >= method.getParameters().size() - 1 && type instanceof javax.lang.model.type.ArrayType array) {
      type = array.getComponentType(); // one of the variable arity's items (a char is no array)
    }
    return type;
  }

  /**
   * {@code constant}, the record, list or map built from constants at {@code value} that {@code tree} (at {@code argument})
   * passes; null after an error on {@code tree} when it holds a char the task would not read as one ({@link CharValues}):
   * KFP has no char type, and Java passes the char itself. Null too after an error building it.
   */
  private Argument.Constant withoutChars(Argument.Constant constant, ExpressionTree tree, TreePath value, TreePath argument) {
    CharValues.Found c = constant == null ? null : body.chars.first(value, parameterType(argument));
    if (c == null) {
      return constant;
    }
    body.error(tree, Message.CHAR_ARGUMENT, Syntax.firstLine(tree), c.tree(), c.value(), c.value(), (int) c.value());
    return null;
  }

  /**
   * The output {@code tree} passes when it is an output of a task of {@code group}'s own body (what
   * a {@code Dsl.collect} or {@code Dsl.oneOf} lambda gives); otherwise {@code notOutput} on it, and
   * null (null too after another error).
   */
  Argument.TaskOutput ownOutput(ExpressionTree tree, TreePath path, Group group, Message notOutput) {
    Argument a = read(tree, path, group);
    if (a == null) {
      return null;
    }
    StepBuilder producer = a instanceof Argument.TaskOutput o ? body.graph.step(o.task()) : null;
    if (producer == null || producer.group() != group) {
      body.error(tree, notOutput, Syntax.firstLine(tree));
      return null;
    }
    return (Argument.TaskOutput) a;
  }

  /**
   * Reports {@code tree} (at {@code path}, or null), which passes nothing a task takes: a {@code static final} field ({@code element})
   * that is no constant kfp4j reads, or anything else that is not a component's call (which {@link Body#isComponentCall} reports);
   * null.
   */
  private Argument notAnArgument(ExpressionTree tree, Element element, TreePath path) {
    ExpressionTree byZero = path == null ? null : body.constants.divisionByZero(path);
    if (element instanceof VariableElement v && Constants.isStaticFinalField(v)) {
      body.error(tree, Message.FIELD_NOT_CONSTANT, v.getSimpleName()); // ITEMS, Config.ITEMS, of a jar's class too
    } else if (byZero != null) {
      body.error(byZero, Message.DIVISION_BY_ZERO, byZero); // 1 / 0, MAX % (MAX - MAX)
    } else if (!body.isComponentCall(tree, path)) {
      body.error(tree, Message.NOT_AN_ARGUMENT, Syntax.firstLine(tree));
    }
    return null;
  }

  private Argument variable(ExpressionTree tree, ExpressionTree e, Element element) {
    if (element instanceof VariableElement v && v.getKind() == ElementKind.PARAMETER) {
      Group loop = body.loopVariables.get(v);
      if (loop != null) {
        return new Argument.LoopItem(loop.name(), null);
      }
      if (isPipelineParameter(v)) {
        // the final status a pipeline run as the exit task takes is the run's, as Dsl.runStatus() gives it
        return body.graph.pipeline().parameter(v.getSimpleName().toString()).kind() == ValueKind.FINAL_STATUS
            ? new Argument.RunValue(Argument.RunValue.Kind.STATUS) : new Argument.PipelineParameter(v.getSimpleName().toString());
      }
    }
    if (body.valueVariables.containsKey(element)) {
      return body.valueVariables.get(element);
    }
    if (body.taskVariables.containsKey(element)) {
      body.error(tree, Message.TASK_NOT_A_VALUE, e, e);
      return null;
    }
    if (body.loops.containsKey(element)) {
      body.error(tree, Message.LOOP_NOT_A_VALUE, e, e);
      return null;
    }
    return body.failedVariables.contains(element) ? null : notAnArgument(tree, element, null); // a local's mistake is reported once
  }

  private boolean isPipelineParameter(VariableElement v) {
    return body.graph.pipeline().parameter(v.getSimpleName().toString()) != null
        && v.getEnclosingElement().equals(body.graph.pipeline().element());
  }

  /** A method call passed as a value: a constant collection, a task output, a loop item's field; null after an error. */
  private Argument call(ExpressionTree tree, MethodInvocationTree mi, TreePath path, MemberSelectTree select, ExecutableElement method,
      Group group) {
    if (Constants.isCollection(method)) {
      return withoutChars(body.constants.collection(mi, path, method), tree, path, path);
    }
    if (Syntax.isCollect(method)) {
      body.error(tree, Message.COLLECT_NOT_ASSIGNED);
      return null;
    }
    if (Syntax.isCollected(method)) {
      body.error(tree, Message.COLLECTED_NOT_ASSIGNED);
      return null;
    }
    if (Syntax.isValueOfFile(method)) {
      return valueOfFile(tree, mi, path, group);
    }
    Argument.RunValue run = Syntax.runValue(method, mi);
    if (run != null) {
      return run;
    }
    ExpressionTree receiver = select.getExpression();
    TreePath receiverPath = new TreePath(new TreePath(path, select), receiver);
    AnnotationMirror output = Annotations.annotation(method, Syntax.OP_OUTPUT);
    if (output != null) {
      return output(tree, receiver, receiverPath, (String) Annotations.value(output, "value"), group);
    }
    if (method.getSimpleName().contentEquals("output") && mi.getArguments().size() == 1 && Syntax.declaredIn(method, Syntax.RESOURCE_TASK)) {
      ExpressionTree nameTree = mi.getArguments().get(0);
      return resourceOutput(tree, receiver, receiverPath, body.constants.value(nameTree, new TreePath(path, nameTree)), group);
    }
    Element item = body.trees.getElement(receiverPath);
    if (body.collectedLists.isList(item)) { // xs.get(0) of a list Dsl.collected() gave
      body.collectedLists.method(mi, receiver, method.getSimpleName().toString());
      return null;
    }
    if (Syntax.unwrap(receiver) instanceof MethodInvocationTree && item instanceof ExecutableElement called
        && PipelineCallReader.isPipeline(called) && recordAccessor(method)) { // sums(n).total(): the record read off the call
      body.error(tree, Message.PIPELINE_CALL_VALUE, Syntax.firstLine(receiver), called.getSimpleName(), "returns a record; assign it "
          + "first, var r = " + Syntax.firstLine(receiver) + ";, and pass r." + method.getSimpleName() + "()");
      return null;
    }
    if (item != null && body.callVariables.containsKey(item) && mi.getArguments().isEmpty() && recordAccessor(method)) {
      TaskBuilder call = body.callVariables.get(item);
      body.graph.use(new Use(call, method.getSimpleName().toString(), group, body.at(tree)));
      return new Argument.TaskOutput(call.name(), method.getSimpleName().toString());
    }
    if (item != null && body.failedVariables.contains(item) && recordAccessor(method) && !body.loopVariables.containsKey(item)) {
      return null;
    }
    if (item != null && body.loopVariables.containsKey(item) && mi.getArguments().size() == 1 && Syntax.declaredIn(method, "java.util.Map")
        && method.getSimpleName().contentEquals("get")) { // a map item's value, KFP's item.A_a
      ExpressionTree keyTree = mi.getArguments().get(0);
      Object key = body.constants.value(keyTree, new TreePath(path, keyTree));
      if (!(key instanceof String k) || !MAP_ITEM_KEY.matcher(k).matches()) {
        body.error(keyTree, Message.LOOP_MAP_KEY, Syntax.firstLine(keyTree), Syntax.firstLine(receiver));
        return null;
      }
      return new Argument.LoopItem(body.loopVariables.get(item).name(), k);
    }
    if (item != null && body.loopVariables.containsKey(item) && mi.getArguments().isEmpty()) {
      if (!recordAccessor(method)) {
        if (body.failedVariables.contains(item)) {
          return null;
        }
        body.error(tree, Message.NOT_A_LOOP_FIELD, Syntax.firstLine(tree), method.getSimpleName());
        return null;
      }
      return new Argument.LoopItem(body.loopVariables.get(item).name(), method.getSimpleName().toString());
    }
    return notAnArgument(tree, body.trees.getElement(path), path);
  }

  /**
   * {@code Dsl.value(t.text())}: the file output {@code t.text()}, which the input it is given to (a value input) reads as a
   * value, as KFP reads an {@code OutputPath(str)} given to {@code text: str}; null after an error. A task output given to a
   * value input is that already: the call only says so in Java, where the accessor is a {@code Path}.
   */
  private Argument valueOfFile(ExpressionTree tree, MethodInvocationTree mi, TreePath path, Group group) {
    ExpressionTree file = mi.getArguments().get(0);
    Argument a = read(file, new TreePath(path, file), group);
    if (a == null) {
      return null;
    }
    if (a instanceof Argument.TaskOutput o && body.graph.step(o.task()) instanceof TaskBuilder producer
        && producer.component().outputIsFile(o.output())) {
      return a;
    }
    body.error(tree, Message.VALUE_NOT_OF_FILE, Syntax.firstLine(file));
    return null;
  }

  /**
   * A {@code @Pipeline} method's call passed as a value: its one output; a pipeline that returns a
   * record is assigned to a variable first, and one that returns nothing gives no value.
   */
  private Argument pipelineOutput(ExpressionTree tree, MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group) {
    if (method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID || body.pipelineCalls.returnsRecord(method)) {
      body.error(tree, Message.PIPELINE_CALL_VALUE, Syntax.firstLine(tree), method.getSimpleName(),
          method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID ? "returns nothing; call it as a statement"
              : "returns a record; assign it first, var r = " + Syntax.firstLine(tree) + ";, and pass r.<component>()");
      return null;
    }
    TaskBuilder call = body.pipelineCalls.read(mi, path, method, group);
    if (call == null) {
      return null;
    }
    body.graph.use(new Use(call, "Output", group, body.at(tree)));
    return new Argument.TaskOutput(call.name(), "Output");
  }

  /** Whether {@code method} reads a component of its record: what a loop item's field is ({@code item.a()}, not {@code item.toString()}). */
  private static boolean recordAccessor(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement owner
        && owner.getRecordComponents().stream().anyMatch(c -> method.equals(c.getAccessor()));
  }

  /** {@code t.output()}: an output accessor of a task, or of a graph call (where its outputValues say). */
  private Argument output(ExpressionTree tree, ExpressionTree receiver, TreePath receiverPath, String name, Group group) {
    TaskHandle task = body.tasks.read(receiver, receiverPath, group);
    if (task == null) {
      return null;
    }
    body.graph.use(new Use(task, name, group, body.at(tree)));
    if (task instanceof GraphCall call) {
      Argument value = call.output(name);
      if (value == null) {
        body.error(tree, Message.NO_GRAPH_OUTPUT, name, call.name());
      }
      return value;
    }
    return new Argument.TaskOutput(task.name(), name);
  }

  /** {@code job.output("name")}: an output a resource step declared. */
  private Argument resourceOutput(ExpressionTree tree, ExpressionTree receiver, TreePath receiverPath, Object name, Group group) {
    TaskHandle task = body.tasks.read(receiver, receiverPath, group);
    if (task == null) {
      return null;
    }
    if (!(name instanceof String n) || !((StepBuilder) task).hasOutput(n)) {
      body.error(tree, Message.NO_RESOURCE_OUTPUT, task.name(), name, ((ResourceBuilder) task).outputs());
      return null;
    }
    body.graph.use(new Use(task, n, group, body.at(tree)));
    return new Argument.TaskOutput(task.name(), n);
  }

  /**
   * The condition {@code Dsl.eq/ne/lt/le/gt/ge(a, b)} written in a {@code Dsl.when} call, read in
   * {@code group}; null after an error.
   */
  ComparisonCall comparison(ExpressionTree tree, TreePath path, Group group) {
    path = Syntax.unwrap(path);
    ExpressionTree e = Syntax.unwrap(tree);
    if (body.erroneous(path)) {
      return null;
    }
    if (e instanceof MethodInvocationTree mi && body.trees.getElement(path) instanceof ExecutableElement method
        && Syntax.isDsl(method) && mi.getArguments().size() == 2) {
      String name = method.getSimpleName().toString();
      Predicate.Operator operator = operator(name);
      if (operator != null) {
        ExpressionTree l = mi.getArguments().get(0);
        ExpressionTree r = mi.getArguments().get(1);
        Argument left = read(l, new TreePath(path, l), group);
        Argument right = read(r, new TreePath(path, r), group);
        for (ExpressionTree operand : List.of(l, r)) {
          if ((operand == l ? left : right) instanceof Argument.RunValue run) {
            body.error(operand, run.kind() == Argument.RunValue.Kind.STATUS ? Message.RUN_STATUS_COMPARED : Message.RUN_VALUE_COMPARED,
                Syntax.firstLine(operand));
            return null;
          }
        }
        return left == null || right == null
            ? null
            : new ComparisonCall(name, Syntax.firstLine(l), Syntax.firstLine(r), new Predicate.Comparison(left, operator, right),
                body.at(tree));
      }
    }
    body.error(e, Message.NOT_A_CONDITION);
    return null;
  }

  private static Predicate.Operator operator(String method) {
    switch (method) {
      case "eq":
        return Predicate.Operator.EQ;
      case "ne":
        return Predicate.Operator.NE;
      case "lt":
        return Predicate.Operator.LT;
      case "le":
        return Predicate.Operator.LE;
      case "gt":
        return Predicate.Operator.GT;
      case "ge":
        return Predicate.Operator.GE;
      default:
        return null;
    }
  }
}
