package dev.kfp4j.client;

import java.time.Instant;

/**
 * A pipeline run. {@code error} is the server's message for a failed run, else null;
 * {@code pipelineVersionId} is null for a run of an inline workflow.
 */
public record Run(String id, String name, RunState state, Instant createdAt, Instant finishedAt,
    String experimentId, String pipelineVersionId, String error) {}
