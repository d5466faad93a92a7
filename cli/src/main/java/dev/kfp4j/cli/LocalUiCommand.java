package dev.kfp4j.cli;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.ui.LocalUi;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code kfp4j ui --local}: the local UI over the runs folder, served until the command is stopped. */
final class LocalUiCommand {
  private static final String JETTY_LOG = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

  @Option(names = "--local", description = "Serve the local UI: the runs in --root, their graphs, logs, artifacts and "
      + "metrics, and a form that starts a run of a pipeline in --classes.")
  boolean local;

  @Option(names = "--root", paramLabel = "DIR", defaultValue = ".kfp4j/runs",
      description = "With --local: the runs folder (default: ${DEFAULT-VALUE}).")
  Path root;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + LocalUi.DEFAULT_PORT,
      description = "With --local: the port (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "With --local: a loopback address to serve on (default: ${DEFAULT-VALUE}); any other is refused.")
  String bind;

  @Option(names = "--classes", paramLabel = "DIR", defaultValue = "target/classes",
      description = "With --local: where 'mvn compile' wrote the pipelines the form starts (default: ${DEFAULT-VALUE}).")
  Path classes;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "With --local: where the project's components load from (default: --classes and target/dependency/*).")
  String classpath;

  /** Serves until interrupted; the UI's address on {@code out}. */
  int serve(PrintWriter out, PrintWriter err, boolean open, Terms terms) throws IOException {
    if (System.getProperty(JETTY_LOG) == null) {
      System.setProperty(JETTY_LOG, "warn"); // Jetty's start and stop lines, under slf4j-simple
    }
    LocalUi.Builder b;
    try {
      b = LocalUi.builder().root(root).host(bind).port(port).pipelines(classes).options(terms::option);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    ProjectClasspath project = ProjectClasspath.of(classpath, classes, terms);
    boolean interrupted = false;
    try (URLClassLoader loader = project.loader(); LocalUi ui = start(b, loader, project, terms)) {
      Thread hook = new Thread(ui::close, "kfp4j-ui-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("kfp4j UI: " + ui.url() + " (runs in " + root.toAbsolutePath().normalize() + "; Ctrl-C stops it)");
      out.flush();
      if (open) { // one that cannot be opened is said, and the UI goes on serving
        Browser.open(ui.url(), err);
      }
      try {
        ui.join();
      } catch (InterruptedException e) {
        interrupted = true; // stopped: closed below, then the interrupt is kept
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook closes it
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return Kfp4j.OK;
  }

  /**
   * The UI, started; a port it cannot have (another program serves on it, or it is privileged) is
   * a usage error (exit 2) that says to choose another, not an unexpected error.
   */
  private LocalUi start(LocalUi.Builder b, URLClassLoader loader, ProjectClasspath project, Terms terms) throws IOException {
    try {
      return b.runner(() -> LocalRunner.builder().root(root).classLoader(loader).classpath(project.classpath()).options(terms::option)
          .build()).build().start();
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          throw new ConfigException(e.getMessage());
        }
      }
      throw e;
    }
  }
}
