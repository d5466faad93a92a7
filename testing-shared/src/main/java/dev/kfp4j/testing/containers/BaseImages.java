package dev.kfp4j.testing.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Base images the tests make from this machine, since no registry outside can be reached: a JRE
 * ({@code jlink} of the running JDK), Python (the {@code python3} on the {@code PATH}) and a shell
 * with coreutils. Each is tagged with a hash of what it is made from, so it is made once per
 * machine and engine and reused by every later test run (the engine's image store is the cache).
 */
public final class BaseImages {
  /** The modules of the JRE: what the entrypoints and typical steps (Jackson, logging, HTTP) need. */
  public static final List<String> JAVA_MODULES = List.of("java.base", "java.logging", "java.xml", "java.sql", "java.naming",
      "java.management", "java.net.http", "jdk.unsupported", "jdk.crypto.ec");
  /** Programs of the shell image: what shell components (KFP's and the examples') call. */
  static final List<String> SHELL_PROGRAMS = List.of("sh", "cat", "mkdir", "dirname", "basename", "cut", "tr", "sha256sum",
      "sha1sum", "sha512sum", "md5sum", "sleep", "rm", "ls", "head", "tail", "wc", "env", "true", "false", "touch", "mv", "cp",
      "echo", "printf", "date");
  private static final String PATH = "/opt/java/bin:/usr/local/bin:/usr/bin:/bin";

  private BaseImages() {}

  /** A shell and coreutils, {@code localhost/kfp4j-test/shell:<hash>}. */
  public static synchronized String shell(Engine engine) throws IOException {
    String image = "localhost/kfp4j-test/shell:" + hash(String.join(",", SHELL_PROGRAMS) + resolved(SHELL_PROGRAMS));
    if (!engine.has(image)) {
      RootFs fs = new RootFs(Files.createTempDirectory("kfp4j-shell-rootfs"));
      for (String p : SHELL_PROGRAMS) {
        String found = Engine.onPath(p);
        if (found != null) {
          fs.program(Path.of(found).toRealPath(), Path.of("/bin", p));
        }
      }
      fs.change("ENV PATH=" + PATH).importAs(engine, image);
    }
    return image;
  }

  /**
   * A JRE of the running JDK with {@link #JAVA_MODULES} at {@code /opt/java}, {@code java} on the
   * {@code PATH}, and the shell of {@link #shell}: {@code localhost/kfp4j-test/java:<hash>}.
   */
  public static synchronized String java(Engine engine) throws IOException {
    Path home = Path.of(System.getProperty("java.home"));
    String image = "localhost/kfp4j-test/java:" + hash(home + System.getProperty("java.vm.version") + JAVA_MODULES
        + resolved(SHELL_PROGRAMS));
    if (!engine.has(image)) {
      Path work = Files.createTempDirectory("kfp4j-java-rootfs");
      Path root = work.resolve("root");
      RootFs fs = new RootFs(root);
      Path jre = root.resolve("opt/java");
      Path jlink = home.resolve("bin/jlink");
      Engine.Result r = Engine.exec(List.of(Files.isExecutable(jlink) ? jlink.toString() : "jlink", "--add-modules",
          String.join(",", JAVA_MODULES), "--strip-debug", "--no-man-pages", "--no-header-files", "--output", jre.toString()), null);
      if (r.exit() != 0) {
        throw new IOException("jlink failed: " + r.output());
      }
      fs.libraries(jre.resolve("bin/java"));
      try (var libs = Files.walk(jre.resolve("lib"))) {
        for (Path so : libs.filter(p -> p.toString().endsWith(".so")).toList()) {
          fs.libraries(so);
        }
      }
      for (String p : SHELL_PROGRAMS) {
        String found = Engine.onPath(p);
        if (found != null) {
          fs.program(Path.of(found).toRealPath(), Path.of("/bin", p));
        }
      }
      fs.link(Path.of("/usr/bin/java"), Path.of("/opt/java/bin/java"));
      fs.change("ENV PATH=" + PATH).importAs(engine, image);
      RootFs.delete(work);
    }
    return image;
  }

  /**
   * This machine's {@code python3} (its program, libraries and standard library, without its
   * tests and {@code site-packages}) at the paths it has here, {@code python3} on the {@code PATH}:
   * {@code localhost/kfp4j-test/python:<hash>}.
   */
  public static synchronized String python(Engine engine) throws IOException {
    String python = Engine.onPath("python3");
    if (python == null) {
      throw new IOException("no python3 on the PATH");
    }
    Engine.Result where = Engine.exec(List.of(python, "-c", "import os, sys, sysconfig; print(os.path.realpath(sys.executable)); "
        + "print(sysconfig.get_paths()['stdlib']); print(sys.version)"), null);
    if (where.exit() != 0) {
      throw new IOException("python3 does not say where it is: " + where.output());
    }
    String[] lines = where.output().strip().split("\n");
    Path executable = Path.of(lines[0]);
    Path stdlib = Path.of(lines[1]);
    String image = "localhost/kfp4j-test/python:" + hash(executable + lines[1] + lines[2]);
    if (!engine.has(image)) {
      RootFs fs = new RootFs(Files.createTempDirectory("kfp4j-python-rootfs"));
      fs.program(executable).link(executable.resolveSibling("python3"), executable.getFileName());
      fs.tree(stdlib, Set.of("test", "tests", "idlelib", "tkinter", "turtledemo", "ensurepip", "site-packages", "dist-packages",
          "__pycache__", "lib2to3", "unittest"));
      Path dynload = stdlib.resolve("lib-dynload");
      if (Files.isDirectory(dynload)) {
        try (var libs = Files.list(dynload)) {
          for (Path so : libs.filter(p -> p.toString().endsWith(".so")).toList()) {
            fs.libraries(so);
          }
        }
      }
      fs.program(Path.of(Engine.onPath("sh")).toRealPath(), Path.of("/bin/sh"));
      fs.change("ENV PATH=" + executable.getParent() + ":" + PATH).importAs(engine, image);
    }
    return image;
  }

  /** Where each program resolves on this machine, so an image is made again when they change. */
  private static String resolved(List<String> programs) {
    StringBuilder sb = new StringBuilder();
    for (String p : programs) {
      sb.append(p).append('=').append(Engine.onPath(p)).append(';');
    }
    return sb.toString();
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
