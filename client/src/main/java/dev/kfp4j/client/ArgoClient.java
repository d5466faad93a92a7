package dev.kfp4j.client;

import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.argo.CronWorkflows;
import dev.kfp4j.format.argo.WorkflowStatus;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunArguments;
import dev.kfp4j.yaml.Yaml;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client for the Argo Server API, for clusters with Argo Workflows but no KFP: submit a compiled
 * pipeline, watch it to the end, and schedule it as a {@code CronWorkflow}. A pipeline goes as the
 * Argo workflow {@link ArgoWriter} writes, the same as KFP v1 takes and {@code argo submit} runs.
 *
 * <pre>{@code
 * Pipeline p = ArgoReader.read(AddExamplePipeline.yaml(), "add-example");
 * ArgoWorkflow w = argo.waitFor(argo.submit(p, Map.of("value1", "10")).name(), Duration.ofMinutes(30));
 * }</pre>
 */
public final class ArgoClient {
  /** The server when none is given, as the argo CLI reads it ({@code host:port}). */
  public static final String SERVER_ENV = "ARGO_SERVER";
  /** The token when no auth is given, as the argo CLI reads it ({@code Bearer ...}). */
  public static final String TOKEN_ENV = "ARGO_TOKEN";
  /** {@code false}: a server given without a scheme ({@code localhost:2746}) speaks plain HTTP, as for the argo CLI. */
  public static final String SECURE_ENV = "ARGO_SECURE";
  /** The path the Argo Server is served under ({@code /argo/}), for a server given without one, as for the argo CLI. */
  public static final String BASE_HREF_ENV = "ARGO_BASE_HREF";
  /**
   * {@code true}: the Argo Server's https certificate is not checked (self-signed, or for another name), as for the argo
   * CLI, which takes this value only ({@code --insecure-skip-verify}, cmd/argo/commands/client/conn.go).
   */
  public static final String INSECURE_SKIP_VERIFY_ENV = "ARGO_INSECURE_SKIP_VERIFY";
  /** The namespace when none is given. */
  public static final String NAMESPACE_ENV = "ARGO_NAMESPACE";
  /** Where the namespace a workflow goes to is given, for a workflow file that names its own ({@link ArgoReader#readToWrite}). */
  private static final String NAMESPACE_WORDS = "the client's namespace (ArgoClient.builder().namespace(...), else " + NAMESPACE_ENV + ")";
  /**
   * What to check when the Argo Server refuses the credentials: its own ways in (a token as the argo CLI sends it, which
   * {@code argo auth token} prints), not KFP's (cookies, IAP).
   */
  static final String CREDENTIALS = "check the Argo Server's credentials (" + TOKEN_ENV + ", as the argo CLI takes it: "
      + "'Bearer <token>', such as 'argo auth token' prints, or 'Basic ...'; or the token in the config file, auth.token)";

  private final Http http;
  private final String namespace;
  private final Duration pollInterval;
  private String version;

  private ArgoClient(Builder b, URI server, String namespace) {
    this.http = b.http(server, b.auth, b.option("--argo-server") + ", 'argo_server' in the config file, or " + SERVER_ENV,
        "The Argo Server's is where 'argo server' listens (port 2746 unless set), behind an ingress with its path ("
            + BASE_HREF_ENV + ")", "pass " + b.option(ClientBuilder.SKIP_VERIFY) + " or set " + INSECURE_SKIP_VERIFY_ENV + "=true",
        CREDENTIALS);
    this.namespace = namespace;
    this.pollInterval = b.pollInterval();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of an {@link ArgoClient}. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String server;
    private Auth auth;
    private String namespace;

    private Builder() {}

    /**
     * The Argo Server, such as {@code https://localhost:2746}; else {@code ARGO_SERVER}. One without a scheme is {@code https}, or
     * {@code http} when {@code ARGO_SECURE} is {@code false}. {@link #build()} refuses one with a
     * query or a fragment: the API's paths are added after it; give a credential with {@link #auth}.
     */
    public Builder server(String server) {
      this.server = server;
      return this;
    }

    /** Credentials; else {@code ARGO_TOKEN} ({@code Bearer ...}, {@code Basic ...}, or a bare token sent as a bearer token), else none. */
    public Builder auth(Auth auth) {
      this.auth = auth;
      return this;
    }

    /** Where workflows go; else {@code ARGO_NAMESPACE}, else {@code argo}. */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public ArgoClient build() {
      return build(System::getenv);
    }

    ArgoClient build(java.util.function.Function<String, String> env) { // the environment env gives
      String s = server != null && !server.isBlank() ? server : env.apply(SERVER_ENV);
      if (s == null || s.isBlank()) {
        throw new KfpException(0, "no Argo Server: pass " + option("--argo-server") + " or set " + SERVER_ENV
            + ", such as https://localhost:2746 after 'kubectl -n argo port-forward svc/argo-server 2746:2746'");
      }
      if (auth == null) {
        auth = tokenAuth(env.apply(TOKEN_ENV));
      }
      String ns = namespace != null ? namespace : env.apply(NAMESPACE_ENV);
      // "true" only, as the argo CLI reads it, and only where the builder was not told (its flag wins over the variable)
      if (!insecureSkipVerifyGiven() && "true".equals(env.apply(INSECURE_SKIP_VERIFY_ENV))) {
        insecureSkipVerify(true);
      }
      // as the argo CLI: TLS unless ARGO_SECURE=false (its --secure flag, cmd/argo/commands/client/conn.go)
      String scheme = "false".equals(env.apply(SECURE_ENV)) ? "http://" : "https://";
      return new ArgoClient(this, withBaseHref(KfpHosts.uri(s, scheme, this::option), env.apply(BASE_HREF_ENV)),
          ns == null || ns.isBlank() ? "argo" : ns);
    }
  }

  /**
   * The server at {@code baseHref} ({@code ARGO_BASE_HREF}, {@code /argo/} behind an ingress) when it is given without a path,
   * as the argo CLI adds it ({@code ArgoServerOpts.GetURL}, pkg/apiclient/argo-server-opts.go); a path given wins.
   */
  static URI withBaseHref(URI server, String baseHref) {
    String path = server.getRawPath();
    if (baseHref == null || baseHref.isBlank() || !(path == null || path.isEmpty() || path.equals("/"))) {
      return server;
    }
    String href = baseHref.strip().replaceAll("^/+|/+$", "");
    return href.isEmpty() ? server : URI.create(server.toString().replaceFirst("/$", "") + "/" + href);
  }

  /**
   * The credential {@code ARGO_TOKEN} holds: the {@code Authorization} header as the argo CLI sends it, {@code Bearer ...}
   * or {@code Basic ...} (the two the Argo Server's client mode takes, {@code Modes.GetMode} in server/auth/mode.go); a
   * token without either goes as a bearer token.
   */
  static Auth tokenAuth(String token) {
    if (token == null || token.isBlank()) {
      return Auth.none();
    }
    String t = token.strip();
    if (t.startsWith("Basic ")) {
      return Auth.header("Authorization", t);
    }
    return Auth.bearer(t);
  }

  public String namespace() {
    return namespace;
  }

  /**
   * Submits a pipeline with {@code arguments} (checked against its parameters; defaults fill the
   * rest) and returns the workflow as created, named by the server.
   *
   * @throws IllegalArgumentException for an argument the pipeline does not take or of another type,
   *     or a parameter without default left out; nothing is sent
   */
  public ArgoWorkflow submit(Pipeline pipeline, Map<String, String> arguments) {
    ObjectNode body = Yaml.json().createObjectNode().put("namespace", namespace);
    body.set("workflow", withArguments(pipeline, arguments));
    return workflow(http.post("/api/v1/workflows/" + namespace, Http.query(), body));
  }

  /** {@link #submit(Pipeline, Map)} of a workflow kfp4j compiled, read with {@link ArgoReader}. */
  public ArgoWorkflow submit(String workflowYaml, Map<String, String> arguments) {
    return submit(ArgoReader.readToWrite(workflowYaml, "workflow", NAMESPACE_WORDS), arguments);
  }

  public ArgoWorkflow get(String name) {
    return workflow(http.get("/api/v1/workflows/" + namespace + "/" + name, Http.query()));
  }

  /** Polls the workflow until it has finished; a workflow still going after {@code timeout} is a {@link KfpException}. */
  public ArgoWorkflow waitFor(String name, Duration timeout) {
    return Http.poll(() -> get(name), w -> w.state().finished(), timeout, pollInterval,
        w -> "workflow " + namespace + "/" + name + " is still " + w.state() + " after " + timeout.toSeconds() + " s; it goes on on the server");
  }

  public void terminate(String name) {
    http.put("/api/v1/workflows/" + namespace + "/" + name + "/terminate",
        Yaml.json().createObjectNode().put("name", name).put("namespace", namespace));
  }

  public void delete(String name) {
    http.delete("/api/v1/workflows/" + namespace + "/" + name, Http.query());
  }

  /**
   * Creates a {@code CronWorkflow} that starts the pipeline with {@code arguments} (checked as
   * {@link #submit} checks them) on {@code schedule}; returns its name. The server's Argo version
   * decides the schedule field ({@code schedule} before 3.6, {@code schedules} from 3.6 on).
   */
  public String schedule(Pipeline pipeline, Map<String, String> arguments, Schedule.Cron schedule, String name,
      boolean concurrent, boolean enabled) {
    ObjectNode workflow = withArguments(pipeline, arguments);
    JsonNode cron = toCronWorkflow(workflow, schedule, name, concurrent, enabled, schedulesList(serverVersion()));
    ObjectNode body = Yaml.json().createObjectNode().put("namespace", namespace);
    body.set("cronWorkflow", cron);
    JsonNode created = http.post("/api/v1/cron-workflows/" + namespace, Http.query(), body);
    return created.at("/metadata/name").asString(name);
  }

  /** {@link #schedule(Pipeline, Map, Schedule.Cron, String, boolean, boolean)} of a workflow kfp4j compiled. */
  public String schedule(String workflowYaml, Map<String, String> arguments, Schedule.Cron schedule, String name,
      boolean concurrent, boolean enabled) {
    return schedule(ArgoReader.readToWrite(workflowYaml, "workflow", NAMESPACE_WORDS), arguments, schedule, name, concurrent, enabled);
  }

  public void deleteCronWorkflow(String name) {
    http.delete("/api/v1/cron-workflows/" + namespace + "/" + name, Http.query());
  }

  /** The server's Argo version, such as {@code v3.3.10}; empty when it does not say. */
  public synchronized String serverVersion() {
    if (version == null) {
      try {
        version = http.get("/api/v1/version", Http.query()).path("version").asString("");
      } catch (KfpException e) {
        if (e.status() == 0) {
          throw e;
        }
        version = "";
      }
    }
    return version;
  }

  /** Whether an Argo version takes {@code schedules} (3.6 and later, and unknown versions) rather than {@code schedule}. */
  static boolean schedulesList(String version) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("v?(\\d+)\\.(\\d+)").matcher(version);
    if (!m.lookingAt()) {
      return true;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 3 || (major == 3 && minor >= 6);
  }

  /**
   * A {@code CronWorkflow} of a compiled workflow ({@link CronWorkflows#of}): {@code concurrent}
   * false forbids a run to start while the previous one runs.
   */
  public static ObjectNode toCronWorkflow(JsonNode workflow, Schedule.Cron schedule, String name, boolean concurrent,
      boolean enabled, boolean schedulesList) {
    return CronWorkflows.of(workflow, schedule.argoSchedule(), name, concurrent, enabled, schedulesList);
  }

  /** The workflow of a run of {@code pipeline} with {@code arguments}, checked ({@link RunArguments}). */
  static ObjectNode withArguments(Pipeline pipeline, Map<String, String> arguments) {
    return ArgoWriter.toNode(pipeline, RunArguments.check(pipeline, arguments));
  }

  private ArgoWorkflow workflow(JsonNode n) {
    WorkflowStatus.Run run = WorkflowStatus.run(n);
    return new ArgoWorkflow(n.at("/metadata/namespace").asString(namespace), n.at("/metadata/name").asString(""),
        RunState.parse(run.phase()), run.message(), time(run.startedAt()), time(run.finishedAt()));
  }

  private static Instant time(String t) {
    try {
      return t == null ? null : Instant.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
