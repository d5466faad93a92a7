package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {
  @TempDir
  Path dir;

  private Config load(String yaml, Map<String, String> env) throws IOException {
    Path f = dir.resolve("kfp4j.yaml");
    Files.writeString(f, yaml);
    return Config.load(f, env::get);
  }

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml, Map.of())).getMessage();
  }

  @Test
  void readsEverySettingWithEnvironmentSubstituted() throws IOException {
    Config c = load("""
        host: ${HOST}
        namespace: ${NS:-team-a}
        api_version: v2beta1
        auth:
          token: ${TOKEN|none}
          headers: {kubeflow-userid: me@example.com}
        run_config:
          image: registry/app:${COMMIT_ID|dirty}
          image_pull_policy: Always
          experiment_name: Demo
          run_name: Demo run
          description: Very important
          wait_for_completion: True
          timeout: 600
          ttl: 604800
          volume: {size: 2Gi, access_modes: [ReadWriteMany], storageclass: fast}
          resources:
            __default__: {cpu: 200m, memory: 64Mi}
            train: {cpu: 8, nvidia.com/gpu: 1}
        """, Map.of("HOST", "https://kfp.example.com/pipeline", "TOKEN", "s3cret"));
    assertEquals("https://kfp.example.com/pipeline", c.host());
    assertEquals("team-a", c.namespace());
    assertEquals("v2beta1", c.apiVersion());
    assertEquals("s3cret", c.auth().token());
    assertEquals(Map.of("kubeflow-userid", "me@example.com"), c.auth().headers());
    assertEquals("registry/app:dirty", c.run().image(), "kedro's ${name|default}");
    assertEquals("Always", c.run().imagePullPolicy());
    assertEquals("Demo", c.run().experimentName());
    assertTrue(c.run().waitForCompletion());
    assertEquals(600, c.run().timeoutSeconds());
    assertEquals(604800, c.run().ttlSeconds());
    assertEquals(new Config.Volume("fast", "2Gi", List.of("ReadWriteMany"), "/data"), c.run().volume());
    assertEquals(Map.of("cpu", "8", "nvidia.com/gpu", "1"), c.run().resources().get("train"));
    assertEquals("200m", c.run().resources().get("__default__").get("cpu"));
  }

  @Test
  void anUnsetVariableWithoutDefaultNamesItsLine() {
    assertEquals(dir.resolve("kfp4j.yaml") + ":2: ${KFP_HOST} is not set; set it, or give a default: ${KFP_HOST:-default}",
        error("# where KFP is\nhost: ${KFP_HOST}\n"));
  }

  @Test
  void anEmptyDefaultAndAnEscapeAreKept() throws IOException {
    Config c = load("host: ${H:-}\nrun_config:\n  description: costs $${PRICE}\n", Map.of());
    assertNull(c.host());
    assertEquals("costs ${PRICE}", c.run().description());
  }

  @Test
  void mistakesNameTheSettingAndTheFix() {
    assertTrue(error("hots: x\n").contains("unknown setting 'hots'; the settings are [api_version, argo_server, auth, host, mlflow, namespace, run_config]"));
    assertTrue(error("mlflow: {tracking_url: http://mlflow:5000}\n").contains("unknown setting 'mlflow.tracking_url'; mlflow's settings are [credentials_keys, credentials_secret, experiment_name, tracking_uri]"));
    assertTrue(error("mlflow: {tracking_uri: 'mlflow:5000'}\n").contains("mlflow: mlflow.tracking_uri is 'mlflow:5000', not an http:// or"
        + " https:// URL: kfp4j's MLflow steps reach a tracking server through MLflow's REST API; name the server, such as"
        + " http://mlflow.kubeflow:5000"));
    assertTrue(error("run_config: {imgae: x}\n").contains("unknown setting 'run_config.imgae'"));
    assertTrue(error("run_config: {image_pull_policy: Sometimes}\n").contains("use one of [Always, IfNotPresent, Never]"));
    assertTrue(error("run_config: {ttl: a week}\n").contains("run_config.ttl is 'a week'; write a whole number of seconds"));
    assertTrue(error("run_config: {wait_for_completion: maybe}\n").contains("write true or false"));
    assertTrue(error("run_config: {volume: {storageclass: x}}\n").contains("run_config.volume.size is needed"));
    assertTrue(error("api_version: v1\n").contains("use v2beta1 (KFP 2 pipelines) or v1beta1 (KFP v1 pipelines: Argo workflows)"));
    assertTrue(error("host: [a\n").contains("not valid YAML"));
    assertTrue(error("- a\n").contains("expected a mapping"));
  }

  /**
   * Every boolean setting reads YAML 1.2's core schema, as KFP's config: true or false (True, TRUE,
   * False, FALSE); yes, no, on, off, 1 and 0 were taken for booleans and are now refused, naming the
   * setting and saying to write true or false.
   */
  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "Yes", "NO", "on", "off", "y", "n", "1", "0", "'yes'", "'1'"})
  void booleanSettingsTakeTrueOrFalseOnly(String value) throws IOException {
    String shown = "'" + value.replace("'", "") + "'";
    assertEquals(dir.resolve("kfp4j.yaml") + ": auth.insecure_skip_verify is " + shown + "; write true or false",
        error("auth: {insecure_skip_verify: " + value + "}\n"));
    assertEquals(dir.resolve("kfp4j.yaml") + ": run_config.wait_for_completion is " + shown + "; write true or false",
        error("run_config: {wait_for_completion: " + value + "}\n"));
    for (String yes : List.of("true", "True", "TRUE", "'true'", "${YES}")) {
      Config c = load("auth: {insecure_skip_verify: " + yes + "}\nrun_config: {wait_for_completion: " + yes + "}\n",
          Map.of("YES", "true"));
      assertTrue(c.auth().insecureSkipVerify() && c.run().waitForCompletion(), yes);
    }
    for (String no : List.of("false", "False", "FALSE", "'false'", "${NO}")) {
      Config c = load("auth: {insecure_skip_verify: " + no + "}\nrun_config: {wait_for_completion: " + no + "}\n",
          Map.of("NO", "false"));
      assertTrue(!c.auth().insecureSkipVerify() && !c.run().waitForCompletion(), no);
    }
  }

  /**
   * A value from the environment is the text of the one scalar it is put in, whatever it holds:
   * it was pasted into the text before parsing, so ': ' or a leading quote broke the parse (and the
   * error showed the token), '*a', '!t x', '&a x' and 'v #c' sent another token, and a newline added
   * settings ('\nhost: ...' sent the token elsewhere).
   */
  @ParameterizedTest
  @ValueSource(strings = {"ab: cd", "\"quoted", "[bracket", "{brace", "@at", "%percent", "|pipe", "`tick", "*alias",
      "!tag value", "&anchor value", "value #comment", "x\nhost: http://evil.example.com", "x\n  cookies: c", "'single",
      "- item", "? key", "> folded", "${OTHER}", "kfp4jvar0z", "   padded  ", "tab\there"})
  void valuesFromTheEnvironmentAreTakenAsTheyAre(String token) throws IOException {
    Config c = load("""
        host: https://kfp.example.com
        auth:
          token: ${TOKEN}
        run_config:
          image: "registry/app:${TAG:-latest}"
          volume: {size: ${SIZE}, access_modes: [${MODE}]}
        """, Map.of("TOKEN", token, "SIZE", "2Gi", "MODE", "ReadWriteMany", "OTHER", "not this"));
    assertEquals(token.isBlank() ? null : token, c.auth().token());
    assertEquals("https://kfp.example.com", c.host());
    assertNull(c.auth().cookies());
    assertEquals("registry/app:latest", c.run().image());
    assertEquals(new Config.Volume(null, "2Gi", List.of("ReadWriteMany"), "/data"), c.run().volume());
  }

  /** An error never shows a value that came from the environment, nor the file's line around a mistake. */
  @Test
  void errorsShowNoValueFromTheEnvironment() {
    String secret = "s3cret: \"tok";
    Map<String, String> env = Map.of("TOKEN", secret, "TTL", secret, "PULL", secret, "API", secret, "WAIT", secret);
    for (String yaml : List.of(
        "auth: {token: ${TOKEN}}\nhost: [a\n",
        "auth:\n  token: ${TOKEN}\n  token: again\nhost: \"unclosed\n",
        "run_config: {ttl: ${TTL}}\n",
        "run_config: {image_pull_policy: ${PULL}}\n",
        "api_version: ${API}\n",
        "run_config: {wait_for_completion: ${WAIT}}\n")) {
      String message = assertThrows(ConfigException.class, () -> load(yaml, env)).getMessage();
      assertTrue(!message.contains("s3cret") && !message.contains("tok\""), message);
      assertTrue(!message.contains("^") && !message.contains("\n"), "no snippet of the file: " + message);
    }
    String ttl = assertThrows(ConfigException.class, () -> load("run_config: {ttl: ${TTL}}\n", env)).getMessage();
    assertEquals(dir.resolve("kfp4j.yaml") + ": run_config.ttl is '${TTL}' (from the environment); write a whole number of seconds", ttl);
    String yaml = assertThrows(ConfigException.class, () -> load("auth: {token: ${TOKEN}}\nhost: [a\n", env)).getMessage();
    assertTrue(yaml.startsWith(dir.resolve("kfp4j.yaml") + ":2:9: not valid YAML: while parsing a flow sequence"), yaml);
  }

  /**
   * A CA certificate or token file the environment names, not there, is an error showing the reference, not the path: it
   * printed the variable's value, which the README says an error never shows.
   */
  @Test
  void aPathFromTheEnvironmentThatIsNotThereIsShownAsTheFileWritesIt() throws IOException {
    String secret = dir.resolve("s3cret-path").toString();
    Config c = load("auth:\n  ca_cert: ${CA}\n  token_file: ${TOKEN_FILE}\n", Map.of("CA", secret, "TOKEN_FILE", secret));
    Options.Server server = new Options.Server();
    String ca = assertThrows(ConfigException.class, () -> server.caCertificate(c)).getMessage();
    assertTrue(ca.startsWith("no CA certificate file '${CA}' (from the environment) to read (auth.ca_cert)"), ca);
    String token = assertThrows(ConfigException.class, () -> server.auth(c)).getMessage();
    assertTrue(token.startsWith("no token file '${TOKEN_FILE}' (from the environment) to read (auth.token_file)"), token);
    Config written = load("auth:\n  ca_cert: " + secret + "\n", Map.of());
    String plain = assertThrows(ConfigException.class, () -> server.caCertificate(written)).getMessage();
    assertTrue(plain.startsWith("no CA certificate file " + secret + " to read (auth.ca_cert)"), "a path the file holds: " + plain);
  }

  @Test
  void anUnsetVariableInACommentIsNoError() throws IOException {
    Config c = load("# token: ${NOT_SET}\nhost: ${H:-https://kfp}\n", Map.of());
    assertEquals("https://kfp", c.host());
  }

  /** kfp4j.yaml reads aliases as PyYAML does: 'token: *ALIAS' sent 'Bearer ALIAS'. */
  @Test
  void aliasesAreTheAnchoredValue() throws IOException {
    Config c = load("host: &h https://kfp.example.com\nargo_server: *h\n", Map.of());
    assertEquals("https://kfp.example.com", c.argoServer());
  }

  /**
   * A value written {@code *...} is a YAML alias, and one of no anchor an error that does not show it, as it is most likely
   * a token or password starting with '*': the error said "alias *Qx7... refers to no anchor &Qx7...". It says to quote it.
   */
  @Test
  void anAliasOfNoAnchorIsAnErrorThatDoesNotShowIt() {
    for (String yaml : List.of("auth: {token: *Qx7Zq9tok}\n", "auth:\n  cookies: *Qx7Zq9tok\n", "auth:\n  headers:\n    X-Key: *Qx7Zq9tok\n",
        "host: *Qx7Zq9tok\n")) {
      String error = assertThrows(ConfigException.class, () -> load(yaml, Map.of())).getMessage();
      assertFalse(error.contains("Qx7Zq9tok"), error);
      assertTrue(error.contains(": not valid YAML: a value starting with '*' is an alias (*name) of an anchor (&name), and no anchor "
          + "before it has its name; a value that starts with '*', such as a token, is written quoted: '*...'"), error);
    }
    String error = assertThrows(ConfigException.class, () -> load("auth: {token: *Qx7Zq9tok}\n", Map.of())).getMessage();
    assertTrue(error.startsWith(dir.resolve("kfp4j.yaml") + ":1:15: not valid YAML: "), "where it is: " + error);
  }

  /**
   * A value written unquoted after '&' or '!' is a YAML anchor or tag, not text: 'token: &Qx7...' was no token (an anchor of
   * an empty value), 'password: !Qx7...' the same, 'token: &Qx7... cd' the token 'cd', all without a word. The command stops
   * with a usage error naming the setting, its line and column, saying to quote the value, and not showing it.
   */
  @Test
  void aValueStartingWithAnAnchorOrATagIsAnErrorThatDoesNotShowIt() throws IOException {
    Path config = dir.resolve("kfp4j.yaml");
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("host: https://kfp.example.com\nauth:\n  token: &Qx7Zq9tok\n", ":3:10: auth.token's value starts with '&', "
        + "which YAML reads as an anchor (&name), not as text; kfp4j.yaml takes an anchor only where an alias (*name) refers to "
        + "it: a value that starts with '&', such as a token, is written quoted: '&...'");
    expected.put("auth: {cookies: &Qx7Zq9tok c}\n", ":1:17: auth.cookies's value starts with '&', ");
    expected.put("auth:\n  headers:\n    X-Key: !Qx7Zq9tok\n", ":3:12: auth.headers.X-Key's value starts with '!', which YAML "
        + "reads as a tag (!name), not as text; kfp4j.yaml takes no tag: a value that starts with '!', such as a password, is "
        + "written quoted: '!...'");
    expected.put("run_config:\n  volume:\n    size: 1Gi\n    access_modes:\n      - !Qx7Zq9tok\n",
        ":5:9: run_config.volume.access_modes's value starts with '!', ");
    expected.put("run_config:\n  volume: {size: 1Gi, access_modes: [!Qx7Zq9tok]}\n", ":2:38: not valid YAML: a value starting "
        + "with '!' is a tag (!name); a value that starts with '!', such as a password, is written quoted: '!...'");
    expected.put("host: !!str https://kfp.example.com\n", ":1:7: host's value starts with '!', ");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Files.writeString(config, e.getKey());
      Cli r = Cli.run("list-runs", "--config", config.toString());
      assertEquals(Kfp4j.USAGE, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: " + config + e.getValue()), r.toString());
      assertFalse(r.out().contains("Qx7Zq9tok") || r.err().contains("Qx7Zq9tok"), "printed: " + r);
    }
    Config quoted = load("auth:\n  token: '&Qx7Zq9tok'\n  cookies: \"!Qx7Zq9tok\"\n", Map.of());
    assertEquals("&Qx7Zq9tok", quoted.auth().token());
    assertEquals("!Qx7Zq9tok", quoted.auth().cookies());
    Config aliasedKey = load("namespace: &h host\n*h : https://kfp.example.com\n", Map.of()); // an anchor an alias uses
    assertEquals("https://kfp.example.com", aliasedKey.host());
  }

  /** A config's text ({@code toString()}, as a log or a debugger shows it) holds none of the credentials it was given. */
  @Test
  void aConfigsTextHoldsNoCredential() throws IOException {
    Config c = load("""
        host: https://u:Qx7Zq1@kfp.example.com/pipeline?token=Qx7Zq2
        argo_server: https://argo.example.com?access_token=Qx7Zq3
        auth:
          token: Qx7Zq4
          cookies: authservice_session=Qx7Zq5
          headers: {X-Key: Qx7Zq6}
        mlflow:
          tracking_uri: https://u:Qx7Zq7@mlflow.example.com/?t=Qx7Zq8
          credentials_secret: mlflow
          credentials_keys: [MLFLOW_TRACKING_URI]
        """, Map.of()); // a tracking_uri with credentials is refused unless the secret gives the server the steps get
    assertEquals("Qx7Zq4", c.auth().token(), "read as written");
    String text = c.toString();
    assertFalse(text.contains("Qx7Zq"), text);
    assertTrue(text.contains("host=https://***@kfp.example.com/pipeline?token=***"), text);
    assertTrue(text.contains("argoServer=https://argo.example.com?access_token=***"), text);
    assertTrue(text.contains("auth=Auth[token=***, tokenFile=null, cookies=***, headers={X-Key=***}, "), text);
    assertTrue(text.contains("Mlflow[trackingUri=https://***@mlflow.example.com/?t=***, "), text);
  }

  @Test
  void accessModesAreAList() {
    assertTrue(error("run_config: {volume: {size: 1Gi, access_modes: ReadWriteMany}}\n")
        .contains("run_config.volume.access_modes must be a list, such as [ReadWriteOnce]"));
  }
}
