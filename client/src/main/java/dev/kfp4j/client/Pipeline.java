package dev.kfp4j.client;

import java.time.Instant;

/** A pipeline on the server; {@code defaultVersionId} is null where the server does not say (v2beta1). */
public record Pipeline(String id, String name, String description, Instant createdAt, String defaultVersionId) {}
