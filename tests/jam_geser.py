"""Run a command of this project with its clock moved forward by N seconds (time-machine), ticking on:

    python tests/jam_geser.py 259200 manage.py runserver --noreload 127.0.0.1:8001

For the end-to-end test of the province roll-up, which moves the offices and the province "three
days" ahead. The offset is added to this process's own clock, so under `make test-jam` (libfaketime
for the whole suite) every instance stays on the suite's moment plus its offset.
"""

import os
import runpy
import sys
import time

import time_machine

geser = float(sys.argv[1])
sys.argv = sys.argv[2:]
# As `python script.py` would: the script's folder first on the import path, not this one's.
sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
time_machine.travel(time.time() + geser, tick=True).start()
runpy.run_path(sys.argv[0], run_name="__main__")
