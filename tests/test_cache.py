"""The claims cache: a re-run reads unchanged documents from it and gives the same reports."""

from __future__ import annotations

import re
import shutil

import pytest

from auditor import cache
from auditor.cli import main
from auditor.documents import discover
from auditor.pipeline import extract_paths
from tests.conftest import BUNDLED, FIXTURES, ROOT, SOURCES


@pytest.fixture
def catalog(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES / BUNDLED, sources / BUNDLED)
    fixture = FIXTURES / "documents" / "cold-meridian-2004"
    shutil.copytree(fixture, sources / fixture.name)
    (sources / fixture.name / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return sources


def _counting(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = cache.extract_document

    def counted(ref, *rest):
        seen.append(ref.relpath)
        return real(ref, *rest)

    monkeypatch.setattr(cache, "extract_document", counted)
    return seen


def test_warm_run_reads_the_cache_and_matches_a_cold_one(catalog, monkeypatch):
    seen = _counting(monkeypatch)
    cold = extract_paths([catalog], workers=1)
    assert len(seen) == 11
    seen.clear()
    warm = extract_paths([catalog], workers=1)
    assert seen == []
    assert warm.claims.equals(cold.claims) and warm.claims.height > 250
    assert [(d.adapter, d.error, len(d.claims)) for d in warm.documents] == [
        (d.adapter, d.error, len(d.claims)) for d in cold.documents
    ]
    assert [d.error is not None for d in warm.documents].count(True) == 1
    assert tuple(warm.documents[0].claims) == tuple(cold.documents[0].claims)


def test_one_changed_document_is_all_that_is_extracted(catalog, monkeypatch):
    extract_paths([catalog], workers=1)
    blog = catalog / BUNDLED / "movieblog.txt"
    blog.write_text(blog.read_text().replace("54,198", "54,917"), encoding="utf-8")
    seen = _counting(monkeypatch)
    warm = extract_paths([catalog], workers=1)
    assert seen == [f"{BUNDLED}/movieblog.txt"]
    again = extract_paths([catalog], workers=1)  # from two shards, put back in order
    assert len(seen) == 1
    monkeypatch.setenv(cache.ENV, "off")
    cold = extract_paths([catalog], workers=1)
    assert warm.claims.equals(cold.claims) and again.claims.equals(cold.claims)
    assert '"54,917"' not in warm.claims.get_column("raw").to_list()  # the raw is the page's
    assert "54,917" in warm.claims.get_column("raw").to_list()


def test_a_damaged_or_foreign_cache_is_no_cache(catalog, monkeypatch, tmp_path):
    cold = extract_paths([catalog], workers=1)
    for shard in (tmp_path / "cache").rglob("*.parquet"):
        shard.write_bytes(b"garbage")
    assert extract_paths([catalog], workers=1).claims.equals(cold.claims)
    seen = _counting(monkeypatch)
    assert extract_paths([catalog], workers=1).claims.equals(cold.claims)
    assert seen == []  # the damaged shards were replaced by good ones
    monkeypatch.setattr(cache, "fingerprint", lambda: "0" * 20)  # other code: other claims
    seen.clear()
    assert extract_paths([catalog], workers=1).claims.equals(cold.claims)
    assert len(seen) == 11
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == ["0" * 20]


def test_reports_are_byte_identical_to_a_cold_run(catalog, monkeypatch, tmp_path, capsys):
    outs = []
    for name, env in (("off", "off"), ("cold", None), ("warm", None)):
        if env:
            monkeypatch.setenv(cache.ENV, env)
        else:
            monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
        main(["check", str(catalog), "--out", str(tmp_path / name)])
        outs.append(tmp_path / name)
    capsys.readouterr()
    for path in sorted(outs[0].rglob("*")):
        if path.is_file():
            rel = path.relative_to(outs[0])
            for other in outs[1:]:
                assert (other / rel).read_bytes() == path.read_bytes(), rel


def test_the_cache_sits_in_the_project_and_git_ignores_it(monkeypatch):
    monkeypatch.delenv(cache.ENV, raising=False)
    from auditor.documents import discover

    assert cache.location(discover([SOURCES])) == ROOT / ".auditor-cache"
    assert ".auditor-cache/" in (ROOT / ".gitignore").read_text().splitlines()


def test_an_unchanged_file_is_not_read_again_but_an_edit_is_seen(catalog, monkeypatch):
    import os

    blog = catalog / BUNDLED / "movieblog.txt"
    old = os.stat(blog).st_mtime_ns - 10_000_000_000  # not "recent": worth remembering
    for doc in catalog.rglob("*.txt"):
        os.utime(doc, ns=(old, old))
    cold = extract_paths([catalog], workers=1)
    hashed: list[str] = []
    real = cache.key
    monkeypatch.setattr(cache, "key", lambda ref: hashed.append(ref.relpath) or real(ref))
    assert extract_paths([catalog], workers=1).claims.equals(cold.claims)
    assert hashed == []
    # same size, new time: read and hashed again, and its new claims used
    blog.write_text(blog.read_text().replace("54,198", "54,917"), encoding="utf-8")
    warm = extract_paths([catalog], workers=1)
    assert hashed == [f"{BUNDLED}/movieblog.txt"]
    assert "54,917" in warm.claims.get_column("raw").to_list()
    # a manifest that files the same bytes under another source: another key
    (catalog / BUNDLED / "manifest.toml").write_text(
        (catalog / BUNDLED / "manifest.toml").read_text().replace(
            'source = "movieblog"', 'source = "someblog"'
        ),
        encoding="utf-8",
    )
    renamed = extract_paths([catalog], workers=1)
    assert "someblog" in renamed.claims.get_column("source").to_list()


def test_shards_are_compacted_into_one(catalog, monkeypatch, tmp_path):
    monkeypatch.setattr(cache, "MAX_SHARDS", 1)
    cold = extract_paths([catalog], workers=1)
    blog = catalog / BUNDLED / "movieblog.txt"
    blog.write_text(blog.read_text() + "\n", encoding="utf-8")
    changed = extract_paths([catalog], workers=1)
    assert len(list((tmp_path / "cache").rglob("claims-*.parquet"))) == 1
    seen = _counting(monkeypatch)
    assert extract_paths([catalog], workers=1).claims.equals(changed.claims)
    assert seen == [] and changed.claims.height == cold.claims.height


def _hashing(monkeypatch) -> list[str]:
    hashed: list[str] = []
    real = cache.key
    monkeypatch.setattr(cache, "key", lambda ref: hashed.append(ref.relpath) or real(ref))
    return hashed


def test_a_cold_run_keys_each_document_from_the_one_reading(catalog, monkeypatch):
    (catalog / "cold-meridian-2004" / "binary.txt").write_bytes(b"\x00\x01 refused unread")
    hashed = _hashing(monkeypatch)
    cold = extract_paths([catalog], workers=1)
    # Nothing cached: no document is read to be hashed before it is extracted; its key comes
    # from the digest of the bytes extraction read (read again only when it had none: a
    # document refused while decoding).
    assert hashed == ["cold-meridian-2004/binary.txt"]
    hashed.clear()
    seen = _counting(monkeypatch)
    warm = extract_paths([catalog], workers=1)
    assert seen == [] and warm.claims.equals(cold.claims)
    # The copied documents kept their times: remembered with the keys extraction told, they
    # are not read again; the two written just now are too recent to trust their times.
    assert hashed == ["cold-meridian-2004/binary.txt", "cold-meridian-2004/broken.txt"]
    assert [d.error for d in warm.documents] == [d.error for d in cold.documents]
    assert sum(d.error is not None for d in warm.documents) == 2


def test_workers_write_their_chunks_to_the_cache(catalog, monkeypatch, tmp_path):
    hashed = _hashing(monkeypatch)
    refs = discover([catalog])
    results, cold = cache.extract(refs, workers=2, parallel_from=1)  # a pool of two
    assert hashed == []  # the workers keyed the documents they read
    folder = next(p for p in (tmp_path / "cache").iterdir() if p.is_dir())
    shards = cache.Store(folder).shards()
    assert shards and all(re.fullmatch(r"[0-9a-f]{12}-\d{5}", s) for s in shards)
    assert len(cache.Store(folder).runs()) == 1
    seen = _counting(monkeypatch)
    warm_results, warm = cache.extract(refs, workers=2, parallel_from=1)
    assert seen == [] and warm.equals(cold) and cold.height > 250  # their keys are this one's
    assert [len(r.claims) for r in warm_results] == [len(r.claims) for r in results]
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.extract(refs, workers=1, parallel_from=99)[1].equals(cold)
