package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's options that need no engine to test: what {@code podman run} is given for a registry on loopback. */
class ContainersTest {
  @Test
  void podmanPullsFromARegistryOnLoopbackOverPlainHttp() {
    assertEquals(List.of("--tls-verify=false"), Containers.runOptions(List.of("/usr/bin/podman", "--runtime", "runc"), "127.0.0.1:5000/a/b:1"));
    assertEquals(List.of("--tls-verify=false"), Containers.runOptions(List.of("podman"), "localhost:5000/a:1"));
    assertEquals(List.of("--tls-verify=false"), Containers.runOptions(List.of("podman"), "[::1]:5000/a@sha256:00"));
    assertEquals(List.of(), Containers.runOptions(List.of("podman"), "registry.example.com/a:1"));
    assertEquals(List.of(), Containers.runOptions(List.of("podman"), "127.0.0.1.example.com/a:1"));
    assertEquals(List.of(), Containers.runOptions(List.of("podman"), "python:3.12-slim"));
    assertEquals(List.of(), Containers.runOptions(List.of("/usr/bin/docker"), "127.0.0.1:5000/a/b:1"), "docker takes loopback as insecure itself");
  }

  /** '--engine /opt/podman' that is not there said it "is not on the PATH", which a path is not looked up on. */
  @Test
  void anEnginePathThatIsNotThereIsNamedAsAFile() {
    assertEquals("the container engine '/nonexistent/podman' is not an executable file; name docker, podman or the path of one with --engine",
        assertThrows(WorkflowException.class, () -> Containers.engine("/nonexistent/podman").command()).getMessage());
    assertEquals("the container engine 'no-such-engine-here' is not on the PATH; install it or name another with --engine",
        assertThrows(WorkflowException.class, () -> Containers.engine("no-such-engine-here").command()).getMessage());
  }
}
