import dev.kfp4j.entrypoint.Prestart;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a JVM the local runner started ahead takes from its task's arguments to its exit, for
 * bench/run.py section 3s: {@code ReadyJvm ARCHIVE CLASSPATH OUT N} starts {@code java
 * -XX:SharedArchiveFile=ARCHIVE -cp CLASSPATH dev.kfp4j.entrypoint.Prestart
 * dev.kfp4j.examples.CalcEntrypoint} as the runner does, lets it get ready (300 ms), hands it the
 * add task's arguments (its output to OUT) and waits for its exit; N times, one after another.
 * Prints each time in seconds. Not a test: nothing asserts on time.
 */
public final class ReadyJvm {
  public static void main(String[] args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int n = Integer.parseInt(args[3]);
    double[] seconds = new double[n];
    for (int i = 0; i < n; i++) {
      List<String> command = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + args[0], "-Xlog:cds=off,cds+dynamic=off",
          "-cp", args[1], Prestart.class.getName(), "dev.kfp4j.examples.CalcEntrypoint"));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(300);
      long start = System.nanoTime();
      Prestart.write(List.of("add", "--a", "3", "--b", "4", "----output-paths", args[2]), p.getOutputStream());
      p.getOutputStream().close();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the task failed: exit code " + p.exitValue());
      }
      seconds[i] = (System.nanoTime() - start) / 1e9;
      new File(args[2]).delete();
    }
    StringBuilder out = new StringBuilder();
    for (double s : seconds) {
      out.append(s).append(' ');
    }
    System.out.println(out.toString().trim());
  }
}
