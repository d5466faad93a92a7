package dev.kfp4j.client;

import java.time.Instant;
import java.util.Map;

/**
 * One task of a run, as the server reports it: its state in the server's words (Argo's node phase
 * for v1beta1, such as {@code Succeeded}; KFP 2's task state for v2beta1, such as {@code
 * SUCCEEDED}), the pod whose logs it wrote ({@code kubectl logs POD -c main}), and its outputs by
 * name: values of output parameters and artifact keys (v1beta1), artifact ids (v2beta1, whose
 * parameter outputs live in KFP's metadata store).
 *
 * @param pod the pod's name, or null when the task ran none (a DAG, a skipped task)
 */
public record RunTask(String name, String state, String pod, Instant startedAt, Instant finishedAt, Map<String, String> outputs) {
  public RunTask {
    outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }
}
