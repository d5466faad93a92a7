"""bench/run.py sections 1, 1b, 2 and 2b: javac with and without the processor."""

import shutil

import common
from common import ROOT, interleaved_pairs, peak_heap, sh, timed


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
    """javac of `sources` into `out`: with kfp4j's processor path `processor_cp` writing `formats` (its sources
    into `out`-gen), with another processor that takes no options (`formats` None), or without a processor."""
    cmd = ["javac", "-J-Xms256m", "-d", str(out), "-cp", compile_cp, "-encoding", "UTF-8"] + list(extra)
    if processor_cp and formats is None:
        cmd += ["-processorpath", processor_cp]
    elif processor_cp:
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


def generated_files(sources, out, gen, compile_cp, processor_cp, keep, formats="argo,kfp2"):
    """Compiles `sources` once with the processor into fresh `out` and `gen`, and keeps what it generated in `keep`:
    keep/java, its Java sources, and keep/resources, the other files it wrote, as bench/CopyProcessor.java takes them.
    Returns the kept Java files, for the commands without kfp4j: a compile with kfp4j empties its own folders."""
    generated_java(sources, out, gen, compile_cp, processor_cp, formats)
    shutil.rmtree(keep, ignore_errors=True)
    shutil.copytree(gen, keep / "java")
    shutil.copytree(out, keep / "resources", ignore=lambda d, names: [n for n in names if n.endswith(".class")])
    return sorted(str(p) for p in (keep / "java").rglob("*.java"))


def copy_processor(root):
    """A processor path holding bench/CopyProcessor.java, compiled into `root`."""
    out = root / "copy"
    sh(["javac", "-d", str(out), str(ROOT / "bench" / "CopyProcessor.java")])
    (out / "META-INF" / "services").mkdir(parents=True)
    (out / "META-INF" / "services" / "javax.annotation.processing.Processor").write_text("CopyProcessor\n")
    return str(out)


def copying(sources, out, compile_cp, copy_cp, keep):
    """javac of `sources` with CopyProcessor writing what is kept in `keep` (generated_files)."""
    return javac(sources, out, compile_cp, copy_cp, extra=[f"-Acopy.from={keep}", "-s", str(out.parent / (out.name + "-gen"))],
                 formats=None)


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
    costs), with a processor that does nothing on those (what any processor costs javac besides),
    and with one that writes the files kfp4j writes with both formats (the floor of a processor
    generating them), interleaved; with `before_cp`, also with the processor path of an earlier build (both
    formats, then KFP v1 files), in the same rounds."""
    root = common.WORK / "components"
    shutil.rmtree(root, ignore_errors=True)
    sources = components_sources(root)
    out_with, gen, out_without = root / "out-with", root / "out-with-gen", root / "out-without"
    keep = root / "generated"
    generated = generated_files(sources, out_with, gen, compile_cp, processor_cp, keep)
    noop = javac(sources + generated, out_without, compile_cp, noop_processor(root), formats=None)
    out_copy = root / "out-copy"
    cmds = [(javac(sources, out_with, compile_cp, processor_cp), fresh(out_with, gen)),
            (javac(sources, out_with, compile_cp, processor_cp, formats="argo,kfp2"), fresh(out_with, gen)),
            (javac(sources, out_without, compile_cp), fresh(out_without)),
            (javac(sources + generated, out_without, compile_cp), fresh(out_without)),
            (noop, fresh(out_without)),
            (copying(sources, out_copy, compile_cp, copy_processor(root), keep), fresh(out_copy, root / "out-copy-gen"))]
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
    root = common.WORK / "project"
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
    root = common.WORK / f"pipeline-{shape}-{n}-{formats.replace(',', '-')}"
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
