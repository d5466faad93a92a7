package dev.kfp4j.processor.javac;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.Loop;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.TaskBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a text joined with {@code +} from constants and values the run gives ({@code "heads and " + num.output() + " > 5!"}),
 * as KFP's compiler reads an f-string of pipeline channels ({@code f'heads and {num.output} > 5!'}): the text with each value's
 * placeholder, {@code heads and {{$.inputs.parameters['pipelinechannel--random-num-Output']}} > 5!}, and each value as an
 * input of the task's own, {@code pipelinechannel--random-num-Output}, named as KFP names it ({@link Channels}).
 */
final class TextReader {
  /** A joined text: the text given to the input, and the task's channel inputs it reads; null members after an error. */
  record Text(Argument.Constant text, Map<String, Argument> channels) {}

  private final Body body;

  TextReader(Body body) {
    this.body = body;
  }

  /**
   * Whether {@code tree} joins texts with {@code +} and is no constant javac folds (a constant is an argument as it is), or is
   * a {@code String} variable given such a text.
   */
  boolean isJoined(ExpressionTree tree, TreePath path) {
    ExpressionTree e = Syntax.unwrap(tree);
    if (e.getKind() == Tree.Kind.IDENTIFIER) {
      return body.textVariables.containsKey(body.trees.getElement(Syntax.unwrap(path)));
    }
    return e.getKind() == Tree.Kind.PLUS && isString(Syntax.unwrap(path)) && body.constants.value(tree, path) == null;
  }

  /** The text {@code tree} joins, read in {@code group}; a {@link Text} of nulls after an error (reported, or javac's). */
  Text read(ExpressionTree tree, TreePath path, Group group) {
    List<ExpressionTree> parts = new ArrayList<>();
    List<TreePath> paths = new ArrayList<>();
    flatten(Syntax.unwrap(tree), Syntax.unwrap(path), parts, paths);
    StringBuilder text = new StringBuilder();
    Map<String, Argument> channels = new LinkedHashMap<>();
    boolean failed = false;
    for (int i = 0; i < parts.size(); i++) {
      ExpressionTree part = parts.get(i);
      javax.lang.model.element.TypeElement ownText = body.constants.ownText(paths.get(i));
      if (ownText != null) {
        body.error(part, Message.ENUM_JOINED, part, ownText.getSimpleName(), part);
        failed = true;
        continue;
      }
      Object constant = body.constants.value(part, paths.get(i));
      if (constant != null) {
        text.append(constant);
        continue;
      }
      Argument a = body.arguments.read(part, paths.get(i), group);
      String name = a == null ? null : channel(part, a, group);
      if (name == null) {
        failed = true;
        continue;
      }
      channels.put(Channels.PREFIX + name, a);
      text.append(Channels.placeholder(Channels.PREFIX + name));
    }
    return failed ? new Text(null, null) : new Text(Argument.Constant.of(text.toString()), channels);
  }

  /** The operands of a chain of {@code +} on texts, left to right; a sum of numbers inside it ({@code 1 + 2 + "x"}) is one operand. */
  private void flatten(ExpressionTree e, TreePath path, List<ExpressionTree> parts, List<TreePath> paths) {
    TreePath text = e.getKind() == Tree.Kind.IDENTIFIER ? body.textVariables.get(body.trees.getElement(path)) : null;
    if (text != null) { // a String variable given a joined text: its initializer, where it is given
      flatten(Syntax.unwrap((ExpressionTree) text.getLeaf()), Syntax.unwrap(text), parts, paths);
      return;
    }
    if (e.getKind() == Tree.Kind.PLUS && isString(path) && body.constants.value(e, path) == null) {
      BinaryTree b = (BinaryTree) e;
      flatten(Syntax.unwrap(b.getLeftOperand()), Syntax.unwrap(new TreePath(path, b.getLeftOperand())), parts, paths);
      flatten(Syntax.unwrap(b.getRightOperand()), Syntax.unwrap(new TreePath(path, b.getRightOperand())), parts, paths);
      return;
    }
    parts.add(e);
    paths.add(path);
  }

  private boolean isString(TreePath path) {
    TypeMirror type = body.trees.getTypeMirror(path);
    return type != null && type.toString().equals("java.lang.String");
  }

  /** The name KFP's compiler gives the channel of {@code a} ({@code name}, {@code task-Output}, {@code loop-item-param-1}); null after an error. */
  private String channel(ExpressionTree part, Argument a, Group group) {
    if (a instanceof Argument.PipelineParameter p) {
      return p.name();
    }
    if (a instanceof Argument.TaskOutput o) {
      if (body.graph.step(o.task()) instanceof TaskBuilder producer && producer.component().outputIsArtifact(o.output())) {
        body.error(part, Message.TEXT_PART_FILE, Syntax.firstLine(part));
        return null;
      }
      return o.task() + "-" + o.output();
    }
    if (a instanceof Argument.LoopItem item) {
      String name = itemName(item.loop());
      return item.field() == null ? name : name + "-subvar-" + item.field();
    }
    body.error(part, Message.TEXT_PART, Syntax.firstLine(part));
    return null;
  }

  /** The name of a loop's item, as KFP 2's compiler names it: {@code loop-item-param-N}, or {@code <list>-loop-item}. */
  private String itemName(String loop) {
    Group g = body.loopVariables.values().stream().filter(l -> loop.equals(l.name())).findFirst().orElse(null);
    if (g != null && g.items() instanceof Loop.Over over) {
      if (over.source() instanceof Argument.PipelineParameter p) {
        return p.name() + "-loop-item";
      }
      if (over.source() instanceof Argument.TaskOutput o) {
        return o.task() + "-" + o.output() + "-loop-item";
      }
    }
    return Channels.loopItemParam(loop);
  }
}
