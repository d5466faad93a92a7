package dev.kfp4j.cli;

import dev.kfp4j.format.SourceLine;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.JavaEntrypoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config file's {@code run_config} applied to a compiled pipeline before it goes to a cluster,
 * on the model, so it is the same for both formats: the image and pull policy of the project's
 * Java steps (the components kfp4j generated, {@link JavaEntrypoint}), resources by task or
 * component name ({@code __default__} for tasks that set none), the TTL and the run's volume. The
 * compiled file itself is left as the processor wrote it.
 */
final class Overlay {
  /** The resources entry of tasks that set none themselves. */
  static final String DEFAULT = "__default__";

  /** The comment line saying a file was written with {@code run_config} applied ({@link #note}). */
  static final String NOTE = "With run_config of the kfp4j config file applied.";

  private Overlay() {}

  static Pipeline apply(Pipeline pipeline, Config.RunConfig run) {
    PipelineSettings settings = pipeline.settings();
    if (run.ttlSeconds() > 0) {
      settings = settings.withTtl((int) run.ttlSeconds());
    }
    if (run.volume() != null) {
      Config.Volume v = run.volume();
      settings = settings.withRunVolume(new RunVolume(v.size(), v.accessModes().get(0), v.storageClass(), v.mountPath()));
    }
    Map<ComponentSpec, ComponentSpec> imaged = new IdentityHashMap<>(); // tasks that shared a component still do
    return pipeline.withSettings(settings).mapTasks(t -> resources(javaStep(t, run, imaged), run));
  }

  /** A Java step with the config's image and pull policy; any other task as it is. */
  private static Task javaStep(Task t, Config.RunConfig run, Map<ComponentSpec, ComponentSpec> imaged) {
    if (JavaEntrypoint.of(t.component().container()).isEmpty()) {
      return t;
    }
    if (run.image() != null) {
      t = t.withComponent(imaged.computeIfAbsent(t.component(), c -> withImage(c, run.image())));
    }
    if (run.imagePullPolicy() != null) {
      List<TaskSetting> settings = without(t.settings(), s -> s instanceof TaskSetting.ImagePullPolicy);
      settings.add(new TaskSetting.ImagePullPolicy(run.imagePullPolicy()));
      t = t.withSettings(settings);
    }
    return t;
  }

  private static ComponentSpec withImage(ComponentSpec c, String image) {
    ContainerSpec k = c.container();
    return new ComponentSpec(c.name(), c.description(), c.annotations(), c.labels(), c.inputs(), c.outputs(),
        new ContainerSpec(image, k.command(), k.args(), k.env(), k.fileOutputs()), c.graph());
  }

  /**
   * The task's own entry of {@code resources} (by task name, else component name) replacing what it
   * sets of the same resources; else, for a task that sets none, {@code __default__}.
   */
  private static Task resources(Task t, Config.RunConfig run) {
    Map<String, String> own = run.resources().get(t.name());
    if (own == null && t.component().name() != null) {
      own = run.resources().get(t.component().name());
    }
    boolean setsAny = t.settings().stream().anyMatch(s -> s instanceof TaskSetting.Resource || s instanceof TaskSetting.Accelerator
        || s instanceof TaskSetting.ResourceFrom || s instanceof TaskSetting.AcceleratorFrom);
    Map<String, String> values = own != null ? own : setsAny ? null : run.resources().get(DEFAULT);
    if (values == null) {
      return t;
    }
    List<TaskSetting> settings = without(t.settings(), s -> replaced(s, values.keySet()));
    values.forEach((key, quantity) -> settings.addAll(Config.resource(key, quantity)));
    return t.withSettings(settings);
  }

  /** Whether {@code values} set the resource {@code s} sets: cpu replaces the request (a limit stays), memory both. */
  private static boolean replaced(TaskSetting s, Set<String> keys) {
    if (s instanceof TaskSetting.Resource r) {
      return keys.contains(r.kind().resource()) && (r.kind().resource().equals("memory") || !r.kind().isLimit());
    }
    if (s instanceof TaskSetting.ResourceFrom r) { // a resource a KFP 2 spec takes from a parameter, replaced as a constant one
      return keys.contains(r.kind().resource()) && (r.kind().resource().equals("memory") || !r.kind().isLimit());
    }
    if (s instanceof TaskSetting.AcceleratorFrom a) { // of a constant type, its count from a parameter
      return a.type() instanceof dev.kfp4j.model.Argument.Constant c && keys.contains(c.text());
    }
    return s instanceof TaskSetting.Accelerator a && keys.contains(a.resource());
  }

  private static List<TaskSetting> without(List<TaskSetting> settings, java.util.function.Predicate<TaskSetting> drop) {
    List<TaskSetting> out = new ArrayList<>(settings);
    out.removeIf(drop);
    return out;
  }

  /**
   * Checks that every task has an image, as a cluster needs: a component compiled without one
   * names {@link ContainerSpec#NO_IMAGE}, which {@code run_config.image} replaces.
   *
   * @throws ConfigException naming the components that still have no image, and where to set one
   */
  static void checkImages(Pipeline pipeline) {
    Set<String> missing = new TreeSet<>();
    for (var step : dev.kfp4j.model.Flattening.flat(pipeline).steps()) { // the tasks of called pipelines too
      if (step instanceof Task t && ContainerSpec.NO_IMAGE.equals(t.component().container().image())) {
        missing.add(t.component().name() != null ? t.component().name() : t.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException((missing.size() == 1 ? "component " : "components ") + "'" + String.join("', '", missing)
          + "' " + (missing.size() == 1 ? "has" : "have") + " no image, which a cluster needs: build and push an image of this "
          + "project and name it in run_config.image of the config file (or compile with -Akfp4j.image=registry/repo:tag, "
          + "or set @Component(image = ...))");
    }
  }

  /**
   * For a run here in containers: each image the project's Java steps were compiled with, mapped to
   * {@code run_config.image} when the config sets it, as the cluster runs them in it and {@code kfp4j
   * image} builds it; empty when it does not.
   */
  static Map<String, String> javaImages(Pipeline pipeline, Config.RunConfig run) {
    Map<String, String> images = new java.util.LinkedHashMap<>();
    if (run.image() == null || run.image().isBlank()) {
      return images;
    }
    for (var step : dev.kfp4j.model.Flattening.flat(pipeline).steps()) { // the tasks of called pipelines too
      if (step instanceof Task t && JavaEntrypoint.of(t.component().container()).isPresent()
          && !t.component().container().image().equals(run.image())) {
        images.put(t.component().container().image(), run.image());
      }
    }
    return images;
  }

  /**
   * {@code yaml} as written from an overlaid pipeline, with a comment saying so after kfp4j's header
   * line, else at the end of the header comment: KFP's SDK reads a KFP 2 file's summary by its lines'
   * places, so nothing goes before it.
   */
  static String note(String yaml) {
    String note = "# " + NOTE + "\n";
    int at = 0;
    while (yaml.startsWith("#", at)) {
      int end = yaml.indexOf('\n', at);
      if (end < 0) {
        return yaml + "\n" + note;
      }
      boolean ours = yaml.startsWith("# " + SourceLine.PREFIX, at);
      at = end + 1;
      if (ours) {
        break;
      }
    }
    return yaml.substring(0, at) + note + yaml.substring(at);
  }
}
