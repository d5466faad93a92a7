package dev.kfp4j.cli;

import dev.kfp4j.image.EngineOrRegistryException;
import dev.kfp4j.image.ImageCheck;
import dev.kfp4j.image.JavaComponents;
import dev.kfp4j.image.ProjectImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kfp4j image}: builds the project's image with Jib's library, in the layout the
 * components' command expects, to a registry, the local engine or a tar file, and records what it
 * built for {@code --pin-image}. The image is the one the Java steps run in ({@link BuiltImage#name}).
 * A registry or engine that cannot be reached or refuses is exit code 3, in one line ({@link #whatToDo}).
 */
@Command(name = "image", description = "Builds the project's image (its classes, resources and runtime dependencies under /app, "
    + "as the components' command expects, and a class-data archive its steps start from) with Jib, and pushes it to its registry, "
    + "loads it into the local engine, or writes a tar.")
final class ImageCommand extends Commands.Base {
  enum To { registry, daemon, tar }

  @Mixin Options.ConfigFile configFile;
  @Mixin EngineOptions engine;

  @Option(names = "--classes", paramLabel = "DIR", defaultValue = "target/classes",
      description = "The class output: classes, resources and the compiled components (default: ${DEFAULT-VALUE}).")
  Path classes;

  @Option(names = "--classpath", paramLabel = "PATH", description = "The runtime dependencies, jars or class folders "
      + "(default: the jars in target/dependency/, as 'mvn dependency:copy-dependencies -DincludeScope=runtime' writes them).")
  String classpath;

  @Option(names = "--image", paramLabel = "IMAGE", description = "The image to build; only where the components and the config "
      + "name none, or to say the same (default: run_config.image of the config, else the components' image).")
  String image;

  @Option(names = "--base", paramLabel = "IMAGE", defaultValue = ProjectImage.DEFAULT_BASE, description = "The base image, with java "
      + "on its PATH: a registry image, docker://NAME for one the local engine has, or tar://FILE (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--to", paramLabel = "WHERE", defaultValue = "registry",
      description = "registry (push, the default), daemon (load into the local engine) or tar (write --tar).")
  To to;

  @Option(names = "--tar", paramLabel = "FILE", description = "The tar file of --to tar (default: target/kfp4j-image.tar).")
  Path tar;

  @Option(names = "--insecure", description = "Allow plain HTTP and untrusted certificates for registries (always allowed on loopback).")
  boolean insecure;

  @Option(names = "--no-class-data-archive", description = "Build the image without a class-data-sharing archive of its steps' "
      + "classes (by default the engine runs the image's java to make one, and steps start from it).")
  boolean noClassData;

  @Option(names = "--check", description = "Then run the image check (as 'validate --image') in the built image; with --to daemon or a push.")
  boolean check;

  @Override
  public Integer call() throws IOException {
    if (check && to == To.tar) {
      throw new ConfigException(terms().option("--check") + " runs the image, so it needs " + terms().option("--to", "daemon")
          + " or registry, not a tar");
    }
    String modules = ModuleHint.of(classes, terms()); // the root of a project of modules: its own classes hold none
    if (!modules.isEmpty() && JavaComponents.read(classes).components().isEmpty()) {
      throw new ConfigException("no Java component in " + classes.resolve(JavaComponents.FOLDER) + modules);
    }
    String name = BuiltImage.name(configFile.config().run(), classes, image, terms());
    List<Path> dependencies = dependencies();
    requireEntrypoint(classes, dependencies, classpath != null, terms());
    ProjectImage.Builder b = ProjectImage.builder().classes(classes).dependencies(dependencies).base(base).image(name)
        .log(line -> err().println("jib: " + line));
    if (insecure) {
      b.insecure(true);
    }
    b.classDataArchive(!noClassData);
    if (to == To.daemon || base.startsWith("docker://") || check) {
      b.engine(engine.command(needsEngine()));
    } else if (!noClassData) {
      try {
        // runs the image's java to make the archive
        b.engine(engine.command("build it without one with " + terms().option("--no-class-data-archive")));
      } catch (ConfigException none) {
        b.classDataArchive(false);
        err().println("no class-data archive: " + none.getMessage());
      }
    }
    Path file = tar != null ? tar : BuiltImage.file(classes).resolveSibling("kfp4j-image.tar");
    b.to(ProjectImage.Target.valueOf(to.name().toUpperCase(java.util.Locale.ROOT)), to == To.tar ? file : null);
    ProjectImage.Built built;
    try {
      built = b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    Path record = BuiltImage.write(classes, built);
    out().println("image   " + built.image());
    out().println("digest  " + built.digest());
    out().println("id      " + built.imageId());
    out().println(to == To.registry ? "pushed  " + built.pinned() : to == To.daemon ? "loaded into " + engine.command(needsEngine()).get(0)
        : "written " + file);
    out().flush();
    err().println("recorded in " + record);
    if (check) {
      return check(engine.command(needsEngine()), built.pinned(), components(configFile.config().run(), classes, built.image()), out(), err());
    }
    return Kfp4j.OK;
  }

  private List<Path> dependencies() throws IOException {
    List<Path> deps = new ArrayList<>();
    if (classpath != null) {
      for (String e : classpath.split(File.pathSeparator)) {
        if (!e.isBlank() && !Path.of(e).toAbsolutePath().normalize().equals(classes.toAbsolutePath().normalize())) {
          ProjectClasspath.checkThere(e, terms()); // it was left out of the image without a word
          deps.add(Path.of(e));
        }
      }
      return deps;
    }
    Path dir = Path.of("target/dependency");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> jars = Files.list(dir)) {
        jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(deps::add);
      }
    }
    return deps;
  }

  /**
   * Refuses to build an image in which no Java component could start: one whose class output and
   * dependencies lack kfp4j-entrypoint, which every generated entrypoint runs on (as when {@code
   * target/dependency/} was never written), saying where the dependencies come from.
   */
  static void requireEntrypoint(Path classes, List<Path> dependencies, boolean classpathGiven, Terms terms) throws IOException {
    try {
      if (JavaComponents.read(classes).components().isEmpty()) {
        return;
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    List<Path> all = new ArrayList<>(List.of(classes));
    all.addAll(dependencies);
    for (Path p : all) {
      if (Files.isDirectory(p) ? Files.isRegularFile(p.resolve(ENTRYPOINT_CLASS)) : hasEntry(p, ENTRYPOINT_CLASS)) {
        return;
      }
    }
    throw new ConfigException("the image would have no kfp4j-entrypoint, which the Java components' entrypoints run on, so none "
        + "of them could start: " + (classpathGiven ? "no jar of " + terms.option("--classpath") + " has it; add "
        + "dev.kfp4j:kfp4j-entrypoint to the project's runtime dependencies (not provided)" : "no jar in target/dependency/ has it; "
        + "write the runtime dependencies there with 'mvn dependency:copy-dependencies -DincludeScope=runtime', or name them with "
        + terms.option("--classpath")));
  }

  /** What {@code --to daemon}, {@code --check} and a {@code docker://} base, which need an engine, can do without one. */
  private String needsEngine() {
    return "build without " + terms().option("--to", "daemon") + ", " + terms().option("--check") + " and a docker:// base";
  }

  private static final String ENTRYPOINT_CLASS = "dev/kfp4j/entrypoint/Entrypoint.class";

  private static boolean hasEntry(Path jar, String entry) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      return zip.getEntry(entry) != null;
    } catch (java.util.zip.ZipException notAJar) {
      return false;
    }
  }

  /**
   * The one line of an error of a registry or the engine, for {@code image}, {@code image --check}
   * and {@code validate --image}: what failed, then which of their settings to check.
   */
  static String whatToDo(EngineOrRegistryException e, Terms terms) {
    String todo = switch (e.where()) {
      case BASE -> "check the network and the base image's name, or name one you can reach with " + terms.option("--base")
          + " (docker://NAME for an image the local engine has, tar://FILE for a saved one)";
      case PUSH -> "check the network, that the registry runs, and the image's name (run_config.image of the config, else the "
          + "components' -Akfp4j.image), or build with " + terms.option("--to", "daemon") + " or " + terms.option("--to", "tar");
      case REGISTRY -> "check the network, that the registry runs, the image's name and " + terms.option("--base");
      case ENGINE -> "check that " + e.name() + " runs here, or name another engine with " + terms.option("--engine") + " (and "
          + terms.option("--engine-arg") + ")";
      case START -> "check the image's name and that " + e.name() + " can pull it (the network, the registry's credentials), "
          + "or build it into the engine with '" + terms.command("image", "--to", "daemon") + "'";
    };
    if (e.insecure()) {
      todo = "pass " + terms.option("--insecure") + " if " + e.name() + " serves plain HTTP or a certificate not trusted here; else " + todo;
    } else if (e.unauthorized()) {
      todo = "log in to the registry with 'docker login' or 'podman login' (kfp4j reads their credentials); else " + todo;
    }
    return e.getMessage() + "; " + todo;
  }

  /**
   * The Java components of {@code classes} that run in {@code image} on a cluster: all of them when
   * the config's {@code run_config.image} is set (it is put on every Java step), else those
   * compiled with it or with none; all of them when none names it (an image given to check).
   */
  static List<JavaComponents.Component> components(Config.RunConfig run, Path classes, String image) {
    JavaComponents all;
    try {
      all = JavaComponents.read(classes);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    if (all.components().isEmpty()) {
      throw new ConfigException("no Java component in " + classes.resolve(JavaComponents.FOLDER) + " to check; run 'mvn compile'");
    }
    List<JavaComponents.Component> in = all.in(image);
    return run.image() != null && !run.image().isBlank() || in.isEmpty() ? all.components() : in;
  }

  /**
   * Runs the image check of {@code components} in {@code image}: a line per component; exit 0, or 2
   * when one cannot run or the image has no {@code java} that starts. An engine that cannot start the
   * image at all is an {@link EngineOrRegistryException} ({@link #whatToDo}).
   */
  static int check(List<String> engine, String image, List<JavaComponents.Component> components, java.io.PrintWriter out,
      java.io.PrintWriter err) throws IOException {
    ImageCheck.Report report;
    try {
      report = ImageCheck.run(engine, image, components);
    } catch (ImageCheck.NoJavaException e) {
      err.println("kfp4j: error: " + e.getMessage() + "; the components need java 17 or newer on the image's PATH (a base such as "
          + ProjectImage.DEFAULT_BASE + ")");
      return Kfp4j.USAGE;
    }
    for (String ok : report.ok()) {
      out.println("ok      " + ok + " in " + image);
    }
    for (ImageCheck.Problem p : report.problems()) {
      out.println("INVALID " + p.component() + ": " + p.message());
    }
    out.flush();
    if (!report.passed()) {
      long bad = report.problems().stream().map(ImageCheck.Problem::component).distinct().count();
      err.println("kfp4j: " + bad + " of " + components.size() + " components cannot run in " + image);
      return Kfp4j.USAGE;
    }
    return Kfp4j.OK;
  }
}
