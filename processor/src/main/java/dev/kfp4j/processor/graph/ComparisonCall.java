package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Predicate;
import dev.kfp4j.processor.base.Position;

/** A condition as read from {@code Dsl.<method>(left, right)}: its sides as written, and where it is written. */
public record ComparisonCall(String method, String left, String right, Predicate.Comparison comparison, Position position) {}
