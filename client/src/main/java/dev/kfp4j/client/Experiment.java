package dev.kfp4j.client;

import java.time.Instant;

/** A KFP experiment: a named group of runs. {@code storageState} is {@code AVAILABLE} or {@code ARCHIVED}. */
public record Experiment(String id, String name, String description, Instant createdAt, String storageState) {}
