package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import tools.jackson.databind.JsonNode;

/**
 * What the tasks of one graph see: the graph's inputs (values and files), and the outputs of its
 * tasks that finished well, filled in as they finish. A pipeline model's loop iteration has a
 * scope of its own inside its parent's, with its item; what it does not hold its parent's may.
 */
final class Scope {
  final Map<String, String> inputs;
  final Map<String, Path> inputFiles;
  final Map<String, Map<String, String>> taskOutputs = new ConcurrentHashMap<>();
  final Map<String, Map<String, Path>> taskFiles = new ConcurrentHashMap<>();
  final Map<String, TaskResult> results = new ConcurrentHashMap<>();
  /** The tasks of this graph that ran after a failure of a task they wait for ({@link Plan#runsAfterFailure}). */
  final java.util.Set<String> upstreamFailed = ConcurrentHashMap.newKeySet();
  /** The enclosing scope, or null. */
  final Scope parent;
  /** The loop this scope is an iteration of, and its item (null at the top). */
  final String loop;
  final JsonNode item;
  /** Iterations of loops run in this scope, by loop name, in item order. */
  final Map<String, Map<String, Scope>> iterations = new ConcurrentHashMap<>();

  Scope(Map<String, String> inputs, Map<String, Path> inputFiles) {
    this(inputs, inputFiles, null, null, null);
  }

  private Scope(Map<String, String> inputs, Map<String, Path> inputFiles, Scope parent, String loop, JsonNode item) {
    this.inputs = inputs;
    this.inputFiles = inputFiles;
    this.parent = parent;
    this.loop = loop;
    this.item = item;
  }

  /** A scope for the iteration of {@code loop} sorted by {@code order}, over {@code item}, kept for collecting its outputs. */
  Scope iteration(String loop, String order, JsonNode item) {
    Scope child = new Scope(inputs, inputFiles, this, loop, item);
    iterations.computeIfAbsent(loop, k -> new ConcurrentSkipListMap<>()).put(order, child);
    return child;
  }

  /**
   * A scope that sees {@code item} as the item of {@code loop} and records into this one: a task
   * run once per item whose outputs are not collected.
   */
  Scope withItem(String loop, JsonNode item) {
    return new Scope(inputs, inputFiles, this, loop, item);
  }

  /** Records what task {@code name} of this graph gave. */
  void finished(String name, TaskResult result) {
    taskOutputs.put(name, result.outputs());
    taskFiles.put(name, result.artifacts());
    results.put(name, result);
  }

  /** Whether task {@code name}, here or in an enclosing scope, ran after a failure of a task it waits for. */
  boolean ranAfterFailure(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.upstreamFailed.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** The result of task {@code name} here or in an enclosing scope, or null. */
  TaskResult result(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      TaskResult r = s.results.get(name);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** The item of the enclosing iteration of {@code loop}, or null. */
  JsonNode item(String loop) {
    for (Scope s = this; s != null; s = s.parent) {
      if (loop.equals(s.loop)) {
        return s.item;
      }
    }
    return null;
  }

  /** The iterations of {@code loop} run here or in an enclosing scope, in item order, or null. */
  Map<String, Scope> iterations(String loop) {
    for (Scope s = this; s != null; s = s.parent) {
      Map<String, Scope> found = s.iterations.get(loop);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
