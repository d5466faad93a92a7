"""Loads each KFP 2 file given with KFP's SDK and compiles it again with KFP's compiler.

Usage: python compile_again.py OUT_DIR FILE...
Writes OUT_DIR/<file name> for each file, or prints 'FAILED <file>: <error>' and goes on; exit code 1 when any failed.
"""
import os
import sys

from kfp import compiler, components

out, files = sys.argv[1], sys.argv[2:]
failed = False
for f in files:
    try:
        compiler.Compiler().compile(components.load_component_from_file(f), os.path.join(out, os.path.basename(f)))
    except Exception as e:  # every file is tried; the test names each that failed
        print(f'FAILED {f}: {e!r}')
        failed = True
sys.exit(1 if failed else 0)
