package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kfp4j run --containers} given an engine argument that carries a credential ({@code
 * --engine-arg --url --engine-arg ssh://user:pw@host/...?token=...}) print it nowhere: not when the engine fails quoting its
 * arguments, its URL and the password (the task's log, which the summary's tail prints, masks them), nor in a usage error
 * that quotes the argument. (The image builder's errors: the image module's EngineCredentialsTest.)
 */
class EngineCredentialsTest {
  static final String PASSWORD = "Zq7-s3cret-Pw";
  static final String TOKEN = "Tk9f8e7dSecret";
  static final String URL = "ssh://kfpuser:" + PASSWORD + "@engine.example/run/podman/podman.sock?token=" + TOKEN;
  @TempDir Path dir;

  /**
   * An engine that answers {@code version} (its last argument) and fails every other command (exit 125) saying it cannot
   * connect, with its arguments, URL and password.
   */
  private String engine() throws Exception {
    Path script = dir.resolve("engine.sh");
    Files.writeString(script, "#!/bin/sh\nfor a; do last=$a; done\n[ \"$last\" = version ] && echo 'Version: 5.0.0' && exit 0\n"
        + "echo \"Error: cannot connect with: $*\" >&2\necho \"Error: dial $2: refused\" >&2\n"
        + "echo \"$2\" | sed 's/^[^:]*:[^:]*:\\([^@]*\\)@.*/Error: ssh: password \\1 not accepted/' >&2\nexit 125\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script.toString();
  }

  private static void assertNoSecret(Cli r) {
    assertFalse(r.toString().contains(PASSWORD) || r.toString().contains(TOKEN), r.toString());
  }

  @Test
  void aRunWhoseEngineFailsPrintsNoCredential() throws Exception {
    Cli r = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--root", dir.resolve("runs").toString(),
        "--containers", "--engine", engine(), "--engine-arg", "--url", "--engine-arg", URL);
    assertEquals(1, r.code(), r.toString());
    assertNoSecret(r);
    String logs = "";
    try (var files = Files.walk(dir.resolve("runs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        logs += Files.readString(f);
      }
    }
    assertTrue(logs.contains("Error: dial ssh://***@engine.example/run/podman/podman.sock?token=***: refused"), logs);
    assertFalse(logs.contains(PASSWORD) || logs.contains(TOKEN), logs);
  }

  @Test
  void aUsageErrorQuotingTheArgumentPrintsNoCredential() throws Exception {
    Cli r = Cli.run("run", "--classes", CommandsTest.CLASSES, "-p", "add-example", "--containers", "--engine", engine(),
        "--engine-arg", "--url", URL);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.toString().contains("ssh://***@engine.example/"), r.toString());
    assertNoSecret(r);
  }
}
