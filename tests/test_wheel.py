"""The built wheel runs on its own: pattern data and trained models ship inside it.

Build with `pip wheel --no-deps`, install into a fresh virtual environment that sees
the already-installed dependencies but not this checkout (nor its editable install),
run the CLI on the sample drop there, and compare with the run from the checkout.
Slow-ish (about a minute) but part of the default run: a missing data file or
subpackage only shows here.
"""
from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pandas as pd
import pytest

from fixtures_tables import ROOT, SAMPLES, sample_tables  # noqa: F401  (session fixture)


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_processes_the_sample_drop(sample_tables, tmp_path):
    # build from a copy: setuptools builds in-tree and would leave (and reuse) build/
    src = tmp_path / "src"
    for part in ("pipeline", "models"):
        shutil.copytree(ROOT / part, src / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / part, src / part)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(src)], check=True, capture_output=True, text=True)
    (wheel,) = wheels.glob("news_entities-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    purelib = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  check=True, capture_output=True, text=True).stdout.strip())
    # the dependencies already installed here, as plain paths: a .pth line adds a folder
    # but runs none of its own .pth files, so our editable install stays out
    deps = [p for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
                        *site.getsitepackages()} if Path(p).is_dir()]
    (purelib / "zz_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q",
                    str(wheel)], check=True, capture_output=True, text=True)

    work = tmp_path / "elsewhere"  # not the checkout: nothing found relative to it
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(py), "-c", "import pipeline, pipeline.data as d; "
                            "from pipeline.extraction.version import pipeline_version as v; "
                            "print(pipeline.__file__); print(d.DATA_DIR); print(v())"],
                           cwd=work, env=env, check=True, capture_output=True, text=True).stdout
    assert str(ROOT) not in where and str(env_dir) in where, where
    # the same code, data and models give the same version, installed or not
    from pipeline.extraction.version import pipeline_version
    assert where.split()[-1] == pipeline_version()

    out = tmp_path / "out"
    run = subprocess.run([str(py), "-m", "pipeline", "run", str(SAMPLES), "--out", str(out),
                          "--no-report", "--quiet"], cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]

    cols = ["article_id", "start", "end", "label", "text", "norm"]
    got = pd.read_parquet(out / "mentions")[cols].sort_values(cols).reset_index(drop=True)
    want = pd.read_parquet(sample_tables / "mentions")[cols].sort_values(cols).reset_index(drop=True)
    assert len(got) > 100
    pd.testing.assert_frame_equal(got, want)
