"""Workers and Dask give the records of a one-process run, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sahel_extract as sx
from sahel_extract.job import run_job
from sahel_extract.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale") / "one.jsonl"
    run_job(sx.Pipeline(settings=Settings(model="blank")), [RAW], out)
    return out


def test_two_forked_workers_give_the_same_bytes(one_process, tmp_path):
    out = tmp_path / "two.jsonl"
    pipeline = sx.Pipeline(settings=Settings(model="blank", run={"workers": 2, "batch_size": 2}))
    run_job(pipeline, [RAW], out)
    assert out.read_bytes() == one_process.read_bytes()


def test_spawned_workers_build_their_own_pipeline_and_agree(one_process, tmp_path):
    out = tmp_path / "spawn.jsonl"
    pipeline = sx.Pipeline(settings=Settings(model="blank", run={"workers": 2, "start_method": "spawn"}))
    run_job(pipeline, [RAW], out)
    assert out.read_bytes() == one_process.read_bytes()


def test_dask_local_cluster_on_loopback_gives_the_same_records(one_process, tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "dask.jsonl"
    pipeline = sx.Pipeline(settings=Settings(model="blank", run={"workers": 2, "dask": "local"}))
    summary = run_job(pipeline, [RAW], out)
    assert summary.records == len(_lines(one_process))
    assert out.read_bytes() == one_process.read_bytes()


def test_dask_without_a_scheduler_is_one_clear_error(tmp_path):
    pytest.importorskip("dask.distributed")
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    settings = tmp_path / "settings.json"
    settings.write_text('{"run": {"dask_timeout": 2}}', encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(RAW / "2025-01-14_boulkessi_camp_attack.txt"), "-o",
                                      str(tmp_path / "x.jsonl"), "--model", "blank", "--dask", "tcp://127.0.0.1:9",
                                      "--settings", str(settings)])
    assert result.exit_code == 2
    assert "error" in result.output and "Traceback" not in result.output
