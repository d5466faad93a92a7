package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;

/** KFP's critical/pipeline_with_pod_metadata.py: pod labels and annotations per task, read back into env variables. */
public final class PipelineWithPodMetadata {
  private PipelineWithPodMetadata() {}

  private static void expect(String kind, String path, String expected) {
    String actual = System.getenv(path);
    if (!expected.equals(actual)) {
      throw new IllegalStateException("Pod " + kind + " is " + actual + " but is supposed to be " + expected + ".");
    }
  }

  @Component
  public static boolean validatePodMetadataTaskA(String annotation_path, String annotation_exp_val, String label_path_1,
      String label_exp_val_1, String label_path_2, String label_exp_val_2) {
    expect("annotation", annotation_path, annotation_exp_val);
    expect("label", label_path_1, label_exp_val_1);
    expect("label", label_path_2, label_exp_val_2);
    return true;
  }

  @Component
  public static boolean validatePodMetadataTaskB(String annotation_path_1, String annotation_exp_val_1, String annotation_path_2,
      String annotation_exp_val_2, String annotation_path_3, String annotation_exp_val_3, String annotation_path_4,
      String annotation_exp_val_4, String label_path_1, String label_exp_val_1, String label_path_2, String label_exp_val_2,
      String label_path_3, String label_exp_val_3) {
    expect("annotation", annotation_path_1, annotation_exp_val_1);
    expect("annotation", annotation_path_2, annotation_exp_val_2);
    expect("annotation", annotation_path_3, annotation_exp_val_3);
    expect("annotation", annotation_path_4, annotation_exp_val_4);
    expect("label", label_path_1, label_exp_val_1);
    expect("label", label_path_2, label_exp_val_2);
    expect("label", label_path_3, label_exp_val_3);
    return true;
  }

  @Component
  public static boolean validatePodMetadataTaskC(String annotation_path_1, String annotation_exp_val_1, String annotation_path_2,
      String annotation_exp_val_2) {
    expect("annotation", annotation_path_1, annotation_exp_val_1);
    expect("annotation", annotation_path_2, annotation_exp_val_2);
    return true;
  }

  @Component
  public static boolean validatePodMetadataTaskD(String label_path_1, String label_exp_val_1, String label_path_2,
      String label_exp_val_2, String label_path_3, String label_exp_val_3) {
    expect("label", label_path_1, label_exp_val_1);
    expect("label", label_path_2, label_exp_val_2);
    expect("label", label_path_3, label_exp_val_3);
    return true;
  }

  @Component
  public static boolean validateNoPodMetadata() {
    for (String v : new String[] {"POD_TASK_ANNOTATION", "POD_TASK_ANNOTATION_1", "POD_TASK_LABEL", "POD_TASK_LABEL_1"}) {
      expect("metadata", v, "");
    }
    return true;
  }

  @Pipeline(formats = Format.KFP2)
  public static void pipelineWithPodMetadata() {
    PipelineWithPodMetadataOps.validatePodMetadataTaskA("POD_TASK_ANNOTATION", "annotation", "POD_TASK_LABEL_1", "label-1",
            "POD_TASK_LABEL_2", "label-2").caching(false)
        .podLabel("task-label-1", "label-1").podLabel("task-label-2", "label-2").podAnnotation("task-annotation", "annotation")
        .envFromField("POD_TASK_ANNOTATION", "metadata.annotations['task-annotation']")
        .envFromField("POD_TASK_LABEL_1", "metadata.labels['task-label-1']")
        .envFromField("POD_TASK_LABEL_2", "metadata.labels['task-label-2']");
    PipelineWithPodMetadataOps.validatePodMetadataTaskB("POD_TASK_ANNOTATION_1", "annotation-1", "POD_TASK_ANNOTATION_2",
            "annotation-2", "POD_TASK_ANNOTATION_3", "annotation-3", "POD_TASK_ANNOTATION_4", "annotation-4", "POD_TASK_LABEL_1",
            "label-1", "POD_TASK_LABEL_2", "label-2", "POD_TASK_LABEL_3", "label-3").caching(false)
        .podAnnotation("task-annotation-1", "annotation-1").podAnnotation("task-annotation-2", "annotation-2")
        .podAnnotation("task-annotation-3", "annotation-3").podAnnotation("task-annotation-4", "annotation-4")
        .podLabel("task-label-1", "label-1").podLabel("task-label-2", "label-2").podLabel("task-label-3", "label-3")
        .envFromField("POD_TASK_ANNOTATION_1", "metadata.annotations['task-annotation-1']")
        .envFromField("POD_TASK_ANNOTATION_2", "metadata.annotations['task-annotation-2']")
        .envFromField("POD_TASK_ANNOTATION_3", "metadata.annotations['task-annotation-3']")
        .envFromField("POD_TASK_ANNOTATION_4", "metadata.annotations['task-annotation-4']")
        .envFromField("POD_TASK_LABEL_1", "metadata.labels['task-label-1']")
        .envFromField("POD_TASK_LABEL_2", "metadata.labels['task-label-2']")
        .envFromField("POD_TASK_LABEL_3", "metadata.labels['task-label-3']");
    PipelineWithPodMetadataOps.validatePodMetadataTaskC("POD_TASK_ANNOTATION_1", "annotation-1", "POD_TASK_ANNOTATION_2",
            "annotation-2").caching(false)
        .podAnnotation("task-annotation-1", "annotation-1").podAnnotation("task-annotation-2", "annotation-2")
        .envFromField("POD_TASK_ANNOTATION_1", "metadata.annotations['task-annotation-1']")
        .envFromField("POD_TASK_ANNOTATION_2", "metadata.annotations['task-annotation-2']");
    PipelineWithPodMetadataOps.validatePodMetadataTaskD("POD_TASK_LABEL_1", "label-1", "POD_TASK_LABEL_2", "label-2",
            "POD_TASK_LABEL_3", "label-3").caching(false)
        .podLabel("task-label-1", "label-1").podLabel("task-label-2", "label-2").podLabel("task-label-3", "label-3")
        .envFromField("POD_TASK_LABEL_1", "metadata.labels['task-label-1']")
        .envFromField("POD_TASK_LABEL_2", "metadata.labels['task-label-2']")
        .envFromField("POD_TASK_LABEL_3", "metadata.labels['task-label-3']");
    PipelineWithPodMetadataOps.validateNoPodMetadata().caching(false)
        .envFromField("POD_TASK_ANNOTATION", "metadata.annotations['task-annotation']")
        .envFromField("POD_TASK_ANNOTATION_1", "metadata.annotations['task-annotation-1']")
        .envFromField("POD_TASK_LABEL", "metadata.labels['task-label']")
        .envFromField("POD_TASK_LABEL_1", "metadata.labels['task-label-1']");
  }
}
