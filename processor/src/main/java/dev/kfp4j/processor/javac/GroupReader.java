package dev.kfp4j.processor.javac;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.ComparisonCall;
import dev.kfp4j.processor.graph.Group;
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
 * Reads the groups of a pipeline body: {@code Dsl.when} (with its chain of {@code orWhen} and
 * {@code otherwise}), {@code Dsl.forEach} and {@code Dsl.collect}, whose lambdas {@link
 * BodyReader} reads into the group.
 */
final class GroupReader {
  private final Body body;
  private final BodyReader statements;

  GroupReader(Body body, BodyReader statements) {
    this.body = body;
    this.statements = statements;
  }

  /** A {@code Dsl} call written as a statement in {@code group}. */
  void read(MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group) {
    if (Syntax.isOneOf(method)) {
      body.error(mi, Message.ONE_OF_NOT_ASSIGNED);
      return;
    }
    String name = method.getSimpleName().toString();
    List<? extends ExpressionTree> args = mi.getArguments();
    switch (name) {
      case "when": {
        ComparisonCall condition = body.arguments.comparison(args.get(0), new TreePath(path, args.get(0)), group);
        Group when = body.graph.condition(group, condition);
        when.displayName(ownName(mi, path));
        ExpressionTree lambda = args.get(args.size() - 1);
        statements.block(lambda, new TreePath(path, lambda), when);
        return;
      }
      case "orWhen":
      case "otherwise":
        branches(mi, path, group);
        return;
      case "forEach":
        forEach(args, path, group, null);
        return;
      case "collect":
        body.error(mi, Message.COLLECT_NOT_ASSIGNED);
        return;
      case "collected":
        body.error(mi, Message.COLLECTED_NOT_ASSIGNED);
        return;
      case "exitHandler":
        body.error(mi, Message.EXIT_HANDLER_NESTED);
        return;
      default:
        body.error(mi, Message.CONDITION_AS_STATEMENT, name);
    }
  }

  /**
   * {@code Dsl.when(c1, b1).orWhen(c2, b2)...otherwise(b)}: a chain of branches, as KFP 2's
   * {@code dsl.If}, {@code dsl.Elif} and {@code dsl.Else}; {@code last} is the call ending it.
   * The conditions are read where the chain is written.
   */
  private void branches(MethodInvocationTree last, TreePath lastPath, Group group) {
    Chain calls = chain(last, lastPath, Syntax::isDslWhen, "when");
    if (calls == null) {
      return;
    }
    Group chain = body.graph.branches(group);
    for (int i = 0; i < calls.calls().size(); i++) {
      Group branch = branch(calls.calls().get(i), calls.paths().get(i), chain, group);
      List<? extends ExpressionTree> args = calls.calls().get(i).getArguments();
      ExpressionTree lambda = args.get(args.size() - 1);
      statements.block(lambda, new TreePath(calls.paths().get(i), lambda), branch);
    }
  }

  /**
   * The branch of chain {@code chain} that {@code call} ({@code when}, {@code orWhen}, {@code otherwise}, or {@code
   * Dsl.oneOf}'s) adds, with its own name when it has one; its condition read in {@code group}, where the chain is written.
   */
  Group branch(MethodInvocationTree call, TreePath at, Group chain, Group group) {
    Group branch;
    if ("otherwise".equals(Syntax.methodName(call))) {
      branch = body.graph.otherwise(chain);
    } else {
      ExpressionTree c = call.getArguments().get(0);
      branch = body.graph.condition(chain, body.arguments.comparison(c, new TreePath(at, c), group));
    }
    branch.displayName(ownName(call, at));
    return branch;
  }

  /**
   * The own name of the group {@code call} makes, the {@code String} constant just before its lambda ({@code Dsl.when(c,
   * "big", () -> ...)}, {@code Dsl.forEach(xs, 2, "loop", x -> ...)}), KFP's {@code name='big'}: null when it has none, or
   * after an error on it (not a constant, or blank), as an exit handler's name. A condition's name written in an Argo
   * workflow, where it goes into the group's name as KFP v1 puts it, is letters, digits, '-' and '_', else an error on it.
   */
  String ownName(MethodInvocationTree call, TreePath path) {
    List<? extends ExpressionTree> args = call.getArguments();
    if (args.size() < 2 || !(body.trees.getElement(path) instanceof ExecutableElement m) || m.getParameters().size() != args.size()
        || !m.getParameters().get(args.size() - 2).asType().toString().equals("java.lang.String")) {
      return null;
    }
    ExpressionTree name = args.get(args.size() - 2);
    String method = m.getSimpleName().toString();
    if (body.constants.value(name, new TreePath(path, name)) instanceof String s && !s.isBlank()) {
      if (!method.equals("forEach") && !method.equals("collect") && body.graph.pipeline().writes(dev.kfp4j.processor.base.Format.ARGO)
          && (s.length() > 100 || !s.matches("[A-Za-z0-9_-]+"))) { // a condition's Argo group is condition-<name>-N
        body.error(name, Message.GROUP_NAME_ARGO, s);
      }
      return s;
    }
    String example = switch (method) {
      case "when" -> "a condition, Dsl.when(condition, \"big\", () -> { ... })";
      case "oneOf" -> "a branch, Dsl.oneOf(condition, \"big\", () -> t.output())";
      case "orWhen" -> "a branch, .orWhen(condition, \"small\", () -> ...)";
      case "otherwise" -> "a branch, .otherwise(\"other\", () -> ...)";
      case "collect" -> "a loop, Dsl.collect(items, \"loop\", item -> t(item).output())";
      default -> "a loop, Dsl.forEach(items, \"loop\", item -> { ... })";
    };
    body.error(name, Message.GROUP_NAME, example.substring(0, example.indexOf(',')), name, example.substring(example.indexOf(',') + 2));
    return null;
  }

  /** The calls of a chain of branches, first to last, with their paths. */
  record Chain(List<MethodInvocationTree> calls, List<TreePath> paths) {}

  /**
   * The calls of the chain that {@code last} ends, each a {@code link} ({@code orWhen}, {@code
   * otherwise}) on the one before, back to {@code Dsl.<first>(...)}; null after an error.
   */
  Chain chain(MethodInvocationTree last, TreePath lastPath, java.util.function.Predicate<ExecutableElement> link, String first) {
    List<MethodInvocationTree> calls = new ArrayList<>();
    List<TreePath> paths = new ArrayList<>();
    MethodInvocationTree mi = last;
    TreePath path = lastPath;
    while (true) {
      calls.add(0, mi);
      paths.add(0, path);
      if (!(body.trees.getElement(path) instanceof ExecutableElement m) || !link.test(m)) {
        break;
      }
      MemberSelectTree select = (MemberSelectTree) mi.getMethodSelect();
      ExpressionTree receiver = Syntax.unwrap(select.getExpression());
      TreePath receiverPath = Syntax.unwrap(new TreePath(new TreePath(path, select), select.getExpression()));
      if (!(receiver instanceof MethodInvocationTree r)) {
        body.error(select.getExpression(), Message.NOT_A_BRANCH_CHAIN, Syntax.firstLine(select.getExpression()));
        return null;
      }
      mi = r;
      path = receiverPath;
    }
    if (!(body.trees.getElement(path) instanceof ExecutableElement start) || !Syntax.isDsl(start)
        || !start.getSimpleName().contentEquals(first)) {
      body.error(mi, Message.NOT_A_BRANCH_CHAIN, Syntax.firstLine(mi));
      return null;
    }
    return new Chain(calls, paths);
  }

  /**
   * {@code Dsl.forEach(items, [parallelism,] [name,] item -> ...)}: the loop, its body read into it; null after an error. {@code
   * variable}, when not null, is the loop's variable ({@code var loop = Dsl.forEach(...)}), known before its body is
   * read, so that a task of the body waiting for it is told it is a cycle.
   */
  Group forEach(List<? extends ExpressionTree> args, TreePath path, Group group, Element variable) {
    Group loop = loop(args, path, group);
    if (loop != null) {
      if (variable != null) {
        body.loops.put(variable, loop);
      }
      ExpressionTree lambda = args.get(args.size() - 1);
      statements.block(lambda, new TreePath(path, lambda), loop);
      body.loopVariables.values().remove(loop);
    }
    return loop;
  }

  /**
   * {@code Dsl.collect(items, [parallelism,] [name,] item -> ...)}: a loop whose lambda returns an output of
   * a task it makes, collected as KFP 2's {@code dsl.Collected}; null after an error.
   */
  Argument collect(MethodInvocationTree mi, TreePath path, Group group) {
    List<? extends ExpressionTree> args = mi.getArguments();
    Group loop = loop(args, path, group);
    if (loop == null) {
      return null;
    }
    LambdaExpressionTree lambda = (LambdaExpressionTree) args.get(args.size() - 1);
    TreePath bodyPath = new TreePath(new TreePath(path, lambda), lambda.getBody());
    Argument collected = null;
    if (lambda.getBody() instanceof BlockTree b) {
      for (StatementTree s : b.getStatements()) {
        TreePath at = new TreePath(bodyPath, s);
        if (s instanceof ReturnTree r && r.getExpression() != null) {
          collected = collected(r.getExpression(), new TreePath(at, r.getExpression()), loop);
        } else {
          statements.statement(s, at, loop);
        }
      }
    } else {
      collected = collected((ExpressionTree) lambda.getBody(), bodyPath, loop);
    }
    body.loopVariables.values().remove(loop);
    return collected;
  }

  /**
   * What a {@code Dsl.collect} lambda returns: an output of a task of the loop's own body, a value or a file (an
   * artifact: collected, a list of artifacts); null after an error.
   */
  private Argument collected(ExpressionTree e, TreePath path, Group loop) {
    Argument.TaskOutput o = body.arguments.ownOutput(e, path, loop, Message.COLLECT_NOT_OUTPUT);
    if (o == null) {
      return null;
    }
    return new Argument.Collected(loop.name(), o.task(), o.output());
  }

  /**
   * The loop of {@code Dsl.forEach}/{@code Dsl.collect(items, [parallelism,] [name,] item -> ...)}, with its own name
   * when it has one, its item variable known to the body; null when the lambda is not one (an error said so).
   */
  private Group loop(List<? extends ExpressionTree> args, TreePath path, Group group) {
    int parallelism = 0;
    String name = path.getLeaf() instanceof MethodInvocationTree call ? ownName(call, path) : null;
    // Dsl.forEach(items, parallelism, [name,] body): an int before the lambda, or before the name
    if (body.trees.getElement(path) instanceof ExecutableElement m && m.getParameters().size() == args.size() && args.size() >= 3
        && m.getParameters().get(1).asType().getKind() == javax.lang.model.type.TypeKind.INT) {
      Object p = body.constants.value(args.get(1), new TreePath(path, args.get(1)));
      // an int, or what Java widens to one: (short) 3, a static final byte, 'a'
      Integer i = p instanceof Integer || p instanceof Short || p instanceof Byte ? Integer.valueOf(((Number) p).intValue())
          : p instanceof Character c ? Integer.valueOf(c) : null;
      if (i == null || i < 1) {
        body.error(args.get(1), Message.LOOP_PARALLELISM, args.get(1));
      } else {
        parallelism = i;
      }
    }
    int errors = body.reporter.errorCount();
    Loop.Items items = items(args.get(0), new TreePath(path, args.get(0)), group);
    boolean itemsFailed = body.reporter.errorCount() > errors;
    ExpressionTree lambda = args.get(args.size() - 1);
    TreePath lambdaPath = new TreePath(path, lambda);
    if (!(lambda instanceof LambdaExpressionTree l) || l.getParameters().size() != 1) {
      body.graph.loop(group, items, parallelism, null, Map.of(), body.at(args.get(0))).displayName(name);
      body.error(lambda, Message.NOT_A_LOOP_LAMBDA);
      return null;
    }
    Element item = body.trees.getElement(new TreePath(lambdaPath, l.getParameters().get(0)));
    Map<String, ParameterType> fieldTypes = new LinkedHashMap<>();
    ParameterType itemType = itemTypes(item.asType(), fieldTypes);
    Group loop = body.graph.loop(group, items, parallelism, itemType, fieldTypes, body.at(args.get(0)));
    loop.displayName(name);
    body.loopVariables.put(item, loop);
    if (itemsFailed) {
      body.failedVariables.add(item); // its fields are not reported again
    }
    if (body.usesFailedParameter(new TreePath(path, args.get(0)))) {
      body.failedParameters.add(item); // items of a parameter with an error: what uses them is no mistake of its own either
    }
    return loop;
  }

  /**
   * What a loop runs over: constant items written in the call, a list parameter or task output, a list field of an outer
   * loop's item, or a list {@code
   * Dsl.collect} made (of artifacts: KFP 2's {@code dsl.ParallelFor} over a list of artifacts).
   */
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
    tools.jackson.databind.JsonNode field = body.constants.fieldValue(path); // static final List<String> ITEMS = List.of(...)
    if (field != null && field.isArray()) {
      if (charInItems(path, tree)) { // static final List<Character> ITEMS = List.of('a', 'b')
        return new Loop.Constants(List.of());
      }
      List<Argument.Constant> values = new ArrayList<>();
      field.forEach(v -> values.add(v.isArray() || v.isObject() ? new Argument.Constant(dev.kfp4j.yaml.Yaml.jsonText(v),
          v.isArray() ? ParameterType.LIST : ParameterType.STRUCT) : Constants.constant(dev.kfp4j.yaml.Yaml.toPlain(v))));
      return new Loop.Constants(values);
    }
    if (!(e instanceof IdentifierTree || e instanceof MethodInvocationTree || e instanceof MemberSelectTree)) {
      // an expression (a ? xs : ys, a + b): not an argument to a task, but the loop's items
      body.error(tree, Message.NOT_LOOP_ITEMS);
      return new Loop.Constants(List.of());
    }
    Argument source = body.arguments.read(tree, path, group);
    if (source instanceof Argument.PipelineParameter p && body.graph.pipeline().parameter(p.name()) != null
        && body.graph.pipeline().parameter(p.name()).mayBeLeftOut()) {
      body.error(tree, Message.OPTIONAL_PARAMETER_USE, "a loop", p.name());
      return new Loop.Constants(List.of());
    }
    if (source instanceof Argument.PipelineParameter || source instanceof Argument.TaskOutput
        || source instanceof Argument.LoopItem item && item.field() != null) { // a list field of an outer item, dsl.ParallelFor(item.p_a)
      return new Loop.Over(source);
    }
    if (source instanceof Argument.Collected) { // the artifacts Dsl.collect collected; LoopItemsCheck refuses values
      return new Loop.Over(source);
    }
    if (source != null) {
      body.error(tree, Message.NOT_LOOP_ITEMS);
    }
    return new Loop.Constants(List.of());
  }

  /**
   * A constant loop item: a value, or a record, list or map built from constants (JSON, as KFP writes a list of dicts);
   * null after an error.
   */
  private Argument.Constant item(ExpressionTree item, TreePath path) {
    TreePath p = Syntax.unwrap(path);
    if (body.constants.buildsRecord(p) || body.constants.buildsCollection(p)) {
      tools.jackson.databind.JsonNode json = body.constants.itemJson(item, path);
      return json == null ? null : new Argument.Constant(dev.kfp4j.yaml.Yaml.jsonText(json),
          json.isArray() ? ParameterType.LIST : ParameterType.STRUCT);
    }
    Object v = body.constants.value(item, path);
    if (v == null) {
      if (!body.erroneous(p)) {
        body.error(item, Message.LOOP_ITEM_NOT_CONSTANT, item);
      }
      return null;
    }
    if (v instanceof Character c) { // List.of('a', 'b'): no KFP type; its item given to an int input would be "a"
      body.error(item, Message.LOOP_CHAR_ITEM, item, c, (int) c);
      return null;
    }
    return Constants.constant(v);
  }

  /**
   * Whether the value of the {@code static final} field {@code path} names ({@link Constants#fieldValue}) holds a char,
   * {@code static final List<Character> ITEMS = List.of('a', 'b')} or {@code List.of(new Item('a'))} of a record {@code
   * Item(char c)} (not of {@code Item(int n)}, whose {@code n} is 97), reported as {@link Message#LOOP_CHAR_ITEM} on {@code
   * use}, where the loop takes the field as its items: a char item would pass as its character, as one written in the call
   * would ({@link #item}).
   */
  private boolean charInItems(TreePath path, Tree use) {
    TreePath init = body.constants.initializer(path);
    CharValues.Found c = init == null ? null : body.chars.first(init, null); // a record's number component takes its number
    if (c != null) {
      body.error(use, Message.LOOP_CHAR_ITEM, c.tree(), c.value(), (int) c.value());
    }
    return c != null;
  }

  /** The parameter type of a loop item of Java type {@code type}, and of its fields when it is a record or a map. */
  private ParameterType itemTypes(TypeMirror type, Map<String, ParameterType> fieldTypes) {
    if (type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : ((TypeElement) d.asElement()).getRecordComponents()) {
        ParameterType t = parameterType(c.asType());
        if (t != null) { // a component of no KFP type (a char): Group.itemType gives null for it, as for one not put
          fieldTypes.put(c.getSimpleName().toString(), t);
        }
      }
    }
    if (type instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.util.Map")
        && d.getTypeArguments().size() == 2) { // item.get("a"): a value of the map's value type
      ParameterType values = parameterType(d.getTypeArguments().get(1));
      if (values != null) {
        fieldTypes.put(Group.MAP_VALUES, values);
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
}
