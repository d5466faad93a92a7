package dev.kfp4j.local;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Containers never outlive the runner. Stopping an engine's client ({@code docker run}, {@code
 * podman run}) does not stop its container, so a small shell watches the run's containers: the
 * runner tells it each name as its container starts and ends, and when the runner's end of its pipe
 * closes (this JVM ended, however: {@code kill -9} too) it removes, with the engine, every
 * container still there. A container that times out is removed at once.
 */
final class ContainerReaper {
  /** Reads {@code + NAME} (watch) and {@code - NAME} (forget) lines; removes what is left at the end of its input. */
  private static final String WATCHER = String.join("\n",
      "trap '' INT TERM HUP QUIT PIPE",
      "names=' '",
      "while read -r op n; do",
      "  case $op in",
      "    +) names=\"$names$n \" ;;",
      "    -) case $names in *\" $n \"*) names=\"${names%% $n *} ${names#* $n }\" ;; esac ;;",
      "  esac",
      "done",
      "for n in $names; do \"$@\" rm --force \"$n\" >/dev/null 2>&1; done",
      "");

  private final List<String> engine;
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private final Thread hook = new Thread(this::close, "kfp4j-remove-containers");
  private Process watcher;
  private Writer toWatcher;

  ContainerReaper(List<String> engine) {
    this.engine = List.copyOf(engine);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Container {@code name} is about to start: it is removed if the runner ends first. */
  void watch(String name) {
    live.add(name);
    tell("+ " + name);
  }

  /** Container {@code name} ended and was removed by the engine. */
  void forget(String name) {
    live.remove(name);
    tell("- " + name);
  }

  /** Removes container {@code name} now, running or not, and waits until the engine has. */
  void remove(String name) {
    List<String> rm = new ArrayList<>(engine);
    rm.addAll(List.of("rm", "--force", name));
    try {
      Process p = new ProcessBuilder(rm).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return; // the watcher tries again at the end
      }
    } catch (IOException e) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    forget(name);
  }

  private synchronized void tell(String line) {
    try {
      if (watcher == null) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHER, "kfp4j-reap"));
        command.addAll(engine);
        watcher = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toWatcher = new OutputStreamWriter(watcher.getOutputStream(), StandardCharsets.US_ASCII);
      }
      toWatcher.write(line + "\n");
      toWatcher.flush();
    } catch (IOException e) {
      // no watcher: close() still removes every live container
    }
  }

  /** Removes every container still live, and ends the watcher. */
  void close() {
    for (String name : List.copyOf(live)) {
      remove(name);
    }
    Process w;
    synchronized (this) {
      w = watcher;
      if (toWatcher != null) {
        try {
          toWatcher.close();
        } catch (IOException e) {
          // it ends with this JVM anyway
        }
      }
    }
    if (w != null) {
      try {
        w.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // the JVM is stopping: the hook runs
    }
  }
}
