package dev.kfp4j.ui;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.UiLink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local UI: a web page over the local runs folder, served by an embedded Jetty on a loopback
 * address only. Runs, a run's graph coloured by task state (updating while it runs), a task's log,
 * inputs, outputs, artifacts and metrics, metrics compared across runs, and a form that starts a
 * run of a compiled pipeline.
 *
 * <pre>{@code
 * try (LocalUi ui = LocalUi.builder().root(Path.of(".kfp4j/runs")).pipelines(Path.of("target/classes")).build().start()) {
 *   System.out.println(ui.url());
 *   ui.join();
 * }
 * }</pre>
 *
 * <p>While it serves, its address is in {@code <root>/ui.url} ({@link UiLink}), so a run that ends
 * prints the link to its page.
 */
public final class LocalUi implements AutoCloseable {
  /** The port it serves on by default. */
  public static final int DEFAULT_PORT = 8765;
  /** The copy of a run's workflow in its folder, the graph drawn for it. */
  static final String WORKFLOW_FILE = dev.kfp4j.local.LocalRunner.WORKFLOW_FILE;

  private final Path root;
  private final String host;
  private final int port;
  private final Path classes;
  private final Supplier<LocalRunner> runner;
  /** How errors name the command's options ({@link Builder#options}). */
  private final java.util.function.UnaryOperator<String> options;
  private Server server;
  private URI url;

  private LocalUi(Builder b) {
    this.root = b.root.toAbsolutePath().normalize();
    this.host = b.host;
    this.port = b.port;
    this.classes = b.classes;
    this.runner = b.runner != null ? b.runner : () -> LocalRunner.builder().root(root).build();
    this.options = b.options;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts serving; its address is then {@link #url()}. */
  public LocalUi start() throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("kfp4j-ui");
    threads.setDaemon(true);
    server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    Pipelines pipelines = new Pipelines(classes);
    server.setHandler(new Routes(new RunsFolder(root), pipelines, new Starter(runner)));
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw new IOException("cannot serve on " + host + ":" + port + ": " + e.getMessage()
          + (port != 0 ? "; choose another port with " + options.apply("--port") : ""), e);
    } catch (Exception e) {
      close();
      throw new IOException("cannot start the UI: " + e, e);
    }
    String h = host.contains(":") ? "[" + host + "]" : host;
    url = URI.create("http://" + h + ":" + connector.getLocalPort() + "/");
    UiLink.write(root, url);
    return this;
  }

  /** Where it serves, such as {@code http://127.0.0.1:8765/}. */
  public URI url() {
    return url;
  }

  /** The page of one run. */
  public URI runPage(String pipeline, String runId) {
    return UiLink.runPage(url, pipeline, runId);
  }

  /** Waits until it is closed. */
  public void join() throws InterruptedException {
    Server s = server;
    if (s != null) {
      s.join();
    }
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    Server s = server;
    server = null;
    if (url != null) {
      UiLink.remove(root, url);
    }
    try {
      s.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the UI: " + e, e);
    }
  }

  /** Validates a run's arguments, then runs it on a thread of its own. */
  private static final class Starter implements RunStarter {
    private final Supplier<LocalRunner> runner;

    Starter(Supplier<LocalRunner> runner) {
      this.runner = runner;
    }

    @Override
    public void start(dev.kfp4j.local.Workflow workflow, java.util.Map<String, String> arguments) {
      workflow.checkRunnable();
      workflow.arguments(arguments, "a value in its field of the form"); // the form's words, not the command line's
      LocalRunner r = runner.get();
      Thread t = new Thread(() -> {
        try {
          r.run(workflow, arguments);
        } catch (RuntimeException e) {
          System.err.println("kfp4j ui: the run of " + workflow.name() + " stopped: " + e.getMessage());
        }
      }, "kfp4j-ui-run-" + workflow.name());
      t.setDaemon(true);
      t.start();
    }
  }

  public static final class Builder {
    private Path root = Path.of(".kfp4j/runs");
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private Path classes;
    private Supplier<LocalRunner> runner;
    private java.util.function.UnaryOperator<String> options = java.util.function.UnaryOperator.identity();

    private Builder() {}

    /**
     * How errors name the {@code kfp4j} command's options, from their names ({@code --port}): as they are by default; a Maven
     * goal names its properties.
     */
    public Builder options(java.util.function.UnaryOperator<String> options) {
      this.options = java.util.Objects.requireNonNull(options, "options");
      return this;
    }

    /** The runs folder (default {@code .kfp4j/runs}). */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * The address to serve on (default {@code 127.0.0.1}): a loopback address only.
     *
     * @throws IllegalArgumentException for any other address, such as {@code 0.0.0.0}
     */
    public Builder host(String host) {
      InetAddress a;
      try {
        a = InetAddress.getByName(Objects.requireNonNull(host, "host"));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown host '" + host + "'; the local UI serves on 127.0.0.1 or ::1");
      }
      if (!a.isLoopbackAddress() || host.isBlank()) {
        throw new IllegalArgumentException("the local UI serves on a loopback address only (127.0.0.1, ::1, localhost), "
            + "not '" + host + "': it shows your runs' files and starts runs, to this machine only");
      }
      this.host = a.getHostAddress();
      return this;
    }

    /** The port (default {@value LocalUi#DEFAULT_PORT}; 0 for any free one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /** Where {@code mvn compile} wrote the pipelines the "create run" form offers ({@code target/classes}); none by default. */
    public Builder pipelines(Path classes) {
      this.classes = classes;
      return this;
    }

    /** Makes the runner of each run the form starts (default: a {@link LocalRunner} over the runs folder). */
    public Builder runner(Supplier<LocalRunner> runner) {
      this.runner = runner;
      return this;
    }

    public LocalUi build() {
      return new LocalUi(this);
    }
  }
}
