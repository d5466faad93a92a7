package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a task's settings where KFP 2 keeps them: retries, caching and the display name in the
 * task; resources, accelerators, the image and env in its executor's container (a resource from a parameter
 * or task output as a placeholder of an input of the task's, as KFP's SDK writes it); the Kubernetes-only settings
 * in the executor's {@code platforms: kubernetes:} config, as {@link Kfp2KubernetesSettings} writes them. A setting
 * only Argo has ({@link dev.kfp4j.model.ArgoSetting}) is refused.
 */
final class Kfp2Settings extends Kfp2KubernetesSettings {
  final ObjectNode task;
  final ObjectNode container;

  /**
   * For the task {@code where} names; {@code parameter} gives the {@code InputParameterSpec} of a
   * value in the task's DAG (for a volume's claim name).
   */
  Kfp2Settings(String where, ObjectNode task, ObjectNode container, ObjectNode kubernetes, Function<Argument, ObjectNode> parameter) {
    super(where, kubernetes, parameter);
    this.task = task;
    this.container = container;
  }

  @Override
  public Void displayName(TaskSetting.DisplayName s) {
    task.withObject("taskInfo").put("name", s.name());
    return null;
  }

  @Override
  public Void resource(TaskSetting.Resource s) {
    ObjectNode r = container.withObject("resources");
    String suffix = (s.kind().resource().equals("cpu") ? "Cpu" : "Memory") + (s.kind().isLimit() ? "Limit" : "Request");
    r.put("resource" + suffix, s.quantity());
    Double number = Kfp2Quantities.number(s.kind().resource(), s.quantity());
    if (number != null) {
      r.put(lower(suffix), number.doubleValue());
    }
    return null;
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public Void accelerator(TaskSetting.Accelerator s) {
    ObjectNode a = container.withObject("resources").putObject("accelerator");
    a.put("resourceType", s.resource());
    a.put("resourceCount", Integer.toString(s.count()));
    a.put("type", s.resource());
    a.put("count", Integer.toString(s.count())); // an int64, which KFP's SDK writes as JSON does: a string
    return null;
  }

  @Override
  public Void resourceFrom(TaskSetting.ResourceFrom s) {
    String suffix = (s.kind().resource().equals("cpu") ? "Cpu" : "Memory") + (s.kind().isLimit() ? "Limit" : "Request");
    container.withObject("resources").put("resource" + suffix, fromRun(Channels.settingField(s.kind()), s.quantity()));
    return null;
  }

  @Override
  public Void acceleratorFrom(TaskSetting.AcceleratorFrom s) {
    ObjectNode a = container.withObject("resources").putObject("accelerator");
    a.put("resourceType", s.type() instanceof Argument.Constant c ? c.text() : fromRun(Channels.ACCELERATOR_TYPE, s.type()));
    a.put("resourceCount", s.count() instanceof Argument.Constant c ? c.text() : fromRun(Channels.ACCELERATOR_COUNT, s.count()));
    if (s.type() instanceof Argument.Constant c) {
      a.put("type", c.text());
    }
    if (s.count() instanceof Argument.Constant c) {
      a.put("count", Integer.toString(Integer.parseInt(c.text())));
    }
    return null;
  }

  /**
   * The placeholder of a setting's value given at run time, as KFP's SDK writes {@code set_cpu_limit(cpu)}: the task takes the
   * value as input {@code pipelinechannel--cpu} ({@code pipelinechannel--<task>-<output>} for a task's output), and the
   * placeholder as a constant under the setting's own name {@code field} ({@link Channels#ownInputs}).
   */
  private String fromRun(String field, Argument a) {
    String input = Channels.settingChannel(a);
    String placeholder = Channels.placeholder(input);
    TaskInputs.constant(task, field, NODES.stringNode(placeholder));
    task.withObject("inputs").withObject("parameters").set(input, parameter.apply(a));
    return placeholder;
  }

  /** The executor's image, as KFP's SDK writes {@code set_container_image(image)}: the constant, or a placeholder ({@link #fromRun}). */
  @Override
  public Void containerImage(TaskSetting.ContainerImage s) {
    container.put("image", s.image() instanceof Argument.Constant c ? c.text() : fromRun(Channels.BASE_IMAGE, s.image()));
    return null;
  }

  @Override
  public Void env(TaskSetting.Env s) {
    container.withArray("env").addObject().put("name", s.name()).put("value", s.value());
    return null;
  }

  @Override
  public Void retry(RunSetting.Retry s) {
    if (s.policy() != null && !s.policy().equals("OnFailure")) {
      throw new FormatException(where + ": retries(" + s.limit() + ", \"" + s.policy() + "\"): KFP 2 retries a task that failed (Argo's "
          + "OnFailure) and has no other retry policy; write retries(" + s.limit() + ")");
    }
    ObjectNode r = retryPolicy();
    r.put("maxRetryCount", s.limit());
    return null;
  }

  private ObjectNode retryPolicy() {
    if (!task.has("retryPolicy")) {
      ObjectNode r = task.putObject("retryPolicy");
      r.put("backoffDuration", "0s");
      r.put("backoffFactor", 2.0);
      r.put("backoffMaxDuration", "3600s");
    }
    return task.withObject("retryPolicy");
  }

  @Override
  public Void retryBackoff(RunSetting.RetryBackoff s) {
    ObjectNode r = retryPolicy();
    r.put("backoffDuration", Kfp2Quantities.protobufDuration(s.duration()));
    r.put("backoffFactor", (double) s.factor());
    if (!s.maxDuration().isEmpty()) {
      r.put("backoffMaxDuration", Kfp2Quantities.protobufDuration(s.maxDuration())); // else KFP's default maximum, written above
    }
    return null;
  }

  @Override
  public Void caching(RunSetting.Caching s) {
    ObjectNode caching = task.withObject("cachingOptions");
    if (s.enabled()) {
      caching.put("enableCache", true);
    } else {
      caching.remove("enableCache");
    }
    return null;
  }

  @Override
  public Void cacheKey(RunSetting.CacheKey s) {
    task.withObject("cachingOptions").put("cacheKey", s.key());
    return null;
  }

  @Override
  public Void ignoreUpstreamFailure(RunSetting.IgnoreUpstreamFailure s) {
    task.withObject("triggerPolicy").put("strategy", "ALL_UPSTREAM_TASKS_COMPLETED");
    return null;
  }

  @Override
  public Void optionalArgument(dev.kfp4j.model.ArgoSetting.OptionalArgument s) {
    throw argoOnly("its argument '" + s.input() + "' is passed optional (Argo's optional: true on an argument artifact)");
  }

  @Override
  public Void globalName(dev.kfp4j.model.ArgoSetting.GlobalName s) {
    throw argoOnly("its output '" + s.output() + "' is exported as '" + s.globalName() + "' (Argo's globalName)");
  }

  @Override
  public Void archive(dev.kfp4j.model.ArgoSetting.Archive s) {
    throw argoOnly("its output '" + s.output() + "' is archived as " + s.strategy() + " (Argo's archive)");
  }

  /** A setting of an Argo workflow read ({@link dev.kfp4j.model.ArgoSetting}) that KFP 2 has no place for. */
  private FormatException argoOnly(String what) {
    return new FormatException(where + ": " + what + ", which a KFP 2 pipeline spec has no place for; write the pipeline for Argo,"
        + " or remove the key from the workflow");
  }
}
