package dev.kfp4j.processor.javac;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.spec.OutputSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads {@code var v = Dsl.oneOf(c1, () -> a.output()).orWhen(c2, () -> ...).otherwise(() -> ...)}:
 * a chain of branches, as {@code Dsl.when}'s, each of whose lambdas gives an output of a task it
 * makes, all of one KFP type (values, or files of one type); the variable stands for the output of the branch that ran, as KFP
 * 2's {@code dsl.OneOf}.
 */
final class OneOfReader {
  private final Body body;
  private final BodyReader statements;
  private final GroupReader groups;

  OneOfReader(Body body, BodyReader statements, GroupReader groups) {
    this.body = body;
    this.statements = statements;
    this.groups = groups;
  }

  /** The chain that {@code last} (a call of {@code method}) ends, read into {@code group}; null after an error. */
  Argument read(MethodInvocationTree last, TreePath lastPath, ExecutableElement method, Group group) {
    if (!Syntax.isOneOfLink(method) || !method.getSimpleName().contentEquals("otherwise")) {
      body.error(last, Message.ONE_OF_WITHOUT_OTHERWISE, Syntax.firstLine(last));
      return null;
    }
    GroupReader.Chain calls = groups.chain(last, lastPath, Syntax::isOneOfLink, "oneOf");
    if (calls == null) {
      return null;
    }
    Group chain = body.graph.branches(group);
    List<Argument.TaskOutput> outputs = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < calls.calls().size(); i++) {
      List<? extends ExpressionTree> args = calls.calls().get(i).getArguments();
      TreePath at = calls.paths().get(i);
      Group branch = groups.branch(calls.calls().get(i), at, chain, group);
      ExpressionTree lambda = args.get(args.size() - 1);
      Argument.TaskOutput o = branch(lambda, new TreePath(at, lambda), branch);
      if (o == null || !sameType(o, outputs.isEmpty() ? null : outputs.get(0), lambda)) {
        failed = true;
      } else {
        outputs.add(o);
      }
    }
    return failed ? null : new Argument.OneOf(chain.name(), outputs);
  }

  /** A branch's lambda: its tasks, and the output it gives; null after an error. */
  private Argument.TaskOutput branch(ExpressionTree tree, TreePath path, Group branch) {
    if (!(tree instanceof LambdaExpressionTree lambda)) {
      body.error(tree, Message.NOT_A_GROUP_LAMBDA);
      return null;
    }
    TreePath bodyPath = new TreePath(path, lambda.getBody());
    if (!(lambda.getBody() instanceof BlockTree b)) {
      return output((ExpressionTree) lambda.getBody(), bodyPath, branch);
    }
    Argument.TaskOutput out = null;
    boolean returned = false;
    for (StatementTree s : b.getStatements()) {
      TreePath at = new TreePath(bodyPath, s);
      if (s instanceof ReturnTree r && r.getExpression() != null) {
        returned = true;
        out = output(r.getExpression(), new TreePath(at, r.getExpression()), branch);
      } else {
        statements.statement(s, at, branch);
      }
    }
    if (!returned) {
      body.error(tree, Message.ONE_OF_NOT_OUTPUT, Syntax.firstLine(tree));
    }
    return out;
  }

  /** What a branch gives: an output of a task of the branch's own body, a value; null after an error. */
  private Argument.TaskOutput output(ExpressionTree e, TreePath path, Group branch) {
    return body.arguments.ownOutput(e, path, branch, Message.ONE_OF_NOT_OUTPUT);
  }

  /** Whether {@code o} has the KFP type of {@code first} (true for the first branch); else an error on {@code at}. */
  private boolean sameType(Argument.TaskOutput o, Argument.TaskOutput first, ExpressionTree at) {
    if (first == null) {
      return true;
    }
    String type = type(o);
    String expected = type(first);
    if (type.equals(expected)) {
      return true;
    }
    body.error(at, Message.ONE_OF_TYPES, o.output(), o.task(), type, expected);
    return false;
  }

  /** The KFP type of an output: a value's ({@code String} for a Kubernetes step's, or an untyped one), or a file's. */
  private String type(Argument.TaskOutput o) {
    StepBuilder step = body.graph.step(o.task());
    if (step instanceof dev.kfp4j.processor.graph.ImporterBuilder importer) {
      return "a file of type " + importer.artifactType().replaceFirst("^system\\.", "");
    }
    if (step instanceof TaskBuilder t) {
      String name = t.component().output(o.output()).map(OutputSpec::type).map(x -> x.name()).orElse(null);
      if (t.component().outputIsArtifact(o.output())) {
        return "a file of type " + (name == null ? "Artifact" : name);
      }
      return name == null ? "String" : name;
    }
    return "String";
  }
}
