package dev.kfp4j.client;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.yaml.Yaml;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A client for the Kubeflow Pipelines REST API: experiments, pipelines and their versions, runs and
 * recurring runs. It speaks v1beta1 by default (what KFP 1.8 serves, and what KFP 2.x serves for
 * Argo workflows) and v2beta1 on request, which KFP 2's pipeline specs go to; both give the same
 * records. v2beta1 takes run arguments as typed values: see {@link RunRequest}.
 *
 * <pre>{@code
 * KfpClient kfp = KfpClient.builder().host("http://localhost:8080").build();
 * Experiment e = kfp.getOrCreateExperiment("demo", null);
 * Pipeline p = kfp.uploadPipeline("add-example", null, AddExamplePipeline.yaml());
 * Run run = kfp.createRun(RunRequest.ofVersion("first", e.id(), p.id(), p.defaultVersionId(),
 *     AddExamplePipeline.arguments(3, 4)));
 * kfp.waitForRun(run.id(), Duration.ofMinutes(30));
 * }</pre>
 */
public final class KfpClient {
  /** The host when none is given, as the KFP SDK reads it. */
  public static final String ENDPOINT_ENV = "KF_PIPELINES_ENDPOINT";
  /** The UI's address for links, when it differs from the API host. */
  public static final String UI_ENDPOINT_ENV = "KF_PIPELINES_UI_ENDPOINT";
  /** Set in every pod (Kubernetes' own service's address): given no host there, the client takes {@link #IN_CLUSTER_HOST}. */
  static final String IN_CLUSTER_ENV = "KUBERNETES_SERVICE_HOST";
  /** KFP's API service as a pod in the cluster reaches it, where KFP's own client goes given no host in a pod. */
  public static final String IN_CLUSTER_HOST = "http://ml-pipeline.kubeflow.svc.cluster.local:8888";
  /** The largest pipeline file KFP takes: 32 MiB ({@code MaxFileLength} in backend/src/apiserver/common/const.go). */
  public static final int MAX_FILE_LENGTH = 32 << 20;

  /** The REST API generation. */
  public enum ApiVersion {
    V1BETA1, V2BETA1;

    String path() {
      return "/apis/" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Http http;
  private final boolean v2;
  private final KfpAnswers answers;
  private final String api;
  private final String namespace;
  /** The UI's address for links, without its query and the credentials it may carry. */
  private final String ui;
  /** The query of the UI's address as shown ({@link ShownUrl}: each value masked), {@code ""} when it has none. */
  private final String uiQuery;
  private final Duration pollInterval;
  private final PipelineUploads uploads;

  private KfpClient(Builder b, URI host) {
    this.http = b.http(host, b.auth, b.option("--host") + ", 'host' in the config file, or " + ENDPOINT_ENV,
        "In Kubeflow, KFP's is the address of its UI with /pipeline after it", "pass " + b.option(ClientBuilder.SKIP_VERIFY),
        Http.KFP_CREDENTIALS);
    this.v2 = b.apiVersion == ApiVersion.V2BETA1;
    this.answers = new KfpAnswers(v2);
    this.api = b.apiVersion.path();
    this.namespace = b.namespace;
    String shown = ShownUrl.of(KfpHosts.withoutUserInfo(b.uiHost != null ? b.uiHost : http.base())).split("#", 2)[0];
    int query = shown.indexOf('?');
    String address = query < 0 ? shown : shown.substring(0, query);
    this.ui = address.endsWith("/") ? address.substring(0, address.length() - 1) : address; // the link adds it
    this.uiQuery = query < 0 ? "" : shown.substring(query);
    this.pollInterval = b.pollInterval();
    this.uploads = new PipelineUploads(this, http, answers, api, v2);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link KfpClient}. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String host;
    private URI uiHost;
    private Auth auth = Auth.none();
    private String namespace;
    private ApiVersion apiVersion = ApiVersion.V1BETA1;

    private Builder() {}

    /**
     * The API endpoint, {@code https://kubeflow.example.com/pipeline}; else {@code KF_PIPELINES_ENDPOINT}, else in a pod KFP's.
     * {@link #build()} refuses one with a query or a fragment: the API's paths are added after it; give a credential with
     * {@link #auth}.
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Where the KFP UI is, for run links; defaults to {@code KF_PIPELINES_UI_ENDPOINT}, else the host. */
    public Builder uiHost(URI uiHost) {
      this.uiHost = uiHost;
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = java.util.Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** The user's namespace in multi-user Kubeflow; experiments, pipelines and runs are created and listed in it. */
    public Builder namespace(String namespace) {
      this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
      return this;
    }

    public Builder apiVersion(ApiVersion apiVersion) {
      this.apiVersion = java.util.Objects.requireNonNull(apiVersion, "apiVersion");
      return this;
    }

    public KfpClient build() {
      return build(System::getenv);
    }

    KfpClient build(java.util.function.Function<String, String> env) { // the environment env gives
      String h = KfpHosts.api(host, env, option("--host"));
      uiHost = KfpHosts.ui(uiHost, env);
      return new KfpClient(this, KfpHosts.uri(h, "http://", this::option));
    }
  }

  /**
   * The API endpoint requests go to, as given: with the user name, password and query it may carry; a message shows it
   * through {@link ShownUrl#of(URI)}.
   */
  public URI host() {
    return http.base();
  }

  public String namespace() {
    return namespace;
  }

  /** The REST API generation the client speaks. */
  public ApiVersion apiVersion() {
    return v2 ? ApiVersion.V2BETA1 : ApiVersion.V1BETA1;
  }

  /** Whether the server answers its health check; throws a {@link KfpException} saying why not. */
  public boolean healthy() {
    http.get(api + "/healthz", Http.query());
    return true;
  }

  // ---------------------------------------------------------------- experiments

  public Experiment createExperiment(String name, String description) {
    return answers.experiment(http.post(api + "/experiments", Http.query(), KfpRequests.experiment(name, description, namespace, v2)));
  }

  /** The experiment of this name in the client's namespace, if there is one. */
  public Optional<Experiment> findExperiment(String name) {
    return findByName("experiments", name, answers::experiment, Experiment::name);
  }

  /** The experiment of this name, created if there is none (KFP's {@code create_experiment}). */
  public Experiment getOrCreateExperiment(String name, String description) {
    return findExperiment(name).orElseGet(() -> createExperiment(name, description));
  }

  public Experiment getExperiment(String id) {
    return answers.experiment(http.get(api + "/experiments/" + id, Http.query()));
  }

  public Page<Experiment> listExperiments(ListOptions options) {
    return list("experiments", options, answers::experiment);
  }

  public void archiveExperiment(String id) {
    http.post(api + "/experiments/" + id + ":archive", Http.query(), null);
  }

  public void unarchiveExperiment(String id) {
    http.post(api + "/experiments/" + id + ":unarchive", Http.query(), null);
  }

  public void deleteExperiment(String id) {
    http.delete(api + "/experiments/" + id, Http.query());
  }

  // ---------------------------------------------------------------- pipelines

  /**
   * Uploads a compiled workflow as a new pipeline; its first version becomes the default, whose id
   * the returned pipeline carries. KFP names that version, as the pipeline.
   *
   * @throws IllegalArgumentException for a file over {@link #MAX_FILE_LENGTH}, which KFP refuses; nothing is sent
   */
  public Pipeline uploadPipeline(String name, String description, String workflowYaml) {
    return uploads.pipeline(name, description, workflowYaml);
  }

  /**
   * Uploads a compiled pipeline as a new pipeline whose first version is named {@code versionName} (v2beta1 only: its
   * {@code CreatePipeline}, then the file as a version); the returned pipeline carries that version's id. Should the
   * version's upload fail, the pipeline made for it is deleted again, and the {@link KfpException} says so (or, should
   * that fail too, what is left and how to delete it).
   *
   * @throws IllegalArgumentException for a file over {@link #MAX_FILE_LENGTH}, which KFP refuses, or with v1beta1, which
   *     takes no name for a new pipeline's first version; nothing is sent
   */
  public Pipeline uploadPipeline(String name, String description, String versionName, String workflowYaml) {
    return uploads.pipeline(name, description, versionName, workflowYaml);
  }

  /**
   * Uploads a compiled workflow as a new version of an existing pipeline; version names are unique per pipeline.
   *
   * @throws IllegalArgumentException for a file over {@link #MAX_FILE_LENGTH}, which KFP refuses; nothing is sent
   */
  public PipelineVersion uploadPipelineVersion(String pipelineId, String versionName, String description, String workflowYaml) {
    return uploads.version(pipelineId, versionName, description, workflowYaml);
  }

  /** The pipeline of this name, if there is one. */
  public Optional<Pipeline> findPipeline(String name) {
    return findByName("pipelines", name, answers::pipeline, Pipeline::name);
  }

  public Pipeline getPipeline(String id) {
    return answers.pipeline(http.get(api + "/pipelines/" + id, Http.query()));
  }

  public Page<Pipeline> listPipelines(ListOptions options) {
    return list("pipelines", options, answers::pipeline);
  }

  /**
   * Deletes a pipeline with all its versions. v1beta1 takes no {@code cascade}, and KFP 2 refuses there a pipeline that has a
   * version ({@code ResourceManager.DeletePipeline}: "it has existing pipeline versions"), which every uploaded one has: its
   * versions are deleted first, one by one, as KFP 1.8's v1beta1 did itself.
   */
  public void deletePipeline(String id) {
    if (!v2) {
      for (String version : versionIds(id)) {
        deletePipelineVersion(id, version);
      }
    }
    http.delete(api + "/pipelines/" + id, v2 ? Http.query().add("cascade", true) : Http.query());
  }

  /** The ids of all the pipeline's versions, read page by page before any is deleted (deleting moves the pages). */
  private List<String> versionIds(String pipelineId) {
    List<String> ids = new java.util.ArrayList<>();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    ListOptions options = new ListOptions(200, null, null); // KFP's largest page
    Page<PipelineVersion> page;
    do {
      page = listPipelineVersions(pipelineId, options);
      page.items().forEach(v -> ids.add(v.id()));
      options = options.next(page);
    } while (page.hasNext() && !page.items().isEmpty() && tokens.add(page.nextPageToken()));
    return ids;
  }

  public Page<PipelineVersion> listPipelineVersions(String pipelineId, ListOptions options) {
    JsonNode answer = v2
        ? http.get(api + "/pipelines/" + pipelineId + "/versions", KfpRequests.paging(Http.query(), options))
        : http.get(api + "/pipeline_versions", KfpRequests.paging(Http.query()
            .add("resource_key.type", "PIPELINE").add("resource_key.id", pipelineId), options));
    return KfpAnswers.page(answer, v2 ? "pipeline_versions" : "versions", n -> answers.version(n, pipelineId));
  }

  /** The pipeline's newest version. */
  public Optional<PipelineVersion> latestVersion(String pipelineId) {
    List<PipelineVersion> newest = listPipelineVersions(pipelineId, ListOptions.newestFirst(1)).items();
    return newest.isEmpty() ? Optional.empty() : Optional.of(newest.get(0));
  }

  public PipelineVersion getPipelineVersion(String pipelineId, String versionId) {
    return answers.version(http.get(v2 ? api + "/pipelines/" + pipelineId + "/versions/" + versionId
        : api + "/pipeline_versions/" + versionId, Http.query()), pipelineId);
  }

  /**
   * What a pipeline version holds, as YAML: the workflow (v1beta1), or the pipeline spec and, when
   * it has one, its platform spec as a second document (v2beta1).
   */
  public String getPipelineVersionTemplate(String pipelineId, String versionId) {
    if (v2) {
      JsonNode spec = http.get(api + "/pipelines/" + pipelineId + "/versions/" + versionId, Http.query()).path("pipeline_spec");
      if (spec.has(Kfp2Reader.PIPELINE_SPEC) && spec.has(Kfp2Reader.PLATFORM_SPEC)) { // KFP's answer for a spec with a platform document
        return Yaml.write(spec.get(Kfp2Reader.PIPELINE_SPEC), null) + "---\n" + Yaml.write(spec.get(Kfp2Reader.PLATFORM_SPEC), null);
      }
      return Yaml.write(spec, null);
    }
    return http.get(api + "/pipeline_versions/" + versionId + "/templates", Http.query()).path("template").asString("");
  }

  public void deletePipelineVersion(String pipelineId, String versionId) {
    http.delete(v2 ? api + "/pipelines/" + pipelineId + "/versions/" + versionId
        : api + "/pipeline_versions/" + versionId, Http.query());
  }

  // ---------------------------------------------------------------- runs

  public Run createRun(RunRequest request) {
    return run("POST " + api + "/runs", http.post(api + "/runs", Http.query(), KfpRequests.run(request, v2)));
  }

  public Run getRun(String id) {
    return run("GET " + api + "/runs/" + id, http.get(api + "/runs/" + id, Http.query()));
  }

  /**
   * The run a successful answer holds; one without a run id ({@code {}}, an empty body, another server's JSON) is a
   * {@link KfpException}: read as a run it was one PENDING, of id null, that {@code kfp4j runs get} printed and a wait
   * polled until its timeout. So is one KFP could not read back (an error and no state, {@code toApiRun} in
   * api_converter.go): a wait polled it as PENDING until its timeout. A v1beta1 run that failed has its workflow's
   * message as its error.
   */
  private Run run(String what, JsonNode answer) {
    JsonNode n = v2 ? answer : answer.path("run");
    Run run = answers.run(n);
    if (run.id() == null) {
      throw http.unexpected(what, "a run (no " + (v2 ? "run_id" : "run.id") + ")");
    }
    if (answers.unread(n)) {
      throw new KfpException(0, "KFP cannot show run " + run.id() + ": " + run.error());
    }
    if (!v2 && run.error() == null && run.state().finished() && !run.state().succeeded()) { // why, as its workflow says
      return new Run(run.id(), run.name(), run.state(), run.createdAt(), run.finishedAt(), run.experimentId(),
          run.pipelineVersionId(), RunTasks.workflowMessage(answer));
    }
    return run;
  }

  /**
   * The tasks of a run as the server reports them, in the order it lists them: for v1beta1 the
   * pods of the Argo workflow the run is (its {@code pipeline_runtime.workflow_manifest}), for
   * v2beta1 the run's {@code run_details.task_details} that ran a pod or failed.
   */
  public List<RunTask> getRunTasks(String id) {
    JsonNode answer = http.get(api + "/runs/" + id, Http.query());
    return v2 ? RunTasks.ofTaskDetails(answer) : RunTasks.ofWorkflowManifest(answer);
  }

  /** Runs of an experiment, or of the client's namespace when {@code experimentId} is null. */
  public Page<Run> listRuns(String experimentId, ListOptions options) {
    Http.Query q = KfpRequests.paging(Http.query(), options);
    scope(q, experimentId);
    return KfpAnswers.page(http.get(api + "/runs", q), "runs", answers::run);
  }

  /**
   * Polls the run until it has finished, and returns it finished (succeeded or not); a run still
   * going after {@code timeout} is a {@link KfpException} that says it goes on on the server.
   */
  public Run waitForRun(String id, Duration timeout) {
    return Http.poll(() -> getRun(id), r -> r.state().finished(), timeout, pollInterval,
        r -> "run " + id + " is still " + r.state() + " after " + timeout.toSeconds() + " s; it goes on on the server: " + runUrl(id));
  }

  public void terminateRun(String id) {
    http.post(api + "/runs/" + id + (v2 ? ":terminate" : "/terminate"), Http.query(), null);
  }

  /** Re-runs the failed steps of a failed or terminated run. */
  public void retryRun(String id) {
    http.post(api + "/runs/" + id + (v2 ? ":retry" : "/retry"), Http.query(), null);
  }

  public void archiveRun(String id) {
    http.post(api + "/runs/" + id + ":archive", Http.query(), null);
  }

  /** Restores an archived run, as KFP's {@code unarchive_run}. */
  public void unarchiveRun(String id) {
    http.post(api + "/runs/" + id + ":unarchive", Http.query(), null);
  }

  public void deleteRun(String id) {
    http.delete(api + "/runs/" + id, Http.query());
  }

  // ---------------------------------------------------------------- recurring runs

  public RecurringRun createRecurringRun(RecurringRunRequest request) {
    return answers.recurringRun(http.post(api + (v2 ? "/recurringruns" : "/jobs"), Http.query(), KfpRequests.recurringRun(request, v2)));
  }

  public RecurringRun getRecurringRun(String id) {
    return answers.recurringRun(http.get(api + (v2 ? "/recurringruns/" : "/jobs/") + id, Http.query()));
  }

  public Page<RecurringRun> listRecurringRuns(String experimentId, ListOptions options) {
    Http.Query q = KfpRequests.paging(Http.query(), options);
    scope(q, experimentId);
    return KfpAnswers.page(http.get(api + (v2 ? "/recurringruns" : "/jobs"), q), v2 ? "recurringRuns" : "jobs", answers::recurringRun);
  }

  public void enableRecurringRun(String id) {
    http.post(api + (v2 ? "/recurringruns/" + id + ":enable" : "/jobs/" + id + "/enable"), Http.query(), null);
  }

  public void disableRecurringRun(String id) {
    http.post(api + (v2 ? "/recurringruns/" + id + ":disable" : "/jobs/" + id + "/disable"), Http.query(), null);
  }

  public void deleteRecurringRun(String id) {
    http.delete(api + (v2 ? "/recurringruns/" : "/jobs/") + id, Http.query());
  }

  // ---------------------------------------------------------------- UI links
  // Links are for people to read: without the user name and password, and each query value as *** (ShownUrl), so a UI
  // address that needs a query to log in is given without it.

  /** The KFP UI's front page: the pipelines, as {@link ShownUrl} shows a URL (query values masked). */
  public URI uiUrl() {
    return link("/pipelines");
  }

  /** The run's page in the KFP UI, as {@link ShownUrl} shows a URL (query values masked). */
  public URI runUrl(String runId) {
    return link("/runs/details/" + runId);
  }

  public URI pipelineUrl(String pipelineId) {
    return link("/pipelines/details/" + pipelineId);
  }

  public URI experimentUrl(String experimentId) {
    return link("/experiments/details/" + experimentId);
  }

  public URI recurringRunUrl(String id) {
    return link("/recurringrun/details/" + id);
  }

  /**
   * The UI's page {@code page} (the UI routes by the fragment): printed for people to open, so without the user name and
   * password the address may carry, and its query's values masked ({@link ShownUrl}), the query before the fragment.
   */
  private URI link(String page) {
    return URI.create(ui + "/" + uiQuery + "#" + page);
  }

  // ---------------------------------------------------------------- requests

  /** The record of {@code collection} (experiments, pipelines) named {@code name} in the client's namespace, if there is one. */
  private <T> Optional<T> findByName(String collection, String name, Function<JsonNode, T> read, Function<T, String> nameOf) {
    Http.Query q = Http.query().add("filter", KfpRequests.nameFilter(name, v2)).add("page_size", 2);
    scope(q);
    return KfpAnswers.first(KfpAnswers.listOf(http.get(api + "/" + collection, q), collection, read), name, nameOf);
  }

  /** A page of {@code collection} (experiments, pipelines) in the client's namespace. */
  private <T> Page<T> list(String collection, ListOptions options, Function<JsonNode, T> read) {
    Http.Query q = KfpRequests.paging(Http.query(), options);
    scope(q);
    return KfpAnswers.page(http.get(api + "/" + collection, q), collection, read);
  }

  private void scope(Http.Query q) {
    KfpRequests.scope(q, namespace, null, v2);
  }

  private void scope(Http.Query q, String experimentId) {
    KfpRequests.scope(q, namespace, experimentId, v2);
  }
}
