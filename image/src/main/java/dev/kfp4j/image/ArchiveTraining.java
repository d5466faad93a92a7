package dev.kfp4j.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Runs inside the image being built, on the components' class path, with {@code
 * -XX:DumpLoadedClassList}: loads what a step of the image loads, so that {@link ClassDataArchive}
 * can archive those classes. {@code java -cp <this>:/app/resources:/app/classes:/app/libs/*
 * dev.kfp4j.image.ArchiveTraining <entrypoint class> <component> ...}: for each pair it runs
 * {@code <component> -h} through the entrypoint, loads (without initialising) every class of the
 * jar that holds the entrypoint class and of the jar that holds kfp4j's entrypoint runtime, and
 * does what an entrypoint does with its files (folders made, a file written, moved into place,
 * read). A step's own work (its method's body) is not run: it may have effects. Copies the JDK's
 * default class list ({@code lib/classlist}), when the JDK has one, to the file given by {@code
 * -Dkfp4j.jdkClasslist}. Exit 0, or 1 with a line on standard error for what failed.
 *
 * <p>Self-contained (no nested classes, nothing but the JDK) and compiled for the release kfp4j
 * needs, so it runs in any image with a Java 17 or newer.
 */
public final class ArchiveTraining {
  /** The class of kfp4j's entrypoint runtime, whose jar every Java component image has. */
  private static final String RUNTIME = "dev.kfp4j.entrypoint.Entrypoint";

  private ArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    ClassLoader loader = ArchiveTraining.class.getClassLoader();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    boolean ok = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      System.setOut(quiet);
      System.setErr(quiet);
      try {
        Object code = Class.forName(args[i], true, loader).getMethod("run", String[].class)
            .invoke(null, (Object) new String[] {args[i + 1], "-h"});
        ok &= Integer.valueOf(0).equals(code);
      } catch (ReflectiveOperationException | LinkageError e) {
        ok = false;
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
      loadJarOf(args[i], loader);
    }
    loadJarOf(RUNTIME, loader);
    files();
    String jdkList = System.getProperty("kfp4j.jdkClasslist");
    Path classlist = Path.of(System.getProperty("java.home"), "lib", "classlist");
    if (jdkList != null && Files.isRegularFile(classlist)) {
      Files.copy(classlist, Path.of(jdkList), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!ok) {
      err.println("kfp4j: an entrypoint did not run with -h in the image");
    }
    System.exit(ok ? 0 : 1);
  }

  /** Loads, without initialising, every class of the jar {@code className} is in; nothing when it is not in a jar. */
  private static void loadJarOf(String className, ClassLoader loader) throws IOException {
    URL url = loader.getResource(className.replace('.', '/') + ".class");
    if (url == null || !url.getProtocol().equals("jar")) {
      return;
    }
    JarURLConnection c = (JarURLConnection) url.openConnection();
    c.setUseCaches(false);
    try (JarFile jar = c.getJarFile()) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF/")) {
          try {
            Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
          } catch (ClassNotFoundException | LinkageError skipped) {
            // a class whose own dependencies are not in the image: not archived
          }
        }
      }
    }
  }

  /** What an entrypoint does with its files: output folders made, a value staged, moved into place, read back. */
  private static void files() throws IOException {
    Path dir = Files.createTempDirectory("kfp4j-training");
    Path staged = Files.createDirectories(dir.resolve("outputs").resolve("Output")).resolve(".data.tmp");
    try (OutputStream o = Files.newOutputStream(staged)) {
      o.write("7\n".getBytes(StandardCharsets.UTF_8));
    }
    Path data = staged.resolveSibling("data");
    Files.move(staged, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("metadata.json"), "{}");
    new ByteArrayOutputStream().writeBytes(Files.readAllBytes(data));
    Files.readString(dir.resolve("metadata.json"));
    Files.delete(data);
    Files.delete(dir.resolve("metadata.json"));
    Files.delete(data.getParent());
    Files.delete(data.getParent().getParent());
    Files.delete(dir);
  }
}
