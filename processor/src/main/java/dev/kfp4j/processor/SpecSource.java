package dev.kfp4j.processor;

import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The component specs pipelines call, by resource path: those compiled or imported in this build,
 * else read from the class output or the classpath (a component compiled earlier, or in a jar).
 * Each spec is kept with the digest of its file, so a pipeline's file can be told apart from a
 * component's that changed since.
 */
final class SpecSource {
  private record Loaded(ComponentSpec spec, String digest) {}

  private final Filer filer;
  private final Map<String, Loaded> specs = new HashMap<>();
  private final Map<ComponentSpec, String> resources = new IdentityHashMap<>();

  SpecSource(Filer filer) {
    this.filer = filer;
  }

  /** A spec compiled or imported in this build, whose file at {@code resource} reads {@code text}. */
  void register(String resource, ComponentSpec spec, String text) {
    specs.put(resource, new Loaded(spec, sha256(text)));
    resources.put(spec, resource);
  }

  /** The spec at {@code resource}, or null when it is nowhere. */
  ComponentSpec spec(String resource) {
    Loaded loaded = specs.get(resource);
    if (loaded == null) {
      String text = read(filer, resource);
      if (text == null) {
        return null;
      }
      ComponentSpec spec = ComponentYaml.parse(text, resource);
      loaded = new Loaded(spec, sha256(text));
      specs.put(resource, loaded);
      resources.put(spec, resource);
    }
    return loaded.spec();
  }

  /** The resource {@code spec} was read from, or null for a spec inside another (a graph's task). */
  String resource(ComponentSpec spec) {
    return resources.get(spec);
  }

  /** The digest of the file at {@code resource}, as read by {@link #spec} or registered. */
  String digest(String resource) {
    Loaded loaded = specs.get(resource);
    return loaded == null ? null : loaded.digest();
  }

  /** A text resource from the class output, else the classpath; null when in neither. */
  static String read(Filer filer, String resource) {
    for (StandardLocation location : new StandardLocation[] {StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH}) {
      try {
        FileObject f = filer.getResource(location, "", resource);
        try (InputStream in = f.openInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException | IllegalArgumentException e) {
        // not there; try the next location
      }
    }
    return null;
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, in hex. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
