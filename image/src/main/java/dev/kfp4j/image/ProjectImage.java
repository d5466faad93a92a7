package dev.kfp4j.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import dev.kfp4j.local.Containers;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds the project's image with Jib's library, for the components' command ({@code java -cp
 * /app/resources:/app/classes:/app/libs/*}): the class output (classes and resources) as {@code
 * /app/libs/project.jar}, each runtime dependency under {@code /app/libs/lib} (a folder on the
 * class path, such as a sibling module's {@code target/classes}, packed into a jar first), listed
 * in order by the project jar's manifest ({@code Class-Path}), on a base image with {@code java} on
 * its {@code PATH}. With a container engine at hand the image also carries a class-data-sharing
 * archive of what its steps load, made by the image's own {@code java} ({@link ClassDataArchive}),
 * and every {@code java} in it starts from that archive where it matches.
 *
 * <pre>{@code
 * ProjectImage.Built b = ProjectImage.builder()
 *     .classes(Path.of("target/classes")).dependencies(jars)
 *     .base("eclipse-temurin:17-jre").image("registry.example.com/team/app:1.0")
 *     .build();
 * b.pinned(); // registry.example.com/team/app:1.0@sha256:...
 * }</pre>
 *
 * Layers are reproducible (Jib's fixed file times), so the same classes give the same digest; the
 * class-data archive is the JVM's own file, which may differ from one build to the next.
 */
public final class ProjectImage {
  /** The base image when none is named: a JRE of the Java release kfp4j needs. */
  public static final String DEFAULT_BASE = "eclipse-temurin:17-jre";
  /** The folder of the class path's jars; the wildcard {@code /app/libs/*} finds only the project's jar in it. */
  static final String LIBS = "/app/libs";
  /** The project's class output, as a jar whose manifest lists the dependencies in {@code /app/libs/lib}. */
  public static final String PROJECT_JAR = LIBS + "/project.jar";
  /** Jib's cache of the application layers, in the build's own temporary folder: nothing of it outlives the build. */
  private static final String LAYERS_CACHE = "jib-layers";

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
    private boolean classDataArchive = true;

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
     * default: when the image or its base is on a registry on loopback ({@code localhost}, {@code
     * 127.0.0.1}, {@code [::1]}).
     */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /**
     * Whether the image carries a class-data-sharing archive of its steps' classes (default: yes),
     * made by running the image's {@code java} with {@link #engine}; without an engine that can run
     * the image, the image is built without one and the log says why.
     */
    public Builder classDataArchive(boolean classDataArchive) {
      this.classDataArchive = classDataArchive;
      return this;
    }

    /** Where Jib's progress lines (its lifecycle steps and warnings; an error fails {@link #build}) go (default: nowhere). */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Builds it.
     *
     * @throws IllegalArgumentException for a bad setting (a reference that does not parse, no class output)
     * @throws EngineOrRegistryException when a registry or the engine cannot be reached or refuses, saying which
     * @throws IOException when a file fails, with what Jib said
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
      Path work = Files.createTempDirectory("kfp4j-image-jars");
      ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kfp4j-jib");
        t.setDaemon(true);
        return t;
      });
      try {
        List<FileEntriesLayer> layers = layers(work);
        Path archive = classDataArchive ? archive(layers, work, threads) : null;
        JibContainerBuilder built = from(work);
        layers.forEach(built::addFileEntriesLayer);
        if (archive != null) {
          built.addFileEntriesLayer(FileEntriesLayer.builder().setName("class data")
              .addEntry(archive, AbsoluteUnixPath.get(ClassDataArchive.FILE)).build());
          built.addEnvironmentVariable("JDK_JAVA_OPTIONS", ClassDataArchive.OPTIONS);
        }
        Path loaded = work.resolve("image.tar");
        JibContainer done = built.containerize(inWork(containerizer(ref, target == Target.TAR ? tar.toAbsolutePath() : loaded), work,
            threads));
        if (target == Target.DAEMON) {
          Engines.run(engine, "load", "--input", loaded.toString());
        }
        return new Built(image, done.getDigest().toString(), done.getImageId().toString(), target);
      } catch (ExecutionException | RegistryException e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (EngineOrRegistryException.fromRegistry(cause)) {
          throw registryFailure(cause, ref);
        }
        throw new IOException("building " + image + " failed: " + EngineOrRegistryException.oneLine(cause.getMessage()), cause);
      } catch (CacheDirectoryCreationException e) {
        throw new IOException("Jib cannot make its cache folder: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while building " + image, e);
      } finally {
        stop(threads); // a failed build's layers may still be being written to the cache in work
        DirectoryJars.delete(work);
      }
    }

    /**
     * {@code to} with Jib's cache of the application layers in the build's own folder {@code work}, deleted after it, not
     * jib-core's default (one folder in the temp folder for every build and user, which kept each build's layers), and Jib's
     * work on {@code threads}, which the build stops before it deletes that folder.
     */
    private static Containerizer inWork(Containerizer to, Path work, ExecutorService threads) {
      return to.setApplicationLayersCache(work.resolve(LAYERS_CACHE)).setExecutorService(threads);
    }

    /** Stops Jib's threads and waits a while for them: after a failure some may still be writing layers. */
    private static void stop(ExecutorService threads) {
      threads.shutdownNow();
      try {
        threads.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * A registry's failure as one line, naming the base image or the image pushed when what failed
     * names its registry (the other's registry, or none, is not named), else both.
     */
    private EngineOrRegistryException registryFailure(Throwable cause, ImageReference ref) {
      ImageReference baseRef = registryBase();
      String from = baseRef == null ? null : baseRef.getRegistry();
      String to = target == Target.REGISTRY ? ref.getRegistry() : null;
      StringBuilder said = new StringBuilder();
      String detail = null;
      for (Throwable t = cause; t != null; t = t.getCause()) {
        said.append(t.getMessage()).append('\n');
        if (detail == null && t instanceof RegistryException && t.getMessage() != null) {
          detail = t.getMessage(); // Jib's own words: "Tried to pull image manifest for ... because: manifest unknown"
        }
      }
      if (detail == null) {
        detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof UnknownHostException) {
          detail = "unknown host " + detail;
        }
      }
      detail = EngineOrRegistryException.oneLine(detail);
      boolean pull = from != null && names(said.toString(), from);
      boolean push = to != null && names(said.toString(), to);
      if (from != null && (to == null || pull && !push)) {
        return new EngineOrRegistryException(EngineOrRegistryException.Where.BASE, from, "cannot pull the base image " + base
            + " from " + from + ": " + detail, cause);
      }
      if (to != null && (from == null || push && !pull)) {
        return new EngineOrRegistryException(EngineOrRegistryException.Where.PUSH, to, "cannot push " + image + " to " + to + ": "
            + detail, cause);
      }
      String registries = from.equals(to) ? from : from + " (the base image " + base + ") or " + to;
      return new EngineOrRegistryException(EngineOrRegistryException.Where.REGISTRY, registries, "building " + image
          + " failed at the registry " + registries + ": " + detail, cause);
    }

    /**
     * Whether {@code text} names {@code registry}: with its port (not another port of its host), or
     * its host alone as an unknown host's message does ({@code host: Name or service not known}).
     */
    private static boolean names(String text, String registry) {
      String host = registry.replaceAll(":\\d+$", "");
      return Pattern.compile(Pattern.quote(registry) + "(?![0-9])").matcher(text).find()
          || Pattern.compile(Pattern.quote(host) + "(?=: |\n|$)").matcher(text).find();
    }

    /**
     * The image's own layers: the dependencies in {@code /app/libs/lib} (released jars, snapshots,
     * packed folders: a layer each, so a new build of the project changes only the last), and the
     * class output as {@code /app/libs/project.jar}, whose manifest's {@code Class-Path} lists them
     * in order. {@code /app/libs/*} is so one jar, and the class path the same in every container.
     */
    private List<FileEntriesLayer> layers(Path work) throws IOException {
      FileEntriesLayer.Builder released = FileEntriesLayer.builder().setName("dependencies");
      FileEntriesLayer.Builder snapshots = FileEntriesLayer.builder().setName("snapshot dependencies");
      FileEntriesLayer.Builder projects = FileEntriesLayer.builder().setName("project dependencies");
      Path packed = Files.createDirectories(work.resolve("lib"));
      Set<String> names = new HashSet<>();
      List<String> classPath = new ArrayList<>();
      for (Path d : dependencies) {
        FileEntriesLayer.Builder layer;
        Path jar;
        if (Files.isDirectory(d)) {
          layer = projects;
          jar = DirectoryJars.pack(d, packed);
        } else if (Files.isRegularFile(d)) {
          layer = d.getFileName().toString().contains("-SNAPSHOT") ? snapshots : released;
          jar = d;
        } else {
          throw new IllegalArgumentException("the dependency " + d + " is neither a jar nor a folder");
        }
        String name = unique(jar.getFileName().toString(), names);
        layer.addEntry(jar, AbsoluteUnixPath.get(LIBS + "/lib/" + name));
        classPath.add("lib/" + name);
      }
      Path project = work.resolve(PROJECT_JAR.substring(PROJECT_JAR.lastIndexOf('/') + 1));
      DirectoryJars.packWithClassPath(classes, project, classPath);
      List<FileEntriesLayer> layers = new ArrayList<>();
      for (FileEntriesLayer l : List.of(released.build(), snapshots.build(), projects.build())) {
        if (!l.getEntries().isEmpty()) {
          layers.add(l);
        }
      }
      layers.add(FileEntriesLayer.builder().setName("classes").addEntry(project, AbsoluteUnixPath.get(PROJECT_JAR)).build());
      return layers;
    }

    /** {@code name}, or {@code name-2.jar} ... when an earlier dependency has it. */
    private static String unique(String name, Set<String> taken) {
      String n = name;
      String stem = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
      for (int i = 2; !taken.add(n); i++) {
        n = stem + "-" + i + ".jar";
      }
      return n;
    }

    /**
     * The class-data archive of the project's Java components, made in a container of the image
     * built so far ({@link ClassDataArchive}), or null, said in one line to the log, when there is
     * no Java component or the engine cannot make it.
     */
    private Path archive(List<FileEntriesLayer> layers, Path work, ExecutorService threads) throws IOException, InterruptedException, RegistryException,
        CacheDirectoryCreationException, ExecutionException {
      List<JavaComponents.Component> components;
      try {
        components = JavaComponents.read(classes).components();
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        log.accept("no class-data archive: " + e.getMessage());
        return null;
      }
      if (components.isEmpty()) {
        log.accept("no class-data archive: no Java component in " + classes.resolve(JavaComponents.FOLDER));
        return null;
      }
      String trial = "localhost/kfp4j-class-data/" + Long.toHexString(System.nanoTime()) + ":training";
      Path tarFile = work.resolve("training.tar");
      JibContainerBuilder b = from(work);
      layers.forEach(b::addFileEntriesLayer);
      b.containerize(inWork(Containerizer.to(TarImage.at(tarFile).named(reference(trial, "the training image")))
          .setToolName("kfp4j"), work, threads));
      try {
        Engines.run(engine, "load", "--input", tarFile.toString());
      } catch (IOException e) {
        log.accept("no class-data archive: cannot load the image into " + engine.get(0) + " to make it (" + e.getMessage() + ")");
        return null;
      }
      try {
        Path archive = ClassDataArchive.make(engine, trial, components, Files.createDirectories(work.resolve("class-data")));
        log.accept("class-data archive of " + components.size() + (components.size() == 1 ? " component" : " components")
            + " made by the image's java: " + ClassDataArchive.FILE);
        return archive;
      } catch (IOException e) {
        log.accept("no class-data archive: " + e.getMessage());
        return null;
      } finally {
        try {
          Engines.run(engine, "rmi", trial);
        } catch (IOException e) {
          log.accept("cannot remove the training image " + trial + ": " + e.getMessage());
        }
      }
    }

    private JibContainerBuilder from(Path work) throws IOException {
      if (base.startsWith("docker://")) {
        String name = base.substring("docker://".length());
        reference(name, "the base image");
        Path saved = work.resolve("base.tar");
        if (!Files.isRegularFile(saved)) {
          try {
            Engines.run(engine, "save", "--output", saved.toString(), name);
          } catch (EngineOrRegistryException e) {
            throw new EngineOrRegistryException(EngineOrRegistryException.Where.BASE, engine.get(0), engine.get(0)
                + " cannot save the base image " + name + " (" + base + "), which it must have: " + e.getMessage(), e);
          }
        }
        return Jib.from(TarImage.at(saved));
      }
      if (base.startsWith("tar://")) {
        Path file = Path.of(base.substring("tar://".length()));
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("the base image " + base + " is not a file: save one with 'docker save --output "
              + file + " IMAGE' (or podman's)");
        }
        return Jib.from(TarImage.at(file));
      }
      ImageReference ref = registryBase();
      return Jib.from(withCredentials(RegistryImage.named(ref), ref));
    }

    /** The base image on its registry ({@code NAME} or {@code registry://NAME}); null for a {@code docker://} or {@code tar://} base. */
    private ImageReference registryBase() {
      if (base.startsWith("docker://") || base.startsWith("tar://")) {
        return null;
      }
      return reference(base.startsWith("registry://") ? base.substring("registry://".length()) : base, "the base image");
    }

    private Containerizer containerizer(ImageReference ref, Path file) {
      Containerizer to = target == Target.REGISTRY ? Containerizer.to(withCredentials(RegistryImage.named(ref), ref))
          : Containerizer.to(TarImage.at(file).named(ref));
      return to.setToolName("kfp4j").setAllowInsecureRegistries(insecure(ref))
          .addEventHandler(LogEvent.class, e -> {
            // not its errors: the build then fails with the same error, in one line
            if (e.getLevel() == LogEvent.Level.LIFECYCLE || e.getLevel() == LogEvent.Level.WARN) {
              log.accept(e.getMessage());
            }
          });
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

    /**
     * Whether Jib may use plain HTTP (it allows that for every registry of a build or for none): as
     * set, else when the image's registry or the base image's is on loopback.
     */
    private boolean insecure(ImageReference ref) {
      if (insecure != null) {
        return insecure;
      }
      ImageReference baseRef = registryBase();
      return Containers.loopbackRegistry(ref.getRegistry()) || baseRef != null && Containers.loopbackRegistry(baseRef.getRegistry());
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
