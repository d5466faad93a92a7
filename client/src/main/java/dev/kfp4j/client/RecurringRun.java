package dev.kfp4j.client;

import java.time.Instant;

/** A recurring run (a "job" in v1beta1): a pipeline version started on a schedule. */
public record RecurringRun(String id, String name, boolean enabled, Schedule schedule, long maxConcurrency,
    boolean noCatchup, String experimentId, String pipelineVersionId, Instant createdAt) {}
