package dev.kfp4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real browser (Debian's headless Chromium through chromedriver) over real runs: the
 * add example, a failed run, runs with metrics and artifacts, a run in progress. Each test checks
 * what a person would look at, and leaves a screenshot in {@code target/ui-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Path root;
  private Path shots;
  private LocalUi ui;
  private WebDriver browser;
  private Path browserTemp;
  private RunResult add;
  private RunResult failed;
  private RunResult report;
  private RunResult trainedLong;
  private RunResult evaluated;
  private RunResult trainedShort;
  private RunResult flow;
  private RunResult classified;
  private RunResult loopedConditions;

  @BeforeAll
  void start(@TempDir Path temp) throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      System.out.println("kfp4j: UI browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver)");
    }
    Assumptions.assumeTrue(present, "no chromium");
    Path dir = TestRuns.fresh("ui-browser");
    root = dir.resolve("runs");
    shots = Files.createDirectories(Path.of("target", "ui-screenshots"));
    add = TestRuns.run(root, TestRuns.example("add-example"), Map.of("value1", "3", "value2", "4"));
    failed = TestRuns.run(root, TestRuns.example("training"), Map.of("rows", "1"));
    trainedLong = TestRuns.run(root, TestRuns.example("training"), Map.of("rows", "20", "epochs", "200"));
    trainedShort = TestRuns.run(root, TestRuns.example("training"), Map.of("rows", "20", "epochs", "3"));
    evaluated = TestRuns.run(root, TestRuns.example("evaluation"), Map.of("threshold", "0.5"));
    report = TestRuns.run(root, TestRuns.workflow("dev/kfp4j/ui/ui-report.yaml"), Map.of("title", "Quarterly <i>report</i>"));
    flow = TestRuns.run(root, TestRuns.workflow("META-INF/kfp4j/kfp2/pipelines/control-flow.yaml"), Map.of("numbers", "[1, 2, 3]"));
    classified = TestRuns.run(root, TestRuns.classification(), Map.of());
    loopedConditions = TestRuns.run(root, TestRuns.workflow("META-INF/kfp4j/kfp2/pipelines/tutorial-control-flows.yaml"), Map.of());
    assertTrue(add.succeeded() && trainedLong.succeeded() && evaluated.succeeded() && report.succeeded() && flow.succeeded()
        && classified.succeeded()
        && !failed.succeeded());

    ui = LocalUi.builder().root(root).port(0).pipelines(TestRuns.classes(dir.resolve("classes"), "add-example", "optional-title")).build()
        .start();

    // Chromium puts its profile, crash dumps, caches and the folder of its singleton socket
    // (org.chromium.Chromium.*) in TMPDIR, and leaves that folder behind: all of it goes in the
    // JUnit temp folder, which is deleted after the tests.
    browserTemp = temp;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100",
        "--user-data-dir=" + temp.resolve("profile"), "--crash-dumps-dir=" + temp.resolve("crashes"),
        "--disk-cache-dir=" + temp.resolve("cache"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("TMPDIR", temp.toString())).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void theBrowserKeepsItsFilesInTheTestsTempFolder() throws IOException {
    open("#/");
    waitFor(By.cssSelector("tr[data-run='" + add.runId() + "']"));
    Path socket = Files.readSymbolicLink(browserTemp.resolve("profile").resolve("SingletonSocket"));
    assertTrue(socket.startsWith(browserTemp), "chromium's singleton socket is outside " + browserTemp + ": " + socket);
  }

  @Test
  void runsListShowsEachRunWithItsStateAndArguments() throws IOException {
    open("#/");
    WebElement row = waitFor(By.cssSelector("tr[data-run='" + add.runId() + "']"));
    assertTrue(row.getText().contains("add-example"), row.getText());
    assertEquals("Succeeded", row.findElement(By.cssSelector("[data-state]")).getText());
    assertTrue(row.getText().contains("value1=3") && row.getText().contains("value2=4"), row.getText());
    WebElement bad = browser.findElement(By.cssSelector("tr[data-run='" + failed.runId() + "']"));
    assertEquals("Failed", bad.findElement(By.cssSelector("[data-state]")).getText());
    shot("runs");
  }

  @Test
  void addExampleGraphShowsEveryTaskSucceeded() throws IOException {
    openRun(add);
    for (String task : List.of("add", "subtract", "multiply")) {
      waitUntil(d -> "Succeeded".equals(box(task).getAttribute("data-state")));
    }
    WebElement outputs = selectTask("multiply").findElement(By.cssSelector("table.outputs"));
    assertTrue(outputs.getText().contains("-7"), outputs.getText());
    shot("add-example-run");
  }

  /** A run's page shows the pipeline's own outputs under its arguments; a run without (an Argo workflow's, an older run.json's) no row. */
  @Test
  void aRunsPageShowsThePipelinesOutputs() throws IOException {
    openRun(flow);
    WebElement outputs = waitFor(By.cssSelector("#run-head table.pipeline-outputs"));
    assertEquals(List.of("size medium", "total 14"), outputs.findElements(By.tagName("tr")).stream().map(WebElement::getText).toList());
    shot("pipeline-outputs");
    openRun(add);
    waitFor(By.cssSelector("#run-head [data-state]"));
    assertEquals(List.of(), browser.findElements(By.cssSelector("#run-head table.pipeline-outputs")), "an Argo workflow gives none");
    assertFalse(browser.findElement(By.id("run-head")).getText().contains("Outputs"));
    RunResult older = new RunResult(flow.pipeline(), "older-run", true, TestRuns.withoutOutputs(flow, "older-run"), flow.tasks());
    openRun(older);
    waitUntil(d -> d.findElement(By.cssSelector("#run-head [data-state]")).getText().equals("Succeeded"));
    assertEquals(List.of(), browser.findElements(By.cssSelector("#run-head table.pipeline-outputs")), "a run.json without outputs");
  }

  /** A branch skipped whole is grey, with the steps inside it, the branch that ran not. */
  @Test
  void aSkippedBranchAndItsStepsAreGrey() throws IOException {
    openRun(flow);
    waitUntil(d -> "Succeeded".equals(box("echo-2").getAttribute("data-state")));
    for (String skipped : List.of("echo", "echo-3")) {
      waitUntil(d -> "Skipped".equals(box(skipped).getAttribute("data-state")));
    }
    for (String group : List.of("condition-3", "condition-5")) {
      assertEquals("Skipped", browser.findElement(By.cssSelector("#graph g.group[data-name='" + group + "']")).getAttribute("data-state"));
    }
    assertEquals(null, browser.findElement(By.cssSelector("#graph g.group[data-name='condition-4']")).getAttribute("data-state"));
    shot("skipped-branches");
  }

  /** A loop's iterations are listed in the order of their items, however run.json lists them (cached tasks as they ended). */
  @Test
  void aLoopsIterationsAreListedInTheOrderOfTheirItems() throws IOException {
    RunResult reversed = new RunResult(flow.pipeline(), "reversed-run", true, TestRuns.withIterationsLastFirst(flow, "reversed-run"),
        flow.tasks());
    openRun(reversed);
    waitFor(By.cssSelector("tr[data-task]"));
    List<String> listed = browser.findElements(By.cssSelector("tr[data-task]")).stream().map(r -> r.getAttribute("data-task")).toList();
    List<String> iterations = listed.stream().filter(id -> id.contains("(")).toList();
    assertEquals(3, iterations.size(), listed.toString());
    assertEquals(iterations.stream().sorted().toList(), iterations, "items 0, 1, 2: " + listed);
    List<String> others = listed.stream().filter(id -> !id.contains("(")).toList();
    List<String> asWritten = new java.util.ArrayList<>();
    dev.kfp4j.yaml.Yaml.json().readTree(Files.readString(reversed.runDir().resolve("run.json"))).path("tasks").properties()
        .forEach(t -> asWritten.add(t.getKey()));
    assertEquals(asWritten.stream().filter(id -> !id.contains("(")).toList(), others, "the rest as run.json lists them");
    List<String> written = asWritten.stream().filter(id -> id.contains("(")).toList();
    assertEquals(written.stream().sorted(java.util.Comparator.reverseOrder()).toList(), written, "run.json lists them last first");
  }

  @Test
  void failedRunShowsTheFailedTaskAndItsError() throws IOException {
    openRun(failed);
    waitUntil(d -> "Failed".equals(box("make-data").getAttribute("data-state")));
    assertFalse("Succeeded".equals(box("train").getAttribute("data-state")));
    // the failed task is chosen by itself: its log shows the component's error
    waitUntil(d -> d.findElement(By.id("log")).getText().contains("rows is 1; a line needs 2 points or more"));
    // its exit code once, though its message says it too
    assertEquals("Failed · attempts 1 · exit code 1", browser.findElement(By.cssSelector("#task p")).getText());
    shot("failed-run");
  }

  /**
   * A condition in a loop that one iteration skipped and another ran is not grey (the loop over "heads" and "tails" runs
   * its 'flip-coin-op.Output == item' for one item alone); the skipped iteration's entry shows why, with no exit code, and
   * an empty log that stays empty.
   */
  @Test
  void aConditionSkippedInOneIterationAndRunInAnotherIsNotGrey() throws IOException, InterruptedException {
    openRun(loopedConditions);
    waitUntil(d -> "Failed".equals(box("fail-op").getAttribute("data-state")));
    waitUntil(d -> "Succeeded".equals(box("get-random-int-op").getAttribute("data-state")));
    assertEquals(null, browser.findElement(By.cssSelector("#graph g.group[data-name='condition-4']")).getAttribute("data-state"));
    String skipped = loopedConditions.tasks().stream().map(TaskResult::id).filter(id -> id.matches("for-loop-3\\(\\d\\)/condition-4"))
        .findFirst().orElseThrow();
    waitFor(By.cssSelector("tr[data-task='" + skipped + "'] a")).click();
    waitUntil(d -> d.findElement(By.cssSelector("#task h2")).getText().startsWith("Task for-loop-3("));
    String line = browser.findElement(By.cssSelector("#task p")).getText();
    assertTrue(line.startsWith("Skipped · attempts 0 · condition "), line);
    Thread.sleep(1500);
    assertEquals("", browser.findElement(By.id("log")).getAttribute("textContent"), "no log, and no line ends added as it is read");
    shot("condition-skipped-in-one-iteration");
  }

  @Test
  void metricsAreComparedAcrossRunsOfAPipeline() throws IOException {
    open("#/compare/training");
    waitFor(By.cssSelector("#compare th.metric"));
    assertEquals("train.rmse", browser.findElement(By.cssSelector("#compare th.metric")).getText());
    for (RunResult r : List.of(trainedLong, trainedShort)) {
      String shown = browser.findElement(By.cssSelector("tr[data-run='" + r.runId() + "'] td[data-metric='train.rmse']")).getText();
      assertEquals(Double.parseDouble(r.output("train", "Output")), Double.parseDouble(shown), 1e-9);
    }
    assertTrue(browser.findElement(By.cssSelector("tr[data-run='" + failed.runId() + "'] td[data-metric='train.rmse']")).getText().isEmpty());
    shot("compare-metrics");
  }

  /**
   * The Evaluation example's KFP v1 outputs, as its component wrote them (MlpipelineMetrics,
   * MlpipelineUiMetadata) and the runner recorded them: at threshold 0.5, 7 of 10 right, 4 of 5
   * positives found.
   */
  @Test
  void aTasksMetricsAndVisualizationsAreShown() throws IOException {
    openRun(evaluated);
    WebElement task = selectTask("evaluate");
    String metrics = waitFor(By.cssSelector("#task-info table.metrics")).getText();
    assertTrue(metrics.contains("accuracy") && metrics.contains("0.7") && metrics.contains("recall") && metrics.contains("0.8"), metrics);
    List<WebElement> matrix = waitFor(By.cssSelector("[data-visualization='confusion_matrix'] table")).findElements(By.tagName("tr"));
    assertEquals(List.of("actual \\ predicted no yes", "no 3 2", "yes 1 4"), matrix.stream().map(WebElement::getText).toList());
    assertTrue(task.findElement(By.cssSelector("[data-visualization='table'] table")).getText().startsWith("item score target predicted\n0 0.95 yes yes"));
    assertEquals(10, task.findElement(By.cssSelector("[data-visualization='roc'] polyline")).getAttribute("points").split(" ").length);
    WebElement markdown = task.findElement(By.cssSelector("[data-visualization='markdown'] iframe"));
    browser.switchTo().frame(markdown);
    assertEquals("Evaluation", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElement(By.tagName("body")).getText().contains("accuracy 0.70, recall 0.80 at threshold 0.5"));
    browser.switchTo().defaultContent();
    browser.switchTo().frame(task.findElement(By.cssSelector("[data-visualization='web-app'] iframe")));
    assertEquals("Evaluation", browser.findElement(By.tagName("h1")).getText());
    browser.switchTo().defaultContent();
    shot("metrics-and-visualizations");
  }

  /**
   * KFP 2's classification metrics, as kfp4j's ClassificationMetrics and SlicedClassificationMetrics write them: the
   * confusion matrix as a table, the ROC curve drawn, a sliced one's per slice.
   */
  @Test
  void aKfp2ClassificationMetricsArtifactIsDrawnAsItsMatrixAndCurveAndASlicedOnePerSlice() throws IOException {
    openRun(classified);
    WebElement task = selectTask("classify");
    WebElement cm = waitFor(By.cssSelector("[data-visualization='system.ClassificationMetrics']"));
    assertTrue(cm.getText().startsWith("cm (ClassificationMetrics)"), cm.getText());
    assertEquals(List.of("actual \\ predicted cat dog", "cat 8 2", "dog 1 9"),
        cm.findElements(By.cssSelector("table tr")).stream().map(WebElement::getText).toList());
    assertEquals("0.1,0.5 0.2,0.09999999999999998 0.6,0", cm.findElement(By.cssSelector("svg.roc polyline")).getAttribute("points"));
    assertTrue(task.findElements(By.cssSelector("[data-visualization] pre")).isEmpty(), "no metadata shown as JSON");

    selectTask("slice");
    WebElement sliced = waitFor(By.cssSelector("[data-visualization='system.SlicedClassificationMetrics']"));
    assertTrue(sliced.getText().startsWith("bySlice (SlicedClassificationMetrics)"), sliced.getText());
    WebElement north = sliced.findElement(By.cssSelector("[data-slice='north']"));
    assertEquals(List.of("actual \\ predicted cat dog", "cat 4 1", "dog 0 5"),
        north.findElements(By.cssSelector("table tr")).stream().map(WebElement::getText).toList());
    assertTrue(north.findElements(By.cssSelector("svg.roc")).isEmpty(), "north logged no curve");
    WebElement south = sliced.findElement(By.cssSelector("[data-slice='south']"));
    assertTrue(south.findElements(By.tagName("table")).isEmpty(), "south logged no matrix");
    assertEquals(2, south.findElement(By.cssSelector("svg.roc polyline")).getAttribute("points").split(" ").length);
    shot("classification-metrics");
  }

  @Test
  void artifactsAreRenderedAndLogsAreText() throws IOException {
    openRun(report);
    WebElement task = selectTask("report");
    // the log's markup is text: shown as written, and nothing ran
    waitUntil(d -> d.findElement(By.id("log")).getText().contains("<script>document.title=\"injected\"</script><b>not bold</b>"));
    assertTrue(browser.findElements(By.cssSelector("#log b")).isEmpty());
    assertFalse(browser.getTitle().contains("injected"));
    // the CSV as a table
    WebElement table = waitFor(By.cssSelector("[data-artifact='table'] table.csv"));
    assertEquals("alpha 0.91", table.findElements(By.tagName("tr")).get(1).getText());
    // the image, decoded by the browser
    WebElement image = waitFor(By.cssSelector("[data-artifact='chart'] img"));
    waitUntil(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", image)).intValue() == 8);
    // the binary file offered for download
    assertTrue(waitFor(By.cssSelector("[data-artifact='blob'] a[download]")).getText().startsWith("download"));
    // Markdown rendered, its raw HTML as text
    WebElement notes = waitFor(By.cssSelector("[data-artifact='notes'] iframe"));
    assertEquals("", notes.getAttribute("sandbox"));
    browser.switchTo().frame(notes);
    assertEquals("Notes", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElement(By.tagName("body")).getText().contains("<script>alert(1)</script>"));
    browser.switchTo().defaultContent();
    // the HTML page rendered in a sandboxed frame, the run's argument in it as the step wrote it
    WebElement page = waitFor(By.cssSelector("[data-artifact='page'] iframe"));
    assertEquals("allow-scripts", page.getAttribute("sandbox"));
    browser.switchTo().frame(page);
    assertEquals("Quarterly report", waitFor(By.id("title")).getText());
    assertEquals("report", browser.findElement(By.cssSelector("#title i")).getText());
    browser.switchTo().defaultContent();
    assertTrue(task.isDisplayed());
    shot("artifacts");
  }

  @Test
  void runInProgressUpdatesAsItGoes() throws Exception {
    Path release = root.resolveSibling("release-" + System.nanoTime());
    CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
        () -> TestRuns.run(root, TestRuns.workflow("dev/kfp4j/ui/ui-wait.yaml"), Map.of("release", release.toString())));
    try {
      String runId = waitForRunFolder("ui-wait");
      open("#/run/ui-wait/" + runId);
      waitUntil(d -> "Running".equals(box("wait").getAttribute("data-state")));
      assertEquals("Succeeded", box("first").getAttribute("data-state"));
      selectTask("wait");
      waitUntil(d -> d.findElement(By.id("log")).getText().contains("waiting for " + release));
      shot("run-in-progress");
      Files.writeString(release, "go");
      waitUntil(d -> "Succeeded".equals(box("wait").getAttribute("data-state")));
      waitUntil(d -> d.findElement(By.id("log")).getText().contains("released"));
      waitUntil(d -> d.findElement(By.cssSelector("#run-head [data-state]")).getText().equals("Succeeded"));
      shot("run-finished");
    } finally {
      Files.writeString(release, "go");
      running.get();
    }
  }

  /** The list refreshes every 2 s; rows of runs that ended are left as they are, so what the user reads or clicks stays. */
  @Test
  void rowsOfEndedRunsStayAcrossRefreshes() throws InterruptedException {
    open("#/");
    WebElement row = waitFor(By.cssSelector("tr[data-run='" + add.runId() + "']"));
    Thread.sleep(4500); // two refreshes
    assertTrue(row.getText().contains("add-example"), "the same row, not a redrawn one: " + row.getText());
  }

  @Test
  void anEmptyRunsFolderSaysSoOnce() throws IOException, InterruptedException {
    Path empty = Files.createDirectories(TestRuns.fresh("ui-browser-empty").resolve("runs"));
    try (LocalUi other = LocalUi.builder().root(empty).port(0).build().start()) {
      browser.get(other.url() + "#/");
      waitFor(By.id("runs"));
      Thread.sleep(4500); // two refreshes
      List<WebElement> notes = browser.findElements(By.xpath("//p[contains(., 'No runs yet')]"));
      assertEquals(1, notes.size(), "one note, not one a refresh");
      assertTrue(notes.get(0).isDisplayed());
    }
  }

  /** A runner killed while multiply ran left run.json saying Running: the run, and multiply, show Interrupted, not Running. */
  @Test
  void aRunWhoseRunnerWasKilledShowsInterrupted() throws IOException {
    TestRuns.killedCopy(add, "killed", "multiply");
    open("#/");
    WebElement row = waitFor(By.cssSelector("tr[data-run='killed']"));
    assertEquals("Interrupted", row.findElement(By.cssSelector("[data-state]")).getText());
    open("#/run/add-example/killed");
    waitFor(By.cssSelector("#graph svg"));
    waitUntil(d -> "Interrupted".equals(box("multiply").getAttribute("data-state")));
    assertEquals("Succeeded", box("add").getAttribute("data-state"));
    assertEquals("Interrupted", browser.findElement(By.cssSelector("#run-head [data-state]")).getText());
    assertEquals("", browser.findElement(By.cssSelector("#run-head tr:nth-child(3) td")).getText(), "no duration counted to now");
    shot("run-interrupted");
  }

  /** A long log shows its end; "show earlier text" adds what came before, until the whole log is there. */
  @Test
  void aLongLogShowsItsEndAndEarlierTextOnAsk() throws IOException {
    Path copy = TestRuns.copy(add, "long-log");
    String text = TestRuns.longLog(8000);
    Files.writeString(copy.resolve("add/log.txt"), text);
    open("#/run/add-example/long-log");
    waitFor(By.cssSelector("#graph svg"));
    selectTask("add");
    waitUntil(d -> logText().endsWith("line 7999 €€€€€€€€€€\n"));
    assertFalse(logText().contains("line 0 "), "the first lines are not sent at first");
    WebElement earlier = waitFor(By.id("log-earlier"));
    assertTrue(earlier.isDisplayed() && earlier.getText().startsWith("show earlier text"), earlier.getText());
    shot("log-tail");
    while (earlier.isDisplayed()) {
      String before = logText();
      earlier.click();
      waitUntil(d -> logText().length() > before.length());
    }
    assertEquals(text, logText());
  }

  private String logText() {
    return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.getElementById('log').textContent");
  }

  @Test
  void createRunStartsARunWithTheFormsArguments() throws IOException {
    open("#/new");
    WebElement value1 = waitFor(By.cssSelector("input[data-parameter='value1']"));
    value1.clear();
    value1.sendKeys("10");
    WebElement value2 = browser.findElement(By.cssSelector("input[data-parameter='value2']"));
    value2.clear();
    value2.sendKeys("2");
    shot("create-run");
    browser.findElement(By.cssSelector("#create button")).click();
    waitUntil(d -> d.findElements(By.cssSelector("#runs tr")).stream()
        .anyMatch(r -> r.getText().contains("value1=10, value2=2") && r.getText().contains("Succeeded")));
  }

  /** An optional parameter without a default (KFP 2's isOptional) left empty is left out of the run, not given as "". */
  @Test
  void anOptionalParameterLeftEmptyIsLeftOut() {
    open("#/new");
    new org.openqa.selenium.support.ui.Select(waitFor(By.id("pipeline"))).selectByValue("optional-title");
    WebElement title = waitFor(By.cssSelector("input[data-parameter='title']"));
    assertEquals("optional: left out when empty", title.getAttribute("placeholder"));
    assertEquals("", title.getAttribute("value"));
    browser.findElement(By.cssSelector("#create button")).click();
    waitUntil(d -> d.findElements(By.cssSelector("#runs tr")).stream()
        .anyMatch(r -> r.getText().contains("optional-title") && r.getText().contains("name=Ada") && r.getText().contains("Succeeded")));
    waitUntil(d -> d.findElements(By.cssSelector("#runs tr")).stream().noneMatch(r -> r.getText().startsWith("optional-title")
        && r.getText().contains("title=")));
  }

  // ------------------------------------------------------------------ helpers

  private void open(String fragment) {
    browser.get(ui.url() + fragment);
  }

  private void openRun(RunResult r) {
    open("#/run/" + r.pipeline() + "/" + r.runId());
    waitFor(By.cssSelector("#graph svg"));
  }

  private WebElement box(String task) {
    return browser.findElement(By.cssSelector("#graph g.box[data-name='" + task + "']"));
  }

  /** Clicks the task in the list; its panel. */
  private WebElement selectTask(String task) {
    waitFor(By.cssSelector("tr[data-task='" + task + "'] a")).click();
    waitUntil(d -> d.findElement(By.cssSelector("#task h2")).getText().equals("Task " + task));
    return waitFor(By.id("task-info"));
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(by));
  }

  /** Waits for {@code condition}, looking again when the page redrew what it was reading (it refreshes while runs go). */
  private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private String waitForRunFolder(String pipeline) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
      try (Stream<Path> runs = Files.list(root.resolve(pipeline))) {
        return runs.filter(r -> Files.exists(r.resolve("run.json"))).map(r -> r.getFileName().toString()).findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
  }

  private void shot(String name) throws IOException {
    File f = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
