package dev.kfp4j.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Builds the project's image with Jib's library, in the layout the components' command expects
 * ({@code java -cp /app/resources:/app/classes:/app/libs/*}): the class output's {@code .class}
 * files under {@code /app/classes}, its other files under {@code /app/resources}, each runtime
 * dependency under {@code /app/libs} (a folder on the class path, such as a sibling module's
 * {@code target/classes}, packed into a jar first), on a base image with {@code java} on its {@code PATH}.
 *
 * <pre>{@code
 * ProjectImage.Built b = ProjectImage.builder()
 *     .classes(Path.of("target/classes")).dependencies(jars)
 *     .base("eclipse-temurin:17-jre").image("registry.example.com/team/app:1.0")
 *     .build();
 * b.pinned(); // registry.example.com/team/app:1.0@sha256:...
 * }</pre>
 *
 * Layers are reproducible (Jib's fixed file times), so the same classes give the same digest.
 */
public final class ProjectImage {
  /** The base image when none is named: a JRE of the Java release kfp4j needs. */
  public static final String DEFAULT_BASE = "eclipse-temurin:17-jre";

  /** Where the image goes. */
  public enum Target {
    /** Pushed to its registry. */
    REGISTRY,
    /** Loaded into the local engine: written to a tar file, then {@code docker load} (or {@code podman load}). */
    DAEMON,
    /** Written to a tar file ({@code docker load -i} takes it). */
    TAR
  }

  /**
   * What was built.
   *
   * @param image the image's reference, as given
   * @param digest the manifest's digest ({@code sha256:...}): what a registry serves it as
   * @param imageId the image's id ({@code sha256:...}): what an engine shows after loading it
   * @param target where it went
   */
  public record Built(String image, String digest, String imageId, Target target) {
    /** The image pinned to what was built: {@code repo@sha256:...} for a pushed image, else the image as given. */
    public String pinned() {
      if (target != Target.REGISTRY) {
        return image;
      }
      int at = image.indexOf('@');
      return (at < 0 ? image : image.substring(0, at)) + "@" + digest;
    }
  }

  private ProjectImage() {}

  public static Builder builder() {
    return new Builder();
  }

  /** What to put in the image and where it goes; {@link #image} and {@link #classes} are required. */
  public static final class Builder {
    private Path classes;
    private final List<Path> dependencies = new ArrayList<>();
    private String base = DEFAULT_BASE;
    private String image;
    private Target target = Target.REGISTRY;
    private Path tar;
    private List<String> engine = List.of("docker");
    private Boolean insecure;
    private Consumer<String> log = line -> {};

    private Builder() {}

    /** The class output ({@code target/classes}): classes and resources. */
    public Builder classes(Path classes) {
      this.classes = classes;
      return this;
    }

    /** The runtime dependencies: jars, or folders of classes (packed into jars named after their module). */
    public Builder dependencies(List<Path> dependencies) {
      this.dependencies.addAll(dependencies);
      return this;
    }

    /**
     * The base image, with {@code java} on its {@code PATH}: a registry image ({@code
     * eclipse-temurin:17-jre}, the default), {@code docker://NAME} for one the local engine has, or
     * {@code tar://FILE} for one saved to a tar file ({@code docker save}).
     */
    public Builder base(String base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /** The image to build, {@code registry/repository:tag}. */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Where it goes (default {@link Target#REGISTRY}); {@code tar} names the file for {@link Target#TAR}. */
    public Builder to(Target target, Path tar) {
      this.target = Objects.requireNonNull(target, "target");
      this.tar = tar;
      return this;
    }

    /**
     * The engine for {@link Target#DAEMON} and {@code docker://} bases: its program ({@code docker},
     * the default, {@code podman} or a path) and global arguments. Jib's own daemon client reads
     * only docker's answers, so kfp4j moves images in and out with the engine's {@code save} and
     * {@code load}, which both engines share.
     */
    public Builder engine(List<String> engine) {
      if (engine.isEmpty()) {
        throw new IllegalArgumentException("name the engine's program");
      }
      this.engine = List.copyOf(engine);
      return this;
    }

    /**
     * Whether registries may be reached over plain HTTP or with a certificate not trusted here;
     * default: for registries on loopback ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) only.
     */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** Where Jib's progress lines (its lifecycle steps, warnings and errors) go (default: nowhere). */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Builds it.
     *
     * @throws IllegalArgumentException for a bad setting (a reference that does not parse, no class output)
     * @throws IOException when a registry, the engine or a file fails, with what Jib said
     */
    public Built build() throws IOException {
      if (image == null || image.isBlank()) {
        throw new IllegalArgumentException("name the image to build");
      }
      if (classes == null || !Files.isDirectory(classes)) {
        throw new IllegalArgumentException("the class output " + classes + " is not a folder; run 'mvn compile' first");
      }
      if (target == Target.TAR && tar == null) {
        throw new IllegalArgumentException("name the tar file to write the image to");
      }
      ImageReference ref = reference(image, "the image to build");
      Path packed = Files.createTempDirectory("kfp4j-image-jars");
      try {
        JavaContainerBuilder java = from(packed);
        java.addClasses(classes, p -> p.toString().endsWith(".class"));
        java.addResources(classes, p -> !p.toString().endsWith(".class"));
        List<Path> jars = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        List<Path> projects = new ArrayList<>();
        for (Path d : dependencies) {
          if (Files.isDirectory(d)) {
            projects.add(DirectoryJars.pack(d, packed));
          } else if (Files.isRegularFile(d)) {
            (d.getFileName().toString().contains("-SNAPSHOT") ? snapshots : jars).add(d);
          } else {
            throw new IllegalArgumentException("the dependency " + d + " is neither a jar nor a folder");
          }
        }
        java.addDependencies(jars).addSnapshotDependencies(snapshots).addProjectDependencies(projects);
        Path loaded = packed.resolve("image.tar");
        Containerizer to = containerizer(ref, loaded);
        to.setToolName("kfp4j").setAllowInsecureRegistries(insecure(ref))
            .addEventHandler(LogEvent.class, e -> {
              if (e.getLevel() == LogEvent.Level.LIFECYCLE || e.getLevel() == LogEvent.Level.WARN
                  || e.getLevel() == LogEvent.Level.ERROR) {
                log.accept(e.getMessage());
              }
            });
        JibContainer built = java.toContainerBuilder().containerize(to);
        if (target == Target.DAEMON) {
          Engines.run(engine, "load", "--input", loaded.toString());
        }
        return new Built(image, built.getDigest().toString(), built.getImageId().toString(), target);
      } catch (ExecutionException | RegistryException e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        throw new IOException("building " + image + " failed: " + cause.getMessage(), cause);
      } catch (com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
        throw new IOException("Jib cannot make its cache folder: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while building " + image, e);
      } finally {
        DirectoryJars.delete(packed);
      }
    }

    private JavaContainerBuilder from(Path work) throws IOException {
      if (base.startsWith("docker://")) {
        String name = base.substring("docker://".length());
        reference(name, "the base image");
        Path saved = work.resolve("base.tar");
        Engines.run(engine, "save", "--output", saved.toString(), name);
        return JavaContainerBuilder.from(TarImage.at(saved));
      }
      if (base.startsWith("tar://")) {
        return JavaContainerBuilder.from(TarImage.at(Path.of(base.substring("tar://".length()))));
      }
      String name = base.startsWith("registry://") ? base.substring("registry://".length()) : base;
      ImageReference ref = reference(name, "the base image");
      return JavaContainerBuilder.from(withCredentials(RegistryImage.named(ref), ref));
    }

    private Containerizer containerizer(ImageReference ref, Path loaded) {
      return switch (target) {
        case REGISTRY -> Containerizer.to(withCredentials(RegistryImage.named(ref), ref));
        case DAEMON -> Containerizer.to(TarImage.at(loaded).named(ref));
        case TAR -> Containerizer.to(TarImage.at(tar.toAbsolutePath()).named(ref));
      };
    }

    /** The registry's credentials as docker and podman keep them: their config files and credential helpers; never printed. */
    private RegistryImage withCredentials(RegistryImage r, ImageReference ref) {
      CredentialRetrieverFactory f = CredentialRetrieverFactory.forImage(ref, e -> {
        if (e.getLevel() == LogEvent.Level.WARN) {
          log.accept(e.getMessage());
        }
      });
      r.addCredentialRetriever(f.dockerConfig());
      String runtime = System.getenv("XDG_RUNTIME_DIR");
      if (runtime != null && Files.isRegularFile(Path.of(runtime, "containers", "auth.json"))) {
        r.addCredentialRetriever(f.dockerConfig(Path.of(runtime, "containers", "auth.json")));
      }
      r.addCredentialRetriever(f.wellKnownCredentialHelpers());
      return r;
    }

    private boolean insecure(ImageReference ref) {
      if (insecure != null) {
        return insecure;
      }
      String host = ref.getRegistry().replaceAll(":\\d+$", "");
      return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
  }

  private static ImageReference reference(String text, String what) {
    try {
      return ImageReference.parse(text);
    } catch (InvalidImageReferenceException e) {
      throw new IllegalArgumentException(what + " '" + text + "' is not an image reference, such as registry.example.com/team/app:1.0");
    }
  }
}
