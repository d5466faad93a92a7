package dev.kfp4j.local;

import static dev.kfp4j.local.LocalRunnerTest.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine's global argument may carry a credential ({@code --url ssh://user:pw@host/run/podman/podman.sock}, a {@code
 * ?token=}): kfp4j never prints it, neither in the command it shows nor in what the engine says quoting it. The engine here
 * is a script that fails every command but {@code version} and echoes its arguments, its URL and the password in it, as an
 * engine's error may; asked its {@code version} first, before anything runs, it fails that too in {@link
 * #anEngineThatFailsVersionIsRefusedWithoutTheCredentials}.
 */
class EngineCredentialsTest {
  static final String PASSWORD = "Zq7-s3cret-Pw";
  static final String TOKEN = "Tk9f8e7dSecret";
  static final String URL = "ssh://kfpuser:" + PASSWORD + "@engine.example/run/podman/podman.sock?token=" + TOKEN;
  @TempDir Path dir;

  /**
   * An engine that answers {@code version} (its last argument) when {@code answers}, and fails every other command saying it
   * cannot connect, quoting its arguments, then its URL and password alone (exit 125).
   */
  static Path failingEngine(Path dir, boolean answers) throws Exception {
    Path script = dir.resolve("engine.sh");
    String version = "for a; do last=$a; done\n[ \"$last\" = version ] && echo 'Version: 5.0.0' && exit 0\n";
    Files.writeString(script, "#!/bin/sh\n" + (answers ? version : "")
        + "echo \"Error: cannot connect with: $*\" >&2\necho \"Error: dial $2: refused\" >&2\n"
        + "echo \"$2\" | sed 's/^[^:]*:[^:]*:\\([^@]*\\)@.*/Error: ssh: password \\1 not accepted/' >&2\nexit 125\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private static void assertNoSecret(String where, String text) {
    assertFalse(text.contains(PASSWORD) || text.contains(TOKEN), where + " holds a credential:\n" + text);
  }

  @Test
  void aFailedRunShowsNoCredentialOfTheEnginesArguments() throws Exception {
    for (boolean logs : new boolean[] {false, true}) {
      Containers containers = Containers.engine(failingEngine(dir, true).toString()).withEngineArgs(List.of("--url", URL, "--identity", "/k/id"));
      assertNoSecret("the engine's settings", containers.toString());
      assertTrue(containers.toString().contains("ssh://***@engine.example/run/podman/podman.sock?token=*** --identity /k/id"),
          containers.toString());
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      Path root = dir.resolve("runs-" + logs);
      RunResult r = LocalRunner.builder().root(root).caching(false).console(new PrintStream(console, true, StandardCharsets.UTF_8))
          .progress(false).summary(true).logs(logs).containers(containers).build()
          .run(workflow("engine", "", "      - {name: hello, template: hello}\n",
              ContainerLauncherTest.template("hello", "echo hello", "")), Map.of());
      assertFalse(r.succeeded());
      String shown = console.toString(StandardCharsets.UTF_8);
      assertTrue(shown.contains("Error: cannot connect with: --url ssh://***@engine.example/"), shown); // the engine's words are shown
      assertTrue(shown.contains("Error: dial ssh://***@engine.example/run/podman/podman.sock?token=***: refused"), shown);
      assertTrue(shown.contains("Error: ssh: password *** not accepted"), shown);
      assertNoSecret("the console", shown);
      assertNoSecret("the task's result", r.tasks().toString());
      try (var files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertNoSecret(f.toString(), Files.readString(f));
        }
      }
    }
  }

  /** The engine's words quoted in the refusal of an engine that fails {@code version} are masked as in a task's log. */
  @Test
  void anEngineThatFailsVersionIsRefusedWithoutTheCredentials() throws Exception {
    Containers containers = Containers.engine(failingEngine(dir, false).toString())
        .withEngineArgs(List.of("--url", URL, "--identity", "/k/id"));
    String message = org.junit.jupiter.api.Assertions.assertThrows(WorkflowException.class, containers::command).getMessage();
    assertTrue(message.contains(" with --url ssh://***@engine.example/run/podman/podman.sock?token=*** --identity /k/id fails"
        + " 'version' (exit code 125, it printed: Error: cannot connect with: --url ssh://***@engine.example/"), message);
    assertTrue(message.contains(" | Error: dial ssh://***@engine.example/run/podman/podman.sock?token=***: refused"
        + " | Error: ssh: password *** not accepted), so it cannot run containers; "), message);
    assertNoSecret("the refusal", message);
  }

  @Test
  void argumentsHoldingAUrlAreShownWithoutItsCredentials() {
    assertEquals("podman --url ssh://***@h/run/podman/podman.sock --runtime runc --identity /home/u/.ssh/id",
        EngineTexts.shown(List.of("podman", "--url", "ssh://u:pw@h/run/podman/podman.sock", "--runtime", "runc", "--identity",
            "/home/u/.ssh/id")));
    assertEquals("docker -H tcp://***@h:2376 --url=tcp://h:8080?token=***", EngineTexts.shown(List.of("docker", "-H",
        "tcp://u:pw@h:2376", "--url=tcp://h:8080?token=abc")));
    assertFalse(EngineTexts.holdsCredentials(List.of("podman", "--runtime", "runc", "--connection", "remote", "--url", "unix:///run/p.sock")));
    List<String> command = List.of("podman", "--url=tcp://h:8080/p?token=" + TOKEN);
    assertTrue(EngineTexts.holdsCredentials(command));
    assertEquals("url --url=tcp://h:8080/p?token=***; tcp://h:8080/p?token=***; token ***.",
        EngineTexts.masked("url --url=tcp://h:8080/p?token=" + TOKEN + "; tcp://h:8080/p?token=" + TOKEN + "; token " + TOKEN + ".",
            command));
    EngineTexts.Masking masking = EngineTexts.masking(command); // made once, for each line of a task's log
    assertTrue(masking.masksAny());
    assertEquals("Error: token *** refused", masking.apply("Error: token " + TOKEN + " refused"));
    assertEquals("again: tcp://h:8080/p?token=***", masking.apply("again: tcp://h:8080/p?token=" + TOKEN));
    assertFalse(EngineTexts.masking(List.of("podman", "--runtime", "runc")).masksAny());
  }
}
