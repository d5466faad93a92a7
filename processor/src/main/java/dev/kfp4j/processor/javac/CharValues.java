package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The chars of a constant record, list or map ({@code List.of('a', 'b')}, {@code new Item('x')}, or a {@code static final}
 * field built so) that Java passes as chars where a task would read something else. KFP has no char type: a constant passes
 * as JSON, where a char is its one-character text, which only a {@code char} or {@code Character} reads back as the char
 * Java passes (kfp4j's entrypoint does). A char given to a record's component of a number type is no char: Java widens it
 * to the number, which is what {@link Constants} writes.
 */
final class CharValues {
  /** A char as written ({@code tree}) and its value. */
  record Found(ExpressionTree tree, char value) {}

  private final Body body;

  CharValues(Body body) {
    this.body = body;
  }

  /**
   * The first char of the constant at {@code path} (as written, inside parentheses and casts) that the task would not read
   * as a char: where the type {@code receiver} takes it (the parameter it is given to, null when nothing reads a char, as a
   * loop's item, whose fields are given to inputs one by one) is no {@code char} or {@code Character}. Null when none is.
   */
  Found first(TreePath path, TypeMirror receiver) {
    TreePath p = Syntax.unwrap(path);
    if (body.constants.buildsRecord(p)) {
      ExecutableElement constructor = (ExecutableElement) body.trees.getElement(p);
      List<? extends VariableElement> parameters = constructor.getParameters();
      // the record read back as itself: each component as its type; read as anything else (an Object), as a map of texts
      boolean asItself = receiver instanceof DeclaredType d && d.asElement().equals(constructor.getEnclosingElement());
      List<? extends ExpressionTree> args = ((NewClassTree) p.getLeaf()).getArguments();
      for (int i = 0; i < args.size() && i < parameters.size(); i++) {
        TypeMirror component = parameters.get(i).asType();
        if (isNumber(component)) {
          continue; // new Item('a') of record Item(int n): Java passes 97
        }
        Found c = first(new TreePath(p, args.get(i)), asItself ? component : null);
        if (c != null) {
          return c;
        }
      }
      return null;
    }
    if (body.constants.buildsCollection(p)) {
      ExecutableElement m = (ExecutableElement) body.trees.getElement(p);
      boolean map = Syntax.declaredIn(m, "java.util.Map");
      List<? extends ExpressionTree> args = ((MethodInvocationTree) p.getLeaf()).getArguments();
      for (int i = 0; i < args.size(); i++) {
        Found c = first(new TreePath(p, args.get(i)), typeArgument(receiver, map ? i % 2 : 0, map ? 2 : 1));
        if (c != null) {
          return c;
        }
      }
      return null;
    }
    if (p.getLeaf() instanceof MethodInvocationTree) {
      return null; // LocalDate.parse("..."): text
    }
    ExpressionTree tree = (ExpressionTree) path.getLeaf();
    return body.constants.value(tree, path) instanceof Character c && !readsChar(receiver) ? new Found(tree, c) : null;
  }

  /** Whether {@code type} is a primitive number type, to which Java widens a char. */
  static boolean isNumber(TypeMirror type) {
    return type != null && type.getKind().isPrimitive() && type.getKind() != TypeKind.BOOLEAN && type.getKind() != TypeKind.CHAR;
  }

  private static boolean readsChar(TypeMirror type) {
    return type != null && (type.getKind() == TypeKind.CHAR || type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Character"));
  }

  /**
   * The type argument {@code index} of {@code type} when it has {@code count} of them ({@code List<Character>}'s element,
   * {@code Map<String, Character>}'s value), a wildcard as its upper bound; null when there is none ({@code Object}, {@code ?}).
   */
  private static TypeMirror typeArgument(TypeMirror type, int index, int count) {
    if (!(type instanceof DeclaredType d) || d.getTypeArguments().size() != count) {
      return null;
    }
    TypeMirror t = d.getTypeArguments().get(index);
    return t instanceof WildcardType w ? w.getExtendsBound() : t;
  }
}
