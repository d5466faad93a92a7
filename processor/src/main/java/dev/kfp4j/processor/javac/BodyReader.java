package dev.kfp4j.processor.javac;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EmptyStatementTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.ResourceBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.TaskHandle;
import dev.kfp4j.processor.graph.VolumeBuilder;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Walks a {@code @Pipeline} body's statements: task variables, op calls with their settings, the
 * groups {@code Dsl} makes of lambdas (read by {@link GroupReader}), and the {@code return} of the
 * pipeline's outputs. Anything else is an error on that statement saying what is allowed instead.
 */
final class BodyReader {
  private final Body body;
  private final GroupReader groups;
  private final OneOfReader oneOfs;

  BodyReader(Body body) {
    this.body = body;
    this.groups = new GroupReader(body, this);
    this.oneOfs = new OneOfReader(body, this, groups);
  }

  void read(TreePath methodPath) {
    BlockTree block = ((MethodTree) methodPath.getLeaf()).getBody();
    TreePath blockPath = new TreePath(methodPath, block);
    List<? extends StatementTree> statements = block.getStatements();
    // several exit handlers, one after another, as KFP 2's compiler allows (tasks outside them too); Argo has one (onExit),
    // the body's only statement: KFP v1 runs onExit after every task
    long count = statements.stream().filter(s -> isDslCall(s, "exitHandler")).count();
    boolean argo = body.graph.pipeline().writes(Format.ARGO);
    if (statements.isEmpty()) {
      emptyInArgo(methodPath.getLeaf(), "pipeline '" + body.graph.pipeline().name() + "'");
    }
    boolean several = count > 1 || count == 1 && !argo && statements.size() > 1;
    int handlers = 0;
    for (StatementTree s : statements) {
      TreePath path = new TreePath(blockPath, s);
      if (isDslCall(s, "exitHandler")) {
        VariableTree made = exitTaskMadeBefore(statements, (MethodInvocationTree) ((ExpressionStatementTree) s).getExpression());
        if (made != null) { // KFP's exit_task = op(...) before 'with dsl.ExitHandler(exit_task):'
          body.error(made, Message.EXIT_TASK_MADE_BEFORE, made.getName(), Syntax.firstLine(made.getInitializer()));
        }
        if (several) {
          if (argo && ++handlers > 1) {
            body.error(s, Message.EXIT_HANDLER_NOT_ALONE_IN_ARGO);
          }
          ExpressionTree call = ((ExpressionStatementTree) s).getExpression();
          new ExitHandlers(body, this).read((MethodInvocationTree) call, new TreePath(path, call), body.at(s), !argo);
          continue;
        }
        if (statements.size() != (made != null ? 2 : 1) || body.graph.exitTask() != null) {
          body.error(s, Message.EXIT_HANDLER_NOT_ALONE);
        }
        ExpressionTree call = ((ExpressionStatementTree) s).getExpression();
        body.graph.exitHandlerAt(body.at(s));
        exitHandler((MethodInvocationTree) call, new TreePath(path, call));
      } else if (s instanceof ReturnTree r) {
        returns(r, path);
      } else {
        statement(s, path, body.graph.root());
      }
    }
    body.collectedLists.finish();
  }

  /**
   * The body's declaration of the variable the exit handler's exit task is, as a KFP user writes
   * {@code exit_task = op(...)} before {@code with dsl.ExitHandler(exit_task):}; null when the exit
   * task is written in the call.
   */
  private static VariableTree exitTaskMadeBefore(List<? extends StatementTree> statements, MethodInvocationTree call) {
    if (call.getArguments().isEmpty() || !(call.getArguments().get(0) instanceof IdentifierTree id)) {
      return null;
    }
    for (StatementTree s : statements) {
      if (s instanceof VariableTree v && v.getName().contentEquals(id.getName()) && v.getInitializer() != null) {
        return v;
      }
    }
    return null;
  }

  private static boolean isDslCall(StatementTree s, String name) {
    return s instanceof ExpressionStatementTree es && es.getExpression() instanceof MethodInvocationTree mi
        && name.equals(Syntax.methodName(mi));
  }

  private void exitHandler(MethodInvocationTree call, TreePath path) {
    ExpressionTree exitCall = call.getArguments().get(0);
    TaskHandle exit;
    if (exitCall instanceof LambdaExpressionTree lambda) {
      exit = exitPipeline(lambda, new TreePath(path, lambda));
    } else if (exitCall instanceof MemberReferenceTree) { // Clean::clean: write the call, as for any pipeline called here
      body.error(exitCall, Message.EXIT_PIPELINE_NOT_A_CALL, Syntax.firstLine(exitCall));
      exit = null;
    } else {
      exit = body.tasks.read(exitCall, new TreePath(path, exitCall), body.graph.root());
    }
    if (exit instanceof TaskBuilder task && task.pipelineCall() != null) {
      body.graph.exitTask(task); // a pipeline run as the exit task: put in as such once it is read
    } else if (exit instanceof TaskBuilder task && task.graphCall() == null) {
      body.graph.exitTask(task);
    } else {
      refuseAsExitTask(exitCall, exit);
    }
    if (call.getArguments().size() == 3) { // Dsl.exitHandler(t, "notify", () -> ...): the exit handler's own name
      body.graph.exitHandlerName(exitHandlerName(call.getArguments().get(1), path));
    }
    ExpressionTree lambda = call.getArguments().get(call.getArguments().size() - 1);
    block(lambda, new TreePath(path, lambda), body.graph.root());
  }

  /** The exit handler's own name written as {@code name}, a constant text that is not blank; else null, with an error on it. */
  String exitHandlerName(ExpressionTree name, TreePath path) {
    if (body.constants.value(name, new TreePath(path, name)) instanceof String s && !s.isBlank()) {
      return s;
    }
    body.error(name, Message.EXIT_HANDLER_NAME, name);
    return null;
  }

  /**
   * The pipeline run as the exit task: the one call of a {@code @Pipeline} method that {@code lambda}
   * makes ({@code () -> Cleanup.cleanup(Dsl.runStatus())}, or a block of that one statement), read as
   * a call of it in the root; null, with an error on the lambda, when it is anything else.
   */
  TaskHandle exitPipeline(LambdaExpressionTree lambda, TreePath path) {
    Tree b = lambda.getBody();
    TreePath bPath = new TreePath(path, b);
    if (b instanceof BlockTree block && block.getStatements().size() == 1 && block.getStatements().get(0) instanceof ExpressionStatementTree es) {
      bPath = new TreePath(new TreePath(bPath, es), es.getExpression());
      b = es.getExpression();
    }
    if (b instanceof MethodInvocationTree mi && body.trees.getElement(bPath) instanceof ExecutableElement method
        && PipelineCallReader.isPipeline(method)) {
      body.exitPipelineCall = true;
      try {
        return body.pipelineCalls.read(mi, bPath, method, body.graph.root());
      } finally {
        body.exitPipelineCall = false;
      }
    }
    if (!body.erroneous(bPath)) {
      Tree shown = b instanceof BlockTree block && !block.getStatements().isEmpty() ? block.getStatements().get(0) : b;
      body.error(lambda, Message.EXIT_PIPELINE_NOT_A_CALL, Syntax.firstLine(shown));
    }
    return null;
  }

  /**
   * The pipeline's outputs: {@code return t.output();} is output {@code Output}; {@code return new
   * Result(a.output(), b.output());} one output per component of the record.
   */
  private void returns(ReturnTree r, TreePath path) {
    ExpressionTree e = r.getExpression();
    if (e == null) {
      return;
    }
    TreePath ePath = Syntax.unwrap(new TreePath(path, e));
    ExpressionTree value = Syntax.unwrap(e);
    if (value instanceof NewClassTree nc && body.trees.getElement(ePath) instanceof ExecutableElement constructor
        && constructor.getEnclosingElement().getKind() == ElementKind.RECORD) {
      TypeElement record = (TypeElement) constructor.getEnclosingElement();
      List<? extends VariableElement> parameters = constructor.getParameters();
      boolean canonical = parameters.size() == record.getRecordComponents().size();
      for (int i = 0; canonical && i < parameters.size(); i++) {
        canonical = parameters.get(i).getSimpleName().equals(record.getRecordComponents().get(i).getSimpleName());
      }
      if (canonical) {
        for (int i = 0; i < parameters.size(); i++) {
          ExpressionTree arg = nc.getArguments().get(i);
          Argument a = output(arg, new TreePath(ePath, arg));
          if (a != null) {
            output(parameters.get(i).getSimpleName().toString(), a, arg, path);
          }
        }
        return;
      }
    }
    if (value instanceof MethodInvocationTree mi && body.trees.getElement(ePath) instanceof ExecutableElement m
        && (Syntax.isOneOf(m) || Syntax.isCollect(m))) { // KFP's 'return dsl.OneOf(...)', 'return dsl.Collected(...)'
      if (Syntax.isOneOf(m) && !m.getSimpleName().contentEquals("otherwise")) {
        return; // a chain without .otherwise(...) is no value: javac's own error says so here
      }
      Argument a = Syntax.isOneOf(m) ? oneOfs.read(mi, ePath, m, body.graph.root()) : groups.collect(mi, ePath, body.graph.root());
      if (a != null) {
        output("Output", a, e, path);
      }
      return;
    }
    TaskBuilder call = recordCall(value, ePath);
    if (call != null) {
      call.component().outputs().forEach(o -> output(o.name(), new Argument.TaskOutput(call.name(), o.name()), e, path));
      return;
    }
    Argument a = output(e, new TreePath(path, e));
    if (a != null) {
      output("Output", a, e, path);
    }
  }

  /**
   * Output {@code name} of the pipeline is {@code a}, returned by {@code e} in the return statement at {@code path}: a
   * {@code List<Path>} output is a list of artifacts (KFP's {@code List[Artifact]}), which its callers loop over or pass
   * on as one, so it is the artifacts a loop collects, or the list a called pipeline returns; anything else is an error.
   */
  private void output(String name, Argument a, ExpressionTree e, TreePath path) {
    TreePath m = path;
    while (m != null && !(m.getLeaf() instanceof com.sun.source.tree.MethodTree)) {
      m = m.getParentPath();
    }
    if (m != null && body.trees.getElement(m) instanceof ExecutableElement method
        && body.pipelineCalls.artifactLists(method).contains(name)
        && !dev.kfp4j.processor.validation.graph.ArtifactLists.returnable(body.graph, a)) {
      body.error(e, Message.RETURN_PATHS_NOT_ARTIFACTS, Syntax.firstLine(e), name);
      return;
    }
    body.graph.output(name, a);
  }

  /**
   * The call a returned record comes from, {@code return Inner.inner(x);} or {@code return r;}
   * ({@code var r = Inner.inner(x)}): the pipeline's outputs are the called one's; null when the
   * value is no such call, or after an error.
   */
  private TaskBuilder recordCall(ExpressionTree value, TreePath path) {
    Element e = body.trees.getElement(path);
    if (value instanceof IdentifierTree && body.callVariables.containsKey(e)) {
      return body.callVariables.get(e);
    }
    if (value instanceof MethodInvocationTree mi && e instanceof ExecutableElement m && PipelineCallReader.isPipeline(m)
        && body.pipelineCalls.returnsRecord(m)) {
      return body.pipelineCalls.read(mi, path, m, body.graph.root());
    }
    return null;
  }

  private Argument output(ExpressionTree e, TreePath path) {
    Argument a = body.arguments.read(e, path, body.graph.root());
    if (a == null || a instanceof Argument.TaskOutput || a instanceof Argument.Collected || a instanceof Argument.OneOf) {
      return a;
    }
    if (a instanceof Argument.PipelineParameter p && body.graph.pipeline().parameter(p.name()).isArtifact()) {
      body.error(e, Message.RETURN_ARTIFACT_PARAMETER, p.name()); // KFP 2's DAG outputs select a task's output only
      return null;
    }
    body.error(e, Message.RETURN_NOT_OUTPUT, Syntax.firstLine(e));
    return null;
  }

  /**
   * An error on {@code tree}, a body written empty ({@code what}: the pipeline, or a lambda of {@code Dsl.when}, {@code
   * Dsl.forEach} or {@code Dsl.exitHandler}), when the pipeline is written as an Argo workflow: its DAG template would have no
   * task, which Argo refuses when the workflow is submitted ('must have at least one task'). KFP 2 takes an empty DAG.
   */
  private void emptyInArgo(Tree tree, String what) {
    if (body.graph.pipeline().writes(Format.ARGO) && !body.graph.pipeline().takesStatus()) {
      body.error(tree, FormatMessage.ARGO_EMPTY_BODY, what);
    }
  }

  /** A lambda's body: a block of statements or a single expression. */
  void block(ExpressionTree lambda, TreePath path, Group group) {
    if (!(lambda instanceof LambdaExpressionTree l)) {
      body.error(lambda, Message.NOT_A_GROUP_LAMBDA);
      return;
    }
    Tree lambdaBody = l.getBody();
    TreePath bodyPath = new TreePath(path, lambdaBody);
    if (lambdaBody instanceof BlockTree b && b.getStatements().isEmpty()) {
      emptyInArgo(l, "'" + Syntax.firstLine(l) + "'");
    }
    if (lambdaBody instanceof BlockTree b) {
      for (StatementTree s : b.getStatements()) {
        statement(s, new TreePath(bodyPath, s), group);
      }
    } else {
      expression((ExpressionTree) lambdaBody, bodyPath, group);
    }
  }

  void statement(StatementTree s, TreePath path, Group group) {
    if (s instanceof VariableTree v) {
      ExpressionTree init = v.getInitializer();
      Element variable = body.trees.getElement(path);
      if (init != null && (body.erroneous(new TreePath(path, init)) || body.isComponentCall(init, new TreePath(path, init)))) {
        body.failedVariables.add(variable);
        return;
      }
      if (init != null && Syntax.unwrap(init) instanceof MethodInvocationTree mi
          && body.trees.getElement(Syntax.unwrap(new TreePath(path, init))) instanceof ExecutableElement m
          && PipelineCallReader.isPipeline(m) && body.pipelineCalls.returnsRecord(m)) {
        TaskBuilder call = body.pipelineCalls.read(mi, Syntax.unwrap(new TreePath(path, init)), m, group);
        if (call == null) {
          body.failedVariables.add(variable);
        } else {
          body.callVariables.put(variable, call);
        }
        return;
      }
      if (init != null && body.collectedLists.isCollected(init, new TreePath(path, init))) {
        body.collectedLists.declare(variable, v, group); // List<Path> xs = Dsl.collected(): loops fill it, xs.add(t.out())
        return;
      }
      if (init != null && Syntax.unwrap(init) instanceof MethodInvocationTree mi
          && body.trees.getElement(Syntax.unwrap(new TreePath(path, init))) instanceof ExecutableElement m && Syntax.isCollect(m)) {
        Argument collected = groups.collect(mi, Syntax.unwrap(new TreePath(path, init)), group);
        if (collected == null) {
          body.failedVariables.add(variable);
        } else {
          body.valueVariables.put(variable, collected);
        }
        return;
      }
      if (init != null && Syntax.unwrap(init) instanceof MethodInvocationTree mi
          && body.trees.getElement(Syntax.unwrap(new TreePath(path, init))) instanceof ExecutableElement m && Syntax.isForEach(m)) {
        if (groups.forEach(mi.getArguments(), Syntax.unwrap(new TreePath(path, init)), group, variable) == null) {
          body.failedVariables.add(variable); // else t.after(loop) waits for it
        }
        return;
      }
      if (init != null && body.texts.isJoined(init, new TreePath(path, init))) {
        body.textVariables.put(variable, new TreePath(path, init)); // read where it is given: KFP's new_value = f' and {name}.'
        return;
      }
      if (init != null && Syntax.unwrap(init) instanceof IdentifierTree id
          && body.loops.containsKey(body.trees.getElement(Syntax.unwrap(new TreePath(path, init))))) {
        body.failedVariables.add(variable);
        body.error(init, Message.LOOP_NOT_A_VALUE, id, id);
        return;
      }
      if (init != null && Syntax.unwrap(init) instanceof MethodInvocationTree mi
          && body.trees.getElement(Syntax.unwrap(new TreePath(path, init))) instanceof ExecutableElement m && Syntax.isOneOf(m)) {
        Argument oneOf = oneOfs.read(mi, Syntax.unwrap(new TreePath(path, init)), m, group);
        if (oneOf == null) {
          body.failedVariables.add(variable);
        } else {
          body.valueVariables.put(variable, oneOf);
        }
        return;
      }
      if (init != null && Syntax.unwrap(init) instanceof MethodInvocationTree
          && body.trees.getElement(Syntax.unwrap(new TreePath(path, init))) instanceof ExecutableElement m
          && PipelineCallReader.isPipeline(m)) {
        Argument output = body.arguments.read(init, new TreePath(path, init), group); // the call's one output
        if (output == null) {
          body.failedVariables.add(variable);
        } else {
          body.valueVariables.put(variable, output);
        }
        return;
      }
      if (init == null || !isTask(variable)) {
        body.failedVariables.add(variable); // one mistake, one error: its uses are not reported again
        if (init == null && isTask(variable)) {
          body.error(s, Message.TASK_VARIABLE_WITHOUT_OP, v.getName(), v.getName());
        } else if (init != null && readsOutput(new TreePath(path, init))) {
          body.error(s, Message.OUTPUT_VARIABLE, v.getName(), Syntax.firstLine(init), Syntax.firstLine(init));
        } else {
          body.error(s, Message.ONLY_TASK_VARIABLES, v.getName());
        }
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

  void expression(ExpressionTree e, TreePath path, Group group) {
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
      if (body.collectedLists.statement(mi, path, group)) {
        return; // xs.add(t.out()) of a list Dsl.collected() gave
      }
      if (body.trees.getElement(path) instanceof ExecutableElement method
          && ((Syntax.isDsl(method) && !Syntax.isDslStep(method)) || Syntax.isDslWhen(method) || Syntax.isOneOf(method))) {
        groups.read(mi, path, method, group);
      } else {
        body.tasks.read(e, path, group);
      }
      return;
    }
    if (!body.erroneous(path)) {
      body.error(e, Message.NOT_A_DAG_EXPRESSION, Syntax.firstLine(e));
    }
  }

  /** Whether {@code path} reads a task's output ({@code t.output()}, {@code t.model()}), a value only the running pipeline has. */
  private boolean readsOutput(TreePath path) {
    return body.trees.getElement(Syntax.unwrap(path)) instanceof ExecutableElement m
        && (dev.kfp4j.processor.base.Annotations.annotation(m, Syntax.OP_OUTPUT) != null || Syntax.isValueOfFile(m));
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

  /**
   * Reports {@code exit}, read from {@code exitCall}, as no exit task: an importer, a volume or a
   * Kubernetes resource step runs no container of its own, and a group is no task (null: an error
   * was reported where it was read).
   */
  void refuseAsExitTask(ExpressionTree exitCall, TaskHandle exit) {
    if (exit instanceof ImporterBuilder || exit instanceof VolumeBuilder || exit instanceof ResourceBuilder) {
      String what = exit instanceof ImporterBuilder ? "an importer (Dsl.importer)"
          : exit instanceof VolumeBuilder ? "a volume (Dsl.volume)" : "a Kubernetes resource step (Dsl.resource)";
      body.error(exitCall, Message.EXIT_TASK_NOT_A_TASK, exit.name(), what);
    } else if (exit != null) {
      body.error(exitCall, Message.EXIT_TASK_IS_GRAPH, exit.name());
    }
  }
}
