package dev.kfp4j.local;

import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import java.util.ArrayList;
import java.util.List;

/** A task's settings with the values a run gives them, as the local runner runs them. */
final class GivenSettings {
  private GivenSettings() {}

  /**
   * The task with the values its settings take when it runs (KFP 2's {@code set_cpu_limit(cpu)}): a resource from a
   * parameter or an output is then a constant one, which runs as one does (a limit, in a container), and so is a claim a
   * parameter names (its folder of the run's volumes) or a volume step of the run made (by the name the step gave), and a
   * secret or config map a value names (which then does nothing, as one of a constant name does nothing: its env variables
   * are left unset); accelerators, tolerations, image pull secrets, node selectors and affinities, which do nothing here, as
   * constant ones do nothing, are left out.
   */
  static Task of(Task task, ArgumentValues values, Scope scope, String where) {
    if (Nodes.settingArguments(task).isEmpty() && task.settings().stream().noneMatch(s -> s instanceof TaskSetting.VolumeMount)) {
      return task;
    }
    List<TaskSetting> settings = new ArrayList<>();
    for (TaskSetting s : task.settings()) {
      if (s instanceof TaskSetting.ResourceFrom r) {
        String quantity = values.value(r.quantity(), scope, where + " " + r.kind().method());
        try {
          settings.add(new TaskSetting.Resource(r.kind(), quantity));
        } catch (IllegalArgumentException e) {
          throw new WorkflowException(where + ": its " + r.kind().method() + " comes from " + Nodes.describeFromRun(r.quantity())
              + ", which is '" + quantity
              + "', not a Kubernetes quantity");
        }
      } else if (s instanceof TaskSetting.VolumeMount m) { // the claim a volume step of the run made, by the name it gave
        String claim = values.value(new dev.kfp4j.model.Argument.TaskOutput(m.volume(), "name"), scope, where + " mountVolume");
        settings.add(new TaskSetting.PvcMount(claim, m.mountPath()));
      } else if (s instanceof TaskSetting.PvcMountFrom m) {
        String claim = values.value(m.claim(), scope, where + " mountPvc");
        settings.add(new TaskSetting.PvcMount(claim, m.mountPath(), m.subPath()));
      } else if (s instanceof TaskSetting.ContainerImage i && !Nodes.fromRun(s).isEmpty()) {
        String image = values.value(i.image(), scope, where + " containerImage");
        try {
          settings.add(new TaskSetting.ContainerImage(dev.kfp4j.model.Argument.Constant.of(image)));
        } catch (IllegalArgumentException e) {
          throw new WorkflowException(where + ": its image comes from " + Nodes.describeFromRun(i.image()) + ", which is '" + image
              + "', not an image reference");
        }
      } else if (Nodes.fromRun(s).isEmpty()) {
        settings.add(s);
      } else if (s instanceof PodSetting.EnvFrom || s instanceof PodSetting.VolumeFrom) {
        TaskSetting named = PodSetting.named(s, values.value(Nodes.fromRun(s).get(0), scope, where + " " + s));
        if (named != null) {
          settings.add(named);
        }
      }
    }
    return new Task(task.name(), task.component(), task.arguments(), task.after(), settings);
  }
}
