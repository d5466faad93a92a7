"""What every section of bench/run.py shares: running commands, timing them in interleaved rounds, and
reporting. WORK is where the sections compile and run their projects; bench/run.py sets it."""

import os
import platform
import re
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


def checkout_modules():
    """artifactId -> folder of each module of this checkout (kfp4j-runtime -> ROOT/runtime)."""
    modules = {}
    for name in re.findall(r"<module>([^<]+)</module>", (ROOT / "pom.xml").read_text()):
        pom = re.sub(r"<parent>.*?</parent>", "", (ROOT / name / "pom.xml").read_text(), flags=re.S)
        modules[re.search(r"<artifactId>([^<]+)</artifactId>", pom).group(1)] = ROOT / name
    return modules


def checked_jar(folder, jar):
    """`jar`, the module at `folder` packaged, if it holds what the checkout has: no file of its sources or
    compiled classes is newer (a build that compiles and does not package leaves the jar behind)."""
    if not jar.is_file():
        raise SystemExit(f"{jar} is not built: run without --no-build, or "
                         f"./mvnw -q -pl {folder.name} -am package -DskipTests")
    built = jar.stat().st_mtime
    for tree in (folder / "src" / "main", folder / "target" / "classes"):
        newer = next((f for f in tree.rglob("*") if f.is_file() and f.stat().st_mtime > built), None)
        if newer:
            raise SystemExit(f"{jar} is older than {newer}: run without --no-build, or "
                             f"./mvnw -q -pl {folder.name} -am package -DskipTests")
    return jar


def classpath(module):
    """The runtime class path of `module` as this checkout builds it: its jar and the jars of the kfp4j modules it
    depends on from each module's target/ (checked_jar), third-party jars from the local Maven repository.
    dependency:build-classpath alone names the kfp4j jars of the local repository, which hold what was last
    installed, not the checkout; -am reads the dependencies of the checkout's own poms."""
    out = WORK / f"{module}.classpath"
    # includeScope (not mdep.includeScope): the test jars stay off, as off a user's processor path.
    # With -am every module of the reactor writes `out` in turn, `module` last (the others are what it depends on)
    sh([str(ROOT / "mvnw"), "-q", "-B", "-pl", module, "-am", "dependency:build-classpath",
        f"-Dmdep.outputFile={out}", "-DincludeScope=runtime"], cwd=ROOT)
    modules = checkout_modules()

    def checkout(entry):
        p = Path(entry)  # the local repository's .../dev/kfp4j/<artifactId>/<version>/<artifactId>-<version>.jar
        if len(p.parts) < 5 or p.parts[-5:-3] != ("dev", "kfp4j"):
            return entry
        artifact, version = p.parts[-3], p.parts[-2]
        if artifact not in modules:
            raise SystemExit(f"{entry}: no module of this checkout is {artifact}")
        return str(checked_jar(modules[artifact], modules[artifact] / "target" / f"{artifact}-{version}.jar"))

    folder = ROOT / module
    jar = checked_jar(folder, next((folder / "target").glob(f"kfp4j-{module}-*.jar"), folder / "target" / f"kfp4j-{module}.jar"))
    return os.pathsep.join([str(jar)] + [checkout(e) for e in out.read_text().strip().split(os.pathsep) if e])


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
