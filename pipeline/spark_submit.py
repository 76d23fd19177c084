"""Entry point of the Spark engine for spark-submit, which runs a script path, not a
module: pass this file (its imports are absolute, so it runs as a script), then the
arguments of `python -m pipeline run`.  The engine is Spark and the master is
spark-submit's (see README, "Running on a cluster")::

    spark-submit [spark options] "$(python -c 'import pipeline.spark_submit as m; print(m.__file__)')" \\
        DROP... --out OUT [run options]
"""
from __future__ import annotations

import sys
from typing import Optional


def main(argv: Optional[list[str]] = None) -> int:
    from pipeline.cli import main as cli_main

    args = sys.argv[1:] if argv is None else list(argv)
    return cli_main(["run", *args, "--engine", "spark"])


if __name__ == "__main__":
    sys.exit(main())
