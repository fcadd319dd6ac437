"""``honours read`` end to end: as a user runs it, through the installed console script."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def honours(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the ``honours`` console script of this environment."""
    exe = shutil.which("honours", path=str(Path(sys.executable).parent))
    assert exe, "the honours console script is not installed (pip install -e .)"
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_read_corpus_summary_lists_every_article(corpus):
    run = honours("read", "--format", "summary", str(corpus))
    assert run.returncode == 0, run.stderr
    assert "guangdong-gongyun-2025-11.txt: 16 articles" in run.stdout
    assert "nanfang-gongbao-2025-10-29.txt: 6 articles" in run.stdout
    assert "Traceback" not in run.stderr


def test_read_jsonl_has_metadata_and_source_spans(corpus):
    path = corpus / "nanfang-gongbao-2025-10-29.txt"
    run = honours("read", "--format", "jsonl", str(path))
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["index"] for r in rows] == list(range(6))
    first = rows[0]
    assert first["title"] == "佛山召开产业工人队伍建设改革工作推进会"
    assert (first["date"], first["date_precision"], first["date_method"]) == ("2025-10-29", "day", "dateline")
    source = path.read_text(encoding="utf-8")
    assert source[first["start"]:first["end"]].startswith("佛山召开")


def test_read_demo_examples_work_anywhere():
    run = honours("read", "--format", "summary", str(ROOT / "examples"))
    assert run.returncode == 0, run.stderr
    assert "jiangmen-may-day-2023-04-28.txt: 1 articles" in run.stdout


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("noise.txt", bytes(range(256)) * 8, "binary"),
        ("table.xlsx", b"PK\x03\x04 not really", "unsupported"),
        ("fake.pdf", "这不是PDF文件，只是文字。".encode(), "not a PDF"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "PDF"),
    ],
)
def test_read_bad_input_is_skipped_with_reason(tmp_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("广东省总工会授予李明广东省五一劳动奖章。", encoding="gb18030")
    run = honours("read", "--format", "summary", str(bad), str(good))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    line = next(ln for ln in run.stderr.splitlines() if ln.startswith("skipped"))
    assert name in line and reason.lower() in line.lower()
    assert "good.txt: 1 articles" in run.stdout  # the rest of the batch goes on


def test_read_missing_file_names_it(tmp_path):
    run = honours("read", str(tmp_path / "nowhere.txt"))
    assert run.returncode == 1
    assert "nowhere.txt" in run.stderr and "Traceback" not in run.stderr
