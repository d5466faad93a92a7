package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Small facts about trees and the methods they call. */
final class Syntax {
  static final String OP = "dev.kfp4j.dsl.Op";
  static final String PIPELINE = "dev.kfp4j.annotations.Pipeline";
  static final String OP_OUTPUT = "dev.kfp4j.dsl.Op.Output";
  static final String TASK = "dev.kfp4j.dsl.Task";
  static final String DSL = "dev.kfp4j.dsl.Dsl";
  /** Where {@code Dsl.runId()} and the run's other values are declared: {@code Dsl} inherits them. */
  static final String DSL_RUN_VALUES = "dev.kfp4j.dsl.RunValues";
  static final String DSL_WHEN = "dev.kfp4j.dsl.Dsl.When";
  static final String DSL_ONE_OF = "dev.kfp4j.dsl.Dsl.OneOf";
  static final String RESOURCE_TASK = "dev.kfp4j.dsl.ResourceTask";
  static final String IMPORTER_TASK = "dev.kfp4j.dsl.ImporterTask";
  static final String VOLUME_TASK = "dev.kfp4j.dsl.VolumeTask";
  static final String COMPONENT = "dev.kfp4j.annotations.Component";

  private Syntax() {}

  /** Parentheses and casts change nothing in the text KFP passes: the expression inside them. */
  static ExpressionTree unwrap(ExpressionTree e) {
    while (true) {
      if (e instanceof ParenthesizedTree p) {
        e = p.getExpression();
      } else if (e instanceof TypeCastTree c) {
        e = c.getExpression();
      } else {
        return e;
      }
    }
  }

  /** The path to the expression inside parentheses and casts. */
  static TreePath unwrap(TreePath path) {
    TreePath p = path;
    while (p.getLeaf() instanceof ParenthesizedTree || p.getLeaf() instanceof TypeCastTree) {
      Tree leaf = p.getLeaf();
      ExpressionTree inner = leaf instanceof ParenthesizedTree pt ? pt.getExpression() : ((TypeCastTree) leaf).getExpression();
      p = new TreePath(p, inner);
    }
    return p;
  }

  static boolean isNullLiteral(ExpressionTree e) {
    return unwrap(e) instanceof LiteralTree lit && lit.getValue() == null;
  }

  /** The name of the method {@code mi} calls, as written. */
  static String methodName(MethodInvocationTree mi) {
    ExpressionTree select = mi.getMethodSelect();
    if (select instanceof MemberSelectTree ms) {
      return ms.getIdentifier().toString();
    }
    if (select instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    return null;
  }

  /** The source of {@code t}, its first line, at most 60 characters. */
  static String firstLine(Tree t) {
    String s = t.toString().strip();
    int nl = s.indexOf('\n');
    s = nl < 0 ? s : s.substring(0, nl);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** {@code uniqueName(boolean)} of a volume ({@code Dsl.volume(...)}), its one setting of its own. */
  static boolean isVolumeSetting(ExecutableElement method) {
    return declaredIn(method, VOLUME_TASK) && method.getSimpleName().contentEquals("uniqueName");
  }

  static boolean declaredIn(ExecutableElement method, String qualifiedName) {
    return method.getEnclosingElement() instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName);
  }

  /** A static method of {@code Dsl}, its own or one it inherits ({@code Dsl.runId()}). */
  static boolean isDsl(ExecutableElement method) {
    return declaredIn(method, DSL) || declaredIn(method, DSL_RUN_VALUES);
  }

  /** {@code orWhen} or {@code otherwise}, chained on {@code Dsl.when}. */
  static boolean isDslWhen(ExecutableElement method) {
    return declaredIn(method, DSL_WHEN);
  }

  /** {@code Dsl.oneOf}, or {@code orWhen} or {@code otherwise} chained on it: branches that give a value. */
  static boolean isOneOf(ExecutableElement method) {
    return isDsl(method) && method.getSimpleName().contentEquals("oneOf") || declaredIn(method, DSL_ONE_OF);
  }

  /** {@code orWhen} or {@code otherwise}, chained on {@code Dsl.oneOf}. */
  static boolean isOneOfLink(ExecutableElement method) {
    return declaredIn(method, DSL_ONE_OF);
  }

  /** {@code Dsl.forEach}: a loop, which tasks after it may wait for. */
  static boolean isForEach(ExecutableElement method) {
    return isDsl(method) && method.getSimpleName().contentEquals("forEach");
  }

  /** {@code Dsl.collect}: a loop that gives its outputs. */
  static boolean isCollect(ExecutableElement method) {
    return isDsl(method) && method.getSimpleName().contentEquals("collect");
  }

  /** {@code Dsl.collected()}: a list that loops fill, KFP 2's {@code dsl.Collected} through nested loops. */
  static boolean isCollected(ExecutableElement method) {
    return isDsl(method) && method.getSimpleName().contentEquals("collected");
  }

  /** {@code Dsl.value(t.text())}: what a task wrote to a file output, read as a value. */
  static boolean isValueOfFile(ExecutableElement method) {
    return isDsl(method) && method.getSimpleName().contentEquals("value") && method.getParameters().size() == 1;
  }

  /** {@code Dsl.runId()}, {@code Dsl.runName()}, {@code Dsl.runStatus()} and the others of the kind: a value of the run; else null. */
  static Argument.RunValue runValue(ExecutableElement method, MethodInvocationTree call) {
    if (!isDsl(method) || !call.getArguments().isEmpty()) {
      return null;
    }
    return switch (method.getSimpleName().toString()) {
      case "runId" -> new Argument.RunValue(Argument.RunValue.Kind.RUN_ID);
      case "runName" -> new Argument.RunValue(Argument.RunValue.Kind.RUN_NAME);
      case "runStatus" -> new Argument.RunValue(Argument.RunValue.Kind.STATUS);
      case "runResourceName" -> new Argument.RunValue(Argument.RunValue.Kind.RESOURCE_NAME);
      case "runCreateTimeUtc", "runCreateTime" -> new Argument.RunValue(Argument.RunValue.Kind.CREATE_TIME);
      case "runScheduleTimeUtc", "runScheduleTime" -> new Argument.RunValue(Argument.RunValue.Kind.SCHEDULE_TIME);
      case "taskName" -> new Argument.RunValue(Argument.RunValue.Kind.TASK_NAME);
      case "taskId" -> new Argument.RunValue(Argument.RunValue.Kind.TASK_ID);
      default -> null;
    };
  }

  /** {@code Dsl.volume}, {@code Dsl.resource} or {@code Dsl.importer}: a step, not control flow. */
  static boolean isDslStep(ExecutableElement method) {
    String n = method.getSimpleName().toString();
    return isDsl(method) && (n.equals("volume") || n.equals("resource") || n.equals("importer"));
  }

  /** Whether {@code m} is {@code owner1.name1} or {@code owner2.name2}. */
  static boolean is(ExecutableElement m, String owner1, String name1, String owner2, String name2) {
    String name = m.getSimpleName().toString();
    return (declaredIn(m, owner1) && name.equals(name1)) || (declaredIn(m, owner2) && name.equals(name2));
  }
}
