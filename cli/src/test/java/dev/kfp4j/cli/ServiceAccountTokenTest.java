package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-cluster token KFP's client reads, {@code KF_PIPELINES_SA_TOKEN_PATH}, else Kubeflow's default path. */
class ServiceAccountTokenTest {
  @TempDir Path dir;

  @Test
  void theVariableNamesTheFileElseTheDefaultPathWhenItIsThere() throws IOException {
    Path named = Files.writeString(dir.resolve("token"), "t0k3n");
    Path fallback = dir.resolve("default-token");
    assertEquals(named, ServiceAccountToken.find(Map.of(ServiceAccountToken.PATH_ENV, named.toString())::get, fallback));
    assertNull(ServiceAccountToken.find(Map.<String, String>of()::get, fallback));
    Files.writeString(fallback, "d3f");
    assertEquals(fallback, ServiceAccountToken.find(Map.<String, String>of()::get, fallback));
    assertEquals(fallback, ServiceAccountToken.find(Map.of(ServiceAccountToken.PATH_ENV, " ")::get, fallback));
  }

  /** As KFP's client in a pod with a PodDefault: no credentials given, the variable's token goes as the bearer token. */
  @Test
  void aCommandGivenNoCredentialsSendsTheTokenTheVariableNames() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(ServiceAccountToken.DEFAULT), "this machine has a token at the default path");
    try (dev.kfp4j.testing.server.FakeKfpServer kfp = dev.kfp4j.testing.server.FakeKfpServer.start()) {
      kfp.requireBearer("sa-t0ken");
      Path token = Files.writeString(dir.resolve("token"), "sa-t0ken\n");
      Ran with = kfp4j(kfp.uri().toString(), token.toString());
      assertEquals(Kfp4j.OK, with.code(), with.output());
      Ran without = kfp4j(kfp.uri().toString(), null);
      assertEquals(Kfp4j.SERVER, without.code(), "401 without the token: " + without.output());
    }
  }

  private record Ran(int code, String output) {}

  private Ran kfp4j(String host, String tokenPath) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Kfp4j.class.getName(), "list-pipelines", "--host", host))
        .directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().remove("KFP4J_TOKEN");
    pb.environment().remove("IAP_CLIENT_ID");
    pb.environment().remove(ServiceAccountToken.PATH_ENV);
    if (tokenPath != null) {
      pb.environment().put(ServiceAccountToken.PATH_ENV, tokenPath);
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    return new Ran(p.exitValue(), output);
  }

  @Test
  void aVariableNamingNoFileIsAUsageErrorSayingWhatToDo() {
    Path missing = dir.resolve("nothing");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ServiceAccountToken.find(Map.of(ServiceAccountToken.PATH_ENV, missing.toString())::get, dir.resolve("default")));
    assertEquals("no token file " + missing + " to read (KF_PIPELINES_SA_TOKEN_PATH); mount the pod's service-account token there, "
        + "unset KF_PIPELINES_SA_TOKEN_PATH, or give --token-file", e.getMessage());
    ConfigException folder = assertThrows(ConfigException.class,
        () -> ServiceAccountToken.find(Map.of(ServiceAccountToken.PATH_ENV, dir.toString())::get, dir.resolve("default")));
    assertEquals("no token file " + dir + " to read (KF_PIPELINES_SA_TOKEN_PATH): it is a folder; mount the pod's service-account "
        + "token there, unset KF_PIPELINES_SA_TOKEN_PATH, or give --token-file", folder.getMessage());
  }
}
