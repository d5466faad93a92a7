#!/usr/bin/env python3
"""kfp4j benchmarks: one command that builds what it needs and prints a table.

    python3 bench/run.py            # build, run everything, write bench/target/results.md
    python3 bench/run.py --quick    # fewer runs and sizes, for a smoke check
    python3 bench/run.py --only 1,1b --no-build   # some sections, on what is built

Measures (see the benchmarks issue):
  1. processor overhead: javac of 1,000 @Component methods in 20 classes, with and without
     the processor, same JVM settings, beside its floors: the generated Java alone, a processor
     that does nothing, one that writes the same files and does nothing else;
  1w. the same javac in a JVM that stays up (an IDE's build, Maven's in-process compiler, Gradle's daemon): the
     1,000 components, the realistic project, and a rebuild of a class of one component, with and without kfp4j;
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
     against a plain hello-world `java` that writes a file (the floor), without and with one;
  4k. the kfp4j command's start: `validate`, `--version` and `run` of the add example, each in a cold JVM, by
     `java -jar` and through the checkout's `kfp4j` script (from the class-data archive it keeps beside the jar).
Timings are medians over several runs with min-max spread. Nothing here runs in CI.
"""

import argparse
import os
from pathlib import Path

import common
from common import ROOT, classpath, cpu_ratio, fmt, machine, paired, sh
from compiling import bench_pipeline, bench_processor, bench_project
from warm import bench_warm, warm_rows
from running import bench_cli, bench_entrypoint, bench_runner, bench_subprocess_chain


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs and sizes")
    ap.add_argument("--no-build", action="store_true", help="use what is already built: every kfp4j jar as the "
                    "checkout's target/ folders hold it (an error if one is older than its module's sources or classes)")
    ap.add_argument("--runs", type=int, default=None, help="runs per measurement (default 5, quick 2)")
    ap.add_argument("--only", default="1,1w,1b,2,2b,3,3s,4,4k", help="the sections to run, comma-separated (default all)")
    ap.add_argument("--cli-before", metavar="JAR", help="section 4k also measures an earlier kfp4j-cli-*-all.jar")
    ap.add_argument("--runtime-before", metavar="JAR", help="section 3s also measures an earlier kfp4j-runtime jar")
    ap.add_argument("--entrypoint-before", metavar="DIR", help="sections 3s and 4 also measure an earlier entrypoint: DIR holds its "
                    "kfp4j-entrypoint.jar and image-classes/ (the image module's classes), and optionally examples-classes/ "
                    "(the examples as that build compiled them; then its archive is made as today's image build makes it)")
    ap.add_argument("--before", metavar="DIR", help="sections 1 and 1b also run the processor of an earlier build, "
                    "side by side: DIR holds its processor.jar and runtime.jar (e.g. copied from a checkout of that commit)")
    ap.add_argument("--work", metavar="DIR", help="where the projects are compiled and run (default bench/target); a RAM "
                    "file system (/dev/shm) keeps a disk's variance in creating files out of the comparison")
    args = ap.parse_args()
    if args.work:
        common.WORK = Path(args.work).resolve() / "kfp4j-bench"
    runs = args.runs or (2 if args.quick else 5)
    only = set(args.only.split(","))
    common.WORK.mkdir(parents=True, exist_ok=True)
    if not args.no_build:
        # package, not install: the sections take every kfp4j jar from the checkout (common.classpath), so the local
        # Maven repository is left as it is
        sh([str(ROOT / "mvnw"), "-q", "-B", "package", "-DskipTests", "-Dinvoker.skip=true"], cwd=ROOT)
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
        w, wb, wo, wg, wn, wc = t[:6]
        rows += ["### 1. Processor overhead: 1,000 @Component methods in 20 classes", "",
                 "| javac | wall time | CPU time | peak RSS |", "|---|---|---|---|",
                 f"| without the processor (`-proc:none`) | {fmt(wo)} | {wo[4]:.2f} s | {wo[3] // 1024} MiB |",
                 f"| without the processor, the sources plus the Java it generates | {fmt(wg)} | {wg[4]:.2f} s | {wg[3] // 1024} MiB |",
                 f"| a processor that does nothing, on the sources plus the Java kfp4j generates | {fmt(wn)} | {wn[4]:.2f} s | {wn[3] // 1024} MiB |",
                 f"| a processor that writes the files kfp4j writes (both formats) and does nothing else | {fmt(wc)} | {wc[4]:.2f} s | {wc[3] // 1024} MiB |",
                 f"| with the processor, KFP v1 files (`-Akfp4j.formats=argo`) | {fmt(w)} | {w[4]:.2f} s | {w[3] // 1024} MiB |",
                 f"| with the processor, also a KFP 2 component file each (the default) | {fmt(wb)} | {wb[4]:.2f} s | {wb[3] // 1024} MiB |",
                 "", f"Ratio with/without, CPU time: **{cpu_ratio(w, wo):.2f}×** (KFP v1 files), **{cpu_ratio(wb, wo):.2f}×** "
                 f"with the KFP 2 component files (target ≤ 1.5×); wall time {w[0] / wo[0]:.2f}× and {wb[0] / wo[0]:.2f}×. "
                 f"Compiling the generated Java alone takes {cpu_ratio(wg, wo):.2f}× (the floor of this ratio while the generated "
                 f"classes stay as they are), {cpu_ratio(wn, wo):.2f}× with a processor that does nothing (javac keeps doc comments and "
                 f"runs rounds for any processor), {cpu_ratio(wc, wo):.2f}× with one that writes the same files through javac's "
                 f"`Filer` (the floor for any processor generating them); against that kfp4j's processor costs "
                 f"{cpu_ratio(wb, wc):.2f}× ({wb[4] - wc[4]:.2f} s of CPU, both formats).", ""]
        if before_cp:
            bb, ba, bg = t[6], t[7], t[8]
            rows[-3:-3] = [f"| before: without the processor, the sources plus the Java the processor of `{args.before}` generates | {fmt(bg)} | {bg[4]:.2f} s | {bg[3] // 1024} MiB |",
                           f"| with the processor of `{args.before}` (before), KFP v1 files | {fmt(ba)} | {ba[4]:.2f} s | {ba[3] // 1024} MiB |",
                           f"| with the processor of `{args.before}` (before), both formats | {fmt(bb)} | {bb[4]:.2f} s | {bb[3] // 1024} MiB |"]
            rows[-2] += (f" Before: **{cpu_ratio(ba, wo):.2f}×** and **{cpu_ratio(bb, wo):.2f}×**, the generated Java alone "
                         f"{cpu_ratio(bg, wo):.2f}×; the processor's own cost (with it minus "
                         f"the generated Java alone, CPU) {ba[4] - wg[4]:.2f} s → {w[4] - wg[4]:.2f} s (KFP v1 files), "
                         f"{bb[4] - wg[4]:.2f} s → {wb[4] - wg[4]:.2f} s (both formats). With the processor, "
                         f"{paired(w, ba)} (KFP v1 files), {paired(wb, bb)} (both formats); the generated Java "
                         f"alone, {paired(wg, bg)}.")
        print("\n".join(rows[-15:]))

    if "1w" in only:
        rows += warm_rows(*bench_warm(compile_cp, processor_cp, runs), runs)
        print("\n".join(rows[-21:]))

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
        print("\n".join(rows[-15:]))

    if "4k" in only:
        n = max(runs, 10)
        t = bench_cli(n, args.cli_before)
        h = t["hello"]
        rows += ["### 4k. The kfp4j command's start", "",
                 "`java -jar` the CLI's executable jar, as the `kfp4j` script runs it, a cold JVM each time, on the add example; "
                 f"{n} runs each, interleaved with a plain hello-world.", "",
                 "| command | wall time | CPU time | CPU / hello-world |", "|---|---|---|---|",
                 f"| plain `java Hello` writing a file | {fmt(h)} | {h[4]:.3f} s | 1.00× |"]
        for k, label in (("before ", "before: "), ("", "")):
            for c, what in (("version", "`kfp4j --version`"), ("validate", "`kfp4j validate` of the Argo workflow"),
                            ("validate kfp2", "`kfp4j validate` of the KFP 2 spec"), ("run", "`kfp4j run` of the pipeline, in-process")):
                if k + c in t:
                    r = t[k + c]
                    rows.append(f"| {label}{what} | {fmt(r)} | {r[4]:.3f} s | {cpu_ratio(r, h):.2f}× |")
        for c, what in (("validate", "`./kfp4j validate`, from the archive the script's first run (a `run`) made"),
                        ("run", "`./kfp4j run`, from that archive")):
            r = t["script " + c]
            rows.append(f"| {what} | {fmt(r)} | {r[4]:.3f} s | {cpu_ratio(r, h):.2f}× |")
        rows.append("")
        print("\n".join(rows[-14:]))

    # bench/results.md keeps every session's tables and notes, written by hand from this file: never replaced
    results = common.WORK / "results.md"
    results.write_text("\n".join(rows) + "\n")
    print(f"\nwritten: {results}")


if __name__ == "__main__":
    main()
