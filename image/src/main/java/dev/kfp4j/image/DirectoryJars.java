package dev.kfp4j.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Folders of classes on a class path (a sibling module's {@code target/classes} in a reactor
 * build) packed into jars for {@code /app/libs}, the same bytes for the same files: entries in
 * name order, each with a fixed time.
 */
final class DirectoryJars {
  /** 1980-02-01, the time of every entry: the earliest a zip can hold, as Maven's reproducible builds use. */
  private static final long TIME = 315_532_800_000L + 31L * 24 * 3600 * 1000;

  private DirectoryJars() {}

  /** Packs {@code dir} into a jar in {@code into}, named after its module ({@code .../runtime/target/classes} is {@code runtime.jar}). */
  static Path pack(Path dir, Path into) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    String name = d.getFileName().toString();
    if (d.getParent() != null && d.getParent().getFileName() != null && d.getParent().getFileName().toString().equals("target")
        && d.getParent().getParent() != null && d.getParent().getParent().getFileName() != null) {
      name = d.getParent().getParent().getFileName().toString();
    }
    Path jar = into.resolve(name + ".jar");
    for (int i = 2; Files.exists(jar); i++) {
      jar = into.resolve(name + "-" + i + ".jar");
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(d)) {
      files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted(Comparator.comparing(p -> entry(d, p))).toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path f : files) {
        ZipEntry e = new ZipEntry(entry(d, f));
        e.setTime(TIME);
        zip.putNextEntry(e);
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static String entry(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temp folder; the system clears it
    }
  }
}
