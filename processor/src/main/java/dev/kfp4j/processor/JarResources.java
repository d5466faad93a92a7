package dev.kfp4j.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Files in the jar a class from the class path was compiled into. javac's file manager lists a jar by package, leaving out
 * every folder whose name is not a Java identifier, so {@code Filer.getResource} never finds {@code META-INF/kfp4j/...} in a
 * jar (it does in a folder of classes): such a file is read from the jar that holds the class which names it.
 */
final class JarResources {
  private JarResources() {}

  /** The text of {@code resource} in the jar that holds {@code owner}'s class file; null when there is none, or no jar. */
  static String besideClass(Filer filer, Elements elements, TypeElement owner, String resource) {
    String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
    String binary = elements.getBinaryName(owner).toString();
    String classFile = (pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1)) + ".class";
    URI uri;
    try {
      uri = filer.getResource(StandardLocation.CLASS_PATH, pkg, classFile).toUri(); // jar:file:/.../lib.jar!/org/acme/A.class
    } catch (IOException | RuntimeException e) {
      return null;
    }
    String part = uri.getRawSchemeSpecificPart();
    int bang = part.indexOf("!/");
    if (!"jar".equalsIgnoreCase(uri.getScheme()) || bang < 0) {
      return null;
    }
    try (ZipFile jar = new ZipFile(Path.of(URI.create(part.substring(0, bang))).toFile())) {
      ZipEntry entry = jar.getEntry(resource);
      if (entry == null || entry.isDirectory()) {
        return null;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
