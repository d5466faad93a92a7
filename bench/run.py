#!/usr/bin/env python3
"""kfp4j benchmarks: one command that builds what it needs and prints a table.

    python3 bench/run.py            # build, run everything, write bench/results.md
    python3 bench/run.py --quick    # fewer runs and sizes, for a smoke check
    python3 bench/run.py --only 1,1b --no-build   # some sections, on what is built

Measures (see the benchmarks issue):
  1. processor overhead: javac of 1,000 @Component methods in 20 classes, with and without
     the processor, same JVM settings;
  1b. a realistic project (50 components with Javadoc, records and files; 10 pipelines with a
     condition and a loop each), both formats, with and without the processor;
  2. pipeline compile scaling: @Pipeline methods of 10..5,000 tasks (chain and fan-out) using
     one component: javac time with the processor minus without, javac's peak memory, YAML size
     (the Argo Workflow alone, -Akfp4j.formats=argo, as before KFP 2);
  2b. both formats (the default): the 1,000- and 5,000-task chains written as the Argo Workflow
     and KFP 2's pipeline spec: processor time, each file's size, 5,000:1,000, and what the second
     format costs against the first alone;
  3. local runner: per-task overhead of a 100-task chain (as an Argo workflow and as a KFP 2 pipeline spec),
     wall time of a 1,000-task fan-out, and the growth of an in-process chain from 1,000 to 5,000 tasks;
  3s. local runner, subprocess mode: a chain of 100 tasks, each run in a JVM of its own measured with its tasks
     (CPU time of the process tree, the runner's own share), the same chain and a run of one task in-process (the
     runner's start in a cold JVM), beside the task's java command alone and a hello-world;
  4. entrypoint start: `java` start to output file for the add entrypoint, in the layout of the
     image `kfp4j image` builds, without and with the class-data archive the image build makes,
     against a plain hello-world `java` that writes a file (the floor), without and with one.
Timings are medians over several runs with min-max spread. Nothing here runs in CI.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "target"


def sh(cmd, cwd=None, capture=True):
    r = subprocess.run(cmd, cwd=cwd, capture_output=capture, text=True)
    if r.returncode != 0:
        sys.stderr.write(f"command failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stdout}\n{r.stderr}\n")
        raise SystemExit(1)
    return r.stdout


def classpath(module):
    out = WORK / f"{module}.classpath"
    # includeScope (not mdep.includeScope): the test jars stay off, as off a user's processor path
    sh([str(ROOT / "mvnw"), "-q", "-B", "-pl", module, "dependency:build-classpath",
        f"-Dmdep.outputFile={out}", "-DincludeScope=runtime"], cwd=ROOT)
    jar = next((ROOT / module / "target").glob(f"kfp4j-{module}-*.jar"))
    return str(jar) + os.pathsep + out.read_text().strip()


def timed(cmd, runs, cwd=None, before=None):
    """Median, min, max wall seconds, max peak RSS (KiB) and median CPU seconds (user + system) of `cmd` over `runs` runs.

    CPU time is what to compare on a loaded machine: other processes stretch wall time, not it."""
    times, rss, cpu = [], [], []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + cmd, cwd=cwd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if r.returncode != 0:
            sys.stderr.write(r.stdout + r.stderr)
            raise SystemExit(f"benchmark command failed: {' '.join(cmd[:6])}...")
        times.append(elapsed)
        m, u, sy = r.stderr.strip().splitlines()[-1].split()
        rss.append(int(m))
        cpu.append(float(u) + float(sy))
    return statistics.median(times), min(times), max(times), max(rss), statistics.median(cpu)


def interleaved_pairs(cmds, runs):
    """timed() of each of `cmds` ((command, before) pairs), run in turn in each round, so that load
    on the machine falls on all of them alike; every other round in the reverse order, so that no
    command always runs first (the first of a round measured up to 0.5 s slower here)."""
    samples = [([], [], []) for _ in cmds]
    for i in range(runs):
        pairs = list(zip(cmds, samples))
        for (cmd, before), (times, rss, cpu) in (pairs if i % 2 == 0 else reversed(pairs)):
            t = timed(cmd, 1, before=before)
            times.append(t[0])
            rss.append(t[3])
            cpu.append(t[4])
    return [(statistics.median(t), min(t), max(t), max(r), statistics.median(c), c) for t, r, c in samples]


def paired(after, before):
    """How `after` compares with `before` (interleaved_pairs results) round by round, in CPU time: medians of
    a few runs each move by more than most changes on a shared machine; the round's difference moves less."""
    d = [a - b for a, b in zip(after[5], before[5])]
    return (f"after minus before, per round: median {statistics.median(d):+.2f} s of CPU, "
            f"lower in {sum(x < 0 for x in d)} of {len(d)} rounds")


HEAP = re.compile(r"(\d+)M->(\d+)M\(\d+M\)")
EXIT_USED = re.compile(r"garbage-first heap\s+total (?:reserved )?\d+K?, (?:committed \d+K, )?used (\d+)K")


def peak_heap(cmd, before=None):
    """Peak Java heap (MiB) of a javac run: the largest heap before a GC, or the heap used at exit."""
    if before:
        before()
    with tempfile.TemporaryDirectory() as d:
        log = Path(d) / "gc.log"
        subprocess.run([cmd[0], f"-J-Xlog:gc,gc+heap+exit:file={log}"] + cmd[1:], capture_output=True, text=True, check=True)
        text = log.read_text()
    peak = max([int(m.group(1)) for m in HEAP.finditer(text)] or [0])
    exit_used = [int(m.group(1)) // 1024 for m in EXIT_USED.finditer(text)]
    return max([peak] + exit_used)


def fmt(t):
    return f"{t[0]:.2f} s ({t[1]:.2f}–{t[2]:.2f})"


# ---------------------------------------------------------------- 1. processor overhead

def components_sources(root, classes=20, per_class=50):
    pkg = root / "src" / "bench"
    pkg.mkdir(parents=True)
    for c in range(classes):
        lines = ["package bench;", "import dev.kfp4j.annotations.Component;", f"public final class Steps{c} {{"]
        for m in range(per_class):
            lines += [
                f"  /** Step {m} of class {c}. @param a a number @param b another @return their sum */",
                f"  @Component(name = \"step-{c}-{m}\")",
                f"  public static int step{m}(int a, int b) {{ return a + b + {m}; }}",
            ]
        lines.append("}")
        (pkg / f"Steps{c}.java").write_text("\n".join(lines) + "\n")
    return sorted(str(p) for p in pkg.glob("*.java"))


def javac(sources, out, compile_cp, processor_cp=None, extra=(), formats="argo"):
    cmd = ["javac", "-J-Xms256m", "-d", str(out), "-cp", compile_cp, "-encoding", "UTF-8"] + list(extra)
    if processor_cp:
        cmd += ["-processorpath", processor_cp, "-Akfp4j.image=bench/image:1", f"-Akfp4j.formats={formats}",
                "-s", str(out.parent / (out.name + "-gen"))]
    else:
        cmd += ["-proc:none"]
    return cmd + sources


def fresh(*dirs):
    def reset():
        for d in dirs:
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
    return reset


def generated_java(sources, out, gen, compile_cp, processor_cp, formats="argo"):
    """Compiles `sources` once with the processor into fresh `out` and `gen`: the Java files it generated."""
    fresh(out, gen)()
    sh(javac(sources, out, compile_cp, processor_cp, formats=formats))
    return sorted(str(p) for p in gen.rglob("*.java"))


NOOP_PROCESSOR = """import java.util.Set;
import javax.annotation.processing.*;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.*;

/** Does nothing but read each @Component method's doc comment: what any annotation processor costs javac. */
@SupportedAnnotationTypes("dev.kfp4j.annotations.Component")
public final class NoopProcessor extends AbstractProcessor {
  @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
  @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement a : annotations) {
      for (Element e : round.getElementsAnnotatedWith(a)) {
        processingEnv.getElementUtils().getDocComment(e);
      }
    }
    return false;
  }
}
"""


def noop_processor(root):
    """A processor path holding NOOP_PROCESSOR, compiled into `root`."""
    src = root / "noop-src" / "NoopProcessor.java"
    src.parent.mkdir(parents=True)
    src.write_text(NOOP_PROCESSOR)
    out = root / "noop"
    sh(["javac", "-d", str(out), str(src)])
    (out / "META-INF" / "services").mkdir(parents=True)
    (out / "META-INF" / "services" / "javax.annotation.processing.Processor").write_text("NoopProcessor\n")
    return str(out)


def bench_processor(compile_cp, processor_cp, runs, before_cp=None):
    """javac with the processor (KFP v1 files; both formats), without it, without it on the
    sources plus the Java the processor generated (what javac must compile whatever the processor
    costs), and with a processor that does nothing on those (what any processor costs javac
    besides), interleaved; with `before_cp`, also with the processor path of an earlier build (both
    formats, then KFP v1 files), in the same rounds."""
    root = WORK / "components"
    shutil.rmtree(root, ignore_errors=True)
    sources = components_sources(root)
    out_with, gen, out_without = root / "out-with", root / "out-with-gen", root / "out-without"
    generated = generated_java(sources, out_with, gen, compile_cp, processor_cp)
    noop = javac(sources + generated, out_without, compile_cp)
    noop[noop.index("-proc:none")] = "-processorpath"
    noop.insert(noop.index("-processorpath") + 1, noop_processor(root))
    cmds = [(javac(sources, out_with, compile_cp, processor_cp), fresh(out_with, gen)),
            (javac(sources, out_with, compile_cp, processor_cp, formats="argo,kfp2"), fresh(out_with, gen)),
            (javac(sources, out_without, compile_cp), fresh(out_without)),
            (javac(sources + generated, out_without, compile_cp), fresh(out_without)),
            (noop, fresh(out_without))]
    if before_cp:
        before_compile_cp, before_cp = before_cp
        out_b, gen_b = root / "out-before", root / "out-before-gen"
        generated_before = generated_java(sources, out_b, gen_b, before_compile_cp, before_cp, formats="argo,kfp2")
        # each processor writes its own folders: the Java compiled alone must be the one it generated, in any order
        cmds += [(javac(sources, out_b, before_compile_cp, before_cp, formats="argo,kfp2"), fresh(out_b, gen_b)),
                 (javac(sources, out_b, before_compile_cp, before_cp), fresh(out_b, gen_b)),
                 (javac(sources + generated_before, out_without, before_compile_cp), fresh(out_without))]
    return interleaved_pairs(cmds, runs)


def project_sources(root, classes=5, per_class=10, pipelines=10):
    """A realistic project: components with Javadoc, a record output and file inputs and outputs,
    and pipelines that pass files and record fields, branch on a condition and loop."""
    pkg = root / "src" / "bench"
    pkg.mkdir(parents=True)
    kinds = 5  # make, prepare, stats, score, train
    for c in range(classes):
        lines = ["package bench;", "import dev.kfp4j.annotations.Component;", "import dev.kfp4j.annotations.InputPath;",
                 "import dev.kfp4j.annotations.OutputPath;", "import java.io.IOException;", "import java.nio.file.Files;",
                 "import java.nio.file.Path;", "import java.util.List;", "",
                 f"/** Steps of part {c} of the project. */", f"public final class Part{c} {{", f"  private Part{c}() {{}}", "",
                 "  /**", "   * What {@code stats} found.", "   *", "   * @param count how many rows", "   * @param mean their mean",
                 "   * @param label a name for them", "   */", "  public record Stats(int count, double mean, String label) {}", ""]
        for j in range(per_class // kinds):
            lines += [
                "  /**", f"   * Writes {{@code n}} rows of numbers as CSV (variant {j}).", "   *", "   * <p>Each row has two columns.",
                "   *", "   * @param n how many rows", "   * @param table where the CSV is written", "   */",
                "  @Component",
                f"  public static void make{c}{j}(int n, @OutputPath(\"CSV\") Path table) throws IOException {{",
                "    Files.writeString(table, \"a,b\\n\".repeat(n));", "  }", "",
                "  /**", f"   * Keeps the first {{@code limit}} rows (variant {j}).", "   *", "   * @param data the CSV rows",
                "   * @param limit how many to keep", "   * @param kept the rows kept", "   */",
                "  @Component",
                f"  public static void prepare{c}{j}(@InputPath(\"CSV\") Path data, int limit, @OutputPath(\"Dataset\") Path kept) throws IOException {{",
                "    Files.write(kept, Files.readAllLines(data).subList(0, limit));", "  }", "",
                "  /**", f"   * Counts and averages the rows (variant {j}).", "   *", "   * @param data the rows", "   * @return what was found", "   */",
                "  @Component",
                f"  public static Stats stats{c}{j}(@InputPath(\"Dataset\") Path data) throws IOException {{",
                "    List<String> rows = Files.readAllLines(data);", "    return new Stats(rows.size(), rows.size() / 2.0, \"rows\");", "  }", "",
                "  /**", f"   * Scores a mean against a count (variant {j}).", "   *", "   * @param mean the mean", "   * @param count the count",
                "   * @return the score, between 0 and 1", "   */",
                "  @Component",
                f"  public static double score{c}{j}(double mean, int count) {{", "    return count == 0 ? 0 : mean / count;", "  }", "",
                "  /**", f"   * Trains a model on the rows (variant {j}).", "   *", "   * @param data the rows", "   * @param rate the learning rate",
                "   * @param model where the model is written", "   */",
                "  @Component",
                f"  public static void train{c}{j}(@InputPath(\"Dataset\") Path data, double rate, @OutputPath(\"Model\") Path model) throws IOException {{",
                "    Files.writeString(model, \"model \" + rate + \" \" + Files.size(data));", "  }", ""]
        lines.append("}")
        (pkg / f"Part{c}.java").write_text("\n".join(lines) + "\n")
    lines = ["package bench;", "import dev.kfp4j.annotations.Default;", "import dev.kfp4j.annotations.Pipeline;",
             "import dev.kfp4j.dsl.Dsl;", "import java.util.List;", "", "/** The project's pipelines. */",
             "public final class Flows {", "  private Flows() {}", ""]
    for p in range(pipelines):
        c, j = p % classes, (p // classes) % (per_class // kinds)
        ops = f"Part{c}Ops"
        lines += [
            "  /**", f"   * Makes, prepares and scores data, trains when the score is high, and scores each item (flow {p}).",
            "   *", "   * @param limit how many rows to keep", "   * @param items the items to score", "   */",
            f"  @Pipeline(name = \"flow-{p}\")",
            f"  public static void flow{p}(@Default(\"10\") int limit, @Default(\"[1, 2, 3]\") List<Integer> items) {{",
            f"    var made = {ops}.make{c}{j}(100);",
            f"    var prepared = {ops}.prepare{c}{j}(made.table(), limit);",
            f"    var stats = {ops}.stats{c}{j}(prepared.kept());",
            f"    var score = {ops}.score{c}{j}(stats.mean(), stats.count());",
            f"    Dsl.when(Dsl.gt(score.output(), 0.5), () -> {ops}.train{c}{j}(prepared.kept(), score.output()));",
            f"    Dsl.forEach(items, item -> {ops}.score{c}{j}(score.output(), item));",
            "  }", ""]
    lines.append("}")
    (pkg / "Flows.java").write_text("\n".join(lines) + "\n")
    return sorted(str(p) for p in pkg.glob("*.java"))


def bench_project(compile_cp, processor_cp, runs, before_cp=None):
    """The realistic project, both formats (the default), with and without the processor; the
    reference (javac without the processor) gets the same sources plus what the processor
    generated, so it compiles the same Java. With `before_cp`, also with the processor path of an
    earlier build, in the same rounds."""
    root = WORK / "project"
    shutil.rmtree(root, ignore_errors=True)
    sources = project_sources(root)
    out, gen = root / "out-with", root / "out-with-gen"
    generated = generated_java(sources, out, gen, compile_cp, processor_cp, formats="argo,kfp2")
    out2 = root / "out-without"
    cmds = [(javac(sources, out, compile_cp, processor_cp, formats="argo,kfp2"), fresh(out, gen)),
            (javac(sources + generated, out2, compile_cp), fresh(out2))]
    if before_cp:
        before_compile_cp, before_cp = before_cp
        out_b, gen_b = root / "out-before", root / "out-before-gen"
        generated_before = generated_java(sources, out_b, gen_b, before_compile_cp, before_cp, formats="argo,kfp2")
        cmds += [(javac(sources, out_b, before_compile_cp, before_cp, formats="argo,kfp2"), fresh(out_b, gen_b)),
                 (javac(sources + generated_before, out2, before_compile_cp), fresh(out2))]
    t = interleaved_pairs(cmds, runs)
    files = sum(1 for p in (out / "META-INF").rglob("*.yaml"))
    return t[0], t[1], files, (t[2] if before_cp else None), (t[3] if before_cp else None)


# ---------------------------------------------------------------- 2. pipeline compile scaling

COMPONENT = """package bench;
import dev.kfp4j.annotations.Component;
public final class Noop {
  /** Does nothing with a number. @param x the number @return the number */
  @Component
  public static int step(int x) { return x; }
}
"""


def pipeline_source(shape, n):
    body = []
    if shape == "chain":
        body.append("    var t = NoopOps.step(0);")
        body += ["    t = NoopOps.step(t.output());"] * (n - 1)
    else:
        body.append("    var p = NoopOps.step(0);")
        body += ["    NoopOps.step(p.output());"] * (n - 1)
    return ("package bench;\nimport dev.kfp4j.annotations.Pipeline;\npublic final class Flow {\n"
            f"  @Pipeline(name = \"{shape}-{n}\")\n  public static void flow() {{\n" + "\n".join(body) + "\n  }\n}\n")


def bench_pipeline(compile_cp, processor_cp, shape, n, runs, formats="argo"):
    """javac with and without the processor, peak heaps, and the size of each file written (by format)."""
    root = WORK / f"pipeline-{shape}-{n}-{formats.replace(',', '-')}"
    shutil.rmtree(root, ignore_errors=True)
    src = root / "src" / "bench"
    src.mkdir(parents=True)
    (src / "Noop.java").write_text(COMPONENT)
    (src / "Flow.java").write_text(pipeline_source(shape, n))
    sources = [str(src / "Noop.java"), str(src / "Flow.java")]
    out, gen = root / "out-with", root / "out-with-gen"
    with_p = timed(javac(sources, out, compile_cp, processor_cp, formats=formats), runs, before=fresh(out, gen))
    heap_with = peak_heap(javac(sources, out, compile_cp, processor_cp, formats=formats), before=fresh(out, gen))
    files = {"argo": out / "META-INF" / "kfp4j" / "pipelines" / f"{shape}-{n}.yaml",
             "kfp2": out / "META-INF" / "kfp4j" / "kfp2" / "pipelines" / f"{shape}-{n}.yaml"}
    size = {f: p.stat().st_size for f, p in files.items() if p.exists()}
    # Without the processor: the same sources plus what it generated, as plain sources.
    generated = sorted(str(p) for p in gen.rglob("*.java"))
    out2 = root / "out-without"
    without = timed(javac(sources + generated, out2, compile_cp), runs, before=fresh(out2))
    heap_without = peak_heap(javac(sources + generated, out2, compile_cp), before=fresh(out2))
    return with_p, without, size, heap_with, heap_without


# ---------------------------------------------------------------- 4. entrypoint start

HELLO = """import java.nio.file.*;
public final class Hello {
  public static void main(String[] args) throws Exception {
    Files.writeString(Path.of(args[0]), "7");
  }
}
"""


def measured(cmd, env=None):
    """One run of `cmd`: (wall seconds, peak RSS KiB, CPU seconds). CPU time (user + system) comes from the
    kernel's accounting of the child (wait4), to the microsecond: /usr/bin/time prints hundredths, too coarse for a
    JVM start of 0.15 s."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if p.returncode != 0:
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit(f"benchmark command failed: {' '.join(cmd[:6])}...")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def interleaved_named(cmds, runs, env=None):
    """measured() for several named commands, their runs interleaved (one of each in turn), so that load on the
    machine stretches them alike, every other round in the reverse order: {name: (median, min, max wall, max RSS
    KiB, median CPU)}."""
    samples = {k: [] for k in cmds}
    for i in range(runs):
        for k, cmd in (list(cmds.items()) if i % 2 == 0 else reversed(list(cmds.items()))):
            samples[k].append(measured(cmd, env))
    out = {}
    for k, s in samples.items():
        wall = [x[0] for x in s]
        out[k] = (statistics.median(wall), min(wall), max(wall), max(x[1] for x in s), statistics.median(x[2] for x in s))
    return out


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
    root = WORK / "entrypoint"
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
    root = WORK / "runner"
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
    root = WORK / "subprocess"
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


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} {platform.release()}, {java}"


def cpu_ratio(w, wo):
    return w[4] / max(wo[4], 1e-3)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs and sizes")
    ap.add_argument("--no-build", action="store_true", help="use what is already built")
    ap.add_argument("--runs", type=int, default=None, help="runs per measurement (default 5, quick 2)")
    ap.add_argument("--only", default="1,1b,2,2b,3,3s,4", help="the sections to run, comma-separated (default all)")
    ap.add_argument("--runtime-before", metavar="JAR", help="section 3s also measures an earlier kfp4j-runtime jar")
    ap.add_argument("--entrypoint-before", metavar="DIR", help="sections 3s and 4 also measure an earlier entrypoint: DIR holds its "
                    "kfp4j-entrypoint.jar and image-classes/ (the image module's classes), and optionally examples-classes/ "
                    "(the examples as that build compiled them; then its archive is made as today's image build makes it)")
    ap.add_argument("--before", metavar="DIR", help="sections 1 and 1b also run the processor of an earlier build, "
                    "side by side: DIR holds its processor.jar and runtime.jar (e.g. copied from a checkout of that commit)")
    ap.add_argument("--work", metavar="DIR", help="where the projects are compiled and run (default bench/target); a RAM "
                    "file system (/dev/shm) keeps a disk's variance in creating files out of the comparison")
    args = ap.parse_args()
    global WORK
    if args.work:
        WORK = Path(args.work).resolve() / "kfp4j-bench"
    runs = args.runs or (2 if args.quick else 5)
    only = set(args.only.split(","))
    WORK.mkdir(parents=True, exist_ok=True)
    if not args.no_build:
        sh([str(ROOT / "mvnw"), "-q", "-B", "install", "-DskipTests", "-Dinvoker.skip=true"], cwd=ROOT)
    runtime_cp = classpath("runtime")
    processor_cp = classpath("processor")
    annotations = next((ROOT / "annotations" / "target").glob("kfp4j-annotations-*.jar"))
    compile_cp = str(annotations) + os.pathsep + runtime_cp
    before_cp = None
    if args.before:
        swap = {"kfp4j-processor-": "processor.jar", "kfp4j-runtime-": "runtime.jar"}
        before_cp = os.pathsep.join(next((str(Path(args.before) / j) for k, j in swap.items() if k in Path(e).name), e)
                                    for e in processor_cp.split(os.pathsep))
        # the earlier build's Java is compiled against its own runtime (and entrypoint, when DIR has kfp4j-entrypoint.jar)
        if (Path(args.before) / "kfp4j-entrypoint.jar").exists():
            swap["kfp4j-entrypoint-"] = "kfp4j-entrypoint.jar"
        before_compile_cp = os.pathsep.join(next((str(Path(args.before) / j) for k, j in swap.items() if k in Path(e).name), e)
                                            for e in compile_cp.split(os.pathsep))
        before_cp = (before_compile_cp, before_cp)

    rows = [f"Machine: {machine()}", "", f"Runs per measurement: {runs} (median, min–max). Each figure is measured "
            "side by side with its reference in the same run. Wall time on a machine other builds share is stretched by "
            "their load; CPU time (user + system, medians) much less: compare CPU time.", ""]
    print(rows[0])

    if "1" in only:
        t = bench_processor(compile_cp, processor_cp, runs, before_cp)
        w, wb, wo, wg, wn = t[:5]
        rows += ["### 1. Processor overhead: 1,000 @Component methods in 20 classes", "",
                 "| javac | wall time | CPU time | peak RSS |", "|---|---|---|---|",
                 f"| without the processor (`-proc:none`) | {fmt(wo)} | {wo[4]:.2f} s | {wo[3] // 1024} MiB |",
                 f"| without the processor, the sources plus the Java it generates | {fmt(wg)} | {wg[4]:.2f} s | {wg[3] // 1024} MiB |",
                 f"| a processor that does nothing, on the sources plus the Java kfp4j generates | {fmt(wn)} | {wn[4]:.2f} s | {wn[3] // 1024} MiB |",
                 f"| with the processor, KFP v1 files (`-Akfp4j.formats=argo`) | {fmt(w)} | {w[4]:.2f} s | {w[3] // 1024} MiB |",
                 f"| with the processor, also a KFP 2 component file each (the default) | {fmt(wb)} | {wb[4]:.2f} s | {wb[3] // 1024} MiB |",
                 "", f"Ratio with/without, CPU time: **{cpu_ratio(w, wo):.2f}×** (KFP v1 files), **{cpu_ratio(wb, wo):.2f}×** "
                 f"with the KFP 2 component files (target ≤ 1.5×); wall time {w[0] / wo[0]:.2f}× and {wb[0] / wo[0]:.2f}×. "
                 f"Compiling the generated Java alone takes {cpu_ratio(wg, wo):.2f}× (the floor of this ratio while the generated "
                 f"classes stay as they are), {cpu_ratio(wn, wo):.2f}× with a processor that does nothing (javac keeps doc comments and "
                 f"runs rounds for any processor: the floor for any processor generating these classes); against that the "
                 f"processor costs {cpu_ratio(w, wn):.2f}× and {cpu_ratio(wb, wn):.2f}×.", ""]
        if before_cp:
            bb, ba, bg = t[5], t[6], t[7]
            rows[-3:-3] = [f"| before: without the processor, the sources plus the Java the processor of `{args.before}` generates | {fmt(bg)} | {bg[4]:.2f} s | {bg[3] // 1024} MiB |",
                           f"| with the processor of `{args.before}` (before), KFP v1 files | {fmt(ba)} | {ba[4]:.2f} s | {ba[3] // 1024} MiB |",
                           f"| with the processor of `{args.before}` (before), both formats | {fmt(bb)} | {bb[4]:.2f} s | {bb[3] // 1024} MiB |"]
            rows[-2] += (f" Before: **{cpu_ratio(ba, wo):.2f}×** and **{cpu_ratio(bb, wo):.2f}×**, the generated Java alone "
                         f"{cpu_ratio(bg, wo):.2f}×; the processor's own cost (with it minus "
                         f"the generated Java alone, CPU) {ba[4] - wg[4]:.2f} s → {w[4] - wg[4]:.2f} s (KFP v1 files), "
                         f"{bb[4] - wg[4]:.2f} s → {wb[4] - wg[4]:.2f} s (both formats). With the processor, "
                         f"{paired(w, ba)} (KFP v1 files), {paired(wb, bb)} (both formats); the generated Java "
                         f"alone, {paired(wg, bg)}.")
        print("\n".join(rows[-14:]))

    if "1b" in only:
        w, wo, files, wbefore, wobefore = bench_project(compile_cp, processor_cp, runs, before_cp)
        rows += ["### 1b. A realistic project, both formats: 50 components, 10 pipelines", "",
                 "50 `@Component` methods in 5 classes (Javadoc, a record output, CSV, Dataset and Model files in and out) "
                 "and 10 `@Pipeline` methods passing files and record fields, with a condition and a loop each; "
                 f"{files} YAML files written. Without the processor: the same sources plus the Java it generated.", "",
                 "| javac | wall time | CPU time | peak RSS |", "|---|---|---|---|",
                 f"| without the processor | {fmt(wo)} | {wo[4]:.2f} s | {wo[3] // 1024} MiB |",
                 f"| with the processor (`argo,kfp2`) | {fmt(w)} | {w[4]:.2f} s | {w[3] // 1024} MiB |",
                 "", f"Ratio with/without, CPU time: **{cpu_ratio(w, wo):.2f}×** (target ≤ 1.5×); wall time {w[0] / wo[0]:.2f}×.", ""]
        if wbefore:
            rows[-3:-3] = [f"| before: without the processor, the sources plus the Java the processor of `{args.before}` generates | {fmt(wobefore)} | {wobefore[4]:.2f} s | {wobefore[3] // 1024} MiB |",
                           f"| with the processor of `{args.before}` (before) | {fmt(wbefore)} | {wbefore[4]:.2f} s | {wbefore[3] // 1024} MiB |"]
            rows[-2] += (f" Before: **{cpu_ratio(wbefore, wobefore):.2f}×** against its own generated Java, **{cpu_ratio(wbefore, wo):.2f}×** "
                         f"against today's; the processor's own cost (CPU) {wbefore[4] - wobefore[4]:.2f} s → {w[4] - wo[4]:.2f} s; "
                         f"with the processor, {paired(w, wbefore)}.")
        print("\n".join(rows[-12:]))

    if "2" in only:
        sizes = [10, 100, 1000] if args.quick else [10, 100, 1000, 5000]
        rows += ["### 2. Pipeline compile scaling (one component, the Argo Workflow alone: `-Akfp4j.formats=argo`)", "",
                 "| pipeline | javac with processor | javac without | processor time | peak heap with / without (processor) | peak RSS with / without | workflow YAML | bytes/task |",
                 "|---|---|---|---|---|---|---|---|"]
        proc_time = {}
        for shape in ("chain", "fanout"):
            for n in sizes:
                w, wo, size, hw, hwo = bench_pipeline(compile_cp, processor_cp, shape, n, runs)
                proc_time[(shape, n)] = w[0] - wo[0]
                size = size["argo"]
                row = (f"| {shape} of {n:,} | {fmt(w)} | {fmt(wo)} | {w[0] - wo[0]:.2f} s | "
                       f"{hw} / {hwo} MiB ({hw - hwo:+d} MiB) | "
                       f"{w[3] // 1024} / {wo[3] // 1024} MiB | {size / 1024:.1f} KB | {size / n:.0f} |")
                rows.append(row)
                print(row)
        rows.append("")
        if ("chain", 5000) in proc_time and ("chain", 1000) in proc_time:
            rows.append("Growth, chain: 5,000 tasks cost "
                        f"{proc_time[('chain', 5000)] / max(proc_time[('chain', 1000)], 1e-3):.1f}× 1,000 tasks "
                        "(linear would be 5×).")
            rows.append("")

    if "2b" in only:
        rows += ["### 2b. Both formats (the default): the Argo Workflow and KFP 2's pipeline spec", "",
                 "Processor time as CPU time (user + system, javac with the processor minus without; medians), which load on "
                 "the machine stretches less than wall time.", "",
                 "| chain | javac with processor (wall) | processor CPU, both formats | processor CPU, Argo alone | "
                 "second format costs | Argo Workflow | KFP 2 pipeline spec |",
                 "|---|---|---|---|---|---|---|"]
        both_cpu, argo_cpu = {}, {}
        for n in (1000, 5000):
            w, wo, size, hw, hwo = bench_pipeline(compile_cp, processor_cp, "chain", n, runs, formats="argo,kfp2")
            a, awo, _, _, _ = bench_pipeline(compile_cp, processor_cp, "chain", n, runs)
            both_cpu[n] = w[4] - wo[4]
            argo_cpu[n] = a[4] - awo[4]
            row = (f"| {n:,} tasks | {fmt(w)} | {both_cpu[n]:.2f} s | {argo_cpu[n]:.2f} s | "
                   f"{both_cpu[n] / max(argo_cpu[n], 1e-3):.2f}× Argo alone | "
                   f"{size['argo'] / 1024:.1f} KB ({size['argo'] / n:.0f} B/task) | {size['kfp2'] / 1024:.1f} KB ({size['kfp2'] / n:.0f} B/task) |")
            rows.append(row)
            print(row)
        rows += ["", f"Growth, 5,000 : 1,000 tasks in processor CPU time (linear would be 5×): "
                 f"**{both_cpu[5000] / max(both_cpu[1000], 1e-3):.1f}×** both formats, "
                 f"**{argo_cpu[5000] / max(argo_cpu[1000], 1e-3):.1f}×** the Argo Workflow alone.", ""]
        print(rows[-2])

    if "3s" in only:
        n = 100
        chains, starts, runner_cpu = bench_subprocess_chain(runtime_cp, runs, args.runtime_before, n,
                                                            Path(args.entrypoint_before) / "kfp4j-entrypoint.jar" if args.entrypoint_before else None)
        h = starts["hello"]
        rows += ["### 3s. Local runner, subprocess mode: a chain of 100 and its floor", "",
                 f"Each run of the chain is a JVM of its own, measured with its tasks (the kernel's CPU accounting of the "
                 f"process tree), after a first run that leaves the class-data archive in the runner's cache; {runs} runs, "
                 f"interleaved. The task's `java` command is the one the runner starts (this JVM's java, the runner's "
                 f"archive, its classpath), {n} starts, interleaved with a plain `java Hello` that writes a file.", "",
                 "| what | wall time | per task | CPU time per task | the runner's own CPU per task |", "|---|---|---|---|---|"]
        for k, label in (("before ", "before: "), ("", "")):
            if k + "chain" in chains:
                c, t = chains[k + "chain"], starts[k + "task"]
                rows += [f"| {label}chain of {n} | {fmt(c)} | {c[0] * 1000 / n:.0f} ms | {c[4] * 1000 / n:.0f} ms | "
                         f"{runner_cpu[k + 'chain'] * 1000 / n:.1f} ms |",
                         f"| {label}the task's `java` command alone | {fmt(t)} | {t[0] * 1000:.0f} ms | {t[4] * 1000:.0f} ms | – |"]
                r = starts[k + "ready"]
                rows += [f"| {label}a JVM started ahead, from the task's arguments to its exit | {r[0] * 1000:.1f} ms "
                         f"({r[1] * 1000:.1f}–{r[2] * 1000:.1f}) | {r[0] * 1000:.1f} ms | – | – |"]
        for k, label in (("before ", "before: "), ("", "")):
            if k + "in-process chain" in chains:
                c, o = chains[k + "in-process chain"], chains[k + "in-process one"]
                rows += [f"| {label}the same chain in-process (no process per task) | {fmt(c)} | {c[0] * 1000 / n:.0f} ms | "
                         f"{c[4] * 1000 / n:.0f} ms | {runner_cpu[k + 'in-process chain'] * 1000 / n:.1f} ms |",
                         f"| {label}a run of one task in-process (the runner's start, in a cold JVM) | {fmt(o)} | {o[0] * 1000:.0f} ms | "
                         f"{o[4] * 1000:.0f} ms | {runner_cpu[k + 'in-process one'] * 1000:.0f} ms |"]
        rows += [f"| plain `java Hello` writing a file | {fmt(h)} | {h[0] * 1000:.0f} ms | {h[4] * 1000:.0f} ms | – |", "",
                 f"The runner's own CPU per task for a process per task, beyond its work in-process: "
                 f"{(runner_cpu['chain'] - runner_cpu['in-process chain']) * 1000 / n:.1f} ms"
                 + (f" (before: {(runner_cpu['before chain'] - runner_cpu['before in-process chain']) * 1000 / n:.1f} ms)"
                    if "before chain" in runner_cpu else "") + ".", ""]
        print("\n".join(rows[-15:]))

    if "3" in only:
        runner = bench_runner(runtime_cp, runs)
        rows += ["### 3. Local runner", ""]
        rows.append(runner if runner else "Not measured: the local runner is not in the runtime yet.")
        if runner:
            print(runner)
        rows.append("")

    if "4" in only:
        n = max(runs, 10)
        t, outside = bench_entrypoint(n, args.entrypoint_before)
        h = t["hello"]

        def row(label, k):
            r = t[k]
            return (f"| {label} | {fmt(r)} | {r[4]:.3f} s | {cpu_ratio(r, h):.2f}× | {r[3] // 1024} MiB | {outside[k]} |")

        rows += ["### 4. Entrypoint start (java start to output file written)", "",
                 "The add entrypoint in the layout of the image `kfp4j image` builds (the project's jar, whose manifest lists "
                 "kfp4j-entrypoint; the components' class path `/app/resources:/app/classes:/app/libs/*`), without and with "
                 "the class-data archive the image build makes (ArchiveTraining, then `java -Xshare:dump`; the image starts "
                 "java with `-XX:SharedArchiveFile=/app/kfp4j.jsa -Xshare:auto`), by KFP v1's arguments and KFP 2's "
                 "executor input; beside a plain hello-world in a jar, without and with an archive of its own made the same "
                 f"way. {n} runs each, interleaved; CPU time is the kernel's (user + system) for the process.", "",
                 "| program | wall time | CPU time | CPU / floor | peak RSS | classes loaded from outside an archive |",
                 "|---|---|---|---|---|---|",
                 row("plain `java Hello` writing a file (the floor)", "hello"),
                 row("the same with an archive of its own", "hello+")]
        for k, label in (("before ", "before: "), ("", "")):
            if k + "add" in t:
                rows += [row(f"{label}`CalcEntrypoint add --a 3 --b 4 ----output-paths f`", k + "add"),
                         row(f"{label}the same with the image's archive", k + "add+"),
                         row(f"{label}`CalcEntrypoint add --executor_input <json>`, with the image's archive", k + "kfp2+")]
        rows += [row("not used: plain `java Hello`, the JDK's archive mapped where it was made (`-XX:ArchiveRelocationMode=0`)",
                     "hello fixed"),
                 row("not used: `CalcEntrypoint add`, the image's archive mapped where it was made", "add+ fixed")]
        a, as_ = t["add"], t["add+"]
        rows += ["", f"Ratio to the floor: **{a[0] / h[0]:.2f}×** wall, **{cpu_ratio(a, h):.2f}×** CPU without the archive; "
                 f"**{as_[0] / h[0]:.2f}×** wall, **{cpu_ratio(as_, h):.2f}×** CPU with it (target ≤ 1.3×, and below 1× with it).", ""]
        print("\n".join(rows[-14:]))

    # some sections alone do not replace the full results
    results = ROOT / "bench" / "results.md" if only >= {"1", "1b", "2", "2b", "3", "4"} else WORK / "results.md"
    results.write_text("\n".join(rows) + "\n")
    print(f"\nwritten: {results}")


if __name__ == "__main__":
    main()
