"""A pipeline as exit task whose tasks read the status at its top level, in a condition and in a loop.

Compiled with KFP SDK 2.15.2 for kfp4j's ExitPipelineFormatTest:
python3 status_in_groups.py  (writes status_in_groups.yaml beside it)
"""

from kfp import compiler
from kfp import dsl
from kfp.dsl import PipelineTaskFinalStatus


@dsl.component(base_image='python:3.12-slim')
def work(message: str):
    print(message)


@dsl.component(base_image='python:3.12-slim')
def report(status: dict, channel: str) -> str:
    print(channel, status)
    return status['state']


@dsl.pipeline(name='notify')
def notify(status: PipelineTaskFinalStatus, page: bool = True):
    report(status=status, channel='log')
    with dsl.If(page == True):
        report(status=status, channel='pager')
    with dsl.ParallelFor(['mail', 'chat']) as channel:
        report(status=status, channel=channel)


@dsl.pipeline(name='status-in-groups')
def status_in_groups(message: str = 'hello', page: bool = True):
    exit_task = notify(page=page)
    with dsl.ExitHandler(exit_task):
        work(message=message)


if __name__ == '__main__':
    compiler.Compiler().compile(status_in_groups, __file__.replace('.py', '.yaml'))
