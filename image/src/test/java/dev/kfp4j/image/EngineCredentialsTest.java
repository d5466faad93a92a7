package dev.kfp4j.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image builder's errors of an engine that fails show no credential of its global arguments ({@code --url
 * ssh://user:pw@host/...}, a {@code ?token=}), though the engine's own error, which they quote, repeats them. The engine is a
 * script that fails every command (exit 125, as {@code podman run} does when it cannot start a container) echoing its
 * arguments, its URL and the password in it.
 */
class EngineCredentialsTest {
  static final String PASSWORD = "Zq7-s3cret-Pw";
  static final String TOKEN = "Tk9f8e7dSecret";
  static final String URL = "ssh://kfpuser:" + PASSWORD + "@engine.example/run/podman/podman.sock?token=" + TOKEN;
  @TempDir Path dir;

  private List<String> engine(String said) throws Exception {
    Path script = dir.resolve("engine.sh");
    Files.writeString(script, "#!/bin/sh\n" + said + "\nexit 125\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return List.of(script.toString(), "--url", URL, "--identity", "/k/id");
  }

  private static void assertShownWithout(String message, String said) {
    assertFalse(message.contains(PASSWORD) || message.contains(TOKEN), message);
    assertTrue(message.contains(said), message); // the engine's words are there, masked
  }

  @Test
  void aFailedLoadSaysWhyWithoutTheCredentials() throws Exception {
    List<String> engine = engine("echo \"Error: cannot connect with: $*\"");
    String message = assertThrows(EngineOrRegistryException.class, () -> Engines.run(engine, "load", "--input", "x.tar")).getMessage();
    assertShownWithout(message, "Error: cannot connect with: --url ssh://***@engine.example/run/podman/podman.sock?token=*** --identity");
  }

  @Test
  void anImageTheEngineCannotStartIsNamedWithoutTheCredentials() throws Exception {
    List<String> engine = engine("echo \"Error: dial $2: refused\" >&2\n"
        + "echo \"$2\" | sed 's/^[^:]*:[^:]*:\\([^@]*\\)@.*/Error: ssh: password \\1 not accepted/'");
    String message = assertThrows(EngineOrRegistryException.class, () -> ImageCheck.run(engine, "localhost/acme/a:1",
        List.of(new JavaComponents.Component("a", "dev.acme.A", "localhost/acme/a:1")))).getMessage();
    assertShownWithout(message, "Error: ssh: password *** not accepted");
    message = assertThrows(EngineOrRegistryException.class, () -> ImageCheck.run(engine("echo \"Error: dial $2: refused\""),
        "localhost/acme/a:1", List.of(new JavaComponents.Component("a", "dev.acme.A", "localhost/acme/a:1")))).getMessage();
    assertShownWithout(message, "Error: dial ssh://***@engine.example/run/podman/podman.sock?token=***: refused");
  }
}
