package dev.kfp4j.processor.pipeline;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Pipeline-level settings from {@code @Pipeline}, written into the workflow's spec. */
record PipelineOptions(
    int ttlSecondsAfterFinished,
    long activeDeadlineSeconds,
    int parallelism,
    List<String> imagePullSecrets,
    Map<String, String> nodeSelector,
    String podGc) {

  void writeSpec(ObjectNode spec) {
    if (parallelism > 0) {
      spec.put("parallelism", parallelism);
    }
    if (activeDeadlineSeconds > 0) {
      spec.put("activeDeadlineSeconds", activeDeadlineSeconds);
    }
    if (ttlSecondsAfterFinished >= 0) {
      spec.putObject("ttlStrategy").put("secondsAfterCompletion", ttlSecondsAfterFinished);
    }
    if (!imagePullSecrets.isEmpty()) {
      var secrets = spec.putArray("imagePullSecrets");
      imagePullSecrets.forEach(s -> secrets.addObject().put("name", s));
    }
    if (!nodeSelector.isEmpty()) {
      ObjectNode ns = spec.putObject("nodeSelector");
      nodeSelector.forEach(ns::put);
    }
    if (!podGc.isEmpty()) {
      spec.putObject("podGC").put("strategy", podGc);
    }
  }
}
