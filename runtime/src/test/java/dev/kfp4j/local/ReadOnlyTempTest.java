package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's temporary folder (or outputs) holding folders without write or read permission is deleted
 * before a retry by a user other than root: the runner gives each folder inside its owner's
 * permissions back as it walks it, never through a link, and touches nothing outside. Root deletes
 * whatever the permissions say, so the deletion runs in a JVM of its own as user {@code nobody},
 * through {@code setpriv}; skipped, saying why in one line, where this JVM is not root or there is no
 * {@code setpriv} or {@code nobody}.
 */
class ReadOnlyTempTest {
  private static final String USER = "nobody";

  @TempDir Path dir;

  @Test
  void foldersWithoutPermissionsInATasksTemporaryFolderAreDeletedByAnUnprivilegedUserAndNothingOutside() throws Exception {
    int[] ids = unprivileged();
    Path task = dir.resolve("task");
    Path tmp = task.resolve(TaskTemp.FOLDER);
    Files.createDirectories(tmp.resolve("ro/sub"));
    Files.writeString(tmp.resolve("ro/sub/file"), "left by the task");
    Files.createDirectories(tmp.resolve("closed/inner"));
    Files.writeString(tmp.resolve("closed/inner/file"), "left by the task");
    // outside the folder, read-only too, linked from inside: must stay as it is
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep"), "not the task's");
    Files.createSymbolicLink(tmp.resolve("ro/sub/link"), outside);
    chown(dir, ids);
    Files.setPosixFilePermissions(tmp.resolve("ro/sub"), PosixFilePermissions.fromString("r-x------")); // no write
    Files.setPosixFilePermissions(tmp.resolve("ro"), PosixFilePermissions.fromString("r-xr-xr-x"));
    Files.setPosixFilePermissions(tmp.resolve("closed/inner"), PosixFilePermissions.fromString("-w-------")); // no read or search
    Files.setPosixFilePermissions(tmp.resolve("closed"), PosixFilePermissions.fromString("---------")); // nothing
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("r-xr-xr-x"));

    List<String> out = child(ids, task.toString(), tmp.toString());
    assertEquals(List.of("user " + USER, "deleted"), out, "as " + USER);
    assertFalse(Files.exists(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isDirectory(task), "the task's folder stays");
    assertEquals("not the task's", Files.readString(outside.resolve("keep")), "the link's folder is not followed");
    assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)), "nor its permissions changed");
  }

  /** {@code nobody}'s uid and gid, once it is known that this JVM is root and {@code setpriv} starts a JVM as {@code nobody} here. */
  private int[] unprivileged() throws Exception {
    skipUnless("root".equals(System.getProperty("user.name")), "this JVM is not root, and a user's permissions stop deletion for it alike");
    Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    skipUnless(setpriv != null, "no setpriv to run a JVM as another user");
    Process id = new ProcessBuilder("id", "-u", USER).redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes()).trim();
    skipUnless(id.waitFor() == 0 && uid.matches("\\d+"), "no user " + USER);
    Process gid = new ProcessBuilder("id", "-g", USER).redirectErrorStream(true).start();
    int[] ids = {Integer.parseInt(uid), Integer.parseInt(new String(gid.getInputStream().readAllBytes()).trim())};
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> probe = child(ids, dir.toString());
    skipUnless(probe.equals(List.of("user " + USER, "reaches true")), "a JVM as " + USER + " cannot read this build's classes or reach "
        + dir + ": " + probe);
    return ids;
  }

  private static void skipUnless(boolean condition, String why) {
    if (!condition) {
      System.out.println("ReadOnlyTempTest skipped: " + why);
    }
    assumeTrue(condition, why);
  }

  /** {@link DeleteTreeChild} with {@code args}, as the user of {@code ids}; its output's lines. */
  private List<String> child(int[] ids, String... args) throws Exception {
    String classpath = location(RunPaths.class) + java.io.File.pathSeparator + location(DeleteTreeChild.class);
    List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", Child.java(), "-cp",
        classpath, DeleteTreeChild.class.getName()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("delete-tree", ".log");
    try {
      Process p = Child.start(command, log, Map.of(), null);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child ended");
      return Files.readAllLines(log);
    } finally {
      Files.delete(log);
    }
  }

  private static String location(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static void chown(Path root, int[] ids) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        Files.setAttribute(p, "unix:uid", ids[0], java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", ids[1], java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    }
  }
}
