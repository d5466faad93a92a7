package dev.kfp4j.local;

import java.nio.file.Path;

/**
 * {@link RunPaths#deleteTree} in a JVM of its own, which a test starts as another user: {@code
 * DeleteTreeChild FOLDER TARGET} prints the user it runs as, then deletes; exit 1 with the error
 * when the deletion fails. {@code DeleteTreeChild FOLDER}: prints the user and whether it reaches the folder.
 */
final class DeleteTreeChild {
  private DeleteTreeChild() {}

  public static void main(String[] args) throws Exception {
    System.out.println("user " + System.getProperty("user.name"));
    if (args.length == 1) {
      System.out.println("reaches " + java.nio.file.Files.isDirectory(Path.of(args[0])));
    }
    if (args.length == 2) {
      try {
        RunPaths.deleteTree(Path.of(args[0]), Path.of(args[1]));
      } catch (java.io.IOException e) {
        System.out.println("failed: " + e);
        System.exit(1);
      }
      System.out.println("deleted");
    }
  }
}
