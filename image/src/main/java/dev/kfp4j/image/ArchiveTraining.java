package dev.kfp4j.image;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Runs inside the image being built, on the components' class path, with {@code
 * -XX:DumpLoadedClassList}: loads what a step of the image loads, so that {@link ClassDataArchive}
 * can archive those classes. {@code java -cp <this>:/app/resources:/app/classes:/app/libs/*
 * dev.kfp4j.image.ArchiveTraining <entrypoint class> <component> ...}: for each pair it runs
 * through the entrypoint {@code <component> -h}, then both protocols' parsing of arguments that it
 * refuses before the component runs (KFP v1's flags with one no input can have; KFP 2's executor
 * input, read whole, with such an input): exit code 2, as any bad arguments. It loads (without
 * initialising) every class of the jar that holds the entrypoint class and of the jar that holds
 * kfp4j's entrypoint runtime, reads and writes KFP's text forms of values through the runtime
 * (numbers, JSON, whose keys are sorted), does what an entrypoint does with its files (folders made,
 * a file written, moved into place, read), and what a step's own code commonly does (a lambda, a
 * stream, a string concatenation). A step's own work (its method's body) is not run: it may have
 * effects. Exit 0, or 1 with a line on standard error for what failed.
 *
 * <p>Self-contained (no nested classes, nothing but the JDK) and compiled for the release kfp4j
 * needs, so it runs in any image with a Java 17 or newer.
 */
public final class ArchiveTraining {
  /** The class of kfp4j's entrypoint runtime, whose jar every Java component image has. */
  private static final String RUNTIME = "dev.kfp4j.entrypoint.Entrypoint";
  /** KFP's text forms of values in the entrypoint runtime. */
  private static final String VALUES = "dev.kfp4j.entrypoint.KfpValues";
  /** A flag, and an executor input's input, that no component has (inputs are Java names): refused before it runs. */
  private static final String NO_INPUT = "kfp4j-archive-training";
  /** KFP 2's executor input with every kind of JSON value, refused for {@link #NO_INPUT}. */
  private static final String EXECUTOR_INPUT = "{\"inputs\": {\"parameterValues\": {\"" + NO_INPUT
      + "\": [1, -2.5e-3, \"text\", true, false, null, {\"key\": \"\\u00e9\"}]}, \"artifacts\": {}}, "
      + "\"outputs\": {\"parameters\": {}, \"artifacts\": {}, \"outputFile\": \"/tmp/kfp4j-training/executor_output.json\"}}";

  private ArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    ClassLoader loader = ArchiveTraining.class.getClassLoader();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
    boolean ok = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      System.setOut(quiet);
      System.setErr(quiet);
      try {
        ok &= run(loader, args[i], 0, args[i + 1], "-h");
        ok &= run(loader, args[i], 2, args[i + 1], "--" + NO_INPUT, "x");
        ok &= run(loader, args[i], 2, args[i + 1], "--executor_input", EXECUTOR_INPUT);
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
      loadJarOf(args[i], loader);
    }
    loadJarOf(RUNTIME, loader);
    values(loader);
    // in a thread that ends, as a step's main thread does: its end frees what writing a file kept per thread
    IOException[] failed = new IOException[1];
    Thread files = new Thread(() -> {
      try {
        files();
      } catch (IOException e) {
        failed[0] = e;
      }
    }, "kfp4j-training");
    files.start();
    files.join();
    if (failed[0] != null) {
      throw failed[0];
    }
    commonJava(args);
    if (!ok) {
      err.println("kfp4j: an entrypoint did not run with -h, or did not refuse unknown arguments with exit code 2, in the image");
    }
    System.exit(ok ? 0 : 1);
  }

  /** Runs the entrypoint class's {@code run(String[])}; whether it returned {@code code}. */
  private static boolean run(ClassLoader loader, String entrypoint, int code, String... args) {
    try {
      return Integer.valueOf(code).equals(Class.forName(entrypoint, true, loader).getMethod("run", String[].class)
          .invoke(null, (Object) args));
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /** Reads and writes values as a step does, through the runtime's public text forms; nothing when it has none of them. */
  private static void values(ClassLoader loader) {
    try {
      Class<?> values = Class.forName(VALUES, true, loader);
      values.getMethod("parseLong", String.class).invoke(null, "-1_000");
      values.getMethod("parseDouble", String.class).invoke(null, "2.5e-3");
      values.getMethod("parseBoolean", String.class).invoke(null, "True");
      java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
      json.put("b", java.util.List.of(1, 2.5, "\u00e9"));
      json.put("a", Boolean.TRUE);
      Object text = values.getMethod("format", Object.class).invoke(null, json);
      values.getMethod("parseJson", String.class, java.lang.reflect.Type.class).invoke(null, text, java.util.Map.class);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // another version of the runtime: only what is archived differs
    }
  }

  /** What a step's own code commonly does: a lambda, a stream, a string concatenation (all three bootstrapped at run time). */
  private static String commonJava(String[] args) {
    return java.util.Arrays.stream(args).map(a -> a.length() + ":" + a).collect(java.util.stream.Collectors.joining(","));
  }

  /** Loads, without initialising, every class of the jar {@code className} is in; nothing when it is not in a jar. */
  private static void loadJarOf(String className, ClassLoader loader) throws IOException {
    // the class's code source: a jar: URL's connection (getResource) is nothing a step loads
    CodeSource source;
    try {
      source = Class.forName(className, false, loader).getProtectionDomain().getCodeSource();
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    if (source == null || source.getLocation() == null || !source.getLocation().getPath().endsWith(".jar")) {
      return;
    }
    Path file;
    try {
      file = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return;
    }
    try (JarFile jar = new JarFile(file.toFile())) {
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
    // not Files.createTempDirectory: its SecureRandom is nothing a step loads
    Path dir = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"), "kfp4j-training-" + System.nanoTime()));
    Path staged = Files.createDirectories(dir.resolve("outputs").resolve("Output")).resolve(".data.tmp");
    File file = staged.toFile(); // staged as the entrypoint stages a value: java.io, no channel
    if (!file.createNewFile()) {
      throw new IOException("cannot create " + staged);
    }
    try (FileOutputStream out = new FileOutputStream(file)) {
      out.write("7\n".getBytes(StandardCharsets.UTF_8));
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
