package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What a claim's deletion (kfp-kubernetes' {@code DeletePVC}) runs locally: the claim is a folder of the runs' volumes, which it
 * deletes only if the run's volume step made it ({@link MakeClaim} noted so in {@code MADE_FILE}, in that step's folder of the
 * run); a folder that was there before the run (a claim of a fixed name another run or a person made) is kept, and so is
 * anything outside the runs' volumes. Links are deleted, never followed. Run in the runner's JVM ({@link #run}) or as {@code java
 * dev.kfp4j.local.DeleteClaim CLAIM FOLDER VOLUMES MADE_FILE}.
 */
public final class DeleteClaim {
  private DeleteClaim() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code); // NOPMD: a subprocess's exit code is its result
    }
  }

  /** Deletes the folder of the claim {@code args[0]} if this run made it; 0 when done or kept, 1 when it cannot, 2 on a usage error. */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
    if (args.length != 4) {
      err.println("usage: DeleteClaim CLAIM FOLDER VOLUMES MADE_FILE");
      return 2;
    }
    String claim = args[0];
    Path folder = Path.of(args[1]).toAbsolutePath().normalize();
    Path volumes = Path.of(args[2]).toAbsolutePath().normalize();
    Path madeFile = Path.of(args[3]);
    try {
      if (!folder.startsWith(volumes) || folder.equals(volumes)
          || !Files.isRegularFile(madeFile, LinkOption.NOFOLLOW_LINKS)
          || !Files.readString(madeFile, StandardCharsets.UTF_8).equals(folder.toString())) {
        out.println("claim " + claim + " kept: its folder " + folder + " was not made by this run's volume step");
        return 0;
      }
      if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        out.println("claim " + claim + ": its folder " + folder + " is gone already");
      } else {
        RunPaths.deleteTree(volumes, folder);
        out.println("claim " + claim + " deleted: its folder " + folder);
      }
      Files.delete(madeFile); // what this run made is gone: a folder of that name made later is not this run's
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("kfp4j: claim '" + claim + "': cannot delete its folder " + folder + ": " + FileErrors.problem(e));
      return 1;
    }
  }
}
