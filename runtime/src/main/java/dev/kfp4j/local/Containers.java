package dev.kfp4j.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * How the local runner runs tasks in containers ({@link LocalRunner.Builder#containers}): the
 * engine, {@code docker} or {@code podman}, with its global arguments, and images to run in place
 * of those the tasks name.
 *
 * <pre>{@code
 * Containers.engine("podman").withEngineArgs(List.of("--runtime", "runc"))
 *     .withImage("python:3.12-slim", "registry.local/python:3.12-slim");
 * }</pre>
 *
 * Without a named engine it is {@value #ENGINE_ENV} when set, else {@code docker} or {@code podman},
 * whichever on the {@code PATH} answers {@code version} first (a {@code docker} client with no
 * daemon does not). The engine, named or found, is asked its {@code version} once, with its global arguments, before it
 * runs anything ({@link EngineProbe}): one that fails it or prints no version is refused, saying what it printed. Global
 * arguments also come from {@value #ENGINE_ARGS_ENV}, split at spaces. kfp4j shows an argument that holds a URL ({@code
 * --url ssh://user:pw@host/...}) without its credentials, in what the engine says too ({@link EngineTexts}).
 */
public final class Containers {
  /** Names the engine: {@code docker}, {@code podman} or a path. */
  public static final String ENGINE_ENV = "KFP4J_ENGINE";
  /** The engine's global arguments, such as {@code --runtime runc}. */
  public static final String ENGINE_ARGS_ENV = "KFP4J_ENGINE_ARGS";

  private final String engine;
  private final List<String> engineArgs;
  private final Map<String, String> images;

  private Containers(String engine, List<String> engineArgs, Map<String, String> images) {
    this.engine = engine;
    this.engineArgs = List.copyOf(engineArgs);
    this.images = Map.copyOf(images);
  }

  /** The engine found as the class comment says, with the arguments of {@value #ENGINE_ARGS_ENV}. */
  public static Containers detect() {
    return engine(null);
  }

  /** {@code engine} ({@code docker}, {@code podman} or a path), or null to find one; with the arguments of {@value #ENGINE_ARGS_ENV}. */
  public static Containers engine(String engine) {
    String args = System.getenv(ENGINE_ARGS_ENV);
    List<String> fromEnv = args == null || args.isBlank() ? List.of() : Arrays.asList(args.strip().split("\\s+"));
    return new Containers(engine == null || engine.isBlank() ? null : engine.strip(), fromEnv, Map.of());
  }

  /** The engine's global arguments (before {@code run}), in place of those from the environment. */
  public Containers withEngineArgs(List<String> args) {
    return new Containers(engine, args, images);
  }

  /** Runs {@code image} where a task names {@code name}: a mirror, a local build, or an image for {@code kfp4j.invalid/no-image}. */
  public Containers withImage(String name, String image) {
    Map<String, String> all = new LinkedHashMap<>(images);
    all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(image, "image"));
    return new Containers(engine, engineArgs, all);
  }

  /** The image a task that names {@code image} runs in. */
  public String image(String image) {
    return images.getOrDefault(image, image);
  }

  /** Images run in place of others, by the name tasks give. */
  public Map<String, String> images() {
    return images;
  }

  /**
   * The engine's command: its program and global arguments; the errors name the {@code kfp4j} command's options as it
   * does ({@code --engine}).
   *
   * @throws WorkflowException when no engine is found, or the one named does not answer {@code version} as docker and podman
   *     do, saying what to do
   */
  public List<String> command() {
    return command("run without --containers", LocalRunner.COMMAND_OPTIONS);
  }

  /**
   * The engine's command, as {@link #command()}; when no engine is found the error ends with {@code orElse}, what the
   * command that needs it can do without one ({@code validate without --image}). {@code options} names the command's
   * options in the errors as its user gives them ({@link LocalRunner.Builder#options}): {@link LocalRunner#COMMAND_OPTIONS}
   * say {@code --engine}, a Maven goal {@code -Dkfp4j.engine}.
   */
  public List<String> command(String orElse, BinaryOperator<String> options) {
    String option = options.apply("--engine", null);
    if (engine != null) {
      String program = find(engine);
      if (program == null) {
        throw new WorkflowException(engine.contains(File.separator)
            ? "the container engine '" + engine + "' is not an executable file; name docker, podman or the path of one with " + option
            : "the container engine '" + engine + "' is not on the PATH; install it or name another with " + option);
      }
      List<String> command = with(program);
      String why = EngineProbe.why(command);
      if (why != null) { // else each task would fail, or end with none of its outputs
        throw new WorkflowException("the container engine '" + engine + "'" + (engineArgs.isEmpty() ? "" : " with "
            + EngineTexts.shown(engineArgs)) + " " + why + ", so it cannot run containers; name docker or podman (its daemon or"
            + " service running), or the path of one, with " + option);
      }
      return command;
    }
    String named = System.getenv(ENGINE_ENV);
    if (named != null && !named.isBlank()) {
      String program = find(named.strip());
      String why = program == null ? "is not found" : EngineProbe.why(with(program));
      if (why != null) {
        throw new WorkflowException(ENGINE_ENV + " names '" + named + "', which " + (program == null ? "" : withArgs()) + why
            + "; fix it or name the engine with " + option);
      }
      return with(program);
    }
    List<String> refused = new ArrayList<>();
    for (String c : List.of("docker", "podman")) {
      String p = find(c);
      String why = p == null ? null : EngineProbe.why(with(p));
      if (p != null && why == null) {
        return with(p);
      }
      if (p != null) {
        refused.add(c + " " + why);
      }
    }
    if (!engineArgs.isEmpty() && !refused.isEmpty()) { // the global arguments may be what they refuse: say what they said
      throw new WorkflowException("no container engine here: neither docker nor podman on the PATH answers 'version' "
          + withArgs() + "(" + String.join("; ", refused) + "); fix the engine's global arguments, install one, or " + orElse);
    }
    throw new WorkflowException("no container engine here: neither docker nor podman on the PATH answers 'version'; install one, or "
        + orElse);
  }

  /** {@code with ARGS } naming the engine's global arguments as kfp4j shows them (masked), or nothing when there are none. */
  private String withArgs() {
    return engineArgs.isEmpty() ? "" : "with " + EngineTexts.shown(engineArgs) + " ";
  }

  /** {@code program} with the engine's global arguments after it. */
  private List<String> with(String program) {
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(engineArgs);
    return List.copyOf(command);
  }

  /**
   * Options of the engine's {@code run} for {@code image}, before the image: {@code
   * --tls-verify=false} where {@code podman} (the program's name) would pull it from a registry on
   * loopback ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}, with or without a port), which
   * serves plain HTTP as such registries mostly do; docker takes loopback registries as insecure
   * itself, and kfp4j's image build does too. Else none.
   */
  public static List<String> runOptions(List<String> command, String image) {
    Path program = Path.of(command.get(0)).getFileName();
    return program != null && program.toString().startsWith("podman") && onLoopback(image) ? List.of("--tls-verify=false") : List.of();
  }

  /** Whether {@code image} names a registry on loopback: its first part, before a {@code /}, is a {@link #loopbackRegistry}. */
  static boolean onLoopback(String image) {
    int slash = image.indexOf('/');
    return slash > 0 && loopbackRegistry(image.substring(0, slash));
  }

  /**
   * Whether {@code registry}, a host with or without a port, is on loopback: {@code localhost}, {@code 127.x.x.x} or {@code
   * [::1]}, where registries mostly serve plain HTTP (the engine's runs here and kfp4j's image build allow it there).
   */
  public static boolean loopbackRegistry(String registry) {
    String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1) : registry.replaceAll(":\\d+$", "");
    return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
  }

  /** {@code program} as a path: itself when it has a {@code /}, else where it is on the {@code PATH}; null if nowhere. */
  static String find(String program) {
    if (program.contains(File.separator)) {
      Path p = Path.of(program);
      return Files.isExecutable(p) && !Files.isDirectory(p) ? program : null; // a folder is "executable" too: it can be entered
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p.toAbsolutePath().toString();
      }
    }
    return null;
  }

  /** The engine and its arguments as shown to people: an argument holding a URL without its credentials ({@link EngineTexts}). */
  @Override
  public String toString() {
    return (engine == null ? "docker or podman" : engine) + (engineArgs.isEmpty() ? "" : " " + EngineTexts.shown(engineArgs))
        + (images.isEmpty() ? "" : ", images " + images);
  }
}
