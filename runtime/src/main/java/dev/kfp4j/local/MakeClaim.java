package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a volume step runs locally: its claim is a folder of the runs' volumes (made here, given {@code FOLDER}; else by the tasks
 * that mount it, as a step taken from the cache does), and this writes the step's outputs as a cluster gives them: {@code name}, the claim's name; {@code size}, the size asked for; and
 * {@code manifest}, the PersistentVolumeClaim as JSON. Run in the runner's JVM ({@link #run}) or as {@code java
 * dev.kfp4j.local.MakeClaim CLAIM SIZE ACCESS_MODE STORAGE_CLASS NAME_FILE SIZE_FILE MANIFEST_FILE [FOLDER MADE_FILE]}; with
 * {@code FOLDER}, the claim's folder here, it makes the folder if there is none, and then writes its path to {@code MADE_FILE}, so
 * that the claim's deletion ({@link DeleteClaim}) deletes only a folder this step made.
 */
public final class MakeClaim {
  private MakeClaim() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code); // NOPMD: a subprocess's exit code is its result
    }
  }

  /** Writes the outputs of the claim {@code args[0]}; 0 when done, 1 when the size is no quantity, 2 on a usage error. */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
    if (args.length != 7 && args.length != 9) {
      err.println("usage: MakeClaim CLAIM SIZE ACCESS_MODE STORAGE_CLASS NAME_FILE SIZE_FILE MANIFEST_FILE [FOLDER MADE_FILE]");
      return 2;
    }
    String claim = args[0];
    String size = args[1];
    if (!TaskSetting.QUANTITY.matcher(size).matches()) {
      err.println("kfp4j: volume '" + claim + "': the size '" + size + "' is not a Kubernetes quantity, such as 1Gi");
      return 1;
    }
    ObjectNode manifest = Yaml.object().put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
    manifest.putObject("metadata").put("name", claim);
    ObjectNode spec = manifest.putObject("spec");
    spec.putArray("accessModes").add(args[2]);
    spec.putObject("resources").putObject("requests").put("storage", size);
    if (!args[3].isEmpty()) {
      spec.put("storageClassName", args[3]);
    }
    try {
      if (args.length == 9) {
        made(Path.of(args[7]), Path.of(args[8]));
      }
      write(Path.of(args[4]), claim);
      write(Path.of(args[5]), size);
      write(Path.of(args[6]), Yaml.jsonText(manifest));
    } catch (IOException e) {
      err.println("kfp4j: volume '" + claim + "': cannot write its outputs: " + FileErrors.why(e));
      return 1;
    }
    out.println("claim " + claim + " (" + size + ", " + args[2] + "): a folder of the runs' volumes");
    return 0;
  }

  /** Makes {@code folder} if there is none, and then says so in {@code madeFile}; an earlier attempt's note is kept. */
  private static void made(Path folder, Path madeFile) throws IOException {
    if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.createDirectories(folder);
    write(madeFile, folder.toAbsolutePath().normalize().toString());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text);
  }
}
