package dev.kfp4j.testing.containers;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A root file system made of this machine's own files, imported as an image: programs with the
 * shared libraries {@code ldd} lists for them, folders copied whole. For images the tests need
 * where no registry can be reached (a JRE, Python, a shell).
 */
final class RootFs {
  private final Path root;
  private final List<String> changes = new ArrayList<>();

  RootFs(Path root) throws IOException {
    this.root = root;
    for (String d : List.of("tmp", "proc", "sys", "dev", "etc", "bin", "usr/bin")) {
      Files.createDirectories(root.resolve(d));
    }
    Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  /** {@code file} of this machine at the same path in the image (its content, links followed), and the libraries it needs. */
  RootFs program(Path file) throws IOException {
    return program(file, file);
  }

  /** {@code file} at {@code at} in the image, and the libraries it needs. */
  RootFs program(Path file, Path at) throws IOException {
    copy(file, at);
    libraries(file);
    return this;
  }

  /** The libraries {@code ldd} lists for {@code file}, at their paths; those inside the image's own folders are skipped. */
  RootFs libraries(Path file) throws IOException {
    Engine.Result r = Engine.exec(List.of("ldd", file.toString()), null);
    if (r.exit() != 0) {
      return this; // not dynamic
    }
    for (String line : r.output().split("\n")) {
      String l = line.strip();
      String lib = l.contains("=> /") ? l.substring(l.indexOf("=> ") + 3).replaceAll(" \\(0x[0-9a-f]+\\)$", "")
          : l.startsWith("/") ? l.replaceAll(" \\(0x[0-9a-f]+\\)$", "") : null;
      if (lib != null && !lib.startsWith(root.toString()) && !Files.exists(inImage(Path.of(lib)), LinkOption.NOFOLLOW_LINKS)) {
        copy(Path.of(lib), Path.of(lib));
      }
    }
    return this;
  }

  /** The folder {@code dir} of this machine at the same path, without the entries named in {@code skip} (at any depth). */
  RootFs tree(Path dir, Set<String> skip) throws IOException {
    Path target = inImage(dir);
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        if (!d.equals(dir) && skip.contains(d.getFileName().toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(dir.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        if (!skip.contains(f.getFileName().toString())) {
          Files.copy(f, target.resolve(dir.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return this;
  }

  /** A symbolic link at {@code at} to {@code target}. */
  RootFs link(Path at, Path target) throws IOException {
    Path p = inImage(at);
    Files.createDirectories(p.getParent());
    Files.deleteIfExists(p);
    Files.createSymbolicLink(p, target);
    return this;
  }

  /** A Dockerfile instruction for the image's configuration, such as {@code ENV PATH=...}. */
  RootFs change(String instruction) {
    changes.add(instruction);
    return this;
  }

  /** Imports the file system into the engine as {@code image}, then deletes it here. */
  void importAs(Engine engine, String image) throws IOException {
    Path tar = root.resolveSibling(root.getFileName() + ".tar");
    Engine.Result t = Engine.exec(List.of("tar", "-C", root.toString(), "--numeric-owner", "--owner=0", "--group=0", "-cf",
        tar.toString(), "."), null);
    if (t.exit() != 0) {
      throw new IOException("tar failed: " + t.output());
    }
    List<String> args = new ArrayList<>(List.of("import", "--quiet"));
    for (String c : changes) {
      args.add("--change");
      args.add(c);
    }
    args.add(tar.toString());
    args.add(image);
    try {
      engine.check(args.toArray(String[]::new));
    } finally {
      Files.deleteIfExists(tar);
      delete(root);
    }
  }

  private Path inImage(Path absolute) {
    return root.resolve(absolute.toString().substring(1));
  }

  private void copy(Path file, Path at) throws IOException {
    Path p = inImage(at);
    Files.createDirectories(p.getParent());
    Files.copy(file, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
