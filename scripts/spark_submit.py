"""spark-submit entry point of the Spark engine (spark-submit runs a script, not a module):

    spark-submit [spark options] scripts/spark_submit.py DROP... --out OUT [run options]

The arguments are those of `python -m pipeline run`; the engine is Spark and the master
is spark-submit's.  The `pipeline` package must be installed where the driver runs.
"""
import sys

from pipeline.batch.spark import main

sys.exit(main())
