package dev.kfp4j.image;

import dev.kfp4j.local.EngineTexts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a container engine's commands ({@code save}, {@code load}) for the image builder. */
final class Engines {
  private Engines() {}

  /**
   * Runs {@code engine args...}; what it printed, or an {@link EngineOrRegistryException} with the
   * line that says why when it fails (or cannot be started), without the credentials of {@code engine}'s arguments
   * ({@link EngineTexts}).
   */
  static String run(List<String> engine, String... args) throws IOException {
    List<String> command = new ArrayList<>(engine);
    command.addAll(List.of(args));
    Process p = start(command);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new EngineOrRegistryException(EngineOrRegistryException.Where.ENGINE, engine.get(0), EngineTexts.shown(command)
            + " did not end in 30 minutes", null);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new EngineOrRegistryException(EngineOrRegistryException.Where.ENGINE, engine.get(0), engine.get(0) + " " + args[0]
          + " failed (exit code " + p.exitValue() + "): " + EngineTexts.masked(EngineOrRegistryException.engineError(out), engine), null);
    }
    return out;
  }

  /**
   * Starts {@code command}, an engine's command line, its errors to its output and nothing on its
   * input; an {@link EngineOrRegistryException} naming the engine when it cannot be started.
   */
  static Process start(List<String> command) throws EngineOrRegistryException {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new EngineOrRegistryException(EngineOrRegistryException.Where.ENGINE, command.get(0), "cannot run " + command.get(0) + ": "
          + EngineOrRegistryException.oneLine(e.getMessage()), e);
    }
  }
}
