// The separate project compiled against the installed kfp4j artifacts only.
def classes = new File(basedir, 'target/classes')
['add', 'subtract', 'multiply'].each { name ->
  def yaml = new File(classes, "META-INF/kfp4j/components/${name}.yaml")
  assert yaml.isFile() : "missing component YAML ${yaml}"
  assert yaml.text.contains("name: ${name}\n")
  assert yaml.text.contains('- org.acme.CalcEntrypoint')
  assert yaml.text.contains('image: registry.example.com/acme/add-example:1.0')
}
// KFP 2's files too, by default: each component's component file, the pipeline's spec
['add', 'subtract', 'multiply'].each { name ->
  def kfp2 = new File(classes, "META-INF/kfp4j/kfp2/components/${name}.yaml")
  assert kfp2.isFile() : "missing KFP 2 component file ${kfp2}"
  assert kfp2.text.contains("comp-${name}:")
}
assert new File(classes, 'META-INF/kfp4j/kfp2/pipelines/calc.yaml').text.contains('schemaVersion: 2.1.0')
assert new File(classes, 'org/acme/CalcEntrypoint.class').isFile()
assert new File(classes, 'org/acme/CalcOps.class').isFile()
// exec:exec ran: java -cp ... org.acme.CalcEntrypoint add --a 3 --b 4 ----output-paths <file>
def out = new File(basedir, 'target/outputs/Output/data')
assert out.isFile() : "the add entrypoint wrote no output"
assert out.text == '7'

// The Maven plugin: kfp4j:validate, kfp4j:run (a = 6 from the pom, b = 4 by default), kfp4j:init.
def log = new File(basedir, 'build.log').text
assert log.contains('ok      ') && log.contains('META-INF/kfp4j/pipelines/calc.yaml') : 'validate named the compiled pipeline'
assert log.contains('[INFO] add = 10')
assert log.contains('[INFO] subtract = 2')
assert log.contains('[INFO] multiply = 20')
def config = new File(basedir, 'kfp4j.yaml')
assert config.isFile() : 'kfp4j:init wrote no kfp4j.yaml'
assert config.text.contains('host: https://kubeflow.example.com/pipeline')
assert config.text.contains('experiment_name: add-example')
return true
