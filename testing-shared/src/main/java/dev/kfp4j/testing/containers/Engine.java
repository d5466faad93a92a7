package dev.kfp4j.testing.containers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The container engine of the tests that run containers: {@code KFP4J_ENGINE} (docker, podman or
 * a path), else docker or podman, whichever on the {@code PATH} answers; its global arguments from
 * {@code KFP4J_ENGINE_ARGS} (such as {@code --runtime runc}), as the local runner takes them. A
 * test calls {@link #require}: where no engine can run a container (none installed, or one that
 * fails to start the smallest image) the test stops there as skipped, and {@link EngineListener}
 * says so in one line for the module.
 */
public final class Engine {
  public static final String ENGINE_ENV = "KFP4J_ENGINE";
  public static final String ARGS_ENV = "KFP4J_ENGINE_ARGS";

  private static Object found; // an Engine, or the NoEngine to throw again

  private final List<String> command;
  private final String name;

  private Engine(List<String> command) {
    this.command = List.copyOf(command);
    this.name = Path.of(command.get(0)).getFileName().toString();
  }

  /** The engine, able to run a container; else the test is skipped from here ({@link NoEngine}). */
  public static synchronized Engine require() {
    if (found == null) {
      found = find();
    }
    if (found instanceof NoEngine e) {
      throw new NoEngine(e.why());
    }
    return (Engine) found;
  }

  private static Object find() {
    String named = System.getenv(ENGINE_ENV);
    List<String> candidates = named != null && !named.isBlank() ? List.of(named.strip()) : List.of("docker", "podman");
    String program = null;
    for (String c : candidates) {
      String p = onPath(c);
      if (p != null && answers(p)) {
        program = p;
        break;
      }
    }
    if (program == null) {
      return new NoEngine(named != null && !named.isBlank() ? ENGINE_ENV + "=" + named + " does not answer 'version'"
          : "neither docker nor podman on the PATH answers 'version'");
    }
    List<String> command = new ArrayList<>(List.of(program));
    String args = System.getenv(ARGS_ENV);
    if (args != null && !args.isBlank()) {
      command.addAll(Arrays.asList(args.strip().split("\\s+")));
    }
    Engine engine = new Engine(command);
    try {
      String shell = BaseImages.shell(engine);
      Result r = engine.run("run", "--rm", shell, "true");
      if (r.exit() != 0) {
        return new NoEngine(engine.name + " cannot run a container here: " + firstLine(r.output())
            + " (where setrlimit is refused, name a containers.conf with [containers] default_ulimits = [] in CONTAINERS_CONF)");
      }
    } catch (IOException | RuntimeException e) {
      return new NoEngine(engine.name + " cannot make the tests' base image here: " + firstLine(String.valueOf(e.getMessage())));
    }
    return engine;
  }

  /** The engine's command: its program, then its global arguments. */
  public List<String> command() {
    return command;
  }

  /** {@code docker} or {@code podman}. */
  public String name() {
    return name;
  }

  public boolean podman() {
    return name.startsWith("podman");
  }

  /** What a command printed (stdout and stderr) and its exit code. */
  public record Result(int exit, String output) {}

  /** Runs the engine with {@code args}, waiting at most 10 minutes. */
  public Result run(String... args) throws IOException {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return exec(all, null);
  }

  /** Runs the engine with {@code args}; fails unless it exits 0. */
  public String check(String... args) throws IOException {
    Result r = run(args);
    if (r.exit() != 0) {
      throw new IOException(String.join(" ", args) + " failed (exit " + r.exit() + "): " + r.output());
    }
    return r.output();
  }

  /** Pulls {@code image} from a registry on loopback, which serves plain HTTP. */
  public void pullFromLoopback(String image) throws IOException {
    if (podman()) {
      check("pull", "--quiet", "--tls-verify=false", image);
    } else {
      check("pull", "--quiet", image); // docker takes 127.0.0.0/8 as insecure by itself
    }
  }

  /**
   * Pushes {@code image}, which the engine has, to {@code target} on a registry on loopback (plain
   * HTTP), leaving no image named {@code target} here: a run of it pulls it from the registry.
   */
  public void pushToLoopback(String image, String target) throws IOException {
    if (podman()) {
      check("push", "--quiet", "--tls-verify=false", image, target);
    } else {
      check("tag", image, target);
      check("push", "--quiet", target);
      check("rmi", target);
    }
  }

  /**
   * Removes {@code image} (a name, or a name pinned to its digest) from the engine if it has it, so
   * that what a test built, loaded or pulled does not stay in the engine's storage after the test. An
   * image the engine also has under another name keeps that name.
   */
  public void remove(String image) throws IOException {
    run("rmi", image);
  }

  /** Whether the engine has {@code image}. */
  public boolean has(String image) throws IOException {
    return run("image", "inspect", image).exit() == 0;
  }

  /** The image's id, {@code sha256:...}. */
  public String imageId(String image) throws IOException {
    String id = check("image", "inspect", "--format", "{{.Id}}", image).strip();
    return id.startsWith("sha256:") ? id : "sha256:" + id;
  }

  static Result exec(List<String> command, Path stdin) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile()) : ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(command + " did not end in 10 minutes");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean answers(String program) {
    try {
      return exec(List.of(program, "version"), null).exit() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  static String onPath(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program)) ? program : null;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    String t = text.strip();
    for (String line : t.split("\n")) {
      if (line.startsWith("Error") || line.contains("rror:")) {
        return line.strip();
      }
    }
    return t.isEmpty() ? "(no output)" : t.split("\n")[0].strip();
  }
}
