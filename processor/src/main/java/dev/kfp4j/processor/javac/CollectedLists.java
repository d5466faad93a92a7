package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.StepBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * The lists {@code Dsl.collected()} gives ({@code List<Path> doubled = Dsl.collected();}), KFP 2's {@code dsl.Collected} of a
 * task in nested loops or under conditions inside a loop: the one {@code doubled.add(t.out())} inside loops under the
 * declaration makes the list {@link Argument.Collected} of that output from the outermost of those loops, and a read of the
 * list after that loop is that argument. Each misuse is one error where it is written: an add of no output of a task made
 * beside it, a second add, an add in no loop, a loop the reads cannot see, a read before or inside the loop that fills it,
 * a list never added to, another method of the list.
 */
final class CollectedLists {
  /** A read of a list before its add was read: an error once the add says where the loop is, or that there is none. */
  private record Early(Tree tree, Group site) {}

  /** One list: where it is declared, and what it collects once its add is read (null before, and after an error). */
  private static final class Declared {
    final VariableTree declaration;
    final Group scope;
    Argument.Collected collected;
    Group loop;
    boolean failed;
    final List<Early> early = new ArrayList<>();

    Declared(VariableTree declaration, Group scope) {
      this.declaration = declaration;
      this.scope = scope;
    }
  }

  private final Body body;
  private final Map<Element, Declared> lists = new LinkedHashMap<>();

  CollectedLists(Body body) {
    this.body = body;
  }

  /** Whether {@code init}, at {@code path}, is {@code Dsl.collected()}. */
  boolean isCollected(ExpressionTree init, TreePath path) {
    return Syntax.unwrap(init) instanceof MethodInvocationTree
        && body.trees.getElement(Syntax.unwrap(path)) instanceof ExecutableElement m && Syntax.isCollected(m);
  }

  /** Whether {@code variable} is a list {@code Dsl.collected()} gave. */
  boolean isList(Element variable) {
    return variable != null && lists.containsKey(variable);
  }

  /** {@code List<V> xs = Dsl.collected();}, declared in {@code scope}. */
  void declare(Element variable, VariableTree declaration, Group scope) {
    Declared list = new Declared(declaration, scope);
    lists.put(variable, list);
    if (body.graph.pipeline().writes(Format.ARGO) && !body.graph.pipeline().takesStatus()) {
      body.error(declaration, FormatMessage.ARGO_COLLECTED_LIST);
      list.failed = true;
    }
  }

  /**
   * A call on a list as a statement in {@code group}: {@code xs.add(t.out())}, its add, or another method, an error. False when
   * {@code mi} calls nothing on a list.
   */
  boolean statement(MethodInvocationTree mi, TreePath path, Group group) {
    if (!(mi.getMethodSelect() instanceof MemberSelectTree select) || !(Syntax.unwrap(select.getExpression()) instanceof IdentifierTree)) {
      return false;
    }
    Element variable = body.trees.getElement(Syntax.unwrap(new TreePath(new TreePath(path, select), select.getExpression())));
    Declared list = lists.get(variable);
    if (list == null) {
      return false;
    }
    if (!select.getIdentifier().contentEquals("add") || mi.getArguments().size() != 1) {
      method(mi, select.getExpression(), select.getIdentifier().toString());
      return true;
    }
    ExpressionTree value = mi.getArguments().get(0);
    Argument a = body.arguments.read(value, new TreePath(path, value), group);
    if (a == null) {
      list.failed = true; // an error said why; its reads say nothing more
      return true;
    }
    StepBuilder producer = a instanceof Argument.TaskOutput o ? body.graph.step(o.task()) : null;
    String name = select.getExpression().toString();
    if (producer == null || producer.group() != group) {
      body.error(value, Message.COLLECTED_ADD_NOT_OUTPUT, name, Syntax.firstLine(value), name);
      list.failed = true;
      return true;
    }
    if (list.collected != null || list.failed) {
      if (list.collected != null) {
        body.error(mi, Message.COLLECTED_ADDED_TWICE, name, list.collected.task(), list.collected.output(), name);
      }
      return true;
    }
    added(list, (Argument.TaskOutput) a, mi, name, group);
    return true;
  }

  /** The add of {@code output} to {@code list} in {@code site}: what the list collects, from the outermost loop under its declaration. */
  private void added(Declared list, Argument.TaskOutput output, MethodInvocationTree add, String name, Group site) {
    Group outermost = null;
    Group branch = null; // a chain of branches between the add and the outermost loop
    Group chain = null;
    for (Group g = site; g != null && g != list.scope; g = g.parent()) {
      if (g.kind() == Group.Kind.BRANCHES && chain == null) {
        chain = g;
      } else if (g.kind() == Group.Kind.LOOP) {
        outermost = g;
        branch = chain;
      }
    }
    list.failed = true;
    if (outermost == null) {
      body.error(add, Message.COLLECTED_ADD_NOT_IN_LOOP, name, Syntax.firstLine(add.getArguments().get(0)));
    } else if (branch != null) {
      body.error(add, Message.COLLECTED_ADD_IN_BRANCH, name, branch.name());
    } else if (outermost.parent() != list.scope) {
      body.error(add, Message.COLLECTED_LOOP_HIDDEN, outermost.name(), name, outermost.parent().name(), name);
    } else {
      list.failed = false;
      list.loop = outermost;
      list.collected = new Argument.Collected(outermost.name(), output.task(), output.output());
      for (Early read : list.early) {
        early(read.tree(), name, read.site().within(outermost));
      }
      return;
    }
    list.early.clear(); // the add's error says it all
  }

  private void early(Tree read, String name, boolean inside) {
    body.error(read, Message.COLLECTED_READ_EARLY, name, inside ? "inside the loop that fills it" : "before the loop that fills it");
  }

  /** A method of a list other than its one add, an error on {@code mi}. */
  void method(MethodInvocationTree mi, ExpressionTree list, String method) {
    body.error(mi, Message.COLLECTED_LIST_METHOD, Syntax.firstLine(mi), method, list);
  }

  /**
   * What list {@code variable}, read by {@code tree} in {@code site}, passes: the outputs its loop collects; null after an error,
   * or before its add (an error once the add is read, or at the end, says why).
   */
  Argument read(Tree tree, Element variable, Group site) {
    Declared list = lists.get(variable);
    if (list.failed) {
      return null;
    }
    if (list.collected == null) {
      list.early.add(new Early(tree, site));
      body.graph.markIncomplete();
      return null;
    }
    if (site.within(list.loop)) {
      early(tree, tree.toString(), true);
      return null;
    }
    return list.collected;
  }

  /** The body is read: a list never added to is an error on its declaration. */
  void finish() {
    lists.values().forEach(list -> {
      if (list.collected == null && !list.failed) {
        body.error(list.declaration, Message.COLLECTED_NEVER_ADDED, list.declaration.getName(), list.declaration.getName());
      }
    });
  }
}
