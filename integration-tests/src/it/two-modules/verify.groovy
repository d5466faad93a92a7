// app calls lib's pipeline: compiled against lib's classes folder (a reactor's compile), then its jar (package).
def log = new File(basedir, 'build.log').text
assert !log.contains('StalePipeline') : "lib's pipelines index was taken for app's"
assert log.contains('[INFO] prep-clean = 15') : 'the reactor build ran app with lib classes folder'
assert log.contains('[INFO] pipeline output Output = 375') : 'the build with jars ran app from its KFP 2 spec'
assert log.count('[INFO] summarize = 375') == 3 : 'app ran report in each build that names it, the parallel one too'
assert log.contains('kfp4j: skipped: a project of packaging pom compiles no pipelines')
assert log.contains("kfp4j: skipped: this module compiled no pipeline 'report' (kfp4j:run runs in the modules of the build that did)")
assert log.count('[INFO] clean = 7') == 1 : "lib's pipeline ran in the first build alone"
// the local UI, run once at the root: no module compiled 'nope', and the root's own UI, of packaging pom, is not served
assert log.contains("kfp4j:ui failed: no module of the build compiled a pipeline 'nope'")
assert !log.contains('kfp4j UI: http') : 'no module served the local UI'

// The local UI at the root with no phase before it (mvn kfp4j:ui -Dkfp4j.local): it serves app's UI, whose runs run lib's
// components, one of which uses a third-party library (commons-math3, lib's dependency). The build resolved no module's
// dependencies, and a run started from the UI failed with NoClassDefFoundError (of kfp4j's entrypoint, on a class path of
// class outputs alone); the goal resolves app's now. The goal
// serves until stopped, so it runs here, beside the invoker's builds, and is stopped once the run has ended.
def runs = new File(basedir, 'app/.kfp4j/runs')
def link = new File(runs, 'ui.url')
def uiLog = new File(basedir, 'ui.log')
// offline, on the invoker's local repository, which holds all it needs; its files, fetched through the invoker's settings'
// repository, are taken as they are
def command = [new File(System.getProperty('maven.home'), 'bin/mvn').path, '-o', '-B', "-Dmaven.repo.local=$localRepositoryPath",
    '-Daether.enhancedLocalRepository.trackingFilename=kfp4j-untracked']
def ui = new ProcessBuilder((command + ['kfp4j:ui', '-Dkfp4j.local', '-Dkfp4j.port=0'])*.toString()).directory(basedir)
    .redirectErrorStream(true).redirectOutput(uiLog).start()
try {
  while (!link.isFile() && ui.isAlive()) {
    sleep(200)
  }
  assert link.isFile() : "app's local UI was not served:\n" + uiLog.text
  def url = URI.create(link.readLines()[0].strip())
  def http = java.net.http.HttpClient.newHttpClient()
  def started = http.send(java.net.http.HttpRequest.newBuilder(url.resolve('/api/runs')).header('Content-Type', 'application/json')
      .POST(java.net.http.HttpRequest.BodyPublishers.ofString('{"pipeline": "report", "arguments": {}}')).build(),
      java.net.http.HttpResponse.BodyHandlers.ofString())
  assert started.statusCode() == 200 : started.body()
  def record = { -> new File(runs, 'report').listFiles()?.collect { new File(it, 'run.json') }?.find { it.isFile() } }
  def state = { -> def r = record(); r == null ? null : new groovy.json.JsonSlurper().parse(r).state }
  while ((state() == null || state() == 'Running') && ui.isAlive()) {
    sleep(200)
  }
  assert state() == 'Succeeded' : "the run of report from app's UI: ${state()}\n" + (record()?.parentFile?.with { d ->
      d.listFiles().findAll { it.isDirectory() }.collect { new File(it, 'log.txt') }.findAll { it.isFile() }*.text.join('\n') })
  assert uiLog.text.contains('kfp4j: the local UI of module app')
} finally {
  ui.destroy()
  ui.waitFor()
}

def app = new File(basedir, 'app/target/classes/META-INF/kfp4j')
def index = new File(app, 'pipelines.index').text
assert index.contains('"report"') && !index.contains('"prep"') : index
// app's KFP 2 spec holds lib's pipeline as a sub-DAG, and both clean components, the second renamed
def spec = new File(app, 'kfp2/pipelines/report.yaml').text
assert spec.contains('comp-prep:') && spec.contains('comp-clean:') && spec.contains('comp-clean-2:') : spec
assert new File(basedir, 'app/target/app-1.0.jar').isFile()
return true
