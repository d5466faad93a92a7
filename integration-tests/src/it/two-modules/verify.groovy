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


def app = new File(basedir, 'app/target/classes/META-INF/kfp4j')
def index = new File(app, 'pipelines.index').text
assert index.contains('"report"') && !index.contains('"prep"') : index
// app's KFP 2 spec holds lib's pipeline as a sub-DAG, and both clean components, the second renamed
def spec = new File(app, 'kfp2/pipelines/report.yaml').text
assert spec.contains('comp-prep:') && spec.contains('comp-clean:') && spec.contains('comp-clean-2:') : spec
assert new File(basedir, 'app/target/app-1.0.jar').isFile()
return true
