package dev.kfp4j.client;

import java.time.Instant;

/** One uploaded workflow of a pipeline. */
public record PipelineVersion(String id, String name, String pipelineId, String description, Instant createdAt) {}
