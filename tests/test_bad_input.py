"""Bad documents get one clear line naming the document and the fix; the others still count."""

from __future__ import annotations

import json

import pytest

from auditor.cli import main

FILM = "leaving-las-vegas-1995"


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _bad(folder, name, data: bytes):
    (folder / FILM / name).write_bytes(data)


CASES = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b"   \n\n  ", "is empty"),
    "binary.txt": (bytes(range(256)) * 8, "is a binary file"),
    "cp1252.txt": (None, "is not UTF-8"),
    "latin1.txt": (None, "is not UTF-8"),
    "truncated.txt": (None, "looks truncated"),
    "cutchar.txt": (None, "truncated in the middle of a character"),
    "unknown.txt": (b"Just a shopping list\nmilk\neggs\n", "matches no known page template"),
    "otherfilm.txt": (None, "not the entity"),
}


def _make(sources, name):
    data, _ = CASES[name]
    folder = sources / FILM
    wiki = (folder / "wikipedia.txt").read_text(encoding="utf-8")
    if name == "cp1252.txt":
        data = (
            wiki.replace("\u2005", " ")
            .replace("\u2013", "-")
            .replace("\u2019", "'")
            .encode("cp1252", errors="replace")
            .replace(b"Caz\xe8s", b"Caz\xe8s \x93quoted\x94")
        )
    elif name == "latin1.txt":
        data = wiki.encode("latin-1", errors="replace")
    elif name == "truncated.txt":
        data = (folder / "imdb.txt").read_bytes()[:6000]
    elif name == "cutchar.txt":
        raw = (folder / "filmsuggest.txt").read_bytes()
        data = raw[: raw.index("Céline".encode()) + 2]
    elif name == "otherfilm.txt":
        blog = (folder / "movieblog.txt").read_text(encoding="utf-8")
        first = blog.splitlines()[0]
        data = blog.replace(first, "Some Other Film", 1).encode()
    _bad(sources, name, data)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_document_is_reported_and_others_extracted(capsys, tmp_path, sources_copy, name):
    _make(sources_copy, name)
    out_dir = tmp_path / "reports"
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(out_dir))
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, err
    assert f"{FILM}/{name}" in errors[0] and CASES[name][1] in errors[0]
    assert ";" in errors[0]  # the problem, then what to do
    assert "Traceback" not in err + out
    docs = json.loads((out_dir / "report.json").read_text())["documents"]
    good = [d for d in docs if d["error"] is None]
    assert len(good) == 5 and all(d["claims"] > 0 for d in good)
    claims = (out_dir / "claims.jsonl").read_text().splitlines()
    assert {json.loads(line)["source"] for line in claims} == {
        "imdb",
        "movieblog",
        "rottentomatoes",
        "wikipedia",
        "filmsuggest",
    }


def test_hostile_html_is_extracted_as_text(capsys, sources_copy):
    folder = sources_copy / FILM
    blog = (folder / "movieblog.txt").read_text(encoding="utf-8")
    hostile = blog.replace(
        "Director: ", 'Director: <script>alert(1)</script><img src=x onerror="alert(2)">', 1
    )
    (folder / "movieblog.txt").write_text(hostile, encoding="utf-8")
    code, out, err = _run(capsys, "extract", str(folder / "movieblog.txt"))
    assert code == 0, err
    directors = [json.loads(x) for x in out.splitlines() if '"director"' in x]
    assert any("<script>alert(1)</script>" in d["value"] for d in directors)


def test_missing_path_is_a_usage_error(capsys, tmp_path):
    code, _, err = _run(capsys, "extract", str(tmp_path / "nope"))
    assert code == 2 and "no such file or folder" in err


def test_unknown_option_is_a_usage_error(capsys):
    code, _, err = _run(capsys, "check", "--no-such-option")
    assert code == 2 and "No such option" in err
