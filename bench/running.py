"""bench/run.py sections 3, 3s and 4: the local runner and the entrypoint's start."""

import os
import shutil
import statistics
from pathlib import Path

import common
from common import ROOT, interleaved_named, sh


# ---------------------------------------------------------------- 4. entrypoint start

HELLO = """import java.nio.file.*;
public final class Hello {
  public static void main(String[] args) throws Exception {
    Files.writeString(Path.of(args[0]), "7");
  }
}
"""


def jar(path, files, manifest=None):
    """A jar of {entry name: file}, its manifest first."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if manifest:
            z.writestr("META-INF/MANIFEST.MF", manifest)
        for name, f in sorted(files.items()):
            z.write(f, name)


def static_archive(root, name, cp, main_args, training_cp, jdk_list=False):
    """A class-data archive made as the image build makes it (ArchiveTraining with -XX:DumpLoadedClassList, then
    java -Xshare:dump of what it loaded), here with this machine's java. jdk_list: also the JDK's default list, as the
    image build did before 2026-12-02 (third session)."""
    loaded, classes, archive = (root / f"{name}.{x}" for x in ("loaded.txt", "classes.txt", "jsa"))
    sh(["java", f"-XX:DumpLoadedClassList={loaded}", "-cp", training_cp + os.pathsep + cp if training_cp else cp] + main_args)
    default = Path(os.path.realpath(shutil.which("java"))).parent.parent / "lib" / "classlist"
    lines = []
    for f in ([default] if jdk_list else []) + [loaded]:
        if f.exists():
            lines += [l for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")
                      and not l.startswith("dev/kfp4j/image/") and not l.startswith("@lambda-proxy dev/kfp4j/image/")]
    seen = set()
    lines = [l for l in lines if not (l in seen or seen.add(l))]
    classes.write_text("\n".join(lines) + "\n")
    sh(["java", "-Xshare:dump", f"-XX:SharedClassListFile={classes}", f"-XX:SharedArchiveFile={archive}", "-cp", cp])
    return archive


def image_layout(root, entrypoint_jar, training, jdk_list=False, classes=ROOT / "examples" / "target" / "classes"):
    """The examples in the layout of the image `kfp4j image` builds under `root` (/app/libs/project.jar, whose manifest
    lists the dependencies in /app/libs/lib; the components' class path), with the archive the image build makes from
    `training` (the image module's classes): (class path, archive)."""
    app = root / "app"
    (app / "libs" / "lib").mkdir(parents=True)
    shutil.copy(entrypoint_jar, app / "libs" / "lib" / "kfp4j-entrypoint.jar")
    jar(app / "libs" / "project.jar", {str(p.relative_to(classes)): p for p in classes.rglob("*") if p.is_file()},
        "Manifest-Version: 1.0\nClass-Path: lib/kfp4j-entrypoint.jar\n\n")
    cp = f"{app}/resources:{app}/classes:{app}/libs/*"  # the components' class path, under this folder
    archive = static_archive(root, "entrypoint", cp, ["dev.kfp4j.image.ArchiveTraining", "dev.kfp4j.examples.CalcEntrypoint",
                                                      "add"], str(training), jdk_list)
    return cp, archive


def bench_entrypoint(runs, before=None):
    """The add entrypoint in the layout of the image `kfp4j image` builds, without and with the class-data archive the
    image build makes, by KFP v1's arguments and KFP 2's executor input; beside a plain hello-world `java` that writes
    a file (the floor), without and with an archive of its own made the same way. `before`: a folder with an earlier
    kfp4j-entrypoint.jar and image-classes/ (the image module's classes), measured too, its archive made as the image
    build made it then (with the JDK's default list). Runs interleaved."""
    root = common.WORK / "entrypoint"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (root / "Hello.java").write_text(HELLO)
    sh(["javac", "-d", str(root / "hello"), str(root / "Hello.java")])
    jar(root / "hello.jar", {"Hello.class": root / "hello" / "Hello.class"})
    hello_archive = static_archive(root, "hello", str(root / "hello.jar"), ["Hello", str(root / "hello.txt")], "")
    hello = ["-cp", str(root / "hello.jar"), "Hello", str(root / "hello.txt")]
    entrypoint = next((ROOT / "entrypoint" / "target").glob("kfp4j-entrypoint-*.jar"))
    layouts = {"": image_layout(root / "after", entrypoint, ROOT / "image" / "target" / "classes")}
    if before:
        # DIR/examples-classes: the examples as that build compiled them (their generated entrypoints call its
        # kfp4j-entrypoint), archived as today's image build archives (without the JDK's default list)
        examples = Path(before) / "examples-classes"
        layouts["before "] = (image_layout(root / "before", Path(before) / "kfp4j-entrypoint.jar", Path(before) / "image-classes",
                                           classes=examples) if examples.is_dir() else
                              image_layout(root / "before", Path(before) / "kfp4j-entrypoint.jar",
                                           Path(before) / "image-classes", jdk_list=True))
    out = root / "out"
    add = ["dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4", "----output-paths", str(out / "Output" / "data")]
    kfp2 = ["dev.kfp4j.examples.CalcEntrypoint", "add", "--executor_input",
            '{"inputs": {"parameterValues": {"a": 3, "b": 4}}, "outputs": {"parameters": {"Output": {"outputFile": "%s"}}, '
            '"outputFile": "%s"}}' % (out / "kfp2" / "Output", out / "kfp2" / "executor_output.json")]
    cmds = {"hello": ["java"] + hello,
            "hello+": ["java", f"-XX:SharedArchiveFile={hello_archive}", "-Xshare:auto"] + hello}
    for k, (cp, archive) in sorted(layouts.items(), reverse=True):
        cmds[k + "add"] = ["java", "-cp", cp] + add
        cmds[k + "add+"] = ["java", f"-XX:SharedArchiveFile={archive}", "-Xshare:auto", "-cp", cp] + add
        cmds[k + "kfp2+"] = ["java", f"-XX:SharedArchiveFile={archive}", "-Xshare:auto", "-cp", cp] + kfp2
    # what the JVM's relocation of its archive costs: mapped where it was made (a diagnostic option; not what the image does)
    fixed = ["-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"]
    cmds["hello fixed"] = ["java"] + fixed + hello
    cmds["add+ fixed"] = ["java"] + fixed + cmds["add+"][1:]
    t = interleaved_named(cmds, runs)
    outside = {}
    for k, cmd in cmds.items():
        logged = cmd[:1] + ["-Xlog:class+load=info"] + cmd[1:]
        outside[k] = sum(1 for l in sh(logged).splitlines() if "class,load" in l and "shared objects file" not in l)
    return t, outside


# ---------------------------------------------------------------- 3. local runner

def bench_runner(runtime_cp, runs):
    runner = ROOT / "runtime" / "src" / "main" / "java" / "dev" / "kfp4j" / "local"
    if not any(runner.glob("*.java")):
        return None
    bench_main = ROOT / "bench" / "RunnerBench.java"
    if not bench_main.exists():
        return None
    root = common.WORK / "runner"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    # the examples as a jar, as a packaged project: Java subprocesses then start from the class-data
    # archive the runner keeps (a folder of classes before the jars gets none)
    cp = str(next((ROOT / "examples" / "target").glob("kfp4j-examples-*.jar"))) + os.pathsep + runtime_cp
    sh(["javac", "-d", str(root / "bench"), "-cp", cp, str(bench_main)])
    out = sh(["java", "-cp", cp + os.pathsep + str(root / "bench"), "RunnerBench", str(root / "runs"), str(runs)])
    return (out.strip() + "\n\nSubprocess fan-out measured at 200 tasks (one `java` start each, from the class-data "
            "archive the runner keeps per classpath); each run's folder, run.json and task logs are written as in any run. "
            "KFP 2 specs and Argo workflows both run from the typed pipeline model (ModelPlan).")


def bench_subprocess_chain(runtime_cp, runs, before_runtime=None, n=100, before_entrypoint=None):
    """The subprocess chain of n tasks, each run a JVM of its own (ChainOnce) whose process tree, the runner and its
    tasks, is measured with the kernel's CPU accounting, after one run that leaves the class-data archive in the run
    root's cache; beside the same chain run in-process (the runner's work without a process per task), the task's own
    java command (as the runner starts it, from that archive) and a plain java Hello, n starts each. before_runtime: an
    earlier kfp4j-runtime jar, measured the same way; before_entrypoint: an earlier kfp4j-entrypoint jar, the tasks' (with
    the runtime jar of today or of before_runtime). Runs interleaved."""
    root = common.WORK / "subprocess"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    examples = str(next((ROOT / "examples" / "target").glob("kfp4j-examples-*.jar")))
    runtime_jar = str(next((ROOT / "runtime" / "target").glob("kfp4j-runtime-*.jar")))
    sh(["javac", "-d", str(root / "bench"), "-cp", examples + os.pathsep + runtime_cp,
        str(ROOT / "bench" / "RunnerBench.java"), str(ROOT / "bench" / "ChainOnce.java"), str(ROOT / "bench" / "ReadyJvm.java")])
    (root / "Hello.java").write_text(HELLO)
    sh(["javac", "-d", str(root / "hello"), str(root / "Hello.java")])
    variants = {"": runtime_cp}
    if before_runtime or before_entrypoint:
        before_cp = runtime_cp.replace(runtime_jar, str(before_runtime)) if before_runtime else runtime_cp
        if before_entrypoint:
            before_cp = os.pathsep.join(str(before_entrypoint) if "kfp4j-entrypoint" in Path(e).name else e
                                        for e in before_cp.split(os.pathsep))
        variants["before "] = before_cp
    cmds, tasks, ready_cmds = {}, {}, {}
    for k, cp in sorted(variants.items(), reverse=True):
        run_root = root / (k.strip() or "after")
        cp = examples + os.pathsep + cp
        cmd = ["java", "-cp", cp + os.pathsep + str(root / "bench"), "ChainOnce", str(run_root), str(n)]
        sh(cmd)  # writes the archive
        (run_root / "runner-cpu.txt").unlink()
        archive = next((run_root / ".cache" / "java").glob("*.jsa"))
        cmds[k + "chain"] = cmd
        tasks[k + "task"] = ["java", f"-XX:SharedArchiveFile={archive}", "-Xlog:cds=off,cds+dynamic=off", "-cp", cp,
                             "dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4", "----output-paths",
                             str(root / "out" / "Output" / "data")]
        ready_cmds[k + "ready"] = ["java", "-cp", cp + os.pathsep + str(root / "bench"), "ReadyJvm", str(archive), cp,
                                   str(root / "out" / "ready" / "data"), "5"]
    tasks["hello"] = ["java", "-cp", str(root / "hello"), "Hello", str(root / "hello.txt")]
    dirs = {k: (k.replace("chain", "").strip() or "after") for k in cmds}
    for k in [k for k in cmds if k.endswith("chain")]:
        prefix = k[:-len("chain")]
        for name, tasks_n, d in (("in-process chain", n, "in-process"), ("in-process one", 1, "one")):
            dirs[prefix + name] = prefix.strip().replace(" ", "-") + ("-" if prefix else "") + d
            cmds[prefix + name] = cmds[k][:-2] + [str(root / dirs[prefix + name]), str(tasks_n), "in-process"]
    chains = interleaved_named(cmds, runs)
    starts = interleaved_named(tasks, n)
    ready = {k: [] for k in ready_cmds}  # 5 starts each in turn, 30 in all, interleaved as the rest
    for _ in range(6):
        for k, cmd in ready_cmds.items():
            ready[k] += [float(x) for x in sh(cmd).split()]
    for k, v in ready.items():
        starts[k] = (statistics.median(v), min(v), max(v))
    runner_cpu = {k: statistics.median(float(x) for x in (root / dirs[k] / "runner-cpu.txt").read_text().split()) for k in cmds}
    return chains, starts, runner_cpu


# ---------------------------------------------------------------- 4k. the kfp4j command's start

def bench_cli(runs, before_jar=None):
    """The `kfp4j` command (`java -jar` the CLI's executable jar), in a cold JVM each time: `validate` of the add example's
    Argo workflow and of its KFP 2 spec, `--version`, and `run` of the add example in-process, beside a plain java Hello;
    and `validate` and `run` through the checkout's `kfp4j` script, from the class-data archive its first run (a `run`)
    leaves beside the jar. before_jar: an earlier CLI jar, the same commands. Runs interleaved: {name: interleaved_named's
    tuple}."""
    root = common.WORK / "cli"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    (root / "Hello.java").write_text(HELLO)
    sh(["javac", "-d", str(root / "hello"), str(root / "Hello.java")])
    kfp4j = ROOT / "examples" / "target" / "classes" / "META-INF" / "kfp4j"
    argo, kfp2 = kfp4j / "pipelines" / "add-example.yaml", kfp4j / "kfp2" / "pipelines" / "add-example.yaml"
    jars = {"": next((ROOT / "cli" / "target").glob("kfp4j-cli-*-all.jar"))}
    if before_jar:
        jars["before "] = Path(before_jar)
    cmds = {"hello": ["java", "-cp", str(root / "hello"), "Hello", str(root / "hello.txt")]}
    for k, j in jars.items():
        java = ["java", "-jar", str(j)]
        cmds[k + "validate"] = java + ["validate", str(argo)]
        cmds[k + "validate kfp2"] = java + ["validate", str(kfp2)]
        cmds[k + "version"] = java + ["--version"]
        cmds[k + "run"] = java + ["run", "-p", str(argo), "--classes", str(ROOT / "examples" / "target" / "classes"),
                                  "--root", str(root / (k.strip() or "after") / "runs")]
    # the checkout's script, from the class-data archive it leaves beside the jar: made first by a run, as a user's first
    script = ["sh", str(ROOT / "kfp4j")]
    for archive in (ROOT / "cli" / "target").glob("kfp4j-cli-*-all.jsa"):
        archive.unlink()
    sh(script + cmds["run"][3:])
    cmds["script validate"] = script + ["validate", str(argo)]
    cmds["script run"] = script + cmds["run"][3:]
    return interleaved_named(cmds, runs)
