package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles test sources with the kfp4j processor, and checks output against golden files. */
final class Compile {
  static final String IMAGE = "registry.example.com/team/app:1.0";
  /** Set to rewrite goldens from what the processor writes now; never set in CI. */
  static final boolean REGENERATE = Boolean.getBoolean("kfp4j.regenerateGoldens");

  private Compile() {}

  /** A class {@code test.<simpleName>} holding {@code body}, after the {@code header} lines. */
  static JavaFileObject testClass(String simpleName, java.util.List<String> header, String... body) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add("package test;");
    lines.addAll(header);
    lines.add("public class " + simpleName + " {");
    lines.addAll(java.util.List.of(body));
    lines.add("}");
    return source("test." + simpleName, lines.toArray(String[]::new));
  }

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return argoChecked(Compiler.javac()
        .withProcessors(new Kfp4jProcessor())
        .withOptions("-Akfp4j.image=" + IMAGE, "-proc:full")
        .compile(sources));
  }

  /** Compiles {@code sources}, adding each pipeline model the processor writes to {@code models}. */
  static Compilation compile(java.util.List<dev.kfp4j.model.Pipeline> models, JavaFileObject... sources) {
    return argoChecked(Compiler.javac()
        .withProcessors(new Kfp4jProcessor(models::add))
        .withOptions("-Akfp4j.image=" + IMAGE, "-proc:full")
        .compile(sources));
  }

  /** Compiles {@code sources} with processor options {@code options} (such as {@code -Akfp4j.formats=argo}) besides the image. */
  static Compilation compileWithOptions(java.util.List<dev.kfp4j.model.Pipeline> models, java.util.List<String> options,
      JavaFileObject... sources) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("-Akfp4j.image=" + IMAGE, "-proc:full"));
    all.addAll(options);
    return argoChecked(Compiler.javac().withProcessors(new Kfp4jProcessor(models::add)).withOptions(all).compile(sources));
  }

  /**
   * {@code c}, once every Argo workflow it wrote passes Argo's submission rules ({@link dev.kfp4j.format.argo.ArgoRules}):
   * whatever a test compiles, the workflow it gets is one Argo takes.
   */
  static Compilation argoChecked(Compilation c) {
    if (c.status() != Compilation.Status.SUCCESS) {
      return c;
    }
    for (JavaFileObject f : c.generatedFiles()) {
      String path = f.toUri().getPath();
      if (path.contains("/META-INF/kfp4j/pipelines/") && path.endsWith(".yaml")) {
        try (InputStream in = f.openInputStream()) {
          java.util.List<String> errors = dev.kfp4j.format.argo.ArgoRules.errors(dev.kfp4j.yaml.Yaml.read(new String(in.readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8)));
          if (!errors.isEmpty()) {
            throw new AssertionError(path + " breaks Argo's submission rules: " + errors);
          }
        } catch (java.io.FileNotFoundException e) {
          // looked for (the Filer's getResource), never written
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return c;
  }

  /** Whether {@code ../shared} (KFP's .proto files) is there, so KFP 2 files can be validated. */
  static boolean sharedPresent() {
    return dev.kfp4j.testing.Shared.present()
        && Files.isDirectory(dev.kfp4j.testing.Shared.location().resolve("schemas/kfp-ir"));
  }

  /**
   * Fails unless {@code yaml} parses strictly as KFP 2's messages and its references resolve;
   * without {@code ../shared} (KFP's .proto files) the calling test is skipped from here on.
   */
  static void validKfp2(String yaml, String name) {
    dev.kfp4j.testing.Kfp2Schemas.assertValid(yaml, name);
  }

  /**
   * Compiles {@code sources} with {@code classes} (an earlier compilation's output, see {@link
   * #writeOutput}) on the classpath: a partial compilation, as an IDE or an incremental build does.
   */
  static Compilation compileAgainst(Path classes, JavaFileObject... sources) {
    return compileAgainst(classes, java.util.List.of(), sources);
  }

  /** {@link #compileAgainst(Path, JavaFileObject...)} with processor options {@code options} besides the image. */
  static Compilation compileAgainst(Path classes, java.util.List<String> options, JavaFileObject... sources) {
    java.util.List<java.io.File> classpath = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    classpath.add(0, classes.toFile());
    return argoChecked(Compiler.javac()
        .withProcessors(new Kfp4jProcessor())
        .withOptions(java.util.stream.Stream.concat(java.util.stream.Stream.of("-Akfp4j.image=" + IMAGE, "-proc:full"),
            options.stream()).toList())
        .withClasspath(classpath)
        .compile(sources));
  }

  /**
   * Writes what {@code c} wrote to its class output (classes and resources) into the jar {@code jar}, as {@code mvn
   * install} packs a project a later one depends on; returns {@code jar}.
   */
  static Path writeJar(Compilation c, Path jar) {
    Path classes = writeOutput(c, jar.resolveSibling(jar.getFileName() + ".classes"));
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        java.util.stream.Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.sorted().toList()) {
        String name = classes.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        if (name.isEmpty()) {
          continue;
        }
        out.putNextEntry(new java.util.jar.JarEntry(Files.isDirectory(p) ? name + "/" : name));
        if (!Files.isDirectory(p)) {
          out.write(Files.readAllBytes(p));
        }
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /**
   * Writes what {@code c} wrote to its class output (classes and resources) into {@code dir}, which
   * it empties first; returns {@code dir}.
   */
  static Path writeOutput(Compilation c, Path dir) {
    try (java.util.stream.Stream<Path> old = Files.exists(dir) ? Files.walk(dir) : java.util.stream.Stream.empty()) {
      for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JavaFileObject f : c.generatedFiles()) {
      String path = f.toUri().getPath();
      String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      if (!path.startsWith(prefix)) {
        continue;
      }
      try (InputStream in = f.openInputStream()) {
        Path target = dir.resolve(path.substring(prefix.length()));
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      } catch (java.io.FileNotFoundException e) {
        // looked for (the Filer's getResource), never written
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /**
   * Compiles {@code sources} with javac and {@code processors} into the folder {@code out} as Maven does (not in memory, so
   * what a failed compilation wrote stays to be looked at; generated sources in {@code out}'s sibling {@code generated}),
   * {@code classes} first on the class path; javac's errors.
   */
  static java.util.List<javax.tools.Diagnostic<? extends JavaFileObject>> intoFolder(Path out, java.util.List<Path> classes,
      java.util.List<javax.annotation.processing.Processor> processors, JavaFileObject... sources) throws IOException {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    javax.tools.DiagnosticCollector<JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
    try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      java.util.List<Path> classpath = new java.util.ArrayList<>(classes);
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        classpath.add(Path.of(entry));
      }
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, java.util.List.of(Files.createDirectories(out)));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT,
          java.util.List.of(Files.createDirectories(out.resolveSibling("generated"))));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          java.util.List.of("-Akfp4j.image=" + IMAGE, "-proc:full"), null, java.util.List.of(sources));
      task.setProcessors(processors);
      task.call();
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).toList();
  }

  static Compilation compileWithoutImage(JavaFileObject... sources) {
    return argoChecked(Compiler.javac().withProcessors(new Kfp4jProcessor()).compile(sources));
  }

  static String resource(Compilation c, String path) {
    Optional<JavaFileObject> file = c.generatedFile(StandardLocation.CLASS_OUTPUT, path);
    if (file.isEmpty()) {
      throw new AssertionError("no generated resource " + path + "; generated: " + c.generatedFiles());
    }
    try (InputStream in = file.get().openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String source(Compilation c, String qualifiedName) {
    Optional<JavaFileObject> file = c.generatedSourceFile(qualifiedName);
    if (file.isEmpty()) {
      throw new AssertionError("no generated source " + qualifiedName);
    }
    try {
      return file.get().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path golden(String test, String method, String file) {
    return Path.of("src/test/resources/goldens", test, method, file);
  }

  /** Generated YAML equals the golden byte for byte. */
  static void yamlGolden(Compilation c, String path, String test, String method) {
    String actual = resource(c, path);
    check(actual, golden(test, method, Path.of(path).getFileName().toString()));
  }

  /** A generated Java source is equivalent to the golden (compared as source). */
  static void javaGolden(Compilation c, String qualifiedName, String test, String method) {
    Path golden = golden(test, method, qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) + ".java");
    String actual = source(c, qualifiedName);
    if (REGENERATE) {
      write(golden, actual);
      return;
    }
    assertThat(c).generatedSourceFile(qualifiedName)
        .hasSourceEquivalentTo(JavaFileObjects.forSourceString(qualifiedName, read(golden)));
    assertThat(actual).isEqualTo(read(golden)); // the text too: its Javadoc and header comment are what users read
  }

  private static void check(String actual, Path golden) {
    if (REGENERATE) {
      write(golden, actual);
      return;
    }
    assertThat(actual).isEqualTo(read(golden));
  }

  private static String read(Path golden) {
    try {
      return Files.readString(golden);
    } catch (IOException e) {
      throw new AssertionError("missing golden " + golden + "; run with -Dkfp4j.regenerateGoldens=true once", e);
    }
  }

  private static void write(Path golden, String content) {
    try {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String lines(String... lines) {
    return String.join("\n", Arrays.asList(lines));
  }
}
