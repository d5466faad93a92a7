# Written for kfp4j's PipelineFileCallTest: compiled with KFP SDK 2.15.2 (python collect_reports.py), it writes
# collect_reports.yaml, a pipeline whose output is the list of artifacts a loop collects (dsl.Collected, List[Dataset]).
from typing import List

from kfp import compiler, dsl
from kfp.dsl import Dataset, Output


@dsl.container_component
def write_report(n: int, report: Output[Dataset]):
    return dsl.ContainerSpec(image='alpine', command=['sh', '-c', 'mkdir -p "$(dirname "$1")" && printf "report %s" "$0" > "$1"'],
                             args=[n, report.path])


@dsl.pipeline(name='collect-reports', description='Writes one report for each of 1, 2 and 3 and gives the three as a list.')
def collect_reports() -> List[Dataset]:
    with dsl.ParallelFor([1, 2, 3]) as n:
        t = write_report(n=n)
    return dsl.Collected(t.outputs['report'])


compiler.Compiler().compile(collect_reports, 'collect_reports.yaml')

# collect_reports_loaded.yaml: a pipeline calling it, loaded from that file, and looping over its list
from kfp import components
from kfp.dsl import Input

loaded = components.load_component_from_file('collect_reports.yaml')


@dsl.container_component
def show(report: Input[Dataset]):
    return dsl.ContainerSpec(image='alpine', command=['cat'], args=[report.path])


@dsl.pipeline(name='show-reports')
def show_reports():
    reports = loaded()
    with dsl.ParallelFor(reports.output) as r:
        show(report=r)


compiler.Compiler().compile(show_reports, 'collect_reports_loaded.yaml')
