package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.testing.server.FakeArgoServer;
import dev.kfp4j.testing.server.FakeKfpServer;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * upload-pipeline, run-once, schedule and the list commands end to end, against a KFP API server
 * on loopback that keeps what is created, and run-once and schedule against an Argo Server.
 */
class ClusterCommandsTest {
  @TempDir
  Path dir;

  FakeKfpServer kfp;
  Path config;

  @BeforeEach
  void start() throws Exception {
    kfp = FakeKfpServer.start();
    kfp.requireBearer("t0ken-s3cret");
    config = dir.resolve("kfp4j.yaml");
    Files.writeString(config, """
        host: %s
        auth:
          token: t0ken-s3cret
        run_config:
          image: registry.example.com/calc:2.0
          experiment_name: Calc
          run_name: nightly calc
          ttl: 3600
          resources:
            __default__: {cpu: 100m}
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

  @Test
  void runOnceUploadsRunsAndWaitsThenASecondRunIsANewVersion() {
    Cli r = kfp4j("run-once", "-a", "value1=5", "--wait", "--timeout", "30");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("state: SUCCEEDED"), r.toString());
    assertTrue(r.out().contains("url: " + kfp.uri() + "/#/runs/details/"), r.toString());

    JsonNode experiment = kfp.experiments().get(0);
    assertEquals("Calc", experiment.path("name").asString());
    JsonNode pipeline = kfp.pipelines().get(0);
    assertEquals("add-example", pipeline.path("name").asString());
    JsonNode run = kfp.runs().get(0);
    assertEquals("nightly calc", run.path("name").asString());
    assertEquals("[{\"name\":\"value1\",\"value\":\"5\"}]", run.at("/pipeline_spec/parameters").toString());
    assertEquals(experiment.path("id").asString(), reference(run, "EXPERIMENT"));
    String version = reference(run, "PIPELINE_VERSION");
    String uploaded = kfp.template(version);
    assertTrue(uploaded.contains("image: registry.example.com/calc:2.0"), "the config's image on the Java steps");
    assertEquals(3600, Yaml.read(uploaded).at("/spec/ttlStrategy/secondsAfterCompletion").asInt());

    Cli again = kfp4j("run-once", "--no-wait");
    assertEquals(0, again.code(), again.toString());
    assertEquals(1, kfp.pipelines().size(), "the same pipeline");
    assertEquals(2, kfp.versions().size(), "a new version of it");
    assertEquals(1, kfp.experiments().size(), "the experiment is reused");
    assertEquals(2, kfp.runs().size());
    assertTrue(kfp.requests().stream().allMatch(q -> "Bearer t0ken-s3cret".equals(q.headers().get("authorization"))));
    ArgoSchemas.assertValid(uploaded, "the uploaded workflow");
  }

  @Test
  void aFailedRunIsExitCode1AndARunStillGoingIs4() {
    kfp.runsEndAs("Failed");
    Cli failed = kfp4j("run-once", "--wait");
    assertEquals(1, failed.code(), failed.toString());
    assertTrue(failed.out().contains("state: FAILED"), failed.toString());
    kfp.runsEndAs(null);
    Cli going = kfp4j("run-once", "--wait", "--timeout", "1");
    assertEquals(4, going.code(), going.toString());
    assertTrue(going.err().contains("goes on on the server"), going.toString());
  }

  @Test
  void anUndeclaredArgumentOrABadCronSendsNothing() {
    Cli arg = kfp4j("run-once", "-a", "value3=1");
    assertEquals(2, arg.code(), arg.toString());
    assertTrue(arg.err().contains("has no parameter 'value3'"), arg.toString());
    Cli cron = kfp4j("schedule", "--cron-expression", "0 4 * * *");
    assertEquals(2, cron.code(), cron.toString());
    assertTrue(cron.err().contains("has 5 fields; KFP's cron has 6"), cron.toString());
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }

  /** Numbers out of range are usage errors before anything is sent (they went to the server, or -1 was taken for 3600). */
  @Test
  void aMaxConcurrencyOrATimeoutOutOfRangeSendsNothing() {
    for (String n : List.of("0", "11", "-5")) {
      Cli r = kfp4j("schedule", "--every", "1h", "--max-concurrency", n);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("--max-concurrency is " + n + "; give 1 to 10"), r.toString());
      assertTrue(r.err().contains("kfp4j schedule ["), "the usage line: " + r);
    }
    for (String t : List.of("0", "-1")) {
      Cli r = kfp4j("run-once", "--wait", "--timeout", t);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("--timeout is " + t + "; give 1 or more seconds"), r.toString());
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }

  /** A number option given no number says what to write, not the Java type picocli wanted ("'ten' is not a long"). */
  @Test
  void aNumberOptionGivenNoNumberIsExitCode2SayingToGiveAWholeNumber() {
    Cli timeout = kfp4j("run-once", "--wait", "--timeout", "ten");
    assertEquals(2, timeout.code(), timeout.toString());
    assertTrue(timeout.err().startsWith("kfp4j: error: --timeout is 'ten'; give a whole number\n"), timeout.toString());
    assertTrue(timeout.err().contains("kfp4j run-once ["), "the usage line: " + timeout);
    Cli concurrency = kfp4j("schedule", "--every", "1h", "--max-concurrency", "2.5");
    assertEquals(2, concurrency.code(), concurrency.toString());
    assertTrue(concurrency.err().startsWith("kfp4j: error: --max-concurrency is '2.5'; give a whole number\n"), concurrency.toString());
    Cli limit = Cli.run("list-runs", "--config", config.toString(), "--limit", "99999999999");
    assertEquals(2, limit.code(), limit.toString());
    assertTrue(limit.err().startsWith("kfp4j: error: --limit is '99999999999'; give a whole number up to 2147483647\n"), limit.toString());
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }

  @Test
  void aComponentCompiledWithoutAnImageTakesTheConfigsOrTheClusterCommandsSayWhatIsMissing() throws Exception {
    // add-example as compiled without -Akfp4j.image: it runs locally, and a cluster needs run_config.image
    Path compiled = dir.resolve("no-image.yaml");
    Files.writeString(compiled, Files.readString(OverlayTest.ADD).replaceAll("ghcr\\.io/kfp4j/kfp4j-examples:[\\w.-]+", "kfp4j.invalid/no-image"));
    Cli local = Cli.run("run", "-p", compiled.toString(), "--classes", CommandsTest.CLASSES, "--root", dir.resolve("runs").toString());
    assertEquals(0, local.code(), local.toString());
    assertTrue(local.out().contains("multiply = -7"), local.toString());

    Files.writeString(config, Files.readString(config).replace("  image: registry.example.com/calc:2.0\n", ""));
    for (Cli r : SendingCommands.run(config, compiled)) {
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("kfp4j: error: components 'add', 'multiply', 'subtract' have no image, which a cluster needs: "
          + "build and push an image of this project and name it in run_config.image of the config file (or compile with "
          + "-Akfp4j.image=registry/repo:tag, or set @Component(image = ...))"), r.toString());
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Files.writeString(config, Files.readString(config).replace("run_config:\n", "run_config:\n  image: registry.example.com/calc:3.0\n"));
    Cli r = Cli.run("upload-pipeline", "--config", config.toString(), "-p", compiled.toString());
    assertEquals(0, r.code(), r.toString());
    String uploaded = kfp.template(kfp.versions().get(0).path("id").asString());
    assertFalse(uploaded.contains("kfp4j.invalid"), uploaded);
    assertTrue(uploaded.contains("image: registry.example.com/calc:3.0"), uploaded);
  }

  @Test
  void aHandEditOfATemplateKfp4jWroteThatItWouldNotWriteAgainSendsNothing() throws Exception {
    // add-example as compiled, edited by hand so that, written again, the workflow would lose the edit: a podSpecPatch on
    // template 'add', template 'subtract' renamed (and its task's reference), a template no task runs
    String add = Files.readString(OverlayTest.ADD);
    Path edited = dir.resolve("edited.yaml");
    List<String[]> edits = List.of(
        new String[] {add.replace("  - name: add\n", "  - name: add\n    podSpecPatch: '{}'\n"), "template 'add' (written by kfp4j)"
            + " uses 'podSpecPatch', which kfp4j's model does not carry: the workflow written again would lose it."},
        new String[] {add.replace("  - name: subtract\n", "  - name: minus\n").replace("template: subtract,", "template: minus,"),
            "template 'minus' (written by kfp4j) is named 'minus', which kfp4j writes again as 'subtract', after its component"
            + " 'subtract': the workflow written again would lose the name."},
        new String[] {add.replace("  - name: multiply\n", "  - name: extra\n    container: {image: alpine}\n  - name: multiply\n"),
            "template 'extra' is run by no task the workflow runs (from its entrypoint 'add-example'), which kfp4j does not carry"});
    for (String[] edit : edits) {
      Files.writeString(edited, edit[0]);
      for (Cli r : SendingCommands.run(config, edited)) {
        assertEquals(2, r.code(), r.toString());
        String said = r.err().lines().findFirst().orElse(""); // one line, then the command's usage
        assertTrue(said.startsWith("kfp4j: error: " + edited + ": " + edit[1]) && said.endsWith(" Argo's own tools"), r.toString());
      }
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }

  @Test
  void whenTheRunFailsAfterTheUploadTheErrorSaysWhatExists() {
    Cli first = kfp4j("upload-pipeline", "--version-name", "v1");
    assertEquals(0, first.code(), first.toString());
    kfp.failNextAt("POST", "/apis/v1beta1/runs", 500, "database is down");
    Cli r = kfp4j("run-once");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().matches("(?s).*uploaded pipeline 'add-example' version 'add-example-\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{8}' \\(id version-\\d+\\), "
        + "but the run was not created: POST /apis/v1beta1/runs answered 500: database is down.*"), r.toString());
    assertEquals(2, kfp.versions().size());
    assertTrue(kfp.runs().isEmpty());
  }

  /**
   * A server's error may quote a run's argument: one that may be a credential (a URL with a password, a value under a name such
   * as {@code db_password}) is hidden in the error, as the credentials sent are; others are shown as the server said them.
   */
  @Test
  void aServerErrorQuotingAnArgumentThatMayBeACredentialHidesIt() {
    for (String[] given : List.of(new String[] {"name=postgres://alice:Wq9pass@db", "postgres://alice:Wq9pass@db"},
        new String[] {"greeting=hi Wq9pass", "hi Wq9pass"})) {
      kfp.failNextAt("POST", "/apis/v1beta1/runs", 400, "invalid value " + given[1]);
      Cli r = Cli.run("run-once", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "greet", "-a", given[0],
          "-a", given[0].startsWith("name") ? "greeting=hi" : "name=db");
      assertEquals(3, r.code(), r.toString());
      if (given[0].startsWith("name")) {
        assertTrue(r.err().contains("answered 400: invalid value ***"), r.toString());
        assertFalse(r.err().contains("Wq9pass") || r.out().contains("Wq9pass"), r.toString());
      } else {
        assertTrue(r.err().contains("answered 400: invalid value hi Wq9pass"), "no credential by its name or form: " + r);
      }
    }
  }

  /**
   * Two uploads in one second clashed (KFP refuses a second version of one name in a pipeline): a version was named, by
   * default, the pipeline and the UTC time to the second. Now the time is to the millisecond and the file's hash follows.
   */
  @Test
  void uploadsInARowAreNewVersionsNamedByTheTimeAndTheFile() throws Exception {
    Cli first = kfp4j("upload-pipeline");
    assertEquals(0, first.code(), first.toString());
    Cli second = kfp4j("upload-pipeline");
    assertEquals(0, second.code(), second.toString());
    Files.writeString(config, Files.readString(config).replace("calc:2.0", "calc:2.1"));
    Cli third = kfp4j("upload-pipeline");
    assertEquals(0, third.code(), third.toString());

    assertEquals(1, kfp.pipelines().size());
    assertEquals(3, kfp.versions().size(), "the pipeline's first version, then two more");
    String form = "add-example-\\d{8}-\\d{6}-\\d{3}-([0-9a-f]{8})";
    String a = kfp.versions().get(1).path("name").asString();
    String b = kfp.versions().get(2).path("name").asString();
    assertTrue(a.matches(form), a);
    assertTrue(b.matches(form), b);
    assertTrue(second.out().contains(a), second.toString());
    assertTrue(third.out().contains(b), third.toString());
    assertEquals(a.substring(a.length() - 8), VersionNames.of("x", java.time.Instant.EPOCH,
        kfp.template(kfp.versions().get(1).path("id").asString())).substring(22), "the hash of the file uploaded");
    assertFalse(a.substring(a.length() - 8).equals(b.substring(b.length() - 8)), "another file, another hash: " + a + ", " + b);
  }

  /**
   * A --version-name over the 127 characters KFP takes in a version's name (validation/length.go) was uploaded and then
   * refused by the server; an empty one made a version named after the file (".yaml"). Now both are usage errors before
   * anything is sent; 127 characters still go.
   */
  @Test
  void aVersionNameKfpWouldRefuseIsAUsageErrorBeforeAnythingIsSent() {
    Cli tooLong = kfp4j("upload-pipeline", "--version-name", "v".repeat(128));
    assertEquals(2, tooLong.code(), tooLong.toString());
    assertTrue(tooLong.err().contains("kfp4j: error: --version-name is 128 characters long; KFP takes at most 127 in a version's"
        + " name"), tooLong.toString());
    assertTrue(tooLong.err().contains("kfp4j upload-pipeline ["), "the usage line: " + tooLong);
    Cli wide = kfp4j("upload-pipeline", "--version-name", "\u00e9".repeat(64)); // 64 characters, 128 bytes, as Go's len counts
    assertEquals(2, wide.code(), wide.toString());
    assertTrue(wide.err().contains("--version-name is 64 characters long, 128 bytes in UTF-8; KFP takes at most 127 bytes"),
        wide.toString());
    for (String blank : List.of("", " ")) {
      Cli r = kfp4j("upload-pipeline", "--version-name", blank);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("--version-name is " + (blank.isEmpty() ? "empty" : "blank") + "; give the version a name"),
          r.toString());
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Cli first = kfp4j("upload-pipeline", "--version-name", "v1");
    assertEquals(0, first.code(), "the pipeline, then a version of it: " + first);
    String named = kfp.versions().get(0).path("name").asString();
    assertTrue(first.err().contains("kfp4j: --version-name v1 is not this upload's: KFP's v1beta1 API names a new pipeline's first"
        + " version itself ('" + named + "'); the name is taken by a version uploaded later, and by the first with api_version"
        + " v2beta1"), "a name given is not dropped unsaid: " + first);
    assertTrue(first.out().contains("version: " + named + "\n"), first.toString());
    String longest = "v".repeat(127);
    Cli fits = kfp4j("upload-pipeline", "--version-name", longest);
    assertEquals(0, fits.code(), fits.toString());
    assertEquals(longest, kfp.versions().get(1).path("name").asString());
  }

  /**
   * A wait the server breaks off (one 503 while the run goes on) said only "GET /apis/v1beta1/runs/run-8 answered 503: busy;
   * ... try again", with nothing on standard output: the run and its page were not named, and trying again started another.
   */
  @Test
  void aWaitThatFailsNamesTheRunThatGoesOn() {
    Cli first = kfp4j("run-once");
    assertEquals(0, first.code(), first.toString());
    int made = Integer.parseInt(first.out().replaceAll("(?s).*run_id: run-(\\d+).*", "$1"));
    String next = "run-" + (made + 2); // the store numbers what it makes: the new version, then the run
    kfp.failNextAt("GET", "/apis/v1beta1/runs/" + next, 503, "busy");
    Cli r = kfp4j("run-once", "--wait");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.out().contains("run_id: " + next + "\n") && r.out().contains("url: " + kfp.uri() + "/#/runs/details/" + next),
        "what was made is printed: " + r);
    assertTrue(r.err().contains("kfp4j: error: run " + next + " goes on on the server, but waiting for it failed ('kfp4j runs get "
        + next + "' shows it): GET /apis/v1beta1/runs/" + next + " answered 503: busy"), r.toString());
    assertEquals(2, kfp.runs().size(), "one run made by each command");

    try (FakeArgoServer argo = FakeArgoServer.start()) {
      Cli submitted = kfp4j("run-once", "--argo", "--argo-server", argo.uri().toString(), "-n", "team");
      assertEquals(0, submitted.code(), submitted.toString());
      int n = Integer.parseInt(submitted.out().replaceAll("(?s).*workflow: add-example-(\\d+).*", "$1"));
      String workflow = "add-example-" + (n + 1);
      argo.failNextAt("GET", "/api/v1/workflows/team/" + workflow, 503, "busy");
      Cli w = kfp4j("run-once", "--argo", "--argo-server", argo.uri().toString(), "-n", "team", "--wait");
      assertEquals(3, w.code(), w.toString());
      assertTrue(w.out().contains("workflow: " + workflow + "\n"), "what was made is printed: " + w);
      assertTrue(w.err().contains("kfp4j: error: workflow team/" + workflow + " goes on on the server, but waiting for it failed: GET "
          + "/api/v1/workflows/team/" + workflow + " answered 503"), w.toString());
    }
  }

  /**
   * An Argo Server that refuses the token: the advice names the Argo Server's ways in (ARGO_TOKEN, the config's token), not
   * KFP's (cookies, IAP), and shows no token.
   */
  @Test
  void anArgoServerRefusingTheTokenSaysHowToGiveArgoOne() {
    try (FakeArgoServer argo = FakeArgoServer.start()) {
      argo.requireBearer("the-argo-token");
      Cli r = kfp4j("run-once", "--argo", "--argo-server", argo.uri().toString(), "-n", "team");
      assertEquals(3, r.code(), r.toString());
      assertTrue(r.err().contains(" answered 401: Unauthenticated: no valid credential; check the Argo Server's credentials "
          + "(ARGO_TOKEN, as the argo CLI takes it: 'Bearer <token>', such as 'argo auth token' prints, or 'Basic ...'; or the "
          + "token in the config file, auth.token) and the namespace"), r.toString());
      assertFalse(r.err().contains("cookies") || r.err().contains("IAP") || r.err().contains("t0ken-s3cret")
          || r.out().contains("t0ken-s3cret"), r.toString());
      assertTrue(argo.workflows().isEmpty(), "nothing submitted");
    }
  }

  @Test
  void scheduleNeedsAnUploadedPipelineThenMakesARecurringRunOfItsLatestVersion() {
    Cli none = kfp4j("schedule", "--cron-expression", "0 0 4 * * *");
    assertEquals(3, none.code(), none.toString());
    assertTrue(none.err().contains("no pipeline 'add-example' on " + kfp.uri() + "; upload it first: kfp4j upload-pipeline"), none.toString());

    assertEquals(0, kfp4j("upload-pipeline", "--version-name", "v1").code());
    assertEquals(0, kfp4j("upload-pipeline", "--version-name", "v2").code());
    Cli r = kfp4j("schedule", "--cron-expression", "0 0 4 * * *", "-a", "value2=9", "--max-concurrency", "2", "--no-catchup", "-o", "json");
    assertEquals(0, r.code(), r.toString());
    JsonNode printed = Yaml.json().readTree(r.out());
    JsonNode job = kfp.jobs().get(0);
    assertEquals(printed.path("recurring_run_id").asString(), job.path("id").asString());
    assertEquals("0 0 4 * * *", job.at("/trigger/cron_schedule/cron").asString());
    assertEquals("2", job.path("max_concurrency").asString());
    assertTrue(job.path("no_catchup").asBoolean());
    assertTrue(job.path("enabled").asBoolean());
    String latest = kfp.versions().get(1).path("id").asString();
    assertEquals("v2", kfp.versions().get(1).path("name").asString());
    assertEquals(latest, reference(job, "PIPELINE_VERSION"), "the latest version");
    assertEquals(kfp.experiments().get(0).path("id").asString(), reference(job, "EXPERIMENT"));
    assertEquals("[{\"name\":\"value2\",\"value\":\"9\"}]", job.at("/pipeline_spec/parameters").toString());

    Cli every = kfp4j("schedule", "--every", "2h", "--disabled", "--upload");
    assertEquals(0, every.code(), every.toString());
    JsonNode second = kfp.jobs().get(1);
    assertEquals("7200", second.at("/trigger/periodic_schedule/interval_second").asString());
    assertFalse(second.path("enabled").asBoolean());
    assertEquals(3, kfp.versions().size(), "--upload made a version first");

    // longer than Duration.toNanos reaches (292 years): the interval went as seconds, it was "unexpected ArithmeticException" (exit 5)
    for (String longest : List.of("99999999999999h", "P9999999999D")) {
      Cli centuries = kfp4j("schedule", "--every", longest);
      assertEquals(0, centuries.code(), centuries.toString());
    }
    assertEquals(String.valueOf(99_999_999_999_999L * 3600),
        kfp.jobs().get(2).at("/trigger/periodic_schedule/interval_second").asString());
    assertEquals(String.valueOf(9_999_999_999L * 86_400), kfp.jobs().get(3).at("/trigger/periodic_schedule/interval_second").asString());
  }

  /** A number too long for a long was "For input string: ..." (Java's words); it is not a duration, as other bad text is. */
  @Test
  void anEveryOfTooManyDigitsIsNotADuration() {
    for (String every : List.of("9999999999999999999999s", "999999999999999999d", "1y", "-5m")) {
      Cli r = kfp4j("schedule", "--every", every);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: --every '" + every + "' is not a duration; write 30s, 15m, 1h, 1d or an ISO-8601"),
          r.toString());
      assertTrue(r.err().contains("kfp4j schedule ["), "the usage line: " + r);
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }

  /**
   * A KFP v1 run's caching set as KFP v1's cache reads it, in the workflow uploaded with the run: {@code max_cache_staleness: P0D}
   * on every pod's template, as kfp4j writes {@code caching(false)}, or none; on an Argo Server, which caches nothing, a usage error.
   */
  @Test
  void noCacheOrCacheSetsEveryPodsMaxCacheStalenessInTheWorkflowUploaded() {
    Cli off = kfp4j("run-once", "--no-cache");
    assertEquals(0, off.code(), off.toString());
    Cli on = Cli.run("run-once", "--cache", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "caching-pipeline3");
    assertEquals(0, on.code(), on.toString());
    Cli compiled = Cli.run("upload-pipeline", "--config", config.toString(), "--classes", CommandsTest.CLASSES, "-p", "caching-pipeline3");
    assertEquals(0, compiled.code(), compiled.toString());
    List<String> staleness = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      JsonNode w = Yaml.read(kfp.template(kfp.versions().get(v).path("id").asString()));
      for (JsonNode t : w.at("/spec/templates")) {
        if (t.has("container")) {
          staleness.add(v + " " + t.path("name").asString() + " "
              + t.at("/metadata/annotations").path("pipelines.kubeflow.org/max_cache_staleness").asString("none"));
        }
      }
    }
    assertEquals(List.of("0 add P0D", "0 subtract P0D", "0 multiply P0D", "1 do-work-op none", "2 do-work-op P0D"), staleness,
        "add-example off for the run; caching-pipeline3 on for the run, compiled off");
    Cli argo = kfp4j("run-once", "--argo", "--argo-server", "http://127.0.0.1:1", "--no-cache");
    assertEquals(2, argo.code(), argo.toString());
    assertTrue(argo.err().contains("--no-cache is KFP's: an Argo Server runs every task, caching none"), argo.toString());
  }

  @Test
  void listsAsATableAndAsJson() {
    assertEquals(0, kfp4j("run-once").code());
    Cli table = Cli.run("list-pipelines", "--config", config.toString());
    assertEquals(0, table.code(), table.toString());
    assertTrue(table.out().startsWith("NAME"), table.toString());
    assertTrue(table.out().contains("add-example"), table.toString());
    Cli runs = Cli.run("list-runs", "--config", config.toString(), "--experiment", "Calc", "-o", "json");
    assertEquals(0, runs.code(), runs.toString());
    JsonNode list = Yaml.json().readTree(runs.out());
    assertEquals(1, list.size());
    assertEquals("nightly calc", list.get(0).path("name").asString());
    Cli unknown = Cli.run("list-runs", "--config", config.toString(), "--experiment", "Nope");
    assertEquals(3, unknown.code());
    assertTrue(unknown.err().contains("no experiment 'Nope'"), unknown.toString());
    Cli ui = Cli.run("ui", "--config", config.toString(), "--run", "run-7");
    assertEquals(kfp.uri() + "/#/runs/details/run-7", ui.out().strip());
    assertEquals(kfp.uri() + "/#/pipelines", Cli.run("ui", "--config", config.toString()).out().strip());
  }

  @Test
  void aWrongTokenIsExitCode3AndTheTokenIsNotShown() throws Exception {
    Files.writeString(config, Files.readString(config).replace("token: t0ken-s3cret", "token: wrong-t0ken-xyz"));
    Cli r = kfp4j("upload-pipeline", "-v");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("answered 401"), r.toString());
    assertFalse(r.toString().contains("wrong-t0ken-xyz"), r.toString());
  }

  @Test
  void onArgoRunOnceSubmitsAndWatchesAndScheduleMakesACronWorkflow() {
    try (FakeArgoServer argo = FakeArgoServer.start()) {
      Cli r = kfp4j("run-once", "--argo", "--argo-server", argo.uri().toString(), "-n", "team", "-a", "value1=8", "--wait");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("state: SUCCEEDED"), r.toString());
      JsonNode w = argo.workflows().values().iterator().next();
      assertEquals("team", w.at("/metadata/namespace").asString());
      assertTrue(w.at("/metadata/name").asString().startsWith("add-example-"));
      assertEquals("8", w.at("/spec/arguments/parameters/0/value").asString());
      assertEquals("registry.example.com/calc:2.0", w.at("/spec/templates/1/container/image").asString());

      argo.workflowsEndAs("Failed");
      assertEquals(1, kfp4j("run-once", "--argo", "--argo-server", argo.uri().toString(), "--wait").code());

      Cli s = kfp4j("schedule", "--argo", "--argo-server", argo.uri().toString(), "-n", "team", "--cron-expression", "0 30 4 * * *");
      assertEquals(0, s.code(), s.toString());
      JsonNode cron = argo.cronWorkflows().get("team/add-example");
      assertEquals("30 4 * * *", cron.at("/spec/schedule").asString(), "Argo 3.3 takes one schedule, in 5 fields");
      assertEquals("Forbid", cron.at("/spec/concurrencyPolicy").asString());
      Cli hourly = kfp4j("schedule", "--argo", "--argo-server", argo.uri().toString(), "-n", "team", "--every", "1h", "-r", "hourly");
      assertEquals(0, hourly.code(), hourly.toString());
      assertEquals("0 */1 * * *", argo.cronWorkflows().get("team/hourly").at("/spec/schedule").asString());
      Cli seconds = kfp4j("schedule", "--argo", "--argo-server", argo.uri().toString(), "--cron-expression", "30 0 4 * * *");
      assertEquals(2, seconds.code(), seconds.toString());
      assertTrue(seconds.err().contains("seconds field must be 0"), seconds.toString());
    }
  }

  @Test
  void argoOnACommandThatTalksToKfpIsAUsageErrorNotIgnored() {
    for (String[] command : new String[][] {{"list-runs"}, {"list-pipelines"}, {"ui"}, {"runs", "list"}, {"experiments", "list"}}) {
      List<String> args = new ArrayList<>(Arrays.asList(command));
      args.addAll(List.of("--argo", "--argo-server", "http://127.0.0.1:1", "--host", "http://127.0.0.1:1"));
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("Unknown options: '--argo', '--argo-server'"), r.toString());
      Cli help = Cli.run(Stream.concat(Arrays.stream(command), Stream.of("--help")).toArray(String[]::new));
      assertFalse(help.out().contains("--argo"), help.toString()); // the help lists only what the command takes
    }
    Cli upload = Cli.run("upload-pipeline", "--argo", "--host", "http://127.0.0.1:1");
    assertEquals(2, upload.code(), upload.toString());
    assertTrue(upload.err().contains("an Argo Server keeps no pipelines"), upload.toString());
    assertFalse(Cli.run("upload-pipeline", "--help").out().contains("--argo"));
    assertTrue(Cli.run("run-once", "--help").out().contains("--argo-server"));
  }

  @Test
  void aCronArgoCannotTakeIsAUsageErrorBeforeTheArgoServerIsAsked() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed: nothing answers there
    }
    Cli seconds = kfp4j("schedule", "--argo", "--argo-server", "http://127.0.0.1:" + port, "--cron-expression", "30 0 4 * * *");
    assertEquals(2, seconds.code(), "a usage error, said before anything is sent: " + seconds);
    assertTrue(seconds.err().contains("seconds field must be 0"), seconds.toString());
  }

  /** What only KFP has, an experiment and (for run-once) a run's name, given with --argo is a usage error, not dropped unsaid. */
  @Test
  void anExperimentOrARunNameWithArgoIsAUsageErrorNotDropped() {
    try (FakeArgoServer argo = FakeArgoServer.start()) {
      for (List<String> command : List.of(List.of("run-once"), List.of("schedule", "--every", "1h"))) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--argo", "--argo-server", argo.uri().toString(), "-e", "nightly"));
        Cli r = kfp4j(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("kfp4j: error: -e/--experiment is KFP's: an Argo Server has no experiments; leave it out "
            + "with --argo, or run on KFP\n"), r.toString());
      }
      Cli named = kfp4j("run-once", "--argo", "--argo-server", argo.uri().toString(), "-r", "my run");
      assertEquals(2, named.code(), named.toString());
      assertTrue(named.err().startsWith("kfp4j: error: -r/--run-name is KFP's: an Argo Server names the workflow itself"), named.toString());
      assertTrue(argo.requests().isEmpty(), "nothing was sent: " + argo.requests());
    }
  }

  /** A CronWorkflow's name Kubernetes or Argo would refuse is a usage error saying what it takes, before the Argo Server is asked. */
  @Test
  void aCronWorkflowNameArgoCannotTakeIsAUsageErrorBeforeTheArgoServerIsAsked() throws Exception {
    try (FakeArgoServer argo = FakeArgoServer.start()) {
      Cli spaced = kfp4j("schedule", "--argo", "--argo-server", argo.uri().toString(), "--every", "1h", "-r", "Nightly Run");
      assertEquals(2, spaced.code(), spaced.toString());
      assertTrue(spaced.err().startsWith("kfp4j: error: -r/--run-name 'Nightly Run' cannot name a CronWorkflow: Kubernetes takes "
          + "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit\n"), spaced.toString());
      String long53 = "n".repeat(53);
      Cli tooLong = kfp4j("schedule", "--argo", "--argo-server", argo.uri().toString(), "--every", "1h", "-r", long53);
      assertEquals(2, tooLong.code(), tooLong.toString());
      assertTrue(tooLong.err().contains("'" + long53 + "' cannot name a CronWorkflow: it is 53 characters long, and Argo takes at "
          + "most 52"), tooLong.toString());
      assertTrue(argo.requests().isEmpty(), "nothing was sent: " + argo.requests());
      Cli longest = kfp4j("schedule", "--argo", "--argo-server", argo.uri().toString(), "--every", "1h", "-r", "n".repeat(52));
      assertEquals(0, longest.code(), longest.toString());
    }
  }

  /**
   * A KFP host without its scheme, from --host, the config file or KF_PIPELINES_ENDPOINT, is a usage error saying to write it,
   * as init's: it was taken as http://, so the token went in clear text to a host the user may have meant as https.
   */
  @Test
  void aHostWithoutItsSchemeIsAUsageErrorNotTakenAsHttp() throws Exception {
    String bare = kfp.uri().toString().substring("http://".length());
    String write = " needs its scheme: write https://" + bare + ", or http://" + bare + " for a server without TLS\n";
    Cli option = Cli.run("list-pipelines", "--config", config.toString(), "--host", bare);
    assertEquals(2, option.code(), option.toString());
    assertTrue(option.err().startsWith("kfp4j: error: host '" + bare + "' (--host)" + write), option.toString());
    assertTrue(option.err().contains("kfp4j list-pipelines ["), "the usage line: " + option);
    Files.writeString(config, Files.readString(config).replace("host: " + kfp.uri(), "host: " + bare));
    Cli file = kfp4j("run-once");
    assertEquals(2, file.code(), file.toString());
    assertTrue(file.err().startsWith("kfp4j: error: host '" + bare + "' (host in " + config + ")" + write), file.toString());
    assertTrue(file.err().contains("kfp4j run-once ["), "the usage line: " + file);
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")); // no kfp4j.yaml there
    ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Kfp4j.class.getName(), "experiments", "list"))
        .directory(elsewhere.toFile()).redirectErrorStream(true);
    pb.environment().put("KF_PIPELINES_ENDPOINT", bare);
    Process p = pb.start();
    String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(2, p.exitValue(), said);
    assertTrue(said.startsWith("kfp4j: error: host '" + bare + "' (KF_PIPELINES_ENDPOINT)" + write), said);
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());

    Cli upper = Cli.run("list-pipelines", "--config", config.toString(), "--host", "HTTP://" + bare);
    assertEquals(0, upper.code(), "a scheme in capitals is one: " + upper);
  }

  private static String reference(JsonNode n, String type) {
    for (JsonNode r : n.path("resource_references")) {
      if (type.equals(r.at("/key/type").asString())) {
        return r.at("/key/id").asString();
      }
    }
    return null;
  }
}
