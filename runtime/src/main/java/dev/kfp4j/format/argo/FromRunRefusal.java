package dev.kfp4j.format.argo;

import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.TaskSetting;

/**
 * Why a setting that takes a pipeline parameter or a task's output when the step runs has no KFP v1 form, and what to write
 * instead (a secret's or config map's name has one: {@link RunNames}).
 */
final class FromRunRefusal {
  private FromRunRefusal() {}

  private static final String KFP2 = "which kfp4j writes for KFP 2 only: ";
  private static final String ONLY = ", or write this pipeline in the KFP 2 format only";

  /** The message for {@code s}, one of {@link Nodes#fromRun}'s settings. */
  static String why(TaskSetting s) {
    String from = Nodes.describeFromRun(Nodes.fromRun(s).get(0));
    if (s instanceof TaskSetting.TolerationFrom) {
      return "its tolerations come from " + from + " as JSON when it runs (kfp-kubernetes' add_toleration_json), " + KFP2
          + "give tolerations of constant fields" + ONLY;
    }
    if (s instanceof TaskSetting.PvcMountFrom) {
      return "the claim it mounts is named by " + from + " when it runs (kfp-kubernetes' mount_pvc(task, pvc_name=p)), " + KFP2
          + "mount a claim of a constant name" + ONLY;
    }
    if (s instanceof PodSetting.ImagePullSecretFrom) {
      return "an image pull secret of its pod is named by " + from + " when it runs (kfp-kubernetes' set_image_pull_secrets), " + KFP2
          + "give the pipeline's image pull secrets by constant names" + ONLY;
    }
    if (s instanceof PodSetting.NodeSelectorFrom) {
      return "its node selector comes from " + from + " as JSON when it runs (kfp-kubernetes' add_node_selector_json), " + KFP2
          + "give node selector labels as constants" + ONLY;
    }
    if (s instanceof PodSetting.NodeAffinityFrom) {
      return "its node affinity comes from " + from + " as JSON when it runs (kfp-kubernetes' add_node_affinity_json), " + KFP2
          + "give node affinity terms of constant requirements" + ONLY;
    }
    if (s instanceof TaskSetting.ContainerImage) {
      return "its image is given by " + from + " when it runs (KFP 2's set_container_image(image)), " + KFP2
          + "give the image as a constant" + ONLY;
    }
    return "its resources or accelerators come from " + from + " when it runs (KFP 2's set_cpu_limit(cpu)); a KFP v1 template's "
        + "resources are Kubernetes quantities, constants: set them as constants" + ONLY;
  }
}
