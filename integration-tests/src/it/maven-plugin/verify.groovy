// mvn compile kfp4j:validate kfp4j:run kfp4j:init, in a project that uses only the installed artifacts.
def log = new File(basedir, 'build.log').text
assert log.contains('ok      ') && log.contains('META-INF/kfp4j/pipelines/calc.yaml') : 'validate named the compiled pipeline'
// a = 6 from the pom, b = 4 by default: (6 + 4) * (6 - 4)
assert log.contains('[INFO] add = 10')
assert log.contains('[INFO] subtract = 2')
assert log.contains('[INFO] multiply = 20')
def config = new File(basedir, 'kfp4j.yaml')
assert config.isFile() : 'kfp4j:init wrote no kfp4j.yaml'
assert config.text.contains('host: https://kubeflow.example.com/pipeline')
assert config.text.contains('experiment_name: plugin-goals')
return true
