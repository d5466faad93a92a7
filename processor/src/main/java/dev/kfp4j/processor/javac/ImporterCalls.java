package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.validation.TypeMapper;
import dev.kfp4j.processor.graph.TaskBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads {@code Dsl.importer(uri, Type.class)} (the URI a constant or a value of the pipeline, the
 * type a class literal of one of kfp4j's artifact types) and its own settings, {@code
 * reimport(boolean)}, {@code downloadToWorkspace(boolean)} (constants) and {@code metadata(Map.of(...))} (constants and
 * values of the run).
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
      String metadata = metadata(importer, arg, argPath);
      if (metadata != null) {
        importer.metadata(metadata);
      }
      return true;
    }
    return false;
  }

  /**
   * {@code Map.of(...)} as a JSON object's text, as KFP's compiler writes {@code importer(metadata={...})}: its keys and
   * values constants, {@code List.of}/{@code Map.of} of these at any depth, or values of the run (a pipeline parameter,
   * a task's value output, a loop item, or a text joined from these with {@code +}, KFP's f-string); each value of the run
   * is an input of the importer, {@code metadata}, {@code metadata-2}, ... in the order written (one input per value),
   * written in the metadata as its placeholder {@code {{$.inputs.parameters['metadata']}}}. Null after an error, on the
   * first part that is none of these.
   */
  private String metadata(ImporterBuilder importer, ExpressionTree tree, TreePath path) {
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
    Map<Argument, String> inputs = new LinkedHashMap<>();
    Object map = metadataValue(importer, mi, path, inputs);
    if (map == null) {
      return null;
    }
    inputs.forEach((argument, input) -> importer.arguments().put(input, argument, body.at(tree)));
    return KfpValues.format(map);
  }

  /**
   * A part of the metadata as a plain value (a map, a list, a constant or a placeholder's text), walked as {@link
   * Constants#nested} walks constants; null after an error.
   */
  private Object metadataValue(ImporterBuilder importer, ExpressionTree tree, TreePath path, Map<Argument, String> inputs) {
    return body.constants.nested(tree, path, new Constants.Shape<Object>() {
      @Override
      public boolean stop(TreePath at) {
        return body.erroneous(at);
      }

      @Override
      public Object leaf(ExpressionTree leaf, TreePath at) {
        return metadataLeaf(importer, leaf, at, inputs);
      }

      @Override
      public Object list(List<Object> parts) {
        return parts;
      }

      @Override
      public Object map(List<Object> parts) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
          map.put(parts.get(i).toString(), parts.get(i + 1));
        }
        return map;
      }
    });
  }

  /** A part of the metadata that is no list or map: a constant, or a value of the run as its placeholder's text; null after an error. */
  private Object metadataLeaf(ImporterBuilder importer, ExpressionTree tree, TreePath path, Map<Argument, String> inputs) {
    path = Syntax.unwrap(path);
    ExpressionTree e = Syntax.unwrap(tree);
    Object constant = body.constants.value(e, path);
    if (constant != null) {
      return constant instanceof Character c ? c.toString() : constant;
    }
    if (body.texts.isJoined(e, path)) { // "prefix-" + t.output(), KFP's f'prefix-{t.output}'
      TextReader.Text text = body.texts.read(e, path, importer.group());
      if (text.text() == null) {
        return null;
      }
      String joined = text.text().text();
      for (Map.Entry<String, Argument> channel : text.channels().entrySet()) {
        joined = joined.replace(Channels.placeholder(channel.getKey()), Channels.placeholder(input(channel.getValue(), inputs)));
      }
      return joined;
    }
    Argument a = body.arguments.read(e, path, importer.group());
    if (a == null) {
      return null;
    }
    boolean value = a instanceof Argument.PipelineParameter || a instanceof Argument.LoopItem
        || a instanceof Argument.TaskOutput o && body.graph.step(o.task()) instanceof TaskBuilder t && !t.component().outputIsArtifact(o.output());
    if (!value) {
      body.error(tree, Message.IMPORTER_METADATA, Syntax.firstLine(tree));
      return null;
    }
    return Channels.placeholder(input(a, inputs));
  }

  /** The importer's input that {@code a} is given to: {@code metadata}, then {@code metadata-2}, ..., one per value. */
  private static String input(Argument a, Map<Argument, String> inputs) {
    return inputs.computeIfAbsent(a, k -> inputs.isEmpty() ? "metadata" : "metadata-" + (inputs.size() + 1));
  }
}
