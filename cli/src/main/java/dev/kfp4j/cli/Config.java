package dev.kfp4j.cli;

import dev.kfp4j.client.Redactor;
import dev.kfp4j.client.ShownUrl;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.tracking.MlflowTracking;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * The project's {@code kfp4j.yaml}, as the kedro-kubeflow plugin keeps its {@code kubeflow.yaml}:
 * where KFP is, how to reach it, and how runs are made. Environment variables are substituted
 * into the values the YAML holds ({@link Substitution}): {@code ${NAME}} (an error when unset),
 * {@code ${NAME:-default}} and kedro's {@code ${NAME|default}}; {@code $${} is a literal {@code
 * ${}. A value from the environment is never parsed as YAML and never shown in an error.
 */
public record Config(
    Path file,
    String host,
    String namespace,
    String apiVersion,
    String argoServer,
    Auth auth,
    RunConfig run,
    Mlflow mlflow) {

  /**
   * How requests authenticate; every field optional.
   *
   * @param insecureSkipVerify whether to not check the server's https certificate; null when the file does not say
   * @param shown how an error shows {@code token_file} and {@code ca_cert} when the environment gave them, as the file
   *     writes them ({@code '${CA}' (from the environment)}); a path the file holds is shown as it is
   */
  public record Auth(String token, String tokenFile, String cookies, Map<String, String> headers, String iapClientId,
      String caCert, Boolean insecureSkipVerify, Map<String, String> shown) {
    public Auth {
      shown = Map.copyOf(shown);
    }

    /** How an error shows {@code value}, the path of the setting {@code setting} ({@code ca_cert}, {@code token_file}). */
    public String shown(String setting, String value) {
      return shown.getOrDefault(setting, value);
    }

    /** The settings without the credentials: the token, the cookies and the headers' values shown as {@value Redactor#MASK}. */
    @Override
    public String toString() {
      Map<String, String> names = new LinkedHashMap<>();
      headers.keySet().forEach(k -> names.put(k, Redactor.MASK));
      return "Auth[token=" + masked(token) + ", tokenFile=" + shown("token_file", tokenFile) + ", cookies=" + masked(cookies)
          + ", headers=" + names + ", iapClientId=" + iapClientId + ", caCert=" + shown("ca_cert", caCert)
          + ", insecureSkipVerify=" + insecureSkipVerify + "]";
    }

    private static String masked(String secret) {
      return secret == null ? null : Redactor.MASK;
    }
  }

  /** The settings without the credentials they may hold: the auth's ({@link Auth#toString()}), and the URLs' ({@link ShownUrl}). */
  @Override
  public String toString() {
    return "Config[file=" + file + ", host=" + ShownUrl.of(host) + ", namespace=" + namespace + ", apiVersion=" + apiVersion
        + ", argoServer=" + ShownUrl.of(argoServer) + ", auth=" + auth + ", run=" + run + ", mlflow=" + mlflow + "]";
  }

  /** How runs are made. */
  public record RunConfig(String image, String imagePullPolicy, String experimentName, String runName,
      String description, boolean waitForCompletion, long timeoutSeconds, long ttlSeconds, Volume volume,
      Map<String, Map<String, String>> resources) {}

  /**
   * A data volume shared by every step: a claim made for each run, mounted at {@code mountPath},
   * deleted when the run completes.
   */
  public record Volume(String storageClass, String size, List<String> accessModes, String mountPath) {}

  /**
   * MLflow tracking, as kedro-kubeflow's: each run of the pipeline starts one MLflow run on {@code
   * trackingUri} (else {@code MLFLOW_TRACKING_URI}) in {@code experimentName} (else the pipeline's
   * name). Null in {@link Config#mlflow()}: no tracking. {@code credentialsSecret} names the
   * Kubernetes secret the steps read {@code credentialsKeys} from on the cluster (null: none).
   */
  public record Mlflow(String trackingUri, String experimentName, String credentialsSecret, List<String> credentialsKeys) {
    public Mlflow(String trackingUri, String experimentName) {
      this(trackingUri, experimentName, null, List.of());
    }

    /** The settings, the tracking server's URL without the credentials it may carry ({@link ShownUrl}). */
    @Override
    public String toString() {
      return "Mlflow[trackingUri=" + ShownUrl.of(trackingUri) + ", experimentName=" + experimentName + ", credentialsSecret="
          + credentialsSecret + ", credentialsKeys=" + credentialsKeys + "]";
    }
  }

  /** The default file name, looked for in the working directory. */
  public static final String FILE = "kfp4j.yaml";

  private static final Set<String> TOP = Set.of("host", "namespace", "api_version", "argo_server", "auth", "run_config", "mlflow");
  private static final Set<String> MLFLOW = Set.of("tracking_uri", "experiment_name", "credentials_secret", "credentials_keys");
  private static final Set<String> AUTH = Set.of("token", "token_file", "cookies", "headers", "iap_client_id", "ca_cert",
      "insecure_skip_verify");
  private static final Set<String> RUN = Set.of("image", "image_pull_policy", "experiment_name", "run_name", "description",
      "wait_for_completion", "timeout", "ttl", "volume", "resources");
  private static final Set<String> VOLUME = Set.of("storageclass", "size", "access_modes", "mount_path");
  private static final Set<String> PULL = Set.of("Always", "IfNotPresent", "Never");

  /** No file: every setting from options and the environment. */
  public static Config empty() {
    return new Config(null, null, null, null, null, new Auth(null, null, null, Map.of(), null, null, null, Map.of()),
        new RunConfig(null, null, null, null, null, false, 0, 0, null, Map.of()), null);
  }

  /** Reads a config file, substituting environment variables. */
  public static Config load(Path file) {
    return load(file, System::getenv);
  }

  /** Reads a config file, substituting environment variables; an error names the command that writes one in {@code terms}. */
  static Config load(Path file, Terms terms) {
    return load(file, System::getenv, terms);
  }

  static Config load(Path file, Function<String, String> env) {
    return load(file, env, Terms.COMMAND_LINE);
  }

  static Config load(Path file, Function<String, String> env, Terms terms) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage() + "; '" + terms.command("init", "<host>") + "' writes one");
    }
    Substitution substitution = Substitution.of(file, text);
    JsonNode root;
    try {
      root = Yaml.read(substitution.text());
    } catch (JacksonException e) {
      throw new ConfigException(file + notYaml(e, substitution));
    }
    AnchorsAndTags.check(file, substitution.text(), substitution);
    if (root == null || root.isNull() || root.isMissingNode()) {
      return empty();
    }
    if (!root.isObject()) {
      throw new ConfigException(file + ": expected a mapping of settings (host, run_config, ...)");
    }
    root = substitution.apply(root, env);
    Reader r = new Reader(file, substitution);
    r.known(root, "", TOP);
    JsonNode a = r.object(root, "auth");
    r.known(a, "auth.", AUTH);
    Map<String, String> headers = new LinkedHashMap<>();
    r.object(a, "headers").properties().forEach(e -> headers.put(e.getKey(), r.scalar(e.getValue(), "auth.headers." + e.getKey())));
    Map<String, String> shown = new LinkedHashMap<>();
    for (String path : List.of("token_file", "ca_cert")) {
      if (a.get(path) != null && substitution.fromEnvironment(a.get(path))) {
        shown.put(path, substitution.shown(a.get(path)));
      }
    }
    Auth auth = new Auth(r.text(a, "token", "auth."), r.text(a, "token_file", "auth."), r.text(a, "cookies", "auth."),
        headers, r.text(a, "iap_client_id", "auth."), r.text(a, "ca_cert", "auth."),
        r.given(a, "insecure_skip_verify", "auth."), shown);
    JsonNode run = r.object(root, "run_config");
    r.known(run, "run_config.", RUN);
    JsonNode v = r.object(run, "volume");
    Volume volume = null;
    if (!v.isEmpty()) {
      r.known(v, "run_config.volume.", VOLUME);
      List<String> modes = new java.util.ArrayList<>();
      if (!v.path("access_modes").isMissingNode() && !v.path("access_modes").isNull() && !v.path("access_modes").isArray()) {
        throw new ConfigException(file + ": run_config.volume.access_modes must be a list, such as [ReadWriteOnce]");
      }
      for (JsonNode m : v.path("access_modes")) {
        modes.add(r.scalar(m, "run_config.volume.access_modes"));
      }
      if (modes.size() > 1) {
        throw new ConfigException(file + ": run_config.volume.access_modes lists " + modes.size() + " modes; a run's volume "
            + "takes one: ReadWriteMany where the cluster has it, else ReadWriteOnce");
      }
      volume = new Volume(r.text(v, "storageclass", "run_config.volume."), r.text(v, "size", "run_config.volume."),
          modes.isEmpty() ? List.of("ReadWriteOnce") : modes,
          orElse(r.text(v, "mount_path", "run_config.volume."), "/data"));
      if (volume.size() == null) {
        throw new ConfigException(file + ": run_config.volume.size is needed, such as 1Gi");
      }
      Volume made = volume;
      r.check(() -> new RunVolume(made.size(), "ReadWriteOnce", null, "/"), v.get("size"), "run_config.volume.size",
          "write a Kubernetes quantity, such as 1Gi");
      r.check(() -> new RunVolume("1", made.accessModes().get(0), null, "/"), v.path("access_modes").path(0),
          "run_config.volume.access_modes", "use one of " + new TreeSet<>(VolumeStep.ACCESS_MODES));
      r.check(() -> new RunVolume("1", "ReadWriteOnce", made.storageClass(), "/"), v.get("storageclass"),
          "run_config.volume.storageclass", "write a Kubernetes name, or leave it empty for the cluster's default");
      r.check(() -> new RunVolume("1", "ReadWriteOnce", null, made.mountPath()), v.get("mount_path"),
          "run_config.volume.mount_path", "write an absolute path, such as /data");
    }
    Map<String, Map<String, String>> resources = new LinkedHashMap<>();
    r.object(run, "resources").properties().forEach(e -> {
      Map<String, String> values = new LinkedHashMap<>();
      r.object(e.getValue(), e.getKey(), "run_config.resources.")
          .properties().forEach(x -> values.put(x.getKey(), r.scalar(x.getValue(), "run_config.resources." + e.getKey() + "." + x.getKey())));
      values.forEach((key, quantity) -> r.check(() -> resource(key, quantity), e.getValue().get(key),
          "run_config.resources." + e.getKey() + "." + key, key.equals("cpu") ? "write a quantity, such as 500m or 2"
              : key.equals("memory") ? "write a quantity, such as 512Mi or 2Gi"
              : "besides cpu and memory, kfp4j sets accelerators, a whole number of them, such as nvidia.com/gpu: 1"));
      resources.put(e.getKey(), values);
    });
    String pull = r.text(run, "image_pull_policy", "run_config.");
    if (pull != null && !PULL.contains(pull)) {
      throw new ConfigException(file + ": run_config.image_pull_policy is " + substitution.shown(run.get("image_pull_policy"))
          + "; use one of " + new TreeSet<>(PULL));
    }
    RunConfig runConfig = new RunConfig(r.text(run, "image", "run_config."), pull,
        r.text(run, "experiment_name", "run_config."), r.text(run, "run_name", "run_config."),
        r.text(run, "description", "run_config."), r.bool(run, "wait_for_completion", "run_config."),
        r.number(run, "timeout", "run_config."), r.number(run, "ttl", "run_config."), volume, resources);
    if (runConfig.ttlSeconds() > Integer.MAX_VALUE) {
      throw new ConfigException(file + ": run_config.ttl is " + substitution.shown(run.get("ttl")) + "; at most " + Integer.MAX_VALUE
          + " seconds");
    }
    String apiVersion = r.text(root, "api_version", "");
    if (apiVersion != null && !Set.of("v1beta1", "v2beta1").contains(apiVersion)) {
      throw new ConfigException(file + ": api_version is " + substitution.shown(root.get("api_version"))
          + "; use v2beta1 (KFP 2 pipelines) or v1beta1 (KFP v1 pipelines: Argo workflows)");
    }
    Mlflow mlflow = null;
    if (root.has("mlflow")) {
      JsonNode m = r.object(root, "mlflow");
      r.known(m, "mlflow.", MLFLOW);
      String secret = r.text(m, "credentials_secret", "mlflow.");
      List<String> keys = new java.util.ArrayList<>();
      if (!m.path("credentials_keys").isMissingNode() && !m.path("credentials_keys").isNull() && !m.path("credentials_keys").isArray()) {
        throw new ConfigException(file + ": mlflow.credentials_keys must be a list, such as [MLFLOW_TRACKING_TOKEN]");
      }
      for (JsonNode k : m.path("credentials_keys")) {
        keys.add(r.scalar(k, "mlflow.credentials_keys"));
      }
      if (secret == null && !keys.isEmpty()) {
        throw new ConfigException(file + ": mlflow.credentials_keys needs mlflow.credentials_secret, the Kubernetes secret holding them");
      }
      if (secret != null && keys.isEmpty()) {
        keys.add(MlflowTracking.TOKEN_ENV);
      }
      if (secret != null) {
        try {
          new MlflowTracking.Credentials(secret, keys);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(file + ": mlflow: " + e.getMessage());
        }
      }
      String given = r.text(m, "tracking_uri", "mlflow.");
      String uri = orElse(given, env.apply("MLFLOW_TRACKING_URI"));
      try { // written into the steps unless the secret gives the server
        if (!keys.contains(MlflowTracking.TRACKING_URI_ENV)) {
          MlflowTracking.checkServerUri(uri, given != null ? "mlflow.tracking_uri" : "MLFLOW_TRACKING_URI");
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": mlflow: " + e.getMessage());
      }
      if ((uri == null || uri.isBlank()) && !keys.contains(MlflowTracking.TRACKING_URI_ENV)) {
        throw new ConfigException(file + ": mlflow: no tracking server; set mlflow.tracking_uri, such as "
            + "http://mlflow.kubeflow:5000, or MLFLOW_TRACKING_URI (or keep it in the credentials secret, listing "
            + "MLFLOW_TRACKING_URI in mlflow.credentials_keys)");
      }
      mlflow = new Mlflow(uri == null || uri.isBlank() ? null : uri, r.text(m, "experiment_name", "mlflow."), secret, List.copyOf(keys));
    }
    return new Config(file, r.text(root, "host", ""), r.text(root, "namespace", ""), apiVersion,
        r.text(root, "argo_server", ""), auth, runConfig, mlflow);
  }

  /**
   * {@code :line:column: not valid YAML: <problem>}, without the text around it: the line may hold
   * a secret written in the file.
   */
  private static String notYaml(JacksonException e, Substitution substitution) {
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYamlEngineException m && m.getProblem() != null) {
      problem = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
    } else if (problem != null && problem.indexOf('\n') > 0) {
      problem = problem.substring(0, problem.indexOf('\n'));
    }
    TokenStreamLocation at = e.getLocation();
    String where = at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() + ":" + at.getColumnNr() : "";
    if (problem != null && UNKNOWN_ALIAS.matcher(problem).lookingAt()) {
      return where + ": not valid YAML: a value starting with '*' is an alias (*name) of an anchor (&name), and no anchor before "
          + "it has its name; a value that starts with '*', such as a token, is written quoted: '*...'";
    }
    if (e.getCause() instanceof MarkedYamlEngineException m && m.getContext() != null
        && m.getContext().matches("while scanning (a tag|an anchor)")) { // &Qx7] or !Qx7] in a flow collection: never shown
      return where + ": not valid YAML: " + AnchorsAndTags.quoteIt(m.getContext().endsWith("tag") ? '!' : '&');
    }
    return where + ": not valid YAML: " + substitution.original(String.valueOf(problem));
  }

  /**
   * The parser's error for an alias of no anchor ({@code dev.kfp4j.yaml}'s alias-resolving parser words it {@code alias *NAME
   * refers to no anchor &NAME ...}): NAME is what follows a {@code *}, most likely a value meant, a token or password
   * starting with one, which an error never shows.
   */
  private static final java.util.regex.Pattern UNKNOWN_ALIAS = java.util.regex.Pattern.compile("alias \\*\\S* refers to no anchor ");

  /**
   * The task settings of a {@code run_config.resources} entry: {@code cpu} a request, {@code memory}
   * a request and the same limit, anything else an accelerator's count (such as {@code
   * nvidia.com/gpu: 1}).
   *
   * @throws IllegalArgumentException for a value that is not a quantity, or not a whole count
   */
  static List<TaskSetting> resource(String key, String quantity) {
    if (key.equals("cpu")) {
      return List.of(new TaskSetting.Resource(TaskSetting.Resource.Kind.CPU_REQUEST, quantity));
    }
    if (key.equals("memory")) {
      return List.of(new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_REQUEST, quantity),
          new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_LIMIT, quantity));
    }
    if (!quantity.strip().matches("\\d{1,9}")) {
      throw new IllegalArgumentException("not a count of accelerators");
    }
    return List.of(new TaskSetting.Accelerator(Integer.parseInt(quantity.strip()), key));
  }

  private static String orElse(String value, String otherwise) {
    return value == null ? otherwise : value;
  }

  /** Field readers that name the file and field in every error. */
  private record Reader(Path file, Substitution substitution) {
    /** Runs a model's check of the value of {@code node}, and when it fails says what to do, without the model's words (which show the value). */
    void check(Runnable check, JsonNode node, String where, String fix) {
      try {
        check.run();
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": " + where + " is " + substitution.shown(node) + "; " + fix);
      }
    }

    void known(JsonNode node, String prefix, Set<String> fields) {
      for (String f : node.propertyNames()) {
        if (!fields.contains(f)) {
          throw new ConfigException(file + ": unknown setting '" + prefix + f + "'; " + (prefix.isEmpty() ? "the settings are "
              : prefix.substring(0, prefix.length() - 1) + "'s settings are ") + new TreeSet<>(fields));
        }
      }
    }

    JsonNode object(JsonNode parent, String field) {
      return object(parent.path(field), field, "");
    }

    JsonNode object(JsonNode node, String field, String prefix) {
      if (node.isMissingNode() || node.isNull()) {
        return Yaml.json().createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(file + ": " + prefix + field + " must be a mapping");
      }
      return node;
    }

    String scalar(JsonNode node, String where) {
      if (!node.isValueNode()) {
        throw new ConfigException(file + ": " + where + " must be a single value");
      }
      return node.isNull() ? null : node.asString();
    }

    String text(JsonNode parent, String field, String prefix) {
      JsonNode n = parent.path(field);
      if (n.isMissingNode() || n.isNull()) {
        return null;
      }
      String s = scalar(n, prefix + field);
      return s == null || s.isBlank() ? null : s;
    }

    /** {@link #bool}, or null when the setting is not there or empty. */
    Boolean given(JsonNode parent, String field, String prefix) {
      JsonNode n = parent.path(field);
      return n.isMissingNode() || n.isNull() || (n.isString() && n.asString().isBlank()) ? null : bool(parent, field, prefix);
    }

    boolean bool(JsonNode parent, String field, String prefix) {
      JsonNode n = parent.path(field);
      if (n.isMissingNode() || n.isNull()) {
        return false;
      }
      if (n.isBoolean()) {
        return n.asBoolean();
      }
      // YAML 1.2's core schema, as KFP's config: yes, no, on, off, 1 and 0 are not booleans
      if (n.isString() && Set.of("true", "True", "TRUE").contains(n.asString())) {
        return true;
      }
      if (n.isString() && Set.of("false", "False", "FALSE", "").contains(n.asString())) {
        return false;
      }
      throw new ConfigException(file + ": " + prefix + field + " is " + substitution.shown(n) + "; write true or false");
    }

    long number(JsonNode parent, String field, String prefix) {
      JsonNode n = parent.path(field);
      if (n.isMissingNode() || n.isNull()) {
        return 0;
      }
      try {
        long v = n.isNumber() ? n.asLong() : Long.parseLong(n.asString().strip());
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new ConfigException(file + ": " + prefix + field + " is " + substitution.shown(n) + "; write a whole number of seconds");
      }
    }
  }
}
