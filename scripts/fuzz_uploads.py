"""Feed thousands of generated and mutated files through the upload path.

    python scripts/fuzz_uploads.py --count 5000 [--seed 1]

Prints how many files it tried and what happened to each kind of outcome. Every file
must end accepted or refused with its problems; a refused file must leave the stored
figures exactly as they were. Runs on a temporary copy of data/.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.services.database import open_store  # noqa: E402
from tests.conftest import make_workspace  # noqa: E402
from tests.fuzzing import run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    ws = make_workspace(Path(tempfile.mkdtemp()), samples=True)
    with open_store(ws):
        pass
    start = time.perf_counter()
    tally, crashes = run(ws, args.count, args.seed)
    took = time.perf_counter() - start
    print(f"tried {args.count} files in {took:.1f} s (seed {args.seed})")
    for outcome, n in sorted(tally.items()):
        print(f"  {outcome:24} {n}")
    for line in crashes[:20]:
        print(line)
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
