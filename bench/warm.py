"""bench/run.py section 1w: javac in a JVM that stays up, as Maven's compiler plugin (in the build's own JVM
unless forked), Gradle's compiler daemon and an IDE's build run it. javac's own code is warm there; the processor,
loaded afresh for each compile by those tools, is not."""

import os
import shutil
import statistics

import common
from common import ROOT, sh
from compiling import components_sources, copy_processor, copying, generated_files, javac, project_sources

ONE_COMPONENT = """package bench;

import dev.kfp4j.annotations.Component;

/** A class of one component: what an IDE rebuilds when it is edited. */
public final class One {
  private One() {}

  /**
   * Adds two numbers.
   *
   * @param a a number
   * @param b another
   * @return their sum
   */
  @Component(name = "one-add")
  public static int add(int a, int b) {
    return a + b;
  }
}
"""


def warm_javac(root, cmds, warmup, runs, keep=False):
    """WarmJavac of `cmds` ({name: javac command as javac() makes it}) in one JVM, `warmup` compiles of each first,
    each into emptied folders or, with `keep`, into what is there: {name: (median wall, min wall, max wall, median
    CPU, [CPU per round])}, in seconds."""
    classes = root / "warm-javac"
    if not classes.exists():
        sh(["javac", "-d", str(classes), str(ROOT / "bench" / "WarmJavac.java")])
    names = list(cmds)
    files = []
    for i, name in enumerate(names):
        args = [a for a in cmds[name][1:] if not a.startswith("-J")]  # the command without `javac` and its JVM options
        f = root / f"javac-{i}.args"
        f.write_text("\n".join(args) + "\n")
        files.append(str(f))
    out = sh(["java", "-Xms256m", f"-Dwarm.keep={str(keep).lower()}", "-cp", str(classes), "WarmJavac", str(warmup),
              str(runs)] + files)
    samples = {name: [] for name in names}
    for line in out.splitlines():
        i, wall, cpu = line.split()
        samples[names[int(i)]].append((float(wall), float(cpu)))
    result = {}
    for name, s in samples.items():
        walls, cpus = [w for w, _ in s], [c for _, c in s]
        result[name] = (statistics.median(walls), min(walls), max(walls), statistics.median(cpus), cpus)
    return result


def bench_warm(compile_cp, processor_cp, runs):
    """Section 1w: the 1,000 components of section 1 (plain javac, the generated Java alone, a processor that writes
    the files kfp4j writes and does nothing else, kfp4j's processor with KFP v1 files and with both formats), the
    realistic project of section 1b (its sources plus the Java kfp4j generates without a processor, with the copying
    processor, with kfp4j's), an IDE's rebuild of one of its files against a whole build's output, and a class of one
    component, each group in a JVM of its own."""
    root = common.WORK / "warm"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    copy = copy_processor(root)

    c = root / "components"
    sources = components_sources(c)
    generated = generated_files(sources, c / "out-with", c / "out-with-gen", compile_cp, processor_cp, c / "generated")
    components = warm_javac(c, {
        "plain": javac(sources, c / "out-without", compile_cp),
        "generated": javac(sources + generated, c / "out-without", compile_cp),
        "copy": copying(sources, c / "out-copy", compile_cp, copy, c / "generated"),
        "argo": javac(sources, c / "out-with", compile_cp, processor_cp),
        "both": javac(sources, c / "out-with", compile_cp, processor_cp, formats="argo,kfp2")}, 5, runs)

    p = root / "project"
    sources = project_sources(p)
    generated = generated_files(sources, p / "out-with", p / "out-with-gen", compile_cp, processor_cp, p / "generated")
    project = warm_javac(p, {
        "generated": javac(sources + generated, p / "out-without", compile_cp),
        "copy": copying(sources, p / "out-copy", compile_cp, copy, p / "generated"),
        "both": javac(sources, p / "out-with", compile_cp, processor_cp, formats="argo,kfp2")}, 5, runs)

    # an IDE's rebuild of one file of the project, against the output of a whole build (on the class path, as there)
    out = p / "out-whole"
    sh(javac(sources, out, compile_cp, processor_cp, formats="argo,kfp2"))
    part, flows = [s for s in sources if s.endswith("Part0.java")], [s for s in sources if s.endswith("Flows.java")]
    partial = warm_javac(p, {
        "plain": javac(part, p / "out-plain", compile_cp + os.pathsep + str(out)),
        "components": javac(part, out, compile_cp + os.pathsep + str(out), processor_cp, formats="argo,kfp2"),
        "pipelines": javac(flows, out, compile_cp + os.pathsep + str(out), processor_cp, formats="argo,kfp2")}, 5, runs * 2,
        keep=True)

    o = root / "one"
    (o / "src" / "bench").mkdir(parents=True)
    one = o / "src" / "bench" / "One.java"
    one.write_text(ONE_COMPONENT)
    sources = [str(one)]
    generated = generated_files(sources, o / "out-with", o / "out-with-gen", compile_cp, processor_cp, o / "generated")
    rebuild = warm_javac(o, {
        "plain": javac(sources, o / "out-without", compile_cp),
        "generated": javac(sources + generated, o / "out-without", compile_cp),
        "copy": copying(sources, o / "out-copy", compile_cp, copy, o / "generated"),
        "both": javac(sources, o / "out-with", compile_cp, processor_cp, formats="argo,kfp2")}, 10, runs * 4)
    return components, project, rebuild, partial


def warm_rows(components, project, rebuild, partial, runs):
    """Section 1w's table and notes."""
    def ms(t):
        return f"{t[0] * 1000:.0f} ms ({t[1] * 1000:.0f}–{t[2] * 1000:.0f})"

    def ratio(t, ref):
        return f"{t[3] / max(ref[3], 1e-6):.2f}×"

    def row(label, t, ref):
        return f"| {label} | {ms(t)} | {t[3] * 1000:.0f} ms | {ratio(t, ref)} |"

    c, p, o, i = components, project, rebuild, partial
    return [
        "### 1w. javac in a JVM that stays up (an IDE's build, Maven's in-process compiler, Gradle's daemon)", "",
        "Each group compiles in one JVM through `javax.tools` (`bench/WarmJavac.java`), each command 5 times first "
        "(10 for the one class), then in interleaved rounds, every other in the reverse order: "
        f"{runs} rounds ({runs * 4} for the one class, {runs * 2} for the IDE's rebuilds, which compile one file into what "
        "a whole build of the project left, on the class path, as an IDE does). javac's own code is warm there, "
        "but a processor on `-processorpath` is loaded afresh for each compile, as those tools load it, so its classes "
        "are read, run cold and compiled by the JIT again each time. CPU time is the JVM's threads' (JIT and GC included), "
        "from the kernel's per-thread accounting.", "",
        "| javac, warm | wall time | CPU time | CPU against the first row of its group |", "|---|---|---|---|",
        row("1,000 components: without a processor", c["plain"], c["plain"]),
        row("1,000 components: the sources plus the Java kfp4j generates, without a processor", c["generated"], c["plain"]),
        row("1,000 components: a processor that writes the files kfp4j writes (both formats) and does nothing else", c["copy"], c["plain"]),
        row("1,000 components: with kfp4j, KFP v1 files", c["argo"], c["plain"]),
        row("1,000 components: with kfp4j, both formats", c["both"], c["plain"]),
        row("the realistic project: its sources plus the Java kfp4j generates, without a processor", p["generated"], p["generated"]),
        row("the realistic project: a processor that writes the files kfp4j writes and does nothing else", p["copy"], p["generated"]),
        row("the realistic project: with kfp4j, both formats", p["both"], p["generated"]),
        row("one class of one component: without a processor", o["plain"], o["plain"]),
        row("one class of one component: the source plus the Java kfp4j generates, without a processor", o["generated"], o["plain"]),
        row("one class of one component: a processor that writes the files kfp4j writes and does nothing else", o["copy"], o["plain"]),
        row("one class of one component: with kfp4j, both formats", o["both"], o["plain"]),
        row("an IDE's rebuild of the realistic project's `Part0.java` (10 components) against a whole build's output: "
            "without a processor", i["plain"], i["plain"]),
        row("the same with kfp4j", i["components"], i["plain"]),
        row("an IDE's rebuild of its `Flows.java` (10 pipelines) with kfp4j", i["pipelines"], i["plain"]), "",
        f"kfp4j's processor beyond the one that writes the same files, warm: {(c['both'][0] - c['copy'][0]) * 1000:.0f} ms "
        f"of wall time and {(c['both'][3] - c['copy'][3]) * 1000:.0f} ms of CPU for the 1,000 components (both formats), "
        f"{(p['both'][0] - p['copy'][0]) * 1000:.0f} ms and {(p['both'][3] - p['copy'][3]) * 1000:.0f} ms for the realistic "
        f"project, {(o['both'][0] - o['copy'][0]) * 1000:.0f} ms and {(o['both'][3] - o['copy'][3]) * 1000:.0f} ms for the "
        "rebuild of one class.", ""]
