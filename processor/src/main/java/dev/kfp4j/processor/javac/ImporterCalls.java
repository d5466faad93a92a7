package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.validation.TypeMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads {@code Dsl.importer(uri, Type.class)} (the URI a constant or a value of the pipeline, the
 * type a class literal of one of kfp4j's artifact types) and its own settings, {@code
 * reimport(boolean)}, {@code downloadToWorkspace(boolean)} and {@code metadata(Map.of(...))}, constants all.
 */
final class ImporterCalls {
  private final Body body;

  ImporterCalls(Body body) {
    this.body = body;
  }

  /** The importer {@code mi} makes in {@code group}; null after an error. */
  ImporterBuilder read(MethodInvocationTree mi, TreePath path, Group group) {
    ExpressionTree uriTree = mi.getArguments().get(0);
    ExpressionTree typeTree = mi.getArguments().get(1);
    String type = artifactType(typeTree, new TreePath(path, typeTree));
    Argument uri = body.arguments.read(uriTree, new TreePath(path, uriTree), group);
    if (type == null) {
      return null;
    }
    if (uri instanceof Argument.Constant c && c.text().isBlank()) {
      body.error(uriTree, Message.IMPORTER_URI);
      return null;
    }
    ImporterBuilder importer = body.graph.importer(type, group, body.at(mi));
    if (uri == null) {
      importer.arguments().unread(ImporterStep.URI);
    } else {
      importer.arguments().put(ImporterStep.URI, uri, body.at(uriTree));
    }
    return importer;
  }

  /** The schema title of the class literal {@code tree} ({@code Dataset.class}: {@code system.Dataset}); null after an error. */
  private String artifactType(ExpressionTree tree, TreePath path) {
    path = Syntax.unwrap(path);
    ExpressionTree e = Syntax.unwrap(tree);
    if (body.erroneous(path)) {
      return null;
    }
    Element type = e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")
        ? body.trees.getElement(new TreePath(path, select.getExpression())) : null;
    if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(TypeMapper.ARTIFACTS + "." + t.getSimpleName())
        && TypeMapper.ARTIFACT_TYPES.contains(t.getSimpleName().toString())) {
      return "system." + t.getSimpleName();
    }
    body.error(tree, Message.IMPORTER_TYPE, String.join(", ", TypeMapper.ARTIFACT_TYPES.stream().map(n -> n + ".class").toList()),
        Syntax.firstLine(tree));
    return null;
  }

  /** {@code reimport(...)}, {@code downloadToWorkspace(...)} or {@code metadata(...)} of an importer; false when {@code name} is none. */
  boolean setting(ImporterBuilder importer, MethodInvocationTree call, TreePath path, String name) {
    ExpressionTree arg = call.getArguments().get(0);
    TreePath argPath = new TreePath(path, arg);
    if (name.equals("reimport") || name.equals("downloadToWorkspace")) {
      Object value = body.constants.value(arg, argPath);
      if (value instanceof Boolean b && name.equals("reimport")) {
        importer.reimport(b);
      } else if (value instanceof Boolean b) {
        importer.downloadToWorkspace(b);
      } else if (!body.erroneous(Syntax.unwrap(argPath))) {
        body.error(arg, Message.SETTING_NOT_CONSTANT, name, arg);
      }
      return true;
    }
    if (name.equals("metadata")) {
      String metadata = metadata(arg, argPath);
      if (metadata != null) {
        importer.metadata(metadata);
      }
      return true;
    }
    return false;
  }

  /** {@code Map.of(...)} of constants as a JSON object's text; null after an error on the first part that is not a constant. */
  private String metadata(ExpressionTree tree, TreePath path) {
    path = Syntax.unwrap(path);
    ExpressionTree e = Syntax.unwrap(tree);
    if (body.erroneous(path)) {
      return null;
    }
    if (!(e instanceof MethodInvocationTree mi) || !(body.trees.getElement(path) instanceof ExecutableElement method)
        || !Syntax.is(method, "java.util.Map", "of", "java.util.Map", "of")) {
      body.error(tree, Message.IMPORTER_METADATA, Syntax.firstLine(tree));
      return null;
    }
    List<? extends ExpressionTree> items = mi.getArguments();
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < items.size(); i += 2) {
      Object key = body.constants.value(items.get(i), new TreePath(path, items.get(i)));
      Object value = body.constants.value(items.get(i + 1), new TreePath(path, items.get(i + 1)));
      ExpressionTree bad = key == null ? items.get(i) : value == null ? items.get(i + 1) : null;
      if (bad != null) {
        if (!body.erroneous(new TreePath(path, bad))) {
          body.error(bad, Message.IMPORTER_METADATA, Syntax.firstLine(bad));
        }
        return null;
      }
      map.put(key.toString(), value instanceof Character c ? c.toString() : value);
    }
    return KfpValues.format(map);
  }
}
