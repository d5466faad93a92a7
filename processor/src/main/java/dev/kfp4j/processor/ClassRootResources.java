package dev.kfp4j.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Files beside a class from the class path: in the jar, or under the classes folder, it comes from. javac's file manager
 * lists a jar by package, leaving out every folder whose name is not a Java identifier, so {@code Filer.getResource} never
 * finds {@code META-INF/kfp4j/...} in a jar; and where two entries of the class path hold a file of one name, it finds the
 * first. The file a class names is read from where that class is; a file under a folder no package is named as, through
 * the processor's class loader.
 */
final class ClassRootResources {
  private ClassRootResources() {}

  /**
   * The text of {@code resource} in the jar or classes folder that holds {@code owner}'s class file; null when it has none,
   * or the class file is elsewhere (in memory, in the JDK).
   */
  static String besideClass(Filer filer, Elements elements, TypeElement owner, String resource) {
    return read(root(filer, elements, owner), resource);
  }

  /** The jar or classes folder that holds {@code owner}'s class file; null when it is elsewhere (in memory, in the JDK). */
  static Path root(Filer filer, Elements elements, TypeElement owner) {
    String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
    String binary = elements.getBinaryName(owner).toString();
    String classFile = (pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1)) + ".class";
    try {
      URI uri = filer.getResource(StandardLocation.CLASS_PATH, pkg, classFile).toUri(); // jar:file:/.../lib.jar!/org/acme/A.class
      if ("file".equalsIgnoreCase(uri.getScheme())) { // .../target/classes/org/acme/A.class
        Path root = Path.of(uri).getParent();
        for (int i = 0; !pkg.isEmpty() && i < pkg.split("\\.").length; i++) {
          root = root.getParent();
        }
        return root;
      }
      String part = uri.getRawSchemeSpecificPart();
      int bang = part.indexOf("!/");
      return "jar".equalsIgnoreCase(uri.getScheme()) && bang >= 0 ? Path.of(URI.create(part.substring(0, bang))) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The text of {@code resource}, a file under a folder no package is named as ({@code components/my-comp/component.yaml}),
   * from the processor's class loader; null when it has no such folder, or the loader no such file. javac's file manager,
   * the class path as javac gives it to a processor, reads no such file from a jar, and tells no jar from another; javac loads
   * the processor from the processor path ({@code annotationProcessorPaths}), else from the class path, whose jars the
   * loader reads whole.
   */
  static String underFolderNoPackage(String resource) {
    String[] names = resource.split("/");
    if (java.util.Arrays.stream(names, 0, names.length - 1).allMatch(javax.lang.model.SourceVersion::isIdentifier)) {
      return null; // the file manager reads it where it is, or it is nowhere
    }
    ClassLoader loader = ClassRootResources.class.getClassLoader();
    java.net.URL url = loader == null ? null : loader.getResource(resource);
    if (url == null) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** The text of {@code resource} in {@code root}, a classes folder or a jar; null when it has none (or root is null). */
  static String read(Path root, String resource) {
    try {
      if (root == null) {
        return null;
      }
      if (Files.isDirectory(root)) {
        Path file = root.resolve(resource);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      }
      return inJar(root, resource);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String inJar(Path jarFile, String resource) throws IOException {
    try (ZipFile jar = new ZipFile(jarFile.toFile())) {
      ZipEntry entry = jar.getEntry(resource);
      if (entry == null || entry.isDirectory()) {
        return null;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
