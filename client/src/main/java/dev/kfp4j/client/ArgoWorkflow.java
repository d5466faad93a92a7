package dev.kfp4j.client;

import java.time.Instant;

/** A workflow on an Argo Server: its name, phase as a {@link RunState}, and the controller's message. */
public record ArgoWorkflow(String namespace, String name, RunState state, String message, Instant startedAt,
    Instant finishedAt) {}
