package dev.kfp4j.processor.pipeline;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.pipeline.Graph.Arg;
import dev.kfp4j.processor.pipeline.Graph.Group;
import dev.kfp4j.processor.pipeline.Graph.Node;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.GraphSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.OutputSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;

/**
 * Reads a {@code @Pipeline} method body into a {@link Graph}. The only class that uses javac's
 * Tree API. Runs after analysis, so every call and name is resolved. Anything it cannot turn into
 * the DAG is an error on that statement saying what is allowed instead.
 */
final class BodyReader {
  private static final String OP = "dev.kfp4j.dsl.Op";
  private static final String OP_OUTPUT = "dev.kfp4j.dsl.Op.Output";
  private static final String TASK = "dev.kfp4j.dsl.Task";
  private static final String DSL = "dev.kfp4j.dsl.Dsl";
  private static final String RESOURCE_TASK = "dev.kfp4j.dsl.ResourceTask";
  static final java.util.Set<String> ACTIONS = java.util.Set.of("create", "apply", "patch", "delete", "replace", "get");
  static final int MAX_PARAMETER_BYTES = 10_000;

  private final Trees trees;
  private final CompilationUnitTree unit;
  private final Function<String, ComponentSpec> components;
  private final Graph graph;
  private final Map<Element, Node> taskVariables = new HashMap<>();
  private final Map<Element, Graph.Loop> loopVariables = new HashMap<>();
  private final Settings settings;
  private int errors;

  BodyReader(Trees trees, CompilationUnitTree unit, Function<String, ComponentSpec> components, PipelineModel pipeline) {
    this.trees = trees;
    this.unit = unit;
    this.components = components;
    this.graph = new Graph(pipeline);
    this.settings = new Settings(this);
  }

  int errors() {
    return errors;
  }

  void error(Tree tree, Message message, Object... args) {
    errors++;
    trees.printMessage(Diagnostic.Kind.ERROR, message.format(args), tree, unit);
  }

  Graph read(TreePath methodPath) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    BlockTree body = method.getBody();
    TreePath bodyPath = new TreePath(methodPath, body);
    List<? extends StatementTree> statements = body.getStatements();
    for (int i = 0; i < statements.size(); i++) {
      StatementTree s = statements.get(i);
      if (isDslCall(s, "exitHandler")) {
        if (statements.size() != 1 || graph.exitTask != null) {
          error(s, Message.EXIT_HANDLER_NOT_OUTERMOST,
              "Dsl.exitHandler(...) must be the only statement of the pipeline body, with every task inside its lambda; move the other statements into it");
        }
        exitHandler((MethodInvocationTree) ((ExpressionStatementTree) s).getExpression(), new TreePath(new TreePath(bodyPath, s), ((ExpressionStatementTree) s).getExpression()));
        continue;
      }
      statement(s, new TreePath(bodyPath, s), graph.root, true);
    }
    return graph;
  }

  private boolean isDslCall(StatementTree s, String name) {
    if (s instanceof ExpressionStatementTree es && es.getExpression() instanceof MethodInvocationTree mi) {
      String selected = methodName(mi);
      return name.equals(selected);
    }
    return false;
  }

  private static String methodName(MethodInvocationTree mi) {
    ExpressionTree select = mi.getMethodSelect();
    if (select instanceof MemberSelectTree ms) {
      return ms.getIdentifier().toString();
    }
    if (select instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    return null;
  }

  private void exitHandler(MethodInvocationTree call, TreePath path) {
    List<? extends ExpressionTree> args = call.getArguments();
    TreePath argPath = new TreePath(path, args.get(0));
    Node exit = chain(args.get(0), argPath, graph.root, false);
    if (exit != null && exit.graphTasks != null) {
      error(args.get(0), Message.UNSUPPORTED_ARGUMENT, "the exit task is one container task; '" + exit.name
          + "' is a graph component: call it inside the exit handler's lambda, or make the exit task one of its components");
      graph.tasks.removeAll(exit.graphTasks);
    } else if (exit != null) {
      graph.root.members.remove(exit);
      graph.tasks.remove(exit);
      for (Arg a : exit.arguments.values()) {
        if (a instanceof Graph.Output) {
          error(args.get(0), Message.UNSUPPORTED_ARGUMENT,
              "the exit task runs when the pipeline ends and cannot read task outputs; pass constants or pipeline parameters");
        }
      }
      graph.exitTask = exit;
    }
    block(args.get(1), new TreePath(path, args.get(1)), graph.root);
  }

  /** A lambda's body: a block of statements or a single expression. */
  private void block(ExpressionTree lambda, TreePath path, Group group) {
    if (!(lambda instanceof LambdaExpressionTree l)) {
      error(lambda, Message.UNSUPPORTED_ARGUMENT, "expected a lambda such as () -> { ... } holding the tasks of this group");
      return;
    }
    Tree body = l.getBody();
    TreePath bodyPath = new TreePath(path, body);
    if (body instanceof BlockTree b) {
      for (StatementTree s : b.getStatements()) {
        statement(s, new TreePath(bodyPath, s), group, false);
      }
    } else {
      expressionStatement((ExpressionTree) body, bodyPath, group);
    }
  }

  private void statement(StatementTree s, TreePath path, Group group, boolean topLevel) {
    if (s instanceof VariableTree v) {
      ExpressionTree init = v.getInitializer();
      Element variable = trees.getElement(path);
      if (init == null || !isTaskType(variable)) {
        error(s, Message.UNSUPPORTED_STATEMENT,
            "a pipeline body declares only task variables (var t = SomeOps.op(...)); make '" + v.getName()
                + "' a pipeline parameter, or a static final constant of the class");
        return;
      }
      Node node = chain(init, new TreePath(path, init), group, true);
      if (node != null) {
        taskVariables.put(variable, node);
      }
      return;
    }
    if (s instanceof ExpressionStatementTree es) {
      expressionStatement(es.getExpression(), new TreePath(path, es.getExpression()), group);
      return;
    }
    if (s instanceof com.sun.source.tree.EmptyStatementTree) {
      return;
    }
    error(s, Message.UNSUPPORTED_STATEMENT,
        "'" + firstLine(s) + "' cannot be compiled into the pipeline's DAG: a pipeline body holds only op calls, task settings and Dsl.when/forEach/exitHandler; use Dsl.when(...) instead of if, Dsl.forEach(...) instead of loops");
  }

  private static String firstLine(Tree t) {
    String s = t.toString().strip();
    int nl = s.indexOf('\n');
    s = nl < 0 ? s : s.substring(0, nl);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private void expressionStatement(ExpressionTree e, TreePath path, Group group) {
    if (e instanceof com.sun.source.tree.AssignmentTree assign && assign.getVariable() instanceof IdentifierTree) {
      // t = SomeOps.op(t.output()): the variable now names the new task
      Element variable = trees.getElement(new TreePath(path, assign.getVariable()));
      if (taskVariables.containsKey(variable)) {
        ExpressionTree value = assign.getExpression();
        Node node = chain(value, new TreePath(path, value), group, true);
        if (node != null) {
          taskVariables.put(variable, node);
        }
        return;
      }
    }
    if (e instanceof MethodInvocationTree mi) {
      Element m = trees.getElement(path);
      if (m instanceof ExecutableElement method && isDsl(method) && !isResourceStep(method)) {
        dsl(mi, path, method, group);
        return;
      }
      chain(e, path, group, true);
      return;
    }
    error(e, Message.UNSUPPORTED_STATEMENT,
        "'" + firstLine(e) + "' cannot be compiled into the pipeline's DAG: a pipeline body holds only op calls, task settings and Dsl.when/forEach/exitHandler");
  }

  private void dsl(MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group) {
    String name = method.getSimpleName().toString();
    List<? extends ExpressionTree> args = mi.getArguments();
    switch (name) {
      case "when": {
        Graph.Condition condition = condition(args.get(0), new TreePath(path, args.get(0)), group);
        Group g = graph.newGroup(Group.Kind.CONDITION, group);
        g.condition = condition;
        block(args.get(1), new TreePath(path, args.get(1)), g);
        return;
      }
      case "forEach": {
        ExpressionTree items = args.get(0);
        int parallelism = 0;
        if (args.size() == 3) {
          Object p = constantValue(args.get(1), new TreePath(path, args.get(1)));
          if (!(p instanceof Integer i) || i < 1) {
            error(args.get(1), Message.BAD_SETTING, "loop parallelism must be a constant int of at least 1, found '" + args.get(1) + "'");
          } else {
            parallelism = i;
          }
        }
        Graph.Loop loop = loop(items, new TreePath(path, items), group, parallelism);
        Group g = graph.newGroup(Group.Kind.LOOP, group);
        g.loop = loop;
        ExpressionTree lambda = args.get(args.size() - 1);
        if (lambda instanceof LambdaExpressionTree l && l.getParameters().size() == 1) {
          TreePath lp = new TreePath(path, lambda);
          VariableTree param = l.getParameters().get(0);
          Element item = trees.getElement(new TreePath(lp, param));
          loopVariables.put(item, loop);
          block(lambda, lp, g);
          loopVariables.remove(item);
        } else {
          error(lambda, Message.UNSUPPORTED_ARGUMENT, "expected a lambda such as item -> { ... } taking the loop item");
        }
        return;
      }
      case "exitHandler":
        error(mi, Message.EXIT_HANDLER_NOT_OUTERMOST,
            "Dsl.exitHandler(...) must be the outermost statement of the pipeline body, not inside a condition or loop");
        return;
      default:
        error(mi, Message.UNSUPPORTED_STATEMENT,
            "Dsl." + name + "(...) is a condition; use it as the first argument of Dsl.when(...)");
    }
  }

  private Graph.Loop loop(ExpressionTree items, TreePath path, Group group, int parallelism) {
    ExpressionTree e = unwrap(items);
    if (e instanceof MethodInvocationTree mi) {
      Element m = trees.getElement(path);
      if (m instanceof ExecutableElement ex && isStatic(ex, "java.util.List", "of", "java.util.Arrays", "asList")) {
        List<Object> values = new ArrayList<>();
        for (ExpressionTree item : mi.getArguments()) {
          Object v = loopItem(item, new TreePath(path, item));
          if (v != null) {
            values.add(v);
          }
        }
        return new Graph.Loop(values, null, parallelism);
      }
    }
    Arg source = argument(items, path, group);
    if (source instanceof Graph.Param || source instanceof Graph.Output) {
      return new Graph.Loop(null, source, parallelism);
    }
    if (source != null) {
      error(items, Message.UNSUPPORTED_ARGUMENT,
          "Dsl.forEach loops over List.of(constants...), a List pipeline parameter or a List task output");
    }
    return new Graph.Loop(List.of(), null, parallelism);
  }

  /** A constant loop item: a value, or a record built from constants (an object with fields). */
  private Object loopItem(ExpressionTree item, TreePath path) {
    ExpressionTree e = unwrap(item);
    if (e instanceof NewClassTree nc) {
      Element ctor = trees.getElement(path);
      if (ctor instanceof ExecutableElement c && c.getEnclosingElement().getKind() == ElementKind.RECORD) {
        TypeElement record = (TypeElement) c.getEnclosingElement();
        Map<String, Object> fields = new LinkedHashMap<>();
        var components = record.getRecordComponents();
        for (int i = 0; i < nc.getArguments().size() && i < components.size(); i++) {
          ExpressionTree a = nc.getArguments().get(i);
          Object v = constantValue(a, new TreePath(path, a));
          if (v == null) {
            error(a, Message.UNSUPPORTED_ARGUMENT, "loop items are built from constants only; '" + a + "' is not a constant");
            return null;
          }
          fields.put(components.get(i).getSimpleName().toString(), v);
        }
        return fields;
      }
    }
    Object v = constantValue(item, path);
    if (v == null) {
      error(item, Message.UNSUPPORTED_ARGUMENT,
          "loop items are constants (literals, static final constants, enum constants) or records built from them; '" + item + "' is not");
    }
    return v;
  }

  private Graph.Condition condition(ExpressionTree e, TreePath path, Group group) {
    e = unwrap(e);
    if (e instanceof MethodInvocationTree mi) {
      Element m = trees.getElement(path);
      if (m instanceof ExecutableElement method && isDsl(method)) {
        String op = switch (method.getSimpleName().toString()) {
          case "eq" -> "==";
          case "ne" -> "!=";
          case "lt" -> "<";
          case "le" -> "<=";
          case "gt" -> ">";
          case "ge" -> ">=";
          default -> null;
        };
        if (op != null) {
          ExpressionTree l = mi.getArguments().get(0);
          ExpressionTree r = mi.getArguments().get(1);
          Arg left = argument(l, new TreePath(path, l), group);
          Arg right = argument(r, new TreePath(path, r), group);
          return new Graph.Condition(left, op, right);
        }
      }
    }
    error(e, Message.UNSUPPORTED_ARGUMENT,
        "a condition is Dsl.eq/ne/lt/le/gt/ge(a, b) written in the call; nest Dsl.when(...) for 'and'");
    return new Graph.Condition(new Graph.Constant(""), "==", new Graph.Constant(""));
  }

  /**
   * An op call with settings chained on it ({@code Ops.op(a).cpuLimit("1")}), or settings on a
   * task variable ({@code t.after(u)}). Returns the task.
   */
  Node chain(ExpressionTree e, TreePath path, Group group, boolean addToGroup) {
    path = unwrap(path);
    e = unwrap(e);
    if (e instanceof IdentifierTree) {
      Node node = taskVariables.get(trees.getElement(path));
      if (node == null) {
        error(e, Message.UNKNOWN_TASK, "'" + e + "' is not a task of this pipeline");
      }
      return node;
    }
    if (!(e instanceof MethodInvocationTree mi)) {
      error(e, Message.UNSUPPORTED_STATEMENT,
          "'" + firstLine(e) + "' is not an op call; call a generated op such as CalcOps.add(a, b)");
      return null;
    }
    Element m = trees.getElement(path);
    if (!(m instanceof ExecutableElement method)) {
      error(e, Message.UNSUPPORTED_STATEMENT, "'" + firstLine(e) + "' is not an op call");
      return null;
    }
    AnnotationMirror op = annotation(method, OP);
    if (op != null) {
      return opCall(mi, path, method, op, group, addToGroup);
    }
    if (isDsl(method) && isResourceStep(method)) {
      return resourceStep(mi, path, method, group, addToGroup);
    }
    Element owner = method.getEnclosingElement();
    if (owner instanceof TypeElement t && (t.getQualifiedName().contentEquals(TASK) || t.getQualifiedName().contentEquals(RESOURCE_TASK))
        && mi.getMethodSelect() instanceof MemberSelectTree select) {
      ExpressionTree receiver = select.getExpression();
      Node node = chain(receiver, new TreePath(new TreePath(path, select), receiver), group, addToGroup);
      if (node != null) {
        settings.apply(node, mi, path, method.getSimpleName().toString());
      }
      return node;
    }
    error(e, Message.UNSUPPORTED_STATEMENT,
        "'" + firstLine(e) + "' is neither an op nor a task setting; a pipeline body calls generated ops (e.g. CalcOps.add(a, b)), settings on their tasks and Dsl methods");
    return null;
  }

  private static boolean isResourceStep(ExecutableElement method) {
    String n = method.getSimpleName().toString();
    return n.equals("volume") || n.equals("resource");
  }

  /** {@code Dsl.volume(name, size...)} or {@code Dsl.resource(action, manifest)}: an Argo resource template. */
  private Node resourceStep(MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group, boolean addToGroup) {
    List<? extends ExpressionTree> args = mi.getArguments();
    Object[] constants = new Object[args.size()];
    for (int i = 0; i < args.size(); i++) {
      constants[i] = constantValue(args.get(i), new TreePath(path, args.get(i)));
    }
    Node node;
    if (method.getSimpleName().contentEquals("volume")) {
      if (!(constants[0] instanceof String resourceName) || Names.whyInvalidKubernetesName(resourceName) != null) {
        error(args.get(0), Message.BAD_SETTING, "Dsl.volume: the resource name must be a constant valid Kubernetes name, such as \"my-pvc\"");
        return null;
      }
      String accessMode = args.size() > 2 && constants[2] != null ? constants[2].toString() : "ReadWriteMany";
      if (!java.util.Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod").contains(accessMode)) {
        error(args.get(2), Message.BAD_SETTING, "Dsl.volume: the access mode must be ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod, not '" + accessMode + "'");
        return null;
      }
      String storageClass = args.size() > 3 && constants[3] != null ? constants[3].toString() : "";
      Arg size = argument(args.get(1), new TreePath(path, args.get(1)), group);
      if (size instanceof Graph.Constant c && !Settings.QUANTITY.matcher(c.text()).matches()) {
        error(args.get(1), Message.BAD_SETTING, "Dsl.volume: the size '" + c.text() + "' is not a Kubernetes quantity; write e.g. \"1Gi\"");
        return null;
      }
      StringBuilder manifest = new StringBuilder()
          .append("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: '{{workflow.name}}-").append(resourceName).append("'\n")
          .append("spec:\n  accessModes:\n  - ").append(accessMode).append("\n")
          .append("  resources:\n    requests:\n      storage: '{{inputs.parameters.size}}'\n");
      if (!storageClass.isEmpty()) {
        manifest.append("  storageClassName: ").append(storageClass).append("\n");
      }
      node = new Node(graph.taskName(resourceName), null, mi, group);
      node.resource = new Graph.Resource("create", manifest.toString());
      node.resource.outputs.put("manifest", "{}");
      node.resource.outputs.put("name", "{.metadata.name}");
      node.resource.outputs.put("size", "{.status.capacity.storage}");
      if (size != null) {
        node.arguments.put("size", size);
      }
    } else {
      if (!(constants[0] instanceof String action) || !ACTIONS.contains(action)) {
        error(args.get(0), Message.BAD_SETTING, "Dsl.resource: the action must be a constant, one of " + new java.util.TreeSet<>(ACTIONS));
        return null;
      }
      if (!(constants[1] instanceof String manifest)) {
        error(args.get(1), Message.BAD_SETTING, "Dsl.resource: the manifest must be a String constant (a static final text block)");
        return null;
      }
      String kind;
      try {
        JsonNodeHolder parsed = JsonNodeHolder.parse(manifest);
        kind = parsed.kind();
      } catch (RuntimeException e) {
        error(args.get(1), Message.BAD_SETTING, "Dsl.resource: the manifest is not a Kubernetes resource: " + e.getMessage());
        return null;
      }
      node = new Node(graph.taskName(action + "-" + kind.toLowerCase(java.util.Locale.ROOT)), null, mi, group);
      node.resource = new Graph.Resource(action, manifest);
      node.resource.outputs.put("manifest", "{}");
    }
    graph.tasks.add(node);
    if (addToGroup) {
      group.members.add(node);
    }
    return node;
  }

  /** Reads apiVersion/kind of a manifest. */
  private record JsonNodeHolder(String kind) {
    static JsonNodeHolder parse(String manifest) {
      var node = dev.kfp4j.yaml.Yaml.read(manifest);
      if (node == null || !node.isObject() || !node.hasNonNull("apiVersion") || !node.hasNonNull("kind")) {
        throw new IllegalArgumentException("it needs 'apiVersion' and 'kind'");
      }
      return new JsonNodeHolder(node.get("kind").asString());
    }
  }

  private Node opCall(MethodInvocationTree mi, TreePath path, ExecutableElement method, AnnotationMirror op, Group group, boolean addToGroup) {
    String component = (String) value(op, "value");
    Object specAttribute = value(op, "spec");
    String resource = specAttribute == null || specAttribute.toString().isEmpty()
        ? "META-INF/kfp4j/components/" + component + ".yaml"
        : specAttribute.toString();
    ComponentSpec spec = components.apply(resource);
    if (spec == null) {
      error(mi, Message.UNKNOWN_TASK,
          "no component spec '" + resource + "' found for op " + method.getSimpleName()
              + "; is the jar that holds it on the compile classpath?");
      return null;
    }
    // A graph component's call is not a task of its own (its tasks are), so it takes no task name.
    Node node = new Node(spec.graph() != null ? component : graph.taskName(component), spec, mi, group);
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> inputs = (List<? extends AnnotationValue>) value(op, "inputs");
    List<? extends ExpressionTree> args = mi.getArguments();
    for (int i = 0; i < args.size(); i++) {
      String input = inputs != null && i < inputs.size() ? inputs.get(i).getValue().toString()
          : method.getParameters().get(i).getSimpleName().toString();
      ExpressionTree a = args.get(i);
      Arg arg = argument(a, new TreePath(path, a), group);
      if (arg == null) {
        continue; // reported, or null meaning "not given"
      }
      checkArgument(node, input, a, arg);
      node.arguments.put(input, arg);
    }
    for (InputSpec in : spec.inputs()) {
      if (!in.optional() && in.defaultValue() == null && !node.arguments.containsKey(in.name())) {
        error(mi, Message.MISSING_ARGUMENT, "task '" + node.name + "' gives no value for the required input '" + in.name() + "'");
      }
    }
    if (spec.graph() != null) {
      expand(node, group, addToGroup);
      return node;
    }
    graph.tasks.add(node);
    if (addToGroup) {
      group.members.add(node);
    }
    return node;
  }

  /**
   * The call of a graph component becomes the graph's tasks, as KFP v1's compiler inlines them
   * ({@link GraphSpec#expand}): each a task named after its component; the call's outputs are the
   * spec's {@code outputValues}.
   */
  private void expand(Node call, Group group, boolean addToGroup) {
    call.graphTasks = new ArrayList<>();
    try {
      call.graphOutputs = GraphSpec.expand(call.spec, call.arguments, Graph.Constant::new, (id, t, child, arguments) -> {
        String component = child.name() == null ? id : child.name();
        Node node = new Node(graph.taskName(Names.taskName(component)), child, call.tree, group);
        node.arguments.putAll(arguments);
        for (InputSpec in : child.inputs()) {
          if (!in.optional() && in.defaultValue() == null && !node.arguments.containsKey(in.name())) {
            error((Tree) call.tree, Message.MISSING_ARGUMENT, "task '" + id + "' of graph component '" + call.spec.name()
                + "' gives no value for the required input '" + in.name() + "' of '" + component + "'; pass the graph input it takes");
          }
        }
        executionOptions(t, node);
        graph.tasks.add(node);
        if (addToGroup) {
          group.members.add(node);
        }
        call.graphTasks.add(node);
        return output -> new Graph.Output(node, output);
      });
    } catch (dev.kfp4j.spec.SpecException e) {
      call.graphOutputs = Map.of();
      error((Tree) call.tree, Message.UNKNOWN_TASK, e.getMessage());
    }
  }

  /** A graph task's {@code retryStrategy.maxRetries} and {@code cachingStrategy.maxCacheStaleness: P0D} as task settings. */
  private static void executionOptions(GraphSpec.Task t, Node node) {
    if (GraphSpec.maxRetries(t) >= 0) {
      node.settings.put("retries", List.of(GraphSpec.maxRetries(t)));
    }
    if (GraphSpec.cachingOff(t)) {
      node.settings.put("caching", List.of(false));
    }
  }

  /** KFP's type check: a file output feeding a file input of another declared type. */
  private void checkArgument(Node node, String input, ExpressionTree tree, Arg arg) {
    InputSpec in = node.spec.input(input).orElse(null);
    if (in == null) {
      error(tree, Message.UNKNOWN_TASK, "component '" + node.spec.name() + "' has no input '" + input + "'");
      return;
    }
    if (arg instanceof Graph.Output o && o.task().spec != null) {
      OutputSpec out = o.task().spec.output(o.output()).orElse(null);
      String outType = out == null || out.type() == null ? null : out.type().name();
      String inType = in.type() == null ? null : in.type().name();
      if (outType != null && inType != null && !outType.equals(inType) && !compatible(outType, inType)) {
        error(tree, Message.TYPE_MISMATCH,
            "output '" + o.output() + "' of task '" + o.task().name + "' has type " + outType + " but input '" + input
                + "' of '" + node.spec.name() + "' takes " + inType + "; pass an output of type " + inType);
      }
    }
    if (arg instanceof Graph.Constant c) {
      int bytes = c.text().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_PARAMETER_BYTES) {
        error(tree, Message.CONSTANT_TOO_LONG, input, bytes);
      }
    }
  }

  private static boolean compatible(String out, String in) {
    // KFP treats String as accepting any text value, and KFP 2 a system.Artifact as any artifact, either way.
    return in.equals("String") || in.equals("Artifact") || out.equals("Artifact");
  }

  /** An argument: a constant, a pipeline parameter, a task output or a loop item. Null for {@code null}. */
  Arg argument(ExpressionTree tree, TreePath path, Group group) {
    path = unwrap(path);
    ExpressionTree e = unwrap(tree);
    if (e instanceof LiteralTree lit && lit.getValue() == null) {
      return null;
    }
    Object constant = constantValue(tree, path);
    if (constant != null) {
      return new Graph.Constant(text(constant));
    }
    if (e instanceof IdentifierTree) {
      Element el = trees.getElement(path);
      if (el instanceof VariableElement v && v.getKind() == ElementKind.PARAMETER) {
        if (loopVariables.containsKey(v)) {
          return new Graph.Item(loopVariables.get(v), null);
        }
        if (graph.pipeline.parameter(v.getSimpleName().toString()) != null
            && v.getEnclosingElement().equals(graph.pipeline.element())) {
          return new Graph.Param(v.getSimpleName().toString());
        }
        error(tree, Message.UNSUPPORTED_ARGUMENT, "'" + e + "' is the item of a loop that does not enclose this call; use it inside its Dsl.forEach lambda");
        return null;
      }
      if (taskVariables.containsKey(el)) {
        error(tree, Message.UNSUPPORTED_ARGUMENT, "'" + e + "' is a task, not a value; pass one of its outputs, e.g. " + e + ".output()");
        return null;
      }
    }
    if (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree select) {
      Element m = trees.getElement(path);
      if (m instanceof ExecutableElement method && isStatic(method, "java.util.List", "of", "java.util.Map", "of")) {
        // a constant list or map: passed as its JSON text
        List<Object> values = new ArrayList<>();
        for (ExpressionTree item : mi.getArguments()) {
          Object v = constantValue(item, new TreePath(path, item));
          if (v == null) {
            error(item, Message.UNSUPPORTED_ARGUMENT, "List.of/Map.of arguments to a task are constants only; '" + item + "' is not");
            return null;
          }
          values.add(v);
        }
        Object json = values;
        if (method.getEnclosingElement().getSimpleName().contentEquals("Map")) {
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = 0; i + 1 < values.size(); i += 2) {
            map.put(values.get(i).toString(), values.get(i + 1));
          }
          json = map;
        }
        return new Graph.Constant(KfpValues.format(json));
      }
      if (m instanceof ExecutableElement method) {
        AnnotationMirror output = annotation(method, OP_OUTPUT);
        ExpressionTree receiver = select.getExpression();
        TreePath receiverPath = new TreePath(new TreePath(path, select), receiver);
        if (output != null) {
          Node task = chain(receiver, receiverPath, group, true);
          if (task == null) {
            return null;
          }
          String name = (String) value(output, "value");
          if (!group.within(task.group)) {
            error(tree, Message.UNKNOWN_TASK,
                "output '" + name + "' of task '" + task.name + "' is made inside a Dsl.when/forEach group that does not enclose this call; use it inside that group");
            return null;
          }
          if (task.graphOutputs != null) {
            Arg value = task.graphOutputs.get(name);
            if (value == null) {
              error(tree, Message.UNKNOWN_TASK, "output '" + name + "' of graph component '" + task.name
                  + "' has no entry in its spec's outputValues (or comes from a graph input left out), so no task gives it");
            }
            return value;
          }
          return new Graph.Output(task, name);
        }
        if (method.getSimpleName().contentEquals("output") && mi.getArguments().size() == 1
            && method.getEnclosingElement() instanceof TypeElement owner && owner.getQualifiedName().contentEquals(RESOURCE_TASK)) {
          Node task = chain(receiver, receiverPath, group, true);
          Object name = constantValue(mi.getArguments().get(0), new TreePath(path, mi.getArguments().get(0)));
          if (task == null) {
            return null;
          }
          if (!(name instanceof String n) || !task.resource.outputs.containsKey(n)) {
            error(tree, Message.UNKNOWN_TASK, "task '" + task.name + "' has no output '" + name + "'; declare it with .attributeOutput(name, jsonPath) first; it has " + task.resource.outputs.keySet());
            return null;
          }
          return new Graph.Output(task, n);
        }
        // loop item field: item.field()
        Element recv = trees.getElement(receiverPath);
        if (recv != null && loopVariables.containsKey(recv) && mi.getArguments().isEmpty()) {
          return new Graph.Item(loopVariables.get(recv), method.getSimpleName().toString());
        }
        if (recv instanceof VariableElement v && v.getKind() == ElementKind.PARAMETER && !loopVariables.containsKey(v)
            && v.getEnclosingElement() instanceof ExecutableElement && !v.getEnclosingElement().equals(graph.pipeline.element())) {
          error(tree, Message.UNSUPPORTED_ARGUMENT, "'" + recv + "' is the item of a loop that does not enclose this call; use it inside its Dsl.forEach lambda");
          return null;
        }
      }
    }
    error(tree, Message.UNSUPPORTED_ARGUMENT,
        "'" + firstLine(tree) + "' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), a task output such as t.output(), or a loop item");
    return null;
  }

  /** The value of a literal, a negated literal, a constant field or an enum constant; else null. */
  Object constantValue(ExpressionTree tree, TreePath path) {
    path = unwrap(path);
    ExpressionTree e = unwrap(tree);
    if (e instanceof LiteralTree lit) {
      return lit.getValue();
    }
    if (e instanceof UnaryTree u && (u.getKind() == Tree.Kind.UNARY_MINUS || u.getKind() == Tree.Kind.UNARY_PLUS)) {
      Object v = constantValue(u.getExpression(), new TreePath(path, u.getExpression()));
      if (v instanceof Number n && u.getKind() == Tree.Kind.UNARY_MINUS) {
        if (n instanceof Integer i) {
          return -i;
        }
        if (n instanceof Long l) {
          return -l;
        }
        if (n instanceof Float f) {
          return -f;
        }
        return -n.doubleValue();
      }
      return v;
    }
    if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
      Element el = trees.getElement(path);
      if (el instanceof VariableElement v) {
        if (v.getKind() == ElementKind.ENUM_CONSTANT) {
          return v.getSimpleName().toString();
        }
        Object c = v.getConstantValue();
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  static String text(Object constant) {
    if (constant instanceof Character c) {
      return c.toString();
    }
    return KfpValues.format(constant);
  }

  /** The path to the expression inside parentheses and casts. */
  private static TreePath unwrap(TreePath path) {
    TreePath p = path;
    while (p.getLeaf() instanceof ParenthesizedTree || p.getLeaf() instanceof com.sun.source.tree.TypeCastTree) {
      Tree leaf = p.getLeaf();
      ExpressionTree inner = leaf instanceof ParenthesizedTree pt ? pt.getExpression() : ((com.sun.source.tree.TypeCastTree) leaf).getExpression();
      p = new TreePath(p, inner);
    }
    return p;
  }

  /** Parentheses and casts change nothing in the text KFP passes: look through them. */
  private static ExpressionTree unwrap(ExpressionTree e) {
    while (true) {
      if (e instanceof ParenthesizedTree p) {
        e = p.getExpression();
      } else if (e instanceof com.sun.source.tree.TypeCastTree c) {
        e = c.getExpression();
      } else {
        return e;
      }
    }
  }

  private boolean isTaskType(Element variable) {
    if (variable == null) {
      return false;
    }
    javax.lang.model.type.TypeMirror t = variable.asType();
    while (t instanceof javax.lang.model.type.DeclaredType d) {
      TypeElement te = (TypeElement) d.asElement();
      if (te.getQualifiedName().contentEquals(TASK)) {
        return true;
      }
      t = te.getSuperclass();
    }
    return false;
  }

  private static boolean isDsl(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement t && t.getQualifiedName().contentEquals(DSL);
  }

  private static boolean isStatic(ExecutableElement m, String owner1, String name1, String owner2, String name2) {
    String owner = ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString();
    String name = m.getSimpleName().toString();
    return (owner.equals(owner1) && name.equals(name1)) || (owner.equals(owner2) && name.equals(name2));
  }

  static AnnotationMirror annotation(Element e, String qualifiedName) {
    return ComponentValidator.annotation(e, qualifiedName);
  }

  static Object value(AnnotationMirror a, String key) {
    return ComponentValidator.value(a, key);
  }
}
