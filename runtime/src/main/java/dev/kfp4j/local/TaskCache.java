package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.spec.Sha256;
import dev.kfp4j.yaml.Yaml;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Outputs of earlier tasks, reused when a task's image, command line and input files are the
 * same: {@code <root>/.cache/<key>/} holds the output files under {@code parameters/} and
 * {@code artifacts/} and a {@code manifest.json} with each file's size and checksum. An entry is
 * written aside and moved into place whole; one that is damaged (a file changed, cut short or
 * gone, the manifest unreadable, or naming a file outside the entry or the task's output folder, by
 * {@code ..} or through a link) is removed ({@link Damaged}), and its task runs afresh. One that is read whole but cannot be
 * written into the task's folder (a full disk, a file in the way) is the run's failure, not the entry's: it is kept.
 */
final class TaskCache {
  private static final String MANIFEST = "manifest.json";

  private final Path dir;
  private final List<String> classpath;
  private final String scope;
  private volatile boolean swept;
  private volatile String classes;

  /**
   * A cache in {@code dir}, created when the first entry is stored; {@code classpath} is what the
   * runner's Java tasks run on, whose files are part of their keys ({@link #classes()}).
   */
  TaskCache(Path dir, List<String> classpath) {
    this(dir, classpath, "");
  }

  /**
   * A cache in {@code dir} whose entries a run shares only with runs of the same {@code scope}: KFP 2's driver looks a task's
   * fingerprint up for its pipeline alone ({@code GetExecutionCache(fingerPrint, "pipeline/" + name, namespace)} in {@code
   * backend/src/v2/driver}), so a run of a KFP 2 spec passes {@code pipeline/<name>}; KFP v1's cache server keys a template
   * alone, whatever pipeline it is in, and a run of an Argo workflow passes {@code ""}, no scope.
   */
  TaskCache(Path dir, List<String> classpath, String scope) {
    this.dir = dir;
    this.classpath = classpath;
    this.scope = scope;
  }

  /** {@code key} within this cache's scope: itself with no scope, so that entries stored before scopes stay theirs. */
  String scoped(String key) {
    return scope.isEmpty() ? key : dev.kfp4j.spec.Sha256.hexOf("scope\u0000" + scope + "\u0000" + key);
  }

  /**
   * The code of the Java tasks run here, as part of their keys: each classpath entry's path, and the content of each of its
   * files (read once a run, {@link ClasspathSums}), so a task whose classes changed runs again, as a container's image id does
   * for a task in a container, and one whose classes were rebuilt the same is reused.
   */
  String classes() {
    String c = classes;
    if (c == null) {
      c = ClasspathSums.of(classpath, dir);
      classes = c;
    }
    return c;
  }

  /** The key of a task: its image, its command line and the content of its input files. */
  static String key(String image, List<String> command, Map<String, Path> inputFiles) throws IOException {
    List<KeyPart> parts = new ArrayList<>();
    parts.add(new KeyPart(image.getBytes(StandardCharsets.UTF_8), null));
    for (String c : command) {
      parts.add(new KeyPart((c + "\u0000").getBytes(StandardCharsets.UTF_8), null));
    }
    long size = 0;
    for (Map.Entry<String, Path> e : new TreeMap<>(inputFiles).entrySet()) {
      parts.add(new KeyPart((e.getKey() + "=").getBytes(StandardCharsets.UTF_8), null));
      Path p = e.getValue();
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
            parts.add(new KeyPart(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8), f));
            size += Files.size(f);
          }
        }
      } else if (Files.exists(p)) {
        parts.add(new KeyPart(new byte[0], p));
        size += Files.size(p);
      }
    }
    Sha256 d = Sha256.of(size);
    for (KeyPart part : parts) {
      d.update(part.bytes());
      if (part.file() != null) {
        digest(d, part.file());
      }
    }
    return d.hex();
  }

  /** What a key hashes, in order: {@code bytes}, then {@code file}'s content when there is one. */
  private record KeyPart(byte[] bytes, Path file) {
  }

  /**
   * Copies entry {@code key} to the task's output files, each checked against the manifest.
   * False (a miss) when there is no entry. A damaged one is removed and thrown as a {@link Damaged} saying what is wrong with
   * it; the files copied so far are then left for the task's runner to delete. An output file that cannot be written (a full
   * disk, a file in the way) is thrown, naming the file, and the entry kept: a good entry is not lost for the
   * run's failure. An artifact of {@code optional} that the entry lacks (its task did not write it) is left out.
   */
  boolean restore(String key, Map<String, Path> parameterFiles, Map<String, Path> artifactFiles, java.util.Set<String> optional)
      throws IOException {
    sweep();
    Path entry = RunPaths.inside(dir, key);
    if (!Files.isDirectory(entry)) {
      return false;
    }
    try {
      JsonNode files = manifest(entry).path("files");
      if (!files.isObject()) {
        throw new IOException(entry.resolve(MANIFEST) + " lists no files");
      }
      for (Map.Entry<String, Path> e : parameterFiles.entrySet()) {
        copyChecked(files, entry, "parameters/" + e.getKey(), e.getValue());
      }
      for (Map.Entry<String, Path> e : artifactFiles.entrySet()) {
        String name = "artifacts/" + e.getKey();
        if (optional.contains(e.getKey()) && files.propertyNames().stream().noneMatch(f -> f.equals(name) || f.startsWith(name + "/"))) {
          continue;
        }
        if (files.has(name)) {
          copyChecked(files, entry, name, e.getValue());
        } else {
          // a folder: every file listed under it
          boolean any = false;
          written(e.getValue(), () -> Files.createDirectories(e.getValue()));
          for (String f : files.propertyNames()) {
            if (f.startsWith(name + "/") && f.length() > name.length() + 1) {
              copyChecked(files, entry, f, RunPaths.beneath(e.getValue(), f.substring(name.length() + 1)));
              any = true;
            }
          }
          if (!any && !files.path(name + "/").isObject()) {
            throw new IOException(entry.resolve(MANIFEST) + " lists no output artifact '" + e.getKey() + "'");
          }
        }
      }
      return true;
    } catch (Unwritten runs) {
      throw runs.getCause();
    } catch (IOException | RuntimeException damaged) {
      discard(entry);
      throw new Damaged(entry, damaged);
    }
  }

  /** Removes entry {@code key}, when there is one: damaged in a way only its task's runner sees (a value it cannot read). */
  void remove(String key) {
    Path entry = RunPaths.inside(dir, key);
    if (Files.isDirectory(entry)) {
      discard(entry);
    }
  }

  /** The manifest of {@code entry}; one that is not JSON is an {@link IOException} saying so. */
  private static JsonNode manifest(Path entry) throws IOException {
    Path file = entry.resolve(MANIFEST);
    String text = Files.readString(file);
    try {
      return Yaml.readJson(text);
    } catch (RuntimeException notJson) {
      throw new IOException(file + " is not JSON");
    }
  }

  /**
   * A cache entry that cannot be read whole (a file changed, cut short or gone, its manifest unreadable, a name outside it):
   * removed, its message saying which entry, what is wrong with it, in words, and that its task runs afresh.
   */
  static final class Damaged extends IOException {
    private static final long serialVersionUID = 1L;

    Damaged(Path entry, Exception cause) {
      super("the cache entry " + entry + " is damaged (" + (cause instanceof IOException io ? FileErrors.why(io)
          : cause instanceof WorkflowException ? cause.getMessage() : FileErrors.problem(cause))
          + "); it was removed, and the task runs afresh", cause);
    }
  }

  /** Stores the task's output files as entry {@code key}, unless another task stored it first. */
  void store(String key, Map<String, Path> parameterFiles, Map<String, Path> artifactFiles) throws IOException {
    sweep();
    Files.createDirectories(dir);
    Path temp = RunPaths.inside(dir, Owners.leftover(".entry"));
    try {
      Files.createDirectories(temp); // a task with no output files has an entry too: its manifest alone
      ObjectNode files = Yaml.object();
      for (Map.Entry<String, Path> e : parameterFiles.entrySet()) {
        put(files, temp, "parameters/" + e.getKey(), e.getValue());
      }
      for (Map.Entry<String, Path> e : artifactFiles.entrySet()) {
        Path from = e.getValue();
        String name = "artifacts/" + e.getKey();
        if (Files.isDirectory(from)) {
          files.putObject(name + "/"); // the folder, even when empty
          try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
              put(files, temp, name + "/" + from.relativize(f).toString().replace('\\', '/'), f);
            }
          }
        } else {
          put(files, temp, name, from);
        }
      }
      ObjectNode manifest = Yaml.object();
      manifest.set("files", files);
      Files.writeString(temp.resolve(MANIFEST), Yaml.jsonText(manifest));
      try {
        Files.move(temp, RunPaths.inside(dir, key), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        // another task stored the same entry first
      }
    } finally {
      RunPaths.deleteTree(dir, temp);
    }
  }

  private static void put(ObjectNode files, Path entry, String name, Path from) throws IOException {
    Path to = entry.resolve(name);
    Files.createDirectories(to.getParent());
    CRC32C crc = new CRC32C();
    long size;
    try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
      size = copy(in, out, crc);
    }
    files.putObject(name).put("size", size).put("crc32c", Long.toHexString(crc.getValue()));
  }

  private static void copyChecked(JsonNode files, Path entry, String name, Path to) throws IOException {
    JsonNode expected = files.path(name);
    if (!expected.isObject()) {
      throw new IOException(entry.resolve(MANIFEST) + " lists no " + name);
    }
    Path from = RunPaths.beneath(entry, name); // a name with .., or a link on the way: a damaged entry
    CRC32C crc = new CRC32C();
    long size;
    try (InputStream in = Files.newInputStream(from)) { // the entry's file, before the task's is touched
      written(to, () -> Files.createDirectories(to.getParent()));
      try (OutputStream out = new TaskFile(to)) {
        size = copy(in, out, crc);
      }
    } catch (Unwritten | FileSystemException e) {
      throw e;
    } catch (IOException e) { // a read's own error (a folder in the file's place) names no file: the entry's
      throw named(from, e);
    }
    if (size != expected.path("size").asLong(-1) || !Long.toHexString(crc.getValue()).equals(expected.path("crc32c").asString(""))) {
      throw new IOException(from + " is not what was stored: changed or cut short");
    }
  }

  /** Copies {@code in} to {@code out}; the number of bytes copied. */
  private static long copy(InputStream in, OutputStream out, CRC32C crc) throws IOException {
    long size = 0;
    byte[] buffer = new byte[65536];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      crc.update(buffer, 0, n);
      out.write(buffer, 0, n);
      size += n;
    }
    return size;
  }

  /**
   * The task's file {@code to}, replaced, as an entry is restored into it: a failure to make or write it is an {@link
   * Unwritten}, the run's, told from a failure to read the entry.
   */
  private static final class TaskFile extends FilterOutputStream {
    private final Path to;

    TaskFile(Path to) throws Unwritten {
      super(written(to, () -> {
        Files.deleteIfExists(to);
        return Files.newOutputStream(to);
      }));
      this.to = to;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws Unwritten {
      written(to, () -> {
        out.write(bytes, offset, length);
        return null;
      });
    }

    @Override
    public void write(int b) throws Unwritten {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }

  /** Something done to the task's file {@code to}: what it throws, as an {@link Unwritten}. */
  private static <T> T written(Path to, Writing<T> writing) throws Unwritten {
    try {
      return writing.run();
    } catch (FileSystemException e) {
      throw new Unwritten(e);
    } catch (IOException e) { // a write's own error (a full disk's) names no file: this one's
      throw new Unwritten(named(to, e));
    }
  }

  /** {@code e}, met reading or writing {@code file}, naming it, with its reason. */
  private static FileSystemException named(Path file, IOException e) {
    FileSystemException named = new FileSystemException(file.toString(), null, FileErrors.reason(e));
    named.initCause(e);
    return named;
  }

  /** A step of writing a task's file. */
  private interface Writing<T> {
    T run() throws IOException;
  }

  /** A task's output file that could not be written as its entry was restored: the run's failure, not the entry's. */
  private static final class Unwritten extends IOException {
    private static final long serialVersionUID = 1L;

    Unwritten(FileSystemException cause) {
      super(cause);
    }

    @Override
    public synchronized FileSystemException getCause() {
      return (FileSystemException) super.getCause();
    }
  }

  /** Moves a damaged entry aside, so a new one can take its place, and deletes it. */
  private void discard(Path entry) {
    Path trash = dir.resolve(Owners.leftover(".trash"));
    try {
      Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
      RunPaths.deleteTree(dir, trash);
    } catch (IOException e) {
      // another task moved it first, or the cache is read-only: a miss either way
    }
  }

  /**
   * Once per cache: deletes what runners that ended before finishing left behind, entries being
   * written and damaged ones being deleted, named with their process's id; never another live
   * runner's.
   */
  private void sweep() {
    if (swept) {
      return;
    }
    swept = true;
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if ((name.startsWith(".entry") || name.startsWith(".trash-")) && !Owners.alive(name)) {
          RunPaths.deleteTree(dir, p);
        }
      }
    } catch (IOException e) {
      // left for the next sweep
    }
  }

  /** Adds {@code f}'s content to {@code d}. */
  static void digest(Sha256 d, Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        d.update(buffer, 0, n);
      }
    }
  }
}
