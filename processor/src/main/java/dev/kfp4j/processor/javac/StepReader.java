package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.VolumeBuilder;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.ExecutableElement;
import tools.jackson.databind.JsonNode;

/** Reads the Kubernetes steps {@code Dsl.volume(...)} and {@code Dsl.resource(...)}, and ({@link ImporterCalls}) {@code Dsl.importer(...)}. */
final class StepReader {
  /** The actions of {@code Dsl.resource}, as KFP's ResourceOp takes them. */
  static final Set<String> ACTIONS = Set.of("create", "apply", "patch", "delete", "replace", "get");

  private final Body body;

  StepReader(Body body) {
    this.body = body;
  }

  /** The step {@code mi} makes in {@code group}; null after an error. */
  StepBuilder read(MethodInvocationTree mi, TreePath path, ExecutableElement method, Group group) {
    if (method.getSimpleName().contentEquals("importer")) {
      return body.importers.read(mi, path, group);
    }
    List<? extends ExpressionTree> args = mi.getArguments();
    Object[] constants = new Object[args.size()];
    for (int i = 0; i < args.size(); i++) {
      constants[i] = body.constants.value(args.get(i), new TreePath(path, args.get(i)));
    }
    return method.getSimpleName().contentEquals("volume")
        ? volume(mi, path, args, constants, group)
        : resource(mi, args, constants, group);
  }

  private VolumeBuilder volume(MethodInvocationTree mi, TreePath path, List<? extends ExpressionTree> args, Object[] constants,
      Group group) {
    if (!(constants[0] instanceof String resourceName)) {
      body.error(args.get(0), Message.VOLUME_NAME);
      return null;
    }
    for (int i = 2; i < args.size(); i++) {
      if (!(constants[i] instanceof String)) {
        body.error(args.get(i), Message.SETTING_NOT_CONSTANT, "Dsl.volume", args.get(i));
        return null;
      }
    }
    String accessMode = args.size() > 2 ? (String) constants[2] : "ReadWriteMany";
    String storageClass = args.size() > 3 ? (String) constants[3] : "";
    Argument size = body.arguments.read(args.get(1), new TreePath(path, args.get(1)), group);
    if (size instanceof Argument.Constant c && !TaskSetting.QUANTITY.matcher(c.text()).matches()) {
      body.error(args.get(1), Message.VOLUME_SIZE, c.text());
      return null;
    }
    try {
      VolumeStep.checkClaim(resourceName, accessMode, storageClass);
    } catch (IllegalArgumentException e) {
      body.error(mi, Message.SETTING_REJECTED, "Dsl.volume: " + e.getMessage());
      return null;
    }
    VolumeBuilder volume = body.graph.volume(resourceName, accessMode, storageClass, group, body.at(mi));
    if (size == null) {
      volume.arguments().unread("size");
    } else {
      volume.arguments().put("size", size, body.at(args.get(1)));
    }
    return volume;
  }

  private StepBuilder resource(MethodInvocationTree mi, List<? extends ExpressionTree> args, Object[] constants, Group group) {
    if (!(constants[0] instanceof String action) || !ACTIONS.contains(action)) {
      body.error(args.get(0), Message.RESOURCE_ACTION, new TreeSet<>(ACTIONS));
      return null;
    }
    if (!(constants[1] instanceof String manifest)) {
      body.error(args.get(1), Message.RESOURCE_MANIFEST_NOT_CONSTANT);
      return null;
    }
    JsonNode resource;
    try {
      resource = Yaml.read(manifest);
    } catch (RuntimeException e) {
      body.error(args.get(1), Message.RESOURCE_MANIFEST_YAML, e.getMessage());
      return null;
    }
    if (resource == null || !resource.isObject() || !resource.hasNonNull("apiVersion") || !resource.hasNonNull("kind")) {
      body.error(args.get(1), Message.RESOURCE_MANIFEST);
      return null;
    }
    String kind = resource.get("kind").asString().toLowerCase(Locale.ROOT);
    return body.graph.resource(action, kind, manifest, group, body.at(mi));
  }
}
