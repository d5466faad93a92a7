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
    return Compiler.javac()
        .withProcessors(new Kfp4jProcessor())
        .withOptions("-Akfp4j.image=" + IMAGE, "-proc:full")
        .compile(sources);
  }

  static Compilation compileWithoutImage(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new Kfp4jProcessor()).compile(sources);
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
