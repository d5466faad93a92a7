package dev.kfp4j.processor.javac;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EmptyStatementTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.ComparisonCall;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.TaskHandle;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.processor.validation.TypeMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Walks a {@code @Pipeline} body's statements: task variables, op calls with their settings, and
 * the groups {@code Dsl.when}, {@code Dsl.forEach} and {@code Dsl.exitHandler} make of lambdas.
 * Anything else is an error on that statement saying what is allowed instead.
 */
final class BodyReader {
  private final Body body;

  BodyReader(Body body) {
    this.body = body;
  }

  void read(TreePath methodPath) {
    BlockTree block = ((MethodTree) methodPath.getLeaf()).getBody();
    TreePath blockPath = new TreePath(methodPath, block);
    List<? extends StatementTree> statements = block.getStatements();
    for (StatementTree s : statements) {
      TreePath path = new TreePath(blockPath, s);
      if (isDslCall(s, "exitHandler")) {
        if (statements.size() != 1 || body.graph.exitTask() != null) {
          body.error(s, Message.EXIT_HANDLER_NOT_ALONE);
        }
        ExpressionTree call = ((ExpressionStatementTree) s).getExpression();
        exitHandler((MethodInvocationTree) call, new TreePath(path, call));
      } else {
        statement(s, path, body.graph.root());
      }
    }
  }

  private static boolean isDslCall(StatementTree s, String name) {
    return s instanceof ExpressionStatementTree es && es.getExpression() instanceof MethodInvocationTree mi
        && name.equals(Syntax.methodName(mi));
  }

  private void exitHandler(MethodInvocationTree call, TreePath path) {
    ExpressionTree exitCall = call.getArguments().get(0);
    TaskHandle exit = body.tasks.read(exitCall, new TreePath(path, exitCall), body.graph.root());
    if (exit instanceof TaskBuilder task && task.graphCall() == null) {
      body.graph.exitTask(task);
    } else if (exit != null) {
      body.error(exitCall, Message.EXIT_TASK_IS_GRAPH, exit.name());
    }
    ExpressionTree lambda = call.getArguments().get(1);
    block(lambda, new TreePath(path, lambda), body.graph.root());
  }

  /** A lambda's body: a block of statements or a single expression. */
  private void block(ExpressionTree lambda, TreePath path, Group group) {
    if (!(lambda instanceof LambdaExpressionTree l)) {
      body.error(lambda, Message.NOT_A_GROUP_LAMBDA);
      return;
    }
    Tree lambdaBody = l.getBody();
    TreePath bodyPath = new TreePath(path, lambdaBody);
    if (lambdaBody instanceof BlockTree b) {
      for (StatementTree s : b.getStatements()) {
        statement(s, new TreePath(bodyPath, s), group);
      }
    } else {
      expression((ExpressionTree) lambdaBody, bodyPath, group);
    }
  }

  private void statement(StatementTree s, TreePath path, Group group) {
    if (s instanceof VariableTree v) {
      ExpressionTree init = v.getInitializer();
      Element variable = body.trees.getElement(path);
      if (init != null && (body.erroneous(new TreePath(path, init)) || body.isComponentCall(init, new TreePath(path, init)))) {
        body.failedVariables.add(variable);
        return;
      }
      if (init == null || !isTask(variable)) {
        body.error(s, Message.ONLY_TASK_VARIABLES, v.getName());
        return;
      }
      remember(variable, body.tasks.read(init, new TreePath(path, init), group));
    } else if (s instanceof ExpressionStatementTree es) {
      expression(es.getExpression(), new TreePath(path, es.getExpression()), group);
    } else if (!(s instanceof EmptyStatementTree)) {
      body.error(s, Message.NOT_A_DAG_STATEMENT, Syntax.firstLine(s));
    }
  }

  /** The task variable now names {@code task}; null: its task could not be read. */
  private void remember(Element variable, TaskHandle task) {
    if (task == null) {
      body.taskVariables.remove(variable);
      body.failedVariables.add(variable);
    } else {
      body.taskVariables.put(variable, task);
      body.failedVariables.remove(variable);
    }
  }

  private void expression(ExpressionTree e, TreePath path, Group group) {
    if (e instanceof AssignmentTree assign && assign.getVariable() instanceof IdentifierTree) {
      // t = SomeOps.op(t.output()): the variable now names the new task
      Element variable = body.trees.getElement(new TreePath(path, assign.getVariable()));
      if (body.taskVariables.containsKey(variable) || body.failedVariables.contains(variable)) {
        ExpressionTree value = assign.getExpression();
        remember(variable, body.tasks.read(value, new TreePath(path, value), group));
        return;
      }
    }
    if (e instanceof MethodInvocationTree mi) {
      if (body.trees.getElement(path) instanceof ExecutableElement method && Syntax.isDsl(method) && !Syntax.isDslStep(method)) {
        dsl(mi, path, method, group);
      } else {
        body.tasks.read(e, path, group);
      }
      return;
    }
    if (!body.erroneous(path)) {
      body.error(e, Message.NOT_A_DAG_EXPRESSION, Syntax.firstLine(e));
    }
  }

  private void dsl(MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group) {
    String name = method.getSimpleName().toString();
    List<? extends ExpressionTree> args = mi.getArguments();
    switch (name) {
      case "when": {
        ComparisonCall condition = body.arguments.comparison(args.get(0), new TreePath(path, args.get(0)), group);
        block(args.get(1), new TreePath(path, args.get(1)), body.graph.condition(group, condition));
        return;
      }
      case "forEach":
        forEach(args, path, group);
        return;
      case "exitHandler":
        body.error(mi, Message.EXIT_HANDLER_NESTED);
        return;
      default:
        body.error(mi, Message.CONDITION_AS_STATEMENT, name);
    }
  }

  private void forEach(List<? extends ExpressionTree> args, TreePath path, Group group) {
    int parallelism = 0;
    if (args.size() == 3) {
      Object p = body.constants.value(args.get(1), new TreePath(path, args.get(1)));
      if (!(p instanceof Integer i) || i < 1) {
        body.error(args.get(1), Message.LOOP_PARALLELISM, args.get(1));
      } else {
        parallelism = i;
      }
    }
    Loop.Items items = items(args.get(0), new TreePath(path, args.get(0)), group);
    ExpressionTree lambda = args.get(args.size() - 1);
    TreePath lambdaPath = new TreePath(path, lambda);
    if (!(lambda instanceof LambdaExpressionTree l) || l.getParameters().size() != 1) {
      body.graph.loop(group, items, parallelism, null, Map.of());
      body.error(lambda, Message.NOT_A_LOOP_LAMBDA);
      return;
    }
    Element item = body.trees.getElement(new TreePath(lambdaPath, l.getParameters().get(0)));
    Map<String, ParameterType> fieldTypes = new LinkedHashMap<>();
    ParameterType itemType = itemTypes(item.asType(), fieldTypes);
    Group loop = body.graph.loop(group, items, parallelism, itemType, fieldTypes);
    body.loopVariables.put(item, loop);
    block(lambda, lambdaPath, loop);
    body.loopVariables.remove(item);
  }

  /** What a loop runs over: constant items written in the call, or a list parameter or task output. */
  private Loop.Items items(ExpressionTree tree, TreePath path, Group group) {
    ExpressionTree e = Syntax.unwrap(tree);
    if (e instanceof MethodInvocationTree mi && body.trees.getElement(Syntax.unwrap(path)) instanceof ExecutableElement m
        && Syntax.is(m, "java.util.List", "of", "java.util.Arrays", "asList")) {
      TreePath listPath = Syntax.unwrap(path);
      List<Argument.Constant> values = new ArrayList<>();
      for (ExpressionTree item : mi.getArguments()) {
        Argument.Constant v = item(item, new TreePath(listPath, item));
        if (v != null) {
          values.add(v);
        }
      }
      return new Loop.Constants(values);
    }
    Argument source = body.arguments.read(tree, path, group);
    if (source instanceof Argument.PipelineParameter || source instanceof Argument.TaskOutput) {
      return new Loop.Over(source);
    }
    if (source != null) {
      body.error(tree, Message.NOT_LOOP_ITEMS);
    }
    return new Loop.Constants(List.of());
  }

  /** A constant loop item: a value, or a record built from constants (an object with fields); null after an error. */
  private Argument.Constant item(ExpressionTree item, TreePath path) {
    TreePath p = Syntax.unwrap(path);
    if (body.constants.buildsRecord(p)) {
      return body.constants.record(p);
    }
    Object v = body.constants.value(item, path);
    if (v == null) {
      if (!body.erroneous(p)) {
        body.error(item, Message.LOOP_ITEM_NOT_CONSTANT, item);
      }
      return null;
    }
    return Constants.constant(v);
  }

  /** The parameter type of a loop item of Java type {@code type}, and of its fields when it is a record. */
  private ParameterType itemTypes(TypeMirror type, Map<String, ParameterType> fieldTypes) {
    if (type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : ((TypeElement) d.asElement()).getRecordComponents()) {
        fieldTypes.put(c.getSimpleName().toString(), parameterType(c.asType()));
      }
    }
    return parameterType(type);
  }

  private ParameterType parameterType(TypeMirror type) {
    try {
      ValueKind kind = body.types.kind(type);
      return kind == null ? null : ParameterType.ofV1Name(kind.kfpType());
    } catch (TypeMapper.Unsupported e) {
      return null;
    }
  }

  private static boolean isTask(Element variable) {
    if (variable == null) {
      return false;
    }
    TypeMirror t = variable.asType();
    while (t instanceof DeclaredType d) {
      TypeElement te = (TypeElement) d.asElement();
      if (te.getQualifiedName().contentEquals(Syntax.TASK)) {
        return true;
      }
      t = te.getSuperclass();
    }
    return false;
  }
}
