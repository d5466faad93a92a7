package dev.kfp4j.image;

import dev.kfp4j.local.Containers;
import dev.kfp4j.local.EngineTexts;
import dev.kfp4j.spec.ContainerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts an image and checks that each of the project's Java components can run in it, before a
 * push: one container runs {@link ImageProbe} on the components' class path, which finds classes
 * the components' code names that no jar of the image has, and runs each component's entrypoint
 * with {@code -h}. The probe is mounted read-only into the container; the image is not changed.
 */
public final class ImageCheck {
  /** Where the probe's class folder is mounted in the container. */
  static final String PROBE_MOUNT = "/kfp4j-probe";
  private static final String PROBE = ImageProbe.class.getName();
  /** The exit code of {@code docker run} and {@code podman run} when the engine itself fails: it cannot pull the image, or is not running. */
  static final int ENGINE_FAILED = 125;

  /** An image whose {@code java} does not start the probe: there is none, or it is older than 17. */
  public static final class NoJavaException extends IOException {
    NoJavaException(String image, int exit, String engineSaid) {
      super("cannot start java in " + image + " (exit code " + exit + "): " + engineSaid);
    }
  }

  /** A component that cannot run in the image, and why. */
  public record Problem(String component, String message) {}

  /**
   * What the check found.
   *
   * @param image the image checked
   * @param ok the components that started
   * @param problems those that cannot run, one or more problems each
   */
  public record Report(String image, List<String> ok, List<Problem> problems) {
    public Report {
      ok = List.copyOf(ok);
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty();
    }
  }

  private ImageCheck() {}

  /**
   * Checks {@code components} in {@code image} with {@code engine} (its program and global
   * arguments). An image the engine cannot start (it cannot pull it, or is not running) is an
   * {@link EngineOrRegistryException}; one without a {@code java} that runs the probe, a {@link
   * NoJavaException}; both with the line of what the engine said.
   */
  public static Report run(List<String> engine, String image, List<JavaComponents.Component> components) throws IOException {
    if (components.isEmpty()) {
      return new Report(image, List.of(), List.of());
    }
    Path probe = Files.createTempDirectory("kfp4j-probe");
    try {
      Path file = probe.resolve(PROBE.replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      try (InputStream in = ImageProbe.class.getResourceAsStream("ImageProbe.class")) {
        Files.copy(in, file);
      }
      List<String> command = new ArrayList<>(engine);
      command.addAll(List.of("run", "--rm", "--volume", probe.toAbsolutePath() + ":" + PROBE_MOUNT + ":ro"));
      command.addAll(Containers.runOptions(engine, image)); // podman pulls from a registry on loopback over plain HTTP
      command.addAll(List.of("--entrypoint", "java", image, "-cp", PROBE_MOUNT + ":" + ContainerSpec.IMAGE_CLASSPATH, PROBE));
      Map<String, List<String>> byEntrypoint = new LinkedHashMap<>();
      for (JavaComponents.Component c : components) {
        command.add(c.entrypointClass());
        command.add(c.name());
        byEntrypoint.computeIfAbsent(c.entrypointClass(), k -> new ArrayList<>()).add(c.name());
      }
      Process p = Engines.start(command);
      // what the engine said, without the credentials of its arguments (--url ssh://user:pw@host/...) if it quotes them
      String out = EngineTexts.masked(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), engine);
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("the check of " + image + " did not end in 10 minutes");
      }
      if (p.exitValue() == ENGINE_FAILED) {
        throw new EngineOrRegistryException(EngineOrRegistryException.Where.START, engine.get(0), engine.get(0) + " cannot start "
            + image + " (exit code " + ENGINE_FAILED + "): " + EngineOrRegistryException.engineError(out), null);
      }
      return report(image, out, p.exitValue(), byEntrypoint, components.stream().map(JavaComponents.Component::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while checking " + image, e);
    } finally {
      DirectoryJars.delete(probe);
    }
  }

  /** The probe's lines read into a report; anything else from an exit other than 0 or 1 means the image did not start. */
  static Report report(String image, String output, int exit, Map<String, List<String>> byEntrypoint, List<String> order)
      throws IOException {
    List<String> ok = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    boolean probed = false;
    for (String line : output.split("\n")) {
      String[] f = line.strip().split(" ", 4);
      switch (f[0]) {
        case "ok" -> {
          probed = true;
          ok.add(f[1]);
        }
        case "failed" -> {
          probed = true;
          problems.add(new Problem(f[1], "'" + f[1] + " -h' failed: " + (f.length > 2 ? line.strip().substring(f[0].length() + f[1].length() + 2) : "")));
        }
        case "missing" -> {
          probed = true;
          for (String component : byEntrypoint.getOrDefault(f[1], List.of(f[1]))) {
            problems.add(new Problem(component, "class " + f[2] + " is not in the image, and " + f[3] + " needs it"
                + " (a dependency missing from /app/libs?)"));
          }
        }
        default -> { }
      }
    }
    if (!probed || (exit != 0 && exit != 1)) {
      throw new NoJavaException(image, exit, EngineOrRegistryException.engineError(output));
    }
    ok.removeIf(c -> problems.stream().anyMatch(p -> p.component().equals(c)));
    ok.sort(java.util.Comparator.comparingInt(order::indexOf));
    problems.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.component())));
    return new Report(image, ok, problems);
  }
}
