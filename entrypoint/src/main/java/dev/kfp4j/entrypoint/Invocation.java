package dev.kfp4j.entrypoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed call of a component: typed access to its inputs, and its outputs, which are staged
 * and only moved into place by {@link #commit()} once the component returned. A component that
 * throws leaves no output file behind.
 */
public final class Invocation {
  private final Signature signature;
  private final Map<String, String> values;
  private final List<Path> outputFiles;
  private final Map<String, String> outputs = new LinkedHashMap<>();
  /** Output name → [staging folder, staged path, final path] for {@code @OutputPath} outputs. */
  private final Map<String, Path[]> stagedPaths = new LinkedHashMap<>();

  Invocation(Signature signature, Map<String, String> values, List<Path> outputFiles) {
    this.signature = signature;
    this.values = values;
    this.outputFiles = outputFiles;
  }

  public String component() {
    return signature.component();
  }

  /** Whether the input was given on the command line or has a default. */
  public boolean has(String input) {
    return text(input) != null;
  }

  private String text(String input) {
    String v = values.get(input);
    if (v == null) {
      Signature.Flag f = signature.flag(input);
      return f == null ? null : f.defaultText();
    }
    return v;
  }

  private String required(String input) {
    String v = text(input);
    if (v == null) {
      throw new UsageException("the following arguments are required: --" + input);
    }
    return v;
  }

  private UsageException invalid(String input, IllegalArgumentException e) {
    return new UsageException("argument --" + input + ": " + e.getMessage());
  }

  public String string(String input) {
    return required(input);
  }

  public int intValue(String input) {
    try {
      return KfpValues.parseInt(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  public long longValue(String input) {
    try {
      return KfpValues.parseLong(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  public double doubleValue(String input) {
    try {
      return KfpValues.parseDouble(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  public float floatValue(String input) {
    try {
      return KfpValues.parseFloat(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  public boolean booleanValue(String input) {
    try {
      return KfpValues.parseBoolean(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  public <E extends Enum<E>> E enumValue(String input, Class<E> type) {
    try {
      return KfpValues.parseEnum(required(input), type);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /** A JSON input converted to a class such as a record. */
  public <T> T json(String input, Class<T> type) {
    try {
      return type.cast(KfpValues.parseJson(required(input), type));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /** A JSON input converted to a generic type such as {@code List<Integer>}. */
  @SuppressWarnings("unchecked")
  public <T> T json(String input, TypeToken<T> type) {
    try {
      return (T) KfpValues.parseJson(required(input), type.type());
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /** A file input: the path of the local file holding the data. */
  public Path path(String input) {
    return Path.of(required(input));
  }

  /**
   * A file output: a path to write to, whose parent folders exist. It is a staging path beside
   * the final one, moved into place by {@link #commit()}.
   */
  public Path outputPath(String output) {
    Path[] staged = stagedPaths.get(output);
    if (staged != null) {
      return staged[1];
    }
    Path target = Path.of(required(output)).toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path folder = Files.createDirectory(target.getParent().resolve(stagingName(target)));
      Path path = folder.resolve(target.getFileName());
      stagedPaths.put(output, new Path[] {folder, path, target});
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output '" + output + "' at " + target, e);
    }
  }

  /** Records a returned output's value; written to its {@code ----output-paths} file on commit. */
  public void output(String output, Object value) {
    if (value == null) {
      throw new IllegalStateException(
          "component '" + component() + "' returned null for output '" + output + "'; return a value");
    }
    outputs.put(output, KfpValues.format(value));
  }

  /**
   * Moves all outputs into place; called after the component returned. A target is replaced when
   * it is a file; a target that is a folder (made after the arguments were checked) fails the
   * commit: nothing is deleted on the caller's behalf.
   */
  void commit() throws IOException {
    for (Map.Entry<String, Path[]> e : stagedPaths.entrySet()) {
      if (!Files.exists(e.getValue()[1], LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalStateException(
            "component '" + component() + "' wrote nothing to its output '" + e.getKey() + "'");
      }
    }
    List<Path[]> moves = new ArrayList<>();
    try {
      stageValues(moves);
      for (Path[] staged : stagedPaths.values()) {
        moves.add(new Path[] {staged[1], staged[2]});
      }
      for (Path[] move : moves) {
        if (Files.isDirectory(move[1], LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalStateException("the output path " + move[1] + " is a folder; no output was written, "
              + "and the folder was left as it is");
        }
      }
    } catch (IOException | RuntimeException e) {
      moves.forEach(m -> Entrypoint.deleteStaged(m[0])); // staged here; the targets are untouched
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
    for (int i = 0; i < outputFiles.size() && i < names.size(); i++) {
      String value = outputs.get(names.get(i));
      if (value == null) {
        throw new IllegalStateException("component '" + component() + "' gave no value for output '" + names.get(i) + "'");
      }
      Path target = outputFiles.get(i).toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path temp = target.getParent().resolve(stagingName(target));
      Files.writeString(temp, value, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
      moves.add(new Path[] {temp, target});
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
    for (Path[] staged : stagedPaths.values()) {
      Entrypoint.deleteStaged(staged[0]);
    }
    stagedPaths.clear();
    // Value outputs are only in memory until commit: nothing to delete.
  }
}
