package dev.kfp4j.cli;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a project's components load from, for the local runner: {@code --classpath}, or the
 * classes folder and {@code target/dependency/*}; as a class loader over this command's, and as
 * the classpath of {@code java} subprocesses. An entry of {@code --classpath} that is not there
 * (but the classes folder, which a project not compiled yet lacks) is a usage error: {@code java}
 * would skip it, and each Java task fail with "Could not find or load main class". So is a {@code --classes} folder named on the
 * command line that is not there ({@link Kfp4j#checkClassesGiven}).
 */
record ProjectClasspath(URLClassLoader loader, String classpath) {
  static ProjectClasspath of(String classpath, Path classes, Terms terms) throws IOException {
    List<Path> entries = new ArrayList<>();
    if (classpath != null) {
      for (String e : classpath.split(File.pathSeparator)) {
        Path entry = Path.of(e);
        boolean classesFolder = entry.toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize());
        if (!e.isBlank() && !classesFolder) {
          checkThere(e, terms);
        }
        entries.add(entry);
      }
    } else {
      entries.add(classes);
      Path deps = Path.of("target/dependency");
      if (Files.isDirectory(deps)) {
        try (Stream<Path> jars = Files.list(deps)) {
          jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(entries::add);
        }
      }
    }
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = entries.get(i).toUri().toURL();
    }
    String cp = String.join(File.pathSeparator, entries.stream().map(Path::toString).toList())
        + File.pathSeparator + System.getProperty("java.class.path");
    return new ProjectClasspath(new URLClassLoader(urls, Kfp4j.class.getClassLoader()), cp);
  }

  /** Refuses {@code entry}, an entry of {@code --classpath}, when it is not there ({@code lib/*}: the jars of lib, when lib is not). */
  static void checkThere(String entry, Terms terms) {
    Path there = entry.endsWith("*") ? Path.of(entry).toAbsolutePath().getParent() : Path.of(entry);
    if (!Files.exists(there)) {
      throw notThere(entry, terms);
    }
  }

  private static ConfigException notThere(String entry, Terms terms) {
    return new ConfigException(terms.option("--classpath") + " names " + entry + ", which is not there; name the project's class folders and jars "
        + "(as 'mvn dependency:build-classpath' prints them, with target/classes)");
  }
}
