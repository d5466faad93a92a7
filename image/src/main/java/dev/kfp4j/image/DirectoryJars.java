package dev.kfp4j.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Folders of classes packed into jars for the image, the same bytes for the same files: entries in
 * name order, each with a fixed time. A folder on the class path (a sibling module's {@code
 * target/classes} in a reactor build) goes to {@code /app/libs/lib}; the project's class output
 * becomes {@code /app/libs/project.jar}, whose manifest lists the others.
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
    write(d, jar, null);
    return jar;
  }

  /**
   * Packs {@code dir} into {@code jar}, its manifest's {@code Class-Path} {@code classPath} (paths
   * relative to the jar's folder, in order), after a {@code Class-Path} the folder's own manifest has.
   */
  static void packWithClassPath(Path dir, Path jar, List<String> classPath) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    Path own = d.resolve(JarFile.MANIFEST_NAME);
    Manifest m = new Manifest();
    if (Files.isRegularFile(own)) {
      try (InputStream in = Files.newInputStream(own)) {
        m.read(in);
      }
    }
    m.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
    List<String> entries = new ArrayList<>();
    String before = m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
    if (before != null && !before.isBlank()) {
      entries.add(before.strip());
    }
    for (String p : classPath) {
      entries.add(encoded(p));
    }
    if (!entries.isEmpty()) {
      m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
    }
    write(d, jar, m);
  }

  private static void write(Path d, Path jar, Manifest manifest) throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(d)) {
      files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> manifest == null || !entry(d, p).equals(JarFile.MANIFEST_NAME))
          .sorted(Comparator.comparing(p -> entry(d, p))).toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      if (manifest != null) {
        zip.putNextEntry(entry("META-INF/"));
        zip.closeEntry();
        zip.putNextEntry(entry(JarFile.MANIFEST_NAME));
        manifest.write(zip);
        zip.closeEntry();
      }
      for (Path f : files) {
        zip.putNextEntry(entry(entry(d, f)));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }

  /** {@code path} as a relative URL, as {@code Class-Path} takes it ({@code lib/my lib.jar} is {@code lib/my%20lib.jar}). */
  private static String encoded(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTime(TIME);
    return e;
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
