package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs kfp4j's Java entrypoints in this JVM: {@code run(String[])} of the entrypoint class, loaded
 * by a class loader of the run's own (so a run's components share no static state with the caller
 * or other runs), with {@code System.out}/{@code err} of the task's thread going to its log.
 */
final class InProcessLauncher implements Launcher, Closeable {
  private final List<String> classpath;
  private final ClassLoader fallback;
  private final String name;
  private final ExecutorService pool;
  private final Map<String, Method> entrypoints = new ConcurrentHashMap<>();
  private volatile RunLoader loader;

  /** Loads from {@code classpath} (absolute entries), else from {@code fallback}; {@code name} names the loader ({@link RunLoader}). */
  InProcessLauncher(List<String> classpath, ClassLoader fallback, String name, ExecutorService pool) {
    this.classpath = classpath;
    this.fallback = fallback;
    this.name = name;
    this.pool = pool;
  }

  /** Whether {@code mainClass} is an entrypoint this launcher can run. */
  boolean canRun(String mainClass) {
    return entrypoint(mainClass) != null;
  }

  /** Runs {@code command}: the entrypoint's main class, then its arguments. */
  @Override
  public int launch(Launch launch) {
    Method run = entrypoint(launch.command().get(0));
    List<String> args = launch.command().subList(1, launch.command().size());
    TaskOutput.install();
    try (PrintStream out = new PrintStream(launch.log().open(launch.attempt()), true, StandardCharsets.UTF_8)) {
      Future<Integer> f = pool.submit(() -> invoke(run, args, out, launch.log()));
      try {
        return launch.timeoutSeconds() > 0 ? f.get(launch.timeoutSeconds(), TimeUnit.SECONDS) : f.get();
      } catch (TimeoutException e) {
        f.cancel(true); // an in-process task can only be interrupted; subprocesses are for hard stops
        return TIMED_OUT;
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        return 1;
      } catch (ExecutionException e) {
        e.getCause().printStackTrace(out);
        return 1;
      }
    } catch (IOException e) {
      launch.log().note("kfp4j: cannot write the log: " + FileErrors.why(e) + "\n");
      return CANNOT_START;
    }
  }

  private static int invoke(Method run, List<String> args, PrintStream out, TaskLog log) throws IllegalAccessException {
    ExitWatch.running(log); // first: what loading it prints is not the task's
    TaskOutput.route(out);
    Thread.currentThread().setContextClassLoader(run.getDeclaringClass().getClassLoader());
    try {
      return (Integer) run.invoke(null, (Object) args.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace(out);
      return 1;
    } finally {
      ExitWatch.ended();
      TaskOutput.clear();
    }
  }

  /** {@code run(String[])} of a generated entrypoint, from the run's own loader, else the fallback; null if neither has it. */
  private Method entrypoint(String mainClass) {
    return entrypoints.computeIfAbsent(mainClass, c -> {
      for (ClassLoader l : new ClassLoader[] {loader(), fallback}) {
        try {
          Method m = Class.forName(c, true, l).getMethod("run", String[].class);
          if (m.getReturnType() == int.class) {
            return m;
          }
        } catch (ReflectiveOperationException | LinkageError e) {
          // try the next loader
        }
      }
      return null;
    });
  }

  /** The run's own loader, created at the first in-process task. */
  private RunLoader loader() {
    if (loader == null) {
      synchronized (this) {
        if (loader == null) {
          List<URL> urls = new ArrayList<>();
          for (String entry : classpath) {
            try {
              urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
              // not a usable classpath entry
            }
          }
          loader = new RunLoader(name, urls.toArray(URL[]::new));
        }
      }
    }
    return loader;
  }

  @Override
  public void close() throws IOException {
    if (loader != null) {
      loader.close();
    }
  }

  /**
   * The run's own class loader. It has no loader name ({@link ClassLoader#getName()}): a named
   * loader's name heads each frame of its classes in a stack trace ({@code
   * kfp4j-run-<id>//com.example.Train.run(Train.java:12)}), which says nothing the task's log does
   * not; unnamed, a frame reads as a subprocess's does. Its class's name still says whose loader it
   * is where the JDK names a loader (a class cast's message, {@code jcmd VM.classloaders}), and the
   * run's name is its {@link #toString()} (a debugger, a heap dump's field).
   */
  static final class RunLoader extends URLClassLoader {
    static {
      ClassLoader.registerAsParallelCapable(); // as URLClassLoader is: no lock on the loader for each class it loads
    }

    private final String run;

    RunLoader(String run, URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
      this.run = run;
    }

    @Override
    public String toString() {
      return run;
    }
  }
}
