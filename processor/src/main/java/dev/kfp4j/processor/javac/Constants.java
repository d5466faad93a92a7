package dev.kfp4j.processor.javac;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Constants: the value of a literal, a constant field, an enum constant or a constant expression of these as Java folds it
 * ({@code 60 * 1000}, {@code Dsl.WORKSPACE_PATH + "/data"}), and the KFP constant it passes as ({@code 3}, {@code True}, JSON for {@code
 * List.of}/{@code Map.of} of constants and for records built from constants).
 */
final class Constants {
  private final Body body;
  private final Trees trees;

  Constants(Body body) {
    this.body = body;
    this.trees = body.trees;
  }

  /**
   * The value of {@code tree} (at {@code path}, or inside parentheses and casts there), or null when it is not a constant: a
   * literal, a constant field, an enum constant (its name), a JDK value type's factory of a constant ({@link #text}), or
   * a constant expression of these as Java folds it ({@link ConstantFolding}: {@code 60 * 1000}, {@code (long) 5}, {@code
   * MAX - 1}, {@code "x" + 1.0}).
   */
  Object value(ExpressionTree tree, TreePath path) {
    TreePath at = path;
    while (at != null && at.getLeaf() != tree) { // the caller's path may be inside the casts written around tree
      at = at.getParentPath();
    }
    return fold(at == null ? path : at);
  }

  private Object fold(TreePath path) {
    Tree e = path.getLeaf();
    if (e instanceof ParenthesizedTree p) {
      return fold(new TreePath(path, p.getExpression()));
    }
    if (e instanceof TypeCastTree c) { // (long) 5, (int) 2.5; a cast to another reference type passes the value as it is
      Object v = fold(new TreePath(path, c.getExpression()));
      TypeMirror type = trees.getTypeMirror(path);
      return v == null || type == null || !type.getKind().isPrimitive() ? v : ConstantFolding.convert(v, type);
    }
    if (e instanceof LiteralTree lit) {
      return lit.getValue();
    }
    if (e instanceof UnaryTree u) {
      Object v = fold(new TreePath(path, u.getExpression()));
      TypeMirror type = trees.getTypeMirror(path);
      return v == null || type == null ? null : ConstantFolding.unary(u.getKind(), v, type);
    }
    if (e instanceof BinaryTree b) { // 60 * 1000, Dsl.WORKSPACE_PATH + "/data", as Java folds them
      if (b.getKind() == Tree.Kind.PLUS
          && (ownText(new TreePath(path, b.getLeftOperand())) != null || ownText(new TreePath(path, b.getRightOperand())) != null)) {
        return null; // "x" + E.A joins E.A's toString(), which kfp4j does not know
      }
      Object left = fold(new TreePath(path, b.getLeftOperand()));
      Object right = left == null ? null : fold(new TreePath(path, b.getRightOperand()));
      TypeMirror type = trees.getTypeMirror(path);
      return right == null || type == null ? null : ConstantFolding.binary(b.getKind(), left, right, type);
    }
    if (e instanceof ConditionalExpressionTree c) {
      Object condition = fold(new TreePath(path, c.getCondition()));
      Object yes = fold(new TreePath(path, c.getTrueExpression()));
      Object no = fold(new TreePath(path, c.getFalseExpression()));
      TypeMirror type = trees.getTypeMirror(path);
      return condition instanceof Boolean pick && yes != null && no != null && type != null
          ? ConstantFolding.convert(pick ? yes : no, type) : null;
    }
    if (e instanceof MethodInvocationTree mi) {
      return text(mi, path);
    }
    if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
      Element el = trees.getElement(path);
      if (el instanceof VariableElement v) {
        if (v.getKind() == ElementKind.ENUM_CONSTANT) {
          return v.getSimpleName().toString();
        }
        return v.getConstantValue();
      }
    }
    return null;
  }

  /**
   * The enum whose constant {@code path} is (inside parentheses) when that enum declares a {@code toString()} of its own: joined
   * to a text ({@code "x" + E.A}) Java writes what that method gives, not the constant's name, which is what kfp4j passes of
   * an enum constant (or the constant's own body declares one, seen in a source compiled now); null for any other expression,
   * or an enum without one.
   */
  TypeElement ownText(TreePath path) {
    path = Syntax.unwrap(path);
    if (!(path.getLeaf() instanceof IdentifierTree || path.getLeaf() instanceof MemberSelectTree)
        || !(trees.getElement(path) instanceof VariableElement v) || v.getKind() != ElementKind.ENUM_CONSTANT
        || !(v.getEnclosingElement() instanceof TypeElement type)) {
      return null;
    }
    boolean declares = type.getEnclosedElements().stream().anyMatch(m -> m instanceof ExecutableElement x
        && x.getSimpleName().contentEquals("toString") && x.getParameters().isEmpty());
    // or the constant's own body does, A { public String toString() { ... } } (seen in a source of this compilation)
    boolean own = trees.getTree(v) instanceof VariableTree vt && vt.getInitializer() instanceof NewClassTree nc
        && nc.getClassBody() != null && nc.getClassBody().getMembers().stream().anyMatch(m -> m instanceof com.sun.source.tree.MethodTree x
            && x.getName().contentEquals("toString") && x.getParameters().isEmpty());
    return declares || own ? type : null;
  }

  /**
   * The integer division or remainder by a constant zero in the operators at {@code path} ({@code 1 / 0}, {@code MAX % (MAX -
   * MAX)}), both of its operands constants: what keeps Java from folding an expression of constants (JLS 15.29); null when none.
   */
  ExpressionTree divisionByZero(TreePath path) {
    Tree e = path.getLeaf();
    List<? extends ExpressionTree> parts;
    if (e instanceof BinaryTree b) {
      TypeMirror type = trees.getTypeMirror(path);
      if ((b.getKind() == Tree.Kind.DIVIDE || b.getKind() == Tree.Kind.REMAINDER) && type != null
          && (type.getKind() == javax.lang.model.type.TypeKind.INT || type.getKind() == javax.lang.model.type.TypeKind.LONG)
          && fold(new TreePath(path, b.getLeftOperand())) != null
          && ConstantFolding.convert(fold(new TreePath(path, b.getRightOperand())), javax.lang.model.type.TypeKind.LONG) instanceof Long zero
          && zero == 0) {
        return b;
      }
      parts = List.of(b.getLeftOperand(), b.getRightOperand());
    } else if (e instanceof ParenthesizedTree p) {
      parts = List.of(p.getExpression());
    } else if (e instanceof TypeCastTree c) {
      parts = List.of(c.getExpression());
    } else if (e instanceof UnaryTree u) {
      parts = List.of(u.getExpression());
    } else if (e instanceof ConditionalExpressionTree c) {
      parts = List.of(c.getCondition(), c.getTrueExpression(), c.getFalseExpression());
    } else {
      return null;
    }
    for (ExpressionTree part : parts) {
      ExpressionTree found = divisionByZero(new TreePath(path, part));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * The text of a value of one of the JDK's types passed as text ({@code dev.kfp4j.entrypoint.TextTypes}) made from a constant
   * by its own factory, {@code LocalDate.parse("2024-01-31")}, {@code Duration.parse("PT15M")}, {@code
   * UUID.fromString("...")}, {@code URI.create("s3://b/x")}: the text, checked as the task will read it (an error on the call
   * when it does not parse); null for any other call.
   */
  private Object text(MethodInvocationTree mi, TreePath path) {
    if (!(trees.getElement(path) instanceof ExecutableElement m) || !m.getModifiers().contains(Modifier.STATIC)
        || mi.getArguments().size() != 1 || !(m.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    Class<?> type = dev.kfp4j.entrypoint.TextTypes.named(owner.getQualifiedName().toString());
    String name = m.getSimpleName().toString();
    if (type == null || !(name.equals("parse") || name.equals("fromString") || name.equals("create"))) {
      return null;
    }
    ExpressionTree arg = mi.getArguments().get(0);
    if (!(value(arg, new TreePath(path, arg)) instanceof String text)) {
      return null;
    }
    String problem = dev.kfp4j.entrypoint.TextTypes.problem(text, type);
    if (problem != null) {
      body.error(mi, Message.BAD_TEXT_CONSTANT, mi, problem,
          owner.getSimpleName() + "." + name + "(\"" + dev.kfp4j.entrypoint.TextTypes.example(type) + "\")");
    }
    return text;
  }

  /**
   * The value of a {@code static final} field that is no compile-time constant but is built from constants in the
   * pipeline's own class (or one nested in it: the classes javac analyses with the pipeline's body), {@code static final
   * List<String> ITEMS = List.of("x", "y");}, a {@code Map.of} or a record: its JSON, as {@link #itemJson} reads it written in place; null for anything else, or when a part of
   * the initializer is none (nothing reported: the caller reports on the use, {@link Message#FIELD_NOT_CONSTANT}).
   */
  JsonNode fieldValue(TreePath path) {
    TreePath init = initializer(path);
    return init == null ? null : json((ExpressionTree) init.getLeaf(), init, null);
  }

  /**
   * The initializer of the {@code static final} field {@code path} names when {@link #fieldValue} reads it: a record,
   * list or map built in the pipeline's own class (unwrapped); null for any other.
   */
  TreePath initializer(TreePath path) {
    path = Syntax.unwrap(path);
    if (!(path.getLeaf() instanceof IdentifierTree || path.getLeaf() instanceof MemberSelectTree)
        || !(trees.getElement(path) instanceof VariableElement v) || !isStaticFinalField(v) || v.getConstantValue() != null) {
      return null;
    }
    if (!outermost(v).equals(outermost(body.graph.pipeline().element()))) {
      return null; // javac has lowered another class's tree already, or not attributed it yet
    }
    TreePath field = trees.getPath(v);
    if (field == null || !(field.getLeaf() instanceof VariableTree vt) || vt.getInitializer() == null) {
      return null; // compiled earlier (a jar): only its compile-time constant value is known
    }
    TreePath init = Syntax.unwrap(new TreePath(field, vt.getInitializer()));
    return buildsRecord(init) || buildsCollection(init) ? init : null;
  }

  private static Element outermost(Element e) {
    while (e.getEnclosingElement() != null && e.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e;
  }

  /** Whether {@code v} is a {@code static final} field (an enum constant is one too, but read as its name). */
  static boolean isStaticFinalField(VariableElement v) {
    return v.getKind() == ElementKind.FIELD && v.getModifiers().contains(Modifier.STATIC) && v.getModifiers().contains(Modifier.FINAL);
  }

  /** {@code value} as a KFP constant: its text and the type of the Java value. */
  static Argument.Constant constant(Object value) {
    return new Argument.Constant(text(value), type(value));
  }

  /** The KFP text of a constant: {@code 3}, {@code 0.5}, {@code True}, text as is. */
  static String text(Object value) {
    return value instanceof Character c ? c.toString() : KfpValues.format(value);
  }

  static ParameterType type(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ParameterType.INTEGER;
    }
    if (value instanceof Float || value instanceof Double) {
      return ParameterType.FLOAT;
    }
    if (value instanceof Boolean) {
      return ParameterType.BOOLEAN;
    }
    if (value instanceof List<?>) {
      return ParameterType.LIST;
    }
    if (value instanceof Map<?, ?>) {
      return ParameterType.STRUCT;
    }
    return ParameterType.STRING;
  }

  /**
   * {@code List.of(...)} or {@code Map.of(...)} of constants as a JSON constant; null after an
   * error when an element is not a constant.
   */
  Argument.Constant collection(MethodInvocationTree mi, TreePath path, ExecutableElement method) {
    List<Object> values = new ArrayList<>();
    for (ExpressionTree item : mi.getArguments()) {
      TreePath itemPath = new TreePath(path, item);
      TreePath p = Syntax.unwrap(itemPath);
      if (buildsRecord(p) || buildsCollection(p)) { // Map.of("xs", List.of(1, 2)), List.of(new Point(1, 2))
        JsonNode json = json(item, itemPath, Message.COLLECTION_NOT_CONSTANT);
        if (json == null) {
          return null;
        }
        values.add(Yaml.toPlain(json));
        continue;
      }
      Object v = value(item, itemPath);
      if (v == null) {
        if (!body.erroneous(p)) {
          body.error(item, Message.COLLECTION_NOT_CONSTANT, item);
        }
        return null;
      }
      values.add(v);
    }
    if (!Syntax.declaredIn(method, "java.util.Map")) {
      return new Argument.Constant(KfpValues.format(values), ParameterType.LIST);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < values.size(); i += 2) {
      map.put(values.get(i).toString(), values.get(i + 1));
    }
    return new Argument.Constant(KfpValues.format(map), ParameterType.STRUCT);
  }

  /** Whether {@code m} is {@code List.of} or {@code Map.of}. */
  static boolean isCollection(ExecutableElement m) {
    return Syntax.is(m, "java.util.List", "of", "java.util.Map", "of");
  }

  /** Whether {@code path} is {@code new R(...)} of a record {@code R}. */
  boolean buildsRecord(TreePath path) {
    return path.getLeaf() instanceof NewClassTree
        && trees.getElement(path) instanceof ExecutableElement c && c.getEnclosingElement().getKind() == ElementKind.RECORD;
  }

  /**
   * A record built from constants ({@link #buildsRecord}), such as a loop item {@code new Item(1,
   * "a")}: a JSON object of its components' values ({@link #itemJson}), in component order; null
   * after an error when a component is not a constant.
   */
  Argument.Constant record(TreePath path) {
    JsonNode fields = recordJson(path, Message.COLLECTION_NOT_CONSTANT);
    return fields == null ? null : new Argument.Constant(KfpValues.format(Yaml.toPlain(fields)), ParameterType.STRUCT);
  }

  /** Whether {@code path} is {@code List.of}, {@code Arrays.asList} or {@code Map.of}: a list or map a loop item holds. */
  boolean buildsCollection(TreePath path) {
    return path.getLeaf() instanceof MethodInvocationTree && trees.getElement(path) instanceof ExecutableElement m
        && (Syntax.is(m, "java.util.List", "of", "java.util.Arrays", "asList") || Syntax.declaredIn(m, "java.util.Map")
            && m.getSimpleName().contentEquals("of"));
  }

  /**
   * A constant loop item's value as JSON, as KFP writes a loop's items ({@code [{"a": 1, "xs": [1, 2]}]}): a constant
   * ({@link #json(Object)}), {@code List.of}/{@code Arrays.asList} of such values (an array), {@code Map.of} of such
   * values (an object, its keys as text, in the order written) or a record built from them; null after an error on the
   * part that is none.
   */
  JsonNode itemJson(ExpressionTree tree, TreePath path) {
    return json(tree, path, Message.LOOP_FIELD_NOT_CONSTANT);
  }

  /**
   * What {@link #nested} makes of the parts it walks: a part that is no {@code List.of}/{@code Arrays.asList}/{@code Map.of}
   * (a leaf), and a list or a map of the parts made.
   */
  interface Shape<T> {
    /** Whether to make nothing (null) of the part at {@code path} (unwrapped), before looking at it. */
    default boolean stop(TreePath path) {
      return false;
    }

    /** A part that is no list or map ({@code tree} at {@code path}, both as written); null after an error. */
    T leaf(ExpressionTree tree, TreePath path);

    /** A {@code List.of} or {@code Arrays.asList} of the parts made. */
    T list(List<T> parts);

    /** A {@code Map.of} of the parts made: its keys and values, one after the other. */
    T map(List<T> parts);
  }

  /**
   * {@code tree} at {@code path}: {@code List.of}/{@code Arrays.asList}/{@code Map.of} of such values at any depth, or a leaf, made
   * by {@code shape}; null when a part is null (after an error on it).
   */
  <T> T nested(ExpressionTree tree, TreePath path, Shape<T> shape) {
    TreePath p = Syntax.unwrap(path);
    if (shape.stop(p)) {
      return null;
    }
    if (!buildsCollection(p)) {
      return shape.leaf(tree, path);
    }
    List<T> parts = new ArrayList<>();
    for (ExpressionTree a : ((MethodInvocationTree) p.getLeaf()).getArguments()) {
      T v = nested(a, new TreePath(p, a), shape);
      if (v == null) {
        return null;
      }
      parts.add(v);
    }
    return Syntax.declaredIn((ExecutableElement) trees.getElement(p), "java.util.Map") ? shape.map(parts) : shape.list(parts);
  }

  /** {@link #itemJson}, with {@code notConstant} on a part that is no constant (null: nothing reported). */
  private JsonNode json(ExpressionTree tree, TreePath path, Message notConstant) {
    return nested(tree, path, new Shape<JsonNode>() {
      @Override
      public JsonNode leaf(ExpressionTree leaf, TreePath at) {
        TreePath p = Syntax.unwrap(at);
        if (buildsRecord(p)) {
          return recordJson(p, notConstant);
        }
        Object v = value(leaf, at);
        if (v == null) {
          if (notConstant != null && !body.erroneous(p)) {
            body.error(leaf, notConstant, leaf);
          }
          return null;
        }
        if (v instanceof Character c && notConstant == Message.LOOP_FIELD_NOT_CONSTANT) { // List.of('a', 'b'), new Item('a')
          body.error(leaf, Message.LOOP_CHAR_ITEM, leaf, c, (int) c);
          return null;
        }
        return json(v);
      }

      @Override
      public JsonNode list(List<JsonNode> parts) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        parts.forEach(list::add);
        return list;
      }

      @Override
      public JsonNode map(List<JsonNode> parts) {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
          JsonNode key = parts.get(i);
          map.set(key.isString() ? key.asString() : key.toString(), parts.get(i + 1));
        }
        return map;
      }
    });
  }

  /**
   * {@link #record}'s fields as a JSON object, a char given to a component of a number type as the number Java widens it
   * to, a float given to a double as that double ({@link ConstantFolding#widened}); null after an error.
   */
  private JsonNode recordJson(TreePath path, Message notConstant) {
    NewClassTree nc = (NewClassTree) path.getLeaf();
    TypeElement record = (TypeElement) trees.getElement(path).getEnclosingElement();
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    List<? extends VariableElement> parameters = ((ExecutableElement) trees.getElement(path)).getParameters();
    boolean canonical = parameters.size() == components.size();
    for (int i = 0; canonical && i < parameters.size(); i++) {
      canonical = parameters.get(i).asType().toString().equals(components.get(i).asType().toString())
          && parameters.get(i).getSimpleName().equals(components.get(i).getSimpleName());
    }
    if (!canonical) {
      if (notConstant == null) {
        return null;
      }
      body.error(nc, Message.LOOP_ITEM_NOT_CANONICAL, record.getSimpleName(), record.getSimpleName(),
          String.join(", ", components.stream().map(c -> c.getSimpleName().toString()).toList()));
      return null;
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < nc.getArguments().size() && i < components.size(); i++) {
      ExpressionTree a = nc.getArguments().get(i);
      TypeMirror type = parameters.get(i).asType(); // new Item('a') of record Item(int n): Java widens the char to 97
      Object widened = CharValues.isNumber(type) ? ConstantFolding.widened(value(a, new TreePath(path, a)), type) : null;
      JsonNode v = widened != null ? json(widened) : json(a, new TreePath(path, a), notConstant);
      if (v == null) {
        return null;
      }
      fields.set(components.get(i).getSimpleName().toString(), v);
    }
    return fields;
  }

  /**
   * A record component's value as KFP 2's loop items carry it: a number, a boolean or text, as the
   * KFP SDK writes {@code ParallelFor([{"a": 1}])}; KFP 2's driver refuses text given to a number
   * input. Non-finite numbers, which JSON has no form for, stay their KFP text.
   */
  private static JsonNode json(Object v) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return nodes.numberNode(((Number) v).longValue());
    }
    if (v instanceof Float || v instanceof Double) {
      double d = v instanceof Float f ? Double.parseDouble(Float.toString(f)) : (Double) v;
      return Double.isFinite(d) ? nodes.numberNode(d) : nodes.stringNode(text(v));
    }
    if (v instanceof Boolean b) {
      return nodes.booleanNode(b);
    }
    return nodes.stringNode(text(v));
  }
}
