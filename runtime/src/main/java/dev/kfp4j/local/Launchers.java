package dev.kfp4j.local;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Picks how a command runs. A kfp4j Java entrypoint ({@code java -cp <path> <Main> ...}) runs in
 * this JVM when the task allows it and its class is found; otherwise, and for a Java task that
 * must be a process, as {@code java} from this JVM's installation on the runner's classpath, started
 * from the run's class-data archive ({@link JavaStart}), by a JVM started ahead when there is one
 * ({@link Prestarts}). Any other command runs as it is written.
 */
final class Launchers implements Launcher, Closeable {
  private final InProcessLauncher inProcess;
  private final SubprocessLauncher subprocess;
  private final String classpath;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final JavaStart start;
  private Prestarts prestarts;

  /** {@code classpath}: the absolute entries Java subprocesses run on; {@code start}: their start options. */
  Launchers(InProcessLauncher inProcess, SubprocessLauncher subprocess, List<String> classpath, JavaStart start) {
    this.inProcess = inProcess;
    this.subprocess = subprocess;
    this.classpath = String.join(File.pathSeparator, classpath);
    this.start = start;
  }

  /**
   * Java tasks may be started ahead ({@link Prestarts}), at most {@code most} waiting at once;
   * processes are started on {@code starter}.
   */
  Prestarts prestarts(int most, java.util.concurrent.Executor starter) {
    prestarts = new Prestarts(subprocess, start, java, classpath, most, starter);
    return prestarts;
  }

  @Override
  public int launch(Launch launch) {
    if (prestarts != null && launch.container() != null) {
      prestarts.launching(launch.container().task());
    }
    List<String> command = launch.command();
    String javaMain = javaMain(command);
    if (javaMain == null) {
      return subprocess.launch(launch);
    }
    if (launch.inProcess() && inProcess.canRun(javaMain)) {
      return inProcess.launch(with(launch, command.subList(3, command.size())));
    }
    Process ahead = prestarts == null || launch.container() == null ? null
        : prestarts.take(launch.container().task(), launch, javaMain, command.subList(4, command.size()));
    if (ahead != null) {
      return subprocess.await(ahead, launch);
    }
    JavaStart.Options options = start.options();
    List<String> process = new ArrayList<>(command.size() + options.jvm().size() + 1);
    process.add(java);
    process.addAll(options.jvm());
    process.addAll(TaskTemp.jvm(launch.env(), launch.tmp()));
    process.add(command.get(1));
    process.add(classpath);
    process.addAll(command.subList(3, command.size()));
    int exit = subprocess.launch(with(launch, process));
    start.ended(options, exit, subprocess.groups());
    if (exit != 0 && !onClasspath(javaMain)) { // java said only "Could not find or load main class"
      launch.log().note("kfp4j: " + javaMain + " is on none of the runner's classpath entries: run where the project's classes "
          + "and dependencies are (kfp4j run in the project's folder after 'mvn compile', a dependency's classes in the jars of "
          + "target/dependency/ that 'mvn dependency:copy-dependencies -DincludeScope=runtime' writes, or with --classes and "
          + "--classpath; the kfp4j:run goal)\n");
    }
    return exit;
  }

  /** Whether a folder or jar of the runner's classpath has {@code main}'s class file. */
  private boolean onClasspath(String main) {
    String file = main.replace('.', '/') + ".class";
    for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
      List<Path> paths = new ArrayList<>();
      if (entry.endsWith("*")) { // a folder of jars
        try (var jars = Files.list(Path.of(entry.substring(0, entry.length() - 1)))) {
          jars.filter(j -> j.toString().endsWith(".jar")).forEach(paths::add);
        } catch (IOException | RuntimeException e) {
          continue;
        }
      } else if (!entry.isEmpty()) {
        paths.add(Path.of(entry));
      }
      for (Path p : paths) {
        if (Files.isDirectory(p) ? Files.isRegularFile(p.resolve(file)) : inJar(p, file)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inJar(Path jar, String file) {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.getEntry(file) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Launch with(Launch l, List<String> command) {
    return new Launch(command, l.env(), l.dir(), l.tmp(), l.log(), l.attempt(), l.timeoutSeconds(), l.inProcess(), l.started(), l.container());
  }

  /** The main class of a {@code java -cp <path> <Main> ...} command, or null. */
  static String javaMain(List<String> command) {
    if (command.size() < 4 || !(command.get(0).equals("java") || command.get(0).endsWith("/java"))) {
      return null;
    }
    if (!command.get(1).equals("-cp") && !command.get(1).equals("-classpath")) {
      return null;
    }
    return command.get(3);
  }

  @Override
  public void close() throws IOException {
    inProcess.close();
  }
}
