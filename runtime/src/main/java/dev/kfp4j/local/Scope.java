package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the tasks of one graph see: the graph's inputs (values and files), and the outputs of its
 * tasks that finished well, filled in as they finish.
 */
final class Scope {
  final Map<String, String> inputs;
  final Map<String, Path> inputFiles;
  final Map<String, Map<String, String>> taskOutputs = new ConcurrentHashMap<>();
  final Map<String, Map<String, Path>> taskFiles = new ConcurrentHashMap<>();

  Scope(Map<String, String> inputs, Map<String, Path> inputFiles) {
    this.inputs = inputs;
    this.inputFiles = inputFiles;
  }

  /** Records what task {@code name} of this graph gave. */
  void finished(String name, Map<String, String> outputs, Map<String, Path> files) {
    taskOutputs.put(name, outputs);
    taskFiles.put(name, files);
  }
}
