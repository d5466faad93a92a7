package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.local.CompiledPipelines;
import dev.kfp4j.local.PipelinesIndex;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cluster commands with {@code api_version: v2beta1}: they upload the KFP 2 pipeline spec the
 * processor wrote, with {@code run_config} applied, and start runs with a typed {@code
 * runtime_config}, against the fake KFP server, which parses each upload strictly as KFP's
 * protobuf messages and refuses runtime configs KFP 2 refuses.
 */
class Kfp2ClusterCommandsTest {
  @TempDir
  Path dir;

  FakeKfpServer kfp;
  Path config;

  @BeforeEach
  void start() throws Exception {
    kfp = FakeKfpServer.start();
    config = dir.resolve("kfp4j.yaml");
    Files.writeString(config, """
        host: %s
        api_version: v2beta1
        run_config:
          image: registry.example.com/calc:2.0
          experiment_name: Calc
          run_name: nightly calc
          ttl: 3600
          resources:
            __default__: {cpu: 100m, memory: 256Mi}
        """.formatted(kfp.uri()));
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  private Cli kfp4j(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "add-example"));
    return Cli.run(all.toArray(String[]::new));
  }

  /**
   * A pipeline compiled in one form only uploaded where the other form is wanted: the message named both ways to compile it
   * in that form too, its {@code @Pipeline(formats = ...)} and the processor option kfp4j.formats, as neither the files nor
   * the pipelines index said which chose its form; now the index says, and the message names the one that works. The
   * annotation for task-settings (Argo) and control-flow (KFP 2), where the option changes nothing; the option for a
   * pipeline that sets no formats; both still where the index was written before it said.
   */
  @Test
  void aPipelineCompiledInTheOtherFormOnlyIsAnErrorNamingWhatChoseItsForm() throws Exception {
    Cli kfp2 = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "task-settings");
    assertEquals(2, kfp2.code(), kfp2.toString());
    assertTrue(kfp2.err().contains("pipeline 'task-settings' is compiled as a KFP v1 pipeline (an Argo Workflow) only"), kfp2.toString());
    assertTrue(kfp2.err().contains("set api_version: v1beta1 (--api-version v1beta1) to upload the Argo workflow; else compile it"
        + " for KFP 2 too: add Format.KFP2 to its @Pipeline(formats = ...), which chose its formats\n"), kfp2.toString());

    Cli argo = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "control-flow",
        "--api-version", "v1beta1");
    assertEquals(2, argo.code(), argo.toString());
    assertTrue(argo.err().contains("pipeline 'control-flow' is compiled as a KFP 2 pipeline spec only"), argo.toString());
    assertTrue(argo.err().contains("else compile it for KFP v1 too: add Format.ARGO to its @Pipeline(formats = ...), which chose its"
        + " formats\n"), argo.toString());

    // found on the classpath (as in a jar; here the examples' classes), not in --classes: its index there says
    Cli onClasspath = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", Files.createDirectories(dir.resolve("empty")).toString(), "-p",
        "task-settings");
    assertEquals(2, onClasspath.code(), onClasspath.toString());
    assertTrue(onClasspath.err().contains("else compile it for KFP 2 too: add Format.KFP2 to its @Pipeline(formats = ...), which chose"
        + " its formats\n"), onClasspath.toString());

    Cli option = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", argoOnlyByTheOption(dir, true).toString(),
        "-p", "nightly");
    assertEquals(2, option.code(), option.toString());
    assertTrue(option.err().contains("pipeline 'nightly' is compiled as a KFP v1 pipeline (an Argo Workflow) only"), option.toString());
    assertTrue(option.err().contains("to upload the Argo workflow; else " + BY_THE_OPTION + "\n"), option.toString());
    assertFalse(option.err().contains("@Pipeline"), option.toString());

    Cli before = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", argoOnlyByTheOption(dir, false).toString(),
        "-p", "nightly");
    assertEquals(2, before.code(), before.toString());
    assertTrue(before.err().contains("to upload the Argo workflow; else compile it for KFP 2 too: add Format.KFP2 to its"
        + " @Pipeline(formats = ...) where it sets formats, else to the processor option kfp4j.formats\n"), before.toString());
  }

  /** How to compile for KFP 2 too a pipeline whose form the processor option chose. */
  static final String BY_THE_OPTION = "compile it for KFP 2 too: set the processor option kfp4j.formats to argo,kfp2 (its default;"
      + " in Maven, <arg>-Akfp4j.formats=argo,kfp2</arg> in the maven-compiler-plugin's <compilerArgs>)";

  /**
   * A class output under {@code dir} holding pipeline 'nightly' compiled for KFP v1 only by the processor option
   * ({@code -Akfp4j.formats=argo}): the examples' add-example, which sets no formats, its workflow and its entry of the
   * pipelines index renamed; the entry says what chose its formats when {@code said}, as the processor writes it now, else
   * not, as kfp4j wrote it before.
   */
  static Path argoOnlyByTheOption(Path dir, boolean said) throws Exception {
    Path classes = dir.resolve(said ? "classes" : "classes-before");
    Path argo = Files.createDirectories(classes.resolve(CompiledPipelines.ARGO));
    Files.copy(Path.of(CommandsTest.CLASSES, CompiledPipelines.ARGO, "add-example.yaml"), argo.resolve("nightly.yaml"));
    JsonNode examples = PipelinesIndex.parse(Files.readString(Path.of(CommandsTest.CLASSES, PipelinesIndex.RESOURCE)));
    ObjectNode entry = (ObjectNode) examples.get("add-example").deepCopy();
    assertEquals("option", entry.path(PipelinesIndex.FORMATS_FROM).asString(), entry.toString());
    if (!said) {
      entry.remove(PipelinesIndex.FORMATS_FROM);
    }
    ObjectNode index = Yaml.object();
    index.set("nightly", entry);
    Files.writeString(classes.resolve(PipelinesIndex.RESOURCE), "# Written by kfp4j\n"
        + Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(index) + "\n");
    return classes;
  }

  @Test
  void runOnceUploadsTheKfp2SpecWithTheConfigAppliedAndSendsTypedArguments() {
    Cli r = kfp4j("run-once", "-a", "value1=5", "--wait", "--timeout", "30");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("state: SUCCEEDED"), r.toString());

    JsonNode version = kfp.v2().versions().get(0);
    String spec = kfp.v2().pipelineSpec(version.path("pipeline_version_id").asString());
    assertEquals(List.of(), Kfp2Schemas.errors(spec), "a PipelineSpec, parsed strictly");
    JsonNode executors = Yaml.readAll(spec).get(0).at("/deploymentSpec/executors");
    assertEquals(3, executors.size());
    for (JsonNode e : executors) {
      JsonNode c = e.path("container");
      assertEquals("registry.example.com/calc:2.0", c.path("image").asString(), "the config's image on the Java steps");
      assertEquals("0.1", c.at("/resources/cpuRequest").asString(), c.toString());
      assertEquals("256Mi", c.at("/resources/resourceMemoryLimit").asString(), c.toString());
    }
    assertTrue(spec.contains("# With run_config of the kfp4j config file applied.\n"), spec);

    JsonNode run = kfp.v2().runs().get(0);
    assertEquals("nightly calc", run.path("display_name").asString());
    assertEquals("{\"value1\":5}", run.at("/runtime_config/parameters").toString(), "an integer, as KFP 2 takes it");
    assertEquals(version.path("pipeline_version_id").asString(), run.at("/pipeline_version_reference/pipeline_version_id").asString());
    assertEquals(kfp.v2().experiments().get(0).path("experiment_id").asString(), run.path("experiment_id").asString());
    assertTrue(kfp.versions().isEmpty() && kfp.runs().isEmpty(), "nothing went to v1beta1");
  }

  /** A pipeline calling another goes up as KFP writes it, the call a nested DAG, the config's image on the called pipeline's steps too. */
  @Test
  void aCalledPipelineIsUploadedAsANestedDagWithTheConfigAppliedInside() {
    Cli r = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "greet-twice");
    assertEquals(0, r.code(), r.toString());
    JsonNode version = kfp.v2().versions().get(0);
    String spec = kfp.v2().pipelineSpec(version.path("pipeline_version_id").asString());
    assertEquals(List.of(), Kfp2Schemas.errors(spec), "a PipelineSpec, parsed strictly");
    JsonNode s = Yaml.readAll(spec).get(0);
    assertEquals("comp-greet", s.at("/root/dag/tasks/greet/componentRef/name").asString(), spec);
    assertTrue(s.at("/components/comp-greet/dag/tasks").size() > 0, "the called pipeline's DAG: " + spec);
    JsonNode executors = s.at("/deploymentSpec/executors");
    assertTrue(executors.size() > 0, spec);
    for (JsonNode e : executors) {
      assertEquals("registry.example.com/calc:2.0", e.at("/container/image").asString(), "the config's image on every Java step");
    }
  }

  @Test
  void scheduleMakesARecurringRunWithATypedRuntimeConfigAndTheListsShowIt() throws Exception {
    assertEquals(0, kfp4j("upload-pipeline", "--version-name", "v1").code());
    Cli r = kfp4j("schedule", "--every", "2h", "-a", "value2=9", "--no-catchup", "-o", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode recurring = kfp.v2().recurringRuns().get(0);
    assertEquals(Yaml.json().readTree(r.out()).path("recurring_run_id").asString(), recurring.path("recurring_run_id").asString());
    assertEquals("{\"value2\":9}", recurring.at("/runtime_config/parameters").toString());
    assertEquals("7200", recurring.at("/trigger/periodic_schedule/interval_second").asString());
    assertEquals("ENABLE", recurring.path("mode").asString());

    assertEquals(0, kfp4j("run-once", "--no-wait").code());
    Cli pipelines = Cli.run("list-pipelines", "--config", config.toString(), "-o", "json");
    assertEquals(0, pipelines.code(), pipelines.toString());
    assertEquals("add-example", Yaml.json().readTree(pipelines.out()).path(0).path("name").asString(), pipelines.toString());
    Cli runs = Cli.run("list-runs", "--config", config.toString(), "--experiment", "Calc");
    assertEquals(0, runs.code(), runs.toString());
    assertTrue(runs.out().contains("nightly calc"), runs.toString());
  }

  /**
   * KFP's {@code create_run_from_pipeline_*(pipeline_root=...)}: the run's root over the pipeline's, in the runtime config of a
   * run and of a recurring run; with KFP v1's API, whose pipelines keep artifacts in the artifact repository, a usage error.
   */
  @Test
  void aPipelineRootGoesInTheRuntimeConfig() throws Exception {
    Cli once = kfp4j("run-once", "--no-wait", "--pipeline-root", "s3://team-bucket/runs");
    assertEquals(0, once.code(), once.toString());
    assertEquals("s3://team-bucket/runs", kfp.v2().runs().get(0).at("/runtime_config/pipeline_root").asString());
    Cli schedule = kfp4j("schedule", "--every", "1h", "--pipeline-root", "gs://team-bucket/nightly");
    assertEquals(0, schedule.code(), schedule.toString());
    assertEquals("gs://team-bucket/nightly", kfp.v2().recurringRuns().get(0).at("/runtime_config/pipeline_root").asString());
    int sent = kfp.requests().size();
    Cli v1 = kfp4j("run-once", "--no-wait", "--api-version", "v1beta1", "--pipeline-root", "s3://team-bucket/runs");
    assertEquals(2, v1.code(), v1.toString());
    assertTrue(v1.err().contains("--pipeline-root is KFP 2's"), v1.toString());
    assertEquals(sent, kfp.requests().size(), "nothing sent");
    Cli none = kfp4j("run-once", "--no-wait");
    assertEquals(0, none.code(), none.toString());
    assertTrue(kfp.v2().runs().get(1).at("/runtime_config/pipeline_root").isMissingNode(), "none given: the pipeline's own");
  }

  /** Each task of each DAG of an uploaded spec, by DAG and task name, with its cachingOptions. */
  private List<String> cachingOfVersion(int index) {
    String spec = kfp.v2().pipelineSpec(kfp.v2().versions().get(index).path("pipeline_version_id").asString());
    assertEquals(List.of(), Kfp2Schemas.errors(spec), "a PipelineSpec, parsed strictly");
    JsonNode s = Yaml.readAll(spec).get(0);
    List<String> out = new ArrayList<>();
    s.at("/root/dag/tasks").properties().forEach(t -> out.add("root/" + t.getKey() + " " + t.getValue().path("cachingOptions")));
    s.path("components").properties().forEach(c -> c.getValue().at("/dag/tasks").properties()
        .forEach(t -> out.add(c.getKey() + "/" + t.getKey() + " " + t.getValue().path("cachingOptions"))));
    return out;
  }

  /**
   * KFP's {@code create_run_from_pipeline_package(enable_caching=...)}: every task's caching set in the spec uploaded with the
   * run, tasks inside conditions too; a recurring run of a version uploaded before has no file to set it in: a usage error.
   */
  @Test
  void cacheOrNoCacheSetsEveryTasksCachingInTheSpecUploadedWithTheRun() throws Exception {
    Cli compiled = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p",
        "nested-conditions-pipeline");
    assertEquals(0, compiled.code(), compiled.toString());
    List<String> asCompiled = cachingOfVersion(0);
    assertTrue(asCompiled.stream().anyMatch(t -> t.startsWith("comp-condition") && t.endsWith("{\"enableCache\":true}")),
        "tasks inside conditions, cached as compiled: " + asCompiled);

    Cli off = Cli.run("run-once", "--no-wait", "--no-cache", "--config", config.toString(), "--classes", CommandsTest.CLASSES,
        "-p", "nested-conditions-pipeline");
    assertEquals(0, off.code(), off.toString());
    List<String> none = cachingOfVersion(1);
    assertEquals(asCompiled.size(), none.size(), none.toString());
    assertTrue(none.stream().allMatch(t -> t.endsWith(" {}")), "off as KFP's protobuf JSON writes enable_cache=False: " + none);
    assertEquals(kfp.v2().versions().get(1).path("pipeline_version_id").asString(),
        kfp.v2().runs().get(0).at("/pipeline_version_reference/pipeline_version_id").asString(), "the run is of that version");

    Cli on = Cli.run("run-once", "--no-wait", "--cache", "--config", config.toString(), "--classes", CommandsTest.CLASSES,
        "-p", "caching-pipeline3");
    assertEquals(0, on.code(), on.toString());
    List<String> all = cachingOfVersion(2);
    assertEquals(List.of("root/do-work-op {\"enableCache\":true}"), all, "compiled with caching(false), on for this run");

    int sent = kfp.requests().size();
    Cli notUploaded = kfp4j("schedule", "--every", "1h", "--no-cache");
    assertEquals(2, notUploaded.code(), notUploaded.toString());
    assertTrue(notUploaded.err().contains("--no-cache sets caching in the pipeline file uploaded with the run, and the latest "
        + "version, uploaded before, is not sent again; add --upload"), notUploaded.toString());
    assertEquals(sent, kfp.requests().size(), "nothing sent");
    Cli scheduled = kfp4j("schedule", "--every", "1h", "--no-cache", "--upload");
    assertEquals(0, scheduled.code(), scheduled.toString());
    assertTrue(cachingOfVersion(3).stream().allMatch(t -> t.endsWith(" {}")), cachingOfVersion(3).toString());
    assertEquals(kfp.v2().versions().get(3).path("pipeline_version_id").asString(),
        kfp.v2().recurringRuns().get(0).at("/pipeline_version_reference/pipeline_version_id").asString());

    Cli none2 = kfp4j("run-once", "--no-wait");
    assertEquals(0, none2.code(), none2.toString());
    assertTrue(cachingOfVersion(4).stream().allMatch(t -> t.endsWith(" {\"enableCache\":true}")), "none given: as compiled");
  }

  @Test
  void aValueOfTheWrongTypeIsAUsageErrorAndTheFakeRefusesWhatKfp2Refuses() throws Exception {
    Cli bad = kfp4j("run-once", "-a", "value1=five");
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    // what another client could send: text for an integer, and a spec field KFP does not have
    assertEquals(0, kfp4j("upload-pipeline").code());
    JsonNode version = kfp.v2().versions().get(0);
    String run = "{\"display_name\": \"r\", \"pipeline_version_reference\": {\"pipeline_id\": \"" + version.path("pipeline_id").asString()
        + "\", \"pipeline_version_id\": \"" + version.path("pipeline_version_id").asString()
        + "\"}, \"runtime_config\": {\"parameters\": {\"value1\": \"5\"}}}";
    HttpResponse<String> text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(kfp.uri().resolve("/apis/v2beta1/runs"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(run)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, text.statusCode(), text.body());
    assertTrue(text.body().contains("input parameter value1 requires type double or integer"), text.body());
  }

  /**
   * --version-name on a pipeline not yet on the server: KFP named its first version itself, and the name given went unused
   * (said on standard error). Now v2beta1's CreatePipeline makes the pipeline with no version and the file goes up as its
   * first version, of the name given, shown as it too; without --version-name the upload is as before, KFP naming it.
   */
  @Test
  void aNewPipelinesFirstVersionIsNamedAsVersionNameSays() {
    Cli first = kfp4j("upload-pipeline", "--version-name", "release-1");
    assertEquals(0, first.code(), first.toString());
    assertFalse(first.err().contains("--version-name"), "no note of a name unused: " + first);
    assertEquals(1, kfp.v2().pipelines().size());
    JsonNode pipeline = kfp.v2().pipelines().get(0);
    assertEquals("add-example", pipeline.path("name").asString());
    assertEquals("add-example", pipeline.path("display_name").asString());
    assertEquals(1, kfp.v2().versions().size(), "one version, the file's: " + kfp.v2().versions());
    JsonNode version = kfp.v2().versions().get(0);
    assertEquals("release-1", version.path("name").asString());
    assertEquals("release-1", version.path("display_name").asString());
    assertEquals(pipeline.path("pipeline_id").asString(), version.path("pipeline_id").asString());
    assertTrue(first.out().contains("new_pipeline: true\n") && first.out().contains("version: release-1\n")
        && first.out().contains("version_id: " + version.path("pipeline_version_id").asString() + "\n"), first.toString());
    List<String> sent = kfp.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path()).toList();
    assertEquals(List.of("/apis/v2beta1/pipelines", "/apis/v2beta1/pipelines/upload_version"), sent);

    Cli again = kfp4j("upload-pipeline", "--version-name", "release-1");
    assertEquals(3, again.code(), "KFP refuses a second version of a name: " + again);
    assertTrue(again.err().contains("The name release-1 already exists"), again.toString());
    Cli next = kfp4j("upload-pipeline", "--version-name", "release-2");
    assertEquals(0, next.code(), next.toString());
    assertTrue(next.out().contains("new_pipeline: false\n") && next.out().contains("version: release-2\n"), next.toString());

    KfpClient client = KfpClient.builder().host(kfp.uri().toString()).apiVersion(KfpClient.ApiVersion.V2BETA1).build();
    client.deletePipeline(pipeline.path("pipeline_id").asString());
    assertTrue(kfp.v2().pipelines().isEmpty(), "deleted: " + kfp.v2().pipelines());
    Cli unnamed = kfp4j("upload-pipeline");
    assertEquals(0, unnamed.code(), unnamed.toString());
    assertFalse(unnamed.err().contains("--version-name"), unnamed.toString());
    assertEquals("add-example", kfp.v2().versions().get(0).path("name").asString(), "KFP names it, as the pipeline");
    assertTrue(unnamed.out().contains("version: add-example\n"), unnamed.toString());
    assertEquals("/apis/v2beta1/pipelines/upload", kfp.requests().stream().filter(r -> r.method().equals("POST"))
        .map(r -> r.path()).reduce((a, b) -> b).orElseThrow(), "one upload, the pipeline and its first version");
  }

  /**
   * The first version's upload refused after CreatePipeline made the pipeline: the pipeline is deleted again, so no pipeline
   * with no version is left (which list-pipelines would show, and a run of could not start), and the error says so.
   */
  @Test
  void aFirstVersionRefusedLeavesNoEmptyPipeline() {
    kfp.failNextAt("POST", "/apis/v2beta1/pipelines/upload_version", 500, "Internal error: the object store is unavailable");
    Cli failed = kfp4j("upload-pipeline", "--version-name", "release-1");
    assertEquals(3, failed.code(), failed.toString());
    assertTrue(failed.err().contains("the object store is unavailable"), failed.toString());
    assertTrue(failed.err().contains("; pipeline add-example, made for this version, was deleted again: nothing is left on the"
        + " server"), failed.toString());
    assertEquals(List.of(), kfp.v2().pipelines());
    assertEquals(List.of(), kfp.v2().versions());
    assertTrue(kfp.requests().stream().anyMatch(r -> r.method().equals("DELETE") && r.query().getOrDefault("cascade", "").equals("true")),
        kfp.requests().toString());

    Cli retried = kfp4j("upload-pipeline", "--version-name", "release-1");
    assertEquals(0, retried.code(), "nothing in the way of another try: " + retried);
    assertEquals("release-1", kfp.v2().versions().get(0).path("name").asString());
  }

  /** The fake parses an uploaded spec strictly as KFP's messages, from KFP's .proto files in ../shared. */
  @Test
  void theFakeRefusesASpecFieldKfpDoesNotHave() throws Exception {
    dev.kfp4j.testing.Shared.root(dev.kfp4j.testing.Shared.KFP_PROTOS); // which the fake server parses uploaded specs with
    String misspelt = Files.readString(Path.of(CommandsTest.CLASSES, "META-INF/kfp4j/kfp2/pipelines/add-example.yaml"))
        .replace("schemaVersion: 2.1.0", "schemaVersion: 2.1.0\nsdkVersoin: kfp-2.17.0");
    KfpClient client = KfpClient.builder().host(kfp.uri().toString()).apiVersion(KfpClient.ApiVersion.V2BETA1).build();
    KfpException unknown = assertThrows(KfpException.class, () -> client.uploadPipeline("misspelt", null, misspelt));
    assertEquals(400, unknown.status());
    assertTrue(unknown.getMessage().contains("sdkVersoin"), unknown.getMessage());
  }
}
