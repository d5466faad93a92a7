package dev.kfp4j.local;

import dev.kfp4j.spec.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the local runner's Java tasks run, as one digest, part of their cache keys: the content of each file of the
 * classpath's folders, so classes built again the same ({@code mvn clean compile}) give the same digest and a changed class
 * another; and each archive's size and modification time (a jar built again differs anyway, by its entries' times). Each
 * file is hashed once: {@code classpath.sums} in the cache's folder keeps every file's digest with the size and
 * modification time it had, and a later run hashes only the files whose size or time changed since. Hashed here, not by
 * the JDK's {@code MessageDigest}, whose first use starts the security providers ({@link Sha256}).
 */
final class ClasspathSums {
  static final String FILE = "classpath.sums";

  private final Path cache;
  private final Map<String, Sum> known;
  private final Map<String, Sum> seen = new TreeMap<>();

  /** A file's digest and the size and modification time it had when hashed. */
  private record Sum(long size, long modified, String sha) {}

  private ClasspathSums(Path cache) {
    this.cache = cache;
    this.known = read(cache.resolve(FILE));
  }

  /** The digest of {@code classpath}: its entries, their folders' files, with {@code cache} the folder that keeps their sums. */
  static String of(List<String> classpath, Path cache) {
    ClasspathSums sums = new ClasspathSums(cache);
    StringBuilder s = new StringBuilder();
    for (String entry : classpath) {
      Path p = Path.of(entry);
      s.append(entry).append('\n');
      if (Files.isDirectory(p)) {
        files(p).forEach((f, attributes) -> s.append(p.relativize(f)).append(' ').append(sums.sum(f, attributes)).append('\n'));
      } else {
        FileStamp.append(s, p);
      }
    }
    sums.save();
    return Sha256.hexOf(s.toString());
  }

  private String sum(Path file, BasicFileAttributes a) {
    String key = file.toAbsolutePath().normalize().toString();
    long modified = a.lastModifiedTime().toMillis();
    Sum sum = known.get(key);
    if (sum == null || sum.size() != a.size() || sum.modified() != modified) {
      String sha = hash(file);
      if (sha == null) {
        return "-";
      }
      sum = new Sum(a.size(), modified, sha);
    }
    seen.put(key, sum);
    return sum.sha();
  }

  private static String hash(Path file) {
    Sha256 sha = new Sha256();
    try {
      TaskCache.digest(sha, file);
    } catch (IOException e) {
      return null;
    }
    return sha.hex();
  }

  /** Writes the sums of this run's files, aside and then moved into place, when any differs from what was read. */
  private void save() {
    if (seen.equals(known)) {
      return;
    }
    StringBuilder s = new StringBuilder();
    seen.forEach((file, sum) -> s.append(sum.sha()).append('\t').append(sum.size()).append('\t').append(sum.modified())
        .append('\t').append(file).append('\n'));
    Path temp = null;
    try {
      Files.createDirectories(cache);
      temp = RunPaths.inside(cache, Owners.leftover(".entry"));
      Files.writeString(temp, s, StandardCharsets.UTF_8);
      Files.move(temp, RunPaths.inside(cache, FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the sums are kept for speed only: the next run hashes again
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // swept at the next use of the cache
        }
      }
    }
  }

  private static Map<String, Sum> read(Path file) {
    Map<String, Sum> sums = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return sums;
    }
    for (String line : lines) {
      String[] f = line.split("\t", 4);
      try {
        if (f.length == 4 && f[0].length() == 64) {
          sums.put(f[3], new Sum(Long.parseLong(f[1]), Long.parseLong(f[2]), f[0]));
        }
      } catch (NumberFormatException e) {
        // a damaged line: that file is hashed again
      }
    }
    return sums;
  }

  /**
   * The files in the classpath folder {@code dir} with their attributes, as the walk reads them,
   * sorted, but for hidden folders ({@code .kfp4j} with its runs and this cache, {@code .git}),
   * which hold no classes, and change as runs go when a project's folder itself is on the classpath.
   */
  private static Map<Path, BasicFileAttributes> files(Path dir) {
    Map<Path, BasicFileAttributes> files = new TreeMap<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
          return !d.equals(dir) && d.getFileName().toString().startsWith(".")
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          if (a.isRegularFile()) {
            files.put(f, a);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // what could be listed is the digest
    }
    return files;
  }
}
