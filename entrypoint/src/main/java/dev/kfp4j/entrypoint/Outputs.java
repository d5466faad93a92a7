package dev.kfp4j.entrypoint;

import dev.kfp4j.artifacts.Artifact;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's outputs while it runs: returned values, and the files and artifacts it writes,
 * staged beside their places. {@link #commit()} moves all of them into place once the component
 * returned; {@link #discard()} removes what was staged, so a component that throws leaves no
 * output behind. In KFP v1 values go to the {@code ----output-paths} files and an artifact's
 * metadata beside it; in KFP 2 values go to their {@code outputFile}s, and values and artifact
 * metadata to the executor output, moved into place last.
 */
final class Outputs {
  private final Signature signature;
  /** KFP v1: the {@code ----output-paths} files, in the order of the signature's outputs. */
  private final List<Path> outputFiles;
  /** KFP 2: the executor input; null in KFP v1. */
  private final ExecutorInput executor;
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final Map<String, Object> jsons = new LinkedHashMap<>();
  /** Output name → [staging folder, staged path, final path], for files and artifacts. */
  private final Map<String, Path[]> staged = new LinkedHashMap<>();
  private final Map<String, Artifact> artifacts = new LinkedHashMap<>();

  Outputs(Signature signature, List<Path> outputFiles, ExecutorInput executor) {
    this.signature = signature;
    this.outputFiles = outputFiles;
    this.executor = executor;
  }

  /** A staging path for the output whose place is {@code target}, its folders made. */
  Path stage(String output, Path target) {
    Path[] s = staged.get(output);
    if (s != null) {
      return s[1];
    }
    Path absolute = target.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path folder = Files.createDirectory(absolute.getParent().resolve(stagingName(absolute)));
      Path path = folder.resolve(absolute.getFileName());
      staged.put(output, new Path[] {folder, path, absolute});
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output '" + output + "' at " + absolute, e);
    }
  }

  /** The place of a staged output. */
  Path target(String output) {
    return staged.get(output)[2];
  }

  void artifact(String output, Artifact artifact) {
    artifacts.put(output, artifact);
  }

  /** A returned value: its KFP text form, and in KFP 2 its JSON value (finite numbers only). */
  void value(String output, Object value) {
    texts.put(output, KfpValues.format(value));
    if (executor != null) {
      Object json = JsonTree.toJson(value);
      checkFinite(json, "output '" + output + "' of component '" + signature.component() + "'", "");
      jsons.put(output, json);
    }
  }

  /**
   * Moves all outputs into place; called after the component returned. A target is replaced when
   * it is a file; a target that is a folder (made after the arguments were checked) fails the
   * commit: nothing is deleted on the caller's behalf.
   */
  void commit() throws IOException {
    List<Path[]> moves = new ArrayList<>();
    try {
      stageValues(moves);
      for (Map.Entry<String, Path[]> e : staged.entrySet()) {
        String output = e.getKey();
        Path[] s = e.getValue();
        Artifact artifact = artifacts.get(output);
        boolean written = Files.exists(s[1], LinkOption.NOFOLLOW_LINKS);
        if (!written && artifact == null) {
          throw new IllegalStateException("component '" + signature.component() + "' wrote nothing to its output '" + output + "'");
        }
        Path custom = artifact == null ? null : artifact.customPath();
        if (custom != null) {
          if (custom.startsWith(s[0])) {
            throw new IllegalStateException("component '" + signature.component() + "' gave its output artifact '" + output
                + "' the custom path " + custom + ", inside the staging folder of its own path, which is removed once the "
                + "method returned; give a place outside " + s[0]);
          }
          if (written) {
            throw new IllegalStateException("component '" + signature.component() + "' wrote its output artifact '" + output
                + "' at its own path and gave it the custom path " + custom + " as well; write it at one place, path() once "
                + "setCustomPath was called");
          }
          // KFP 2: the launcher uploads it from there (the executor output says where); KFP v1: Argo collects the output file
          if (executor == null && Files.exists(custom)) {
            FileTrees.copy(custom, s[1]); // into the staging folder: discarded with it if anything fails
            written = true;
          }
        }
        if (executor == null && artifact != null) {
          if (!written) {
            Files.createFile(s[1]); // an artifact may be metadata only (Metrics); Argo needs a file to collect
            written = true;
          }
          String metadata = PyJson.dumps(Artifacts.metadataJson(output, artifact, false));
          moves.add(stageText(Artifacts.metadataFile(s[2]), metadata));
        }
        if (written) {
          moves.add(new Path[] {s[1], s[2]});
        }
      }
      if (executor != null) {
        moves.add(stageText(executor.outputFile, executorOutput())); // last: it says the component succeeded
      }
      for (Path[] move : moves) {
        if (Files.isDirectory(move[1], LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalStateException("the output path " + move[1] + " is a folder; no output was written, "
              + "and the folder was left as it is");
        }
      }
    } catch (IOException | RuntimeException e) {
      for (Path[] move : moves) {
        Entrypoint.deleteStaged(move[0]); // staged here; the targets are untouched
      }
      throw e;
    }
    for (Path[] move : moves) {
      if (Files.isDirectory(move[0], LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(move[1], LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(move[1]); // a folder output replacing a file: rename cannot put a folder over a file
      }
      try {
        Files.move(move[0], move[1], StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(move[0], move[1], StandardCopyOption.REPLACE_EXISTING);
      }
    }
    discard();
  }

  private void stageValues(List<Path[]> moves) throws IOException {
    List<String> names = signature.outputs();
    for (int i = 0; i < names.size(); i++) {
      Path file = executor != null ? executor.outputParameterFiles.get(names.get(i))
          : i < outputFiles.size() ? outputFiles.get(i) : null;
      if (file == null) {
        continue; // KFP v1 without ----output-paths: the values are computed and dropped, as argparse allows
      }
      String value = texts.get(names.get(i));
      if (value == null) {
        throw new IllegalStateException("component '" + signature.component() + "' gave no value for output '" + names.get(i) + "'");
      }
      moves.add(stageText(file, value));
    }
  }

  private static Path[] stageText(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = absolute.getParent().resolve(stagingName(absolute));
    File file = temp.toFile();
    if (!file.createNewFile()) {
      throw new FileAlreadyExistsException(temp.toString());
    }
    // java.io, not a channel (Files.write*): a FileChannel's first use loads libnet, which probes the
    // network's IPv6 support, a few ms of a task that writes only its values
    try (FileOutputStream out = new FileOutputStream(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return new Path[] {temp, absolute};
  }

  /**
   * The executor output KFP's launcher reads: each output artifact's name, URI and metadata (and its custom path, when the
   * method gave one), and the values.
   */
  private String executorOutput() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> list = new LinkedHashMap<>();
    for (Map.Entry<String, ExecutorInput.RuntimeArtifact> e : executor.outputArtifacts.entrySet()) {
      Artifact artifact = artifacts.get(e.getKey());
      Map<String, Object> runtime = new LinkedHashMap<>();
      runtime.put("name", e.getValue().name());
      runtime.put("uri", e.getValue().uri());
      runtime.put("metadata", artifact != null ? Artifacts.metadataJson(e.getKey(), artifact, true) : e.getValue().metadata());
      if (artifact != null && artifact.customPath() != null) {
        runtime.put("custom_path", artifact.customPath().toString()); // as KFP's Python executor names it
      }
      list.put(e.getKey(), Map.of("artifacts", List.of(runtime)));
    }
    if (!list.isEmpty()) {
      out.put("artifacts", list);
    }
    if (!jsons.isEmpty()) {
      out.put("parameterValues", jsons);
    }
    return PyJson.dumps(out);
  }

  /** Refuses NaN and infinite numbers in a value KFP 2 keeps as protobuf JSON, which has neither. */
  static void checkFinite(Object json, String what, String at) {
    if (json instanceof Double || json instanceof Float) {
      double d = ((Number) json).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalStateException(what + (at.isEmpty() ? "" : " at " + at) + " is " + d
            + ", which KFP 2 cannot pass: it keeps values as JSON numbers; use a finite value");
      }
    } else if (json instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        checkFinite(e.getValue(), what, at.isEmpty() ? String.valueOf(e.getKey()) : at + "." + e.getKey());
      }
    } else if (json instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkFinite(list.get(i), what, at + "[" + i + "]");
      }
    }
  }

  private static long sequence;

  /**
   * A unique hidden name beside {@code target} for staging it. Not {@code Files.createTemp*}:
   * their SecureRandom costs a container entrypoint tens of milliseconds at start-up.
   */
  private static synchronized String stagingName(Path target) {
    return new StringBuilder(".").append(target.getFileName()).append(".kfp4j-")
        .append(System.nanoTime()).append('-').append(++sequence)
        .append(".partial").toString();
  }

  /** Removes every staged output; called when the component failed, and after a commit. */
  void discard() {
    for (Map.Entry<String, Path[]> s : staged.entrySet()) {
      Entrypoint.deleteStaged(s.getValue()[0]);
    }
    staged.clear();
    // Values are only in memory until commit: nothing to delete.
  }
}
