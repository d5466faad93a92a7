package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.spec.ContainerSpec;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each task in its image with {@code docker} or {@code podman}, as a pod runs it: the
 * command and arguments the task names (never rewritten), its environment settings and nothing of
 * the runner's, its CPU and memory limits, and the task's files mounted where the command expects
 * them. Input files are mounted read-only at their paths; volumes at their mount paths; each folder
 * that holds outputs is a fresh folder of the task's, whose outputs are moved to their places here
 * only when the container exits 0, so a failed task leaves no output half-written.
 *
 * <p>The container is named for the run and task ({@code kfp4j-<run id>-<task>-<attempt>}) and
 * labelled {@value #RUN_LABEL}; it is removed when the task ends, when it times out, and when the
 * runner ends however it ends ({@link ContainerReaper}); a resume removes what an earlier runner
 * left ({@link #removeLeftovers}). The engine's own output (a pull, an error) goes to the task's
 * log with the container's.
 */
final class ContainerLauncher implements Launcher, Closeable {
  /** The label naming the run a container belongs to. */
  static final String RUN_LABEL = "dev.kfp4j.run";
  private static final Pattern QUANTITY = Pattern.compile("([0-9.]+(?:[eE][-+]?[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

  private final List<String> engine;
  private final EngineTexts.Masking masking;
  private final Containers containers;
  private final String runId;
  private final SubprocessLauncher processes;
  private final RunRecord record;
  private final ContainerReaper reaper;
  private final Map<String, String> imageIds = new ConcurrentHashMap<>();
  /** How the notes name the command's options ({@link LocalRunner.Builder#options}). */
  private final BinaryOperator<String> options;

  /**
   * Runs containers with {@code engine} (its program and global arguments) for run {@code runId}; its notes name the
   * command's options as {@code options} does.
   */
  ContainerLauncher(List<String> engine, Containers containers, String runId, SubprocessLauncher processes, RunRecord record,
      BinaryOperator<String> options) {
    this.engine = List.copyOf(engine);
    this.masking = EngineTexts.masking(engine);
    this.containers = containers;
    this.runId = runId;
    this.processes = processes;
    this.record = record;
    this.reaper = new ContainerReaper(engine);
    this.options = options;
  }

  @Override
  public boolean containers() {
    return true;
  }

  @Override
  public String cacheImage(String image) {
    String run = containers.image(image);
    String id = imageId(run);
    return id == null ? run : run + "@" + id;
  }

  @Override
  public void cached(Container c) {
    if (!HereSteps.runsHere(c.command())) { // an importer or a volume step runs here, in no image
      String image = containers.image(c.image());
      record.container(c.task(), image, imageId(image));
    }
  }

  @Override
  public int launch(Launch launch) {
    if (HereSteps.runsHere(launch.command())) {
      return HereSteps.run(launch); // an importer or a volume step has no image: KFP's backend does their work, not a container
    }
    Container c = launch.container();
    String image = containers.image(c.image());
    if (image.isEmpty() || image.equals(ContainerSpec.NO_IMAGE)) {
      note(launch, "kfp4j: task '" + c.task() + "' names no image" + (image.isEmpty() ? "" : " (" + image + ")")
          + ", so it cannot run in a container: compile with -Akfp4j.image=IMAGE (or @Component(image = ...)), "
          + "or name one for it with " + options.apply("--map-image", (image.isEmpty() ? "''" : image) + "=IMAGE") + " (or, for "
          + "kfp4j's Java steps, with run_config.image of the config file)\n");
      return CANNOT_START;
    }
    if (c.command().isEmpty()) {
      note(launch, "kfp4j: task '" + c.task() + "' has no command\n");
      return CANNOT_START;
    }
    Path staging = launch.dir().resolve("outputs").resolve(".container");
    Map<String, Path> staged = new LinkedHashMap<>(); // a container folder that holds outputs -> its folder here
    List<String> command;
    try {
      command = command(launch, c, image, staging, staged);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      note(launch, "kfp4j: " + e.getMessage() + "\n");
      return CANNOT_START;
    }
    String name = command.get(command.indexOf("--name") + 1);
    reaper.watch(name);
    // the engine's client keeps the runner's temporary folder: the container has a /tmp of its own, which goes with it
    // what the engine says may quote a credential of its arguments (--url ssh://user:pw@host/...): shown without it
    TaskLog log = masking.masksAny() ? launch.log().masking(masking) : launch.log();
    int exit;
    try {
      exit = processes.launch(new Launch(command, launch.env(), launch.dir(), null, log, launch.attempt(), launch.timeoutSeconds(),
          false, launch.started(), c));
    } catch (RuntimeException e) { // its client was stopped as it started (Launch#started): its container may run
      reaper.remove(name);
      throw e;
    }
    if (log != launch.log()) {
      log.maskFile();
    }
    if (exit == TIMED_OUT || Thread.currentThread().isInterrupted()) {
      reaper.remove(name); // the engine's client was stopped; its container may still run
    } else {
      reaper.forget(name);
    }
    try {
      if (exit == 0) {
        collect(c, staged);
      }
      RunPaths.deleteTree(launch.dir(), staging);
    } catch (IOException | UncheckedIOException e) {
      // a plain IOException is one of collect's own, which says it all; another is said in words (no such file or folder)
      note(launch, "kfp4j: cannot move the container's outputs into place: " + FileErrors.problem(e) + "\n");
      return 1;
    }
    String id = imageId(image);
    record.container(c.task(), image, id);
    return exit;
  }

  /** The engine's command line for the task's container. */
  List<String> command(Launch launch, Container c, String image, Path staging, Map<String, Path> staged) {
    List<String> cmd = new ArrayList<>(engine);
    // --stop-timeout 0: a container that times out or outlives its runner is killed at once, not after the engine's 10 s
    cmd.addAll(List.of("run", "--rm", "--stop-timeout", "0", "--name", name(c.task(), launch.attempt()), "--label", RUN_LABEL + "=" + runId));
    Step.Mounts m = c.mounts();
    for (Map.Entry<String, Path> v : m.volumes().entrySet()) {
      cmd.addAll(List.of("--volume", volume(v.getValue(), v.getKey(), false)));
    }
    for (String path : m.outputs().keySet()) {
      if (volumeOf(path, m) == null) {
        staged.computeIfAbsent(parent(path), k -> staging.resolve(Integer.toString(staged.size())));
      }
    }
    for (Map.Entry<String, Path> s : staged.entrySet()) {
      try {
        Files.createDirectories(s.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make " + s.getValue() + ": " + FileErrors.why(e), e); // a file in the way, a full disk
      }
      cmd.addAll(List.of("--volume", volume(s.getValue(), s.getKey(), false)));
    }
    for (Map.Entry<String, Path> in : m.inputs().entrySet()) {
      cmd.addAll(List.of("--volume", volume(in.getValue(), in.getKey(), true)));
    }
    for (String variable : launch.env().keySet()) {
      cmd.addAll(List.of("--env", variable)); // the value comes from the engine's environment, not its command line
    }
    String cpu = c.limits().get("cpu");
    if (cpu != null) {
      cmd.addAll(List.of("--cpus", cpus(cpu)));
    }
    String memory = c.limits().get("memory");
    if (memory != null) {
      cmd.addAll(List.of("--memory", bytes(memory)));
    }
    cmd.addAll(Containers.runOptions(engine, image)); // podman pulls from a registry on loopback over plain HTTP
    cmd.addAll(List.of("--entrypoint", c.command().get(0), image));
    cmd.addAll(c.command().subList(1, c.command().size()));
    return cmd;
  }

  /** Moves each output the container wrote to its place here: from its folder's staging folder, or from the volume it is on. */
  private static void collect(Container c, Map<String, Path> staged) throws IOException {
    for (Map.Entry<String, Path> o : c.mounts().outputs().entrySet()) {
      String path = o.getKey();
      Map.Entry<String, Path> volume = volumeOf(path, c.mounts());
      Path written;
      try { // a link the container made, on the way or in it, is refused
        Map.Entry<String, Path> mount = volume != null ? volume : Map.entry(parent(path), staged.get(parent(path)));
        written = ContainerPaths.hereOf(path, Map.of(mount.getKey(), mount.getValue()), "output");
      } catch (WorkflowException e) {
        throw new IOException(e.getMessage(), e);
      }
      if (!Files.exists(written, LinkOption.NOFOLLOW_LINKS)) {
        continue; // the runner says which output is missing
      }
      Files.createDirectories(o.getValue().getParent());
      if (volume != null) {
        if (Files.isDirectory(written)) {
          throw new IOException("output " + path + " is a folder on a volume; the runner copies only files from volumes");
        }
        Files.copy(written, o.getValue(), StandardCopyOption.REPLACE_EXISTING); // a volume keeps what was written to it
      } else {
        Files.move(written, o.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  /** The volume {@code path} is on, or null. */
  private static Map.Entry<String, Path> volumeOf(String path, Step.Mounts m) {
    for (Map.Entry<String, Path> v : m.volumes().entrySet()) {
      String mount = v.getKey().endsWith("/") ? v.getKey().substring(0, v.getKey().length() - 1) : v.getKey();
      if (path.startsWith(mount + "/")) {
        return Map.entry(mount, v.getValue());
      }
    }
    return null;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    if (!path.startsWith("/") || slash == path.length() - 1) {
      throw new IllegalArgumentException("output path '" + path + "' is not an absolute path of a file in the container");
    }
    return slash == 0 ? "/" : path.substring(0, slash);
  }

  private static String volume(Path here, String there, boolean readOnly) {
    String h = here.toAbsolutePath().toString();
    if (h.contains(":") || there.contains(":")) {
      throw new IllegalArgumentException("cannot mount " + h + " at " + there + ": the engine's --volume takes no ':' in a path");
    }
    return h + ":" + there + (readOnly ? ":ro" : "");
  }

  /** A container name for the task's attempt: the run id, the task (its other characters as {@code _}), the attempt. */
  String name(String task, int attempt) {
    String t = task.replaceAll("[^A-Za-z0-9_.-]+", "_");
    if (t.length() > 60) {
      t = t.substring(0, 50) + "_" + Integer.toHexString(task.hashCode());
    }
    return "kfp4j-" + runId + "-" + t + "-" + attempt;
  }

  /** A Kubernetes CPU quantity as {@code --cpus} takes it: {@code 500m} is {@code 0.5}. */
  static String cpus(String quantity) {
    return amount(quantity, "cpu").stripTrailingZeros().toPlainString();
  }

  /** A Kubernetes memory quantity in bytes, as {@code --memory} takes it: {@code 512Mi} is {@code 536870912}. */
  static String bytes(String quantity) {
    return amount(quantity, "memory").setScale(0, java.math.RoundingMode.CEILING).toPlainString();
  }

  private static BigDecimal amount(String quantity, String resource) {
    Matcher m = QUANTITY.matcher(quantity.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("the " + resource + " limit '" + quantity + "' is not a Kubernetes quantity");
    }
    BigDecimal n = new BigDecimal(m.group(1));
    String suffix = m.group(2) == null ? "" : m.group(2);
    return switch (suffix) {
      case "" -> n;
      case "m" -> n.movePointLeft(3);
      case "k" -> n.movePointRight(3);
      case "M" -> n.movePointRight(6);
      case "G" -> n.movePointRight(9);
      case "T" -> n.movePointRight(12);
      case "P" -> n.movePointRight(15);
      case "E" -> n.movePointRight(18);
      default -> n.multiply(BigDecimal.valueOf(1024).pow("KiMiGiTiPiEi".indexOf(suffix) / 2 + 1));
    };
  }

  /** The engine's id of {@code image} ({@code sha256:...}), or null when it does not have it (yet). */
  String imageId(String image) {
    String known = imageIds.get(image);
    if (known != null) {
      return known;
    }
    List<String> inspect = new ArrayList<>(engine);
    inspect.addAll(List.of("image", "inspect", "--format", "{{.Id}}", image));
    String out = run(inspect);
    if (out == null || out.isBlank()) {
      return null;
    }
    String id = out.strip().startsWith("sha256:") ? out.strip() : "sha256:" + out.strip();
    imageIds.put(image, id);
    return id;
  }

  /**
   * Removes the containers an earlier runner of run {@code runId} left (it was killed with its
   * reaper), so a resumed task does not meet its old self.
   */
  static void removeLeftovers(List<String> engine, String runId) {
    List<String> ps = new ArrayList<>(engine);
    ps.addAll(List.of("ps", "--all", "--quiet", "--filter", "label=" + RUN_LABEL + "=" + runId));
    String ids = run(ps);
    if (ids == null || ids.isBlank()) {
      return;
    }
    List<String> rm = new ArrayList<>(engine);
    rm.addAll(List.of("rm", "--force"));
    rm.addAll(List.of(ids.strip().split("\\s+")));
    run(rm);
  }

  /** What {@code command} printed on standard output, or null when it failed. */
  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void note(Launch launch, String text) {
    try (OutputStream out = launch.log().open(launch.attempt())) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the exit code still says it did not start
    }
  }

  @Override
  public void close() {
    reaper.close();
  }
}
