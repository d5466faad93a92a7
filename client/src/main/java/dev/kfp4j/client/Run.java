package dev.kfp4j.client;

import java.time.Instant;

/**
 * A pipeline run. {@code error} is the server's message for a failed run (v1beta1: its Argo workflow's, read by {@link
 * KfpClient#getRun} and {@link KfpClient#waitForRun}, not in a list), else null;
 * {@code pipelineVersionId} is null for a run of an inline workflow.
 */
public record Run(String id, String name, RunState state, Instant createdAt, Instant finishedAt,
    String experimentId, String pipelineVersionId, String error) {}
