"""Bad input gets one clear line naming the file and the fix; everything else is still audited.

Every case runs `auditor check` through the CLI on a copy of the bundled sources with one bad
thing added, and checks the exit code, the exact line, and that the five good documents' claims
are all in the reports.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.cli import main
from auditor.documents import simple_manifest
from tests.conftest import FIXTURES, ROOT

FILM = "leaving-las-vegas-1995"
SOURCES = {"imdb", "movieblog", "rottentomatoes", "wikipedia", "filmsuggest"}


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


def _check(capsys, tmp_path, sources, *extra):
    out_dir = tmp_path / "reports"
    code, out, err = _run(capsys, "check", str(sources), "--out", str(out_dir), *extra)
    assert "Traceback" not in out + err and "unexpected" not in err
    return code, out, err, out_dir


def _good_documents_kept(out_dir, sources=SOURCES):
    docs = json.loads((out_dir / "report.json").read_text())["documents"]
    good = {d["source"] for d in docs if d["error"] is None and d["claims"] > 0}
    assert sources <= good
    claimed = {json.loads(x)["source"] for x in (out_dir / "claims.jsonl").read_text().splitlines()}
    assert sources <= claimed
    return docs


def _page(sources, name):
    return (sources / FILM / name).read_bytes()


def _wiki_cp1252(sources) -> bytes:
    text = _page(sources, "wikipedia.txt").decode()
    plain = text.replace("\u2005", " ").replace("\u2013", "-").replace("\u2019", "'")
    return plain.encode("cp1252", errors="replace").replace(b"Caz\xe8s", b"Caz\xe8s \x93q\x94")


def _binary(_sources) -> bytes:
    rng = random.Random(7)
    return bytes(rng.choice([1, 2, 3, 4, 5, 6, 7, 65, 66, 200, 201]) for _ in range(4000))


def _with_nul(sources) -> bytes:
    data = _page(sources, "wikipedia.txt")  # past the first 8 KiB, where sniffing stops
    return data[:10000] + b"\x00" + data[10000:]


def _undecodable(_sources) -> bytes:
    rng = random.Random(1)
    return b"Title: " + bytes(rng.randrange(128, 256) for _ in range(3000))


def _html(sources) -> bytes:
    return b"<!DOCTYPE html>\n<html><head><title>x</title></head><body>\n" + _page(
        sources, "imdb.txt"
    )


# name -> (make the file's bytes, the exact message after "error: <film>/<name>: ")
DOCUMENTS = {
    "empty.txt": (lambda s: b"", "is empty; capture the page again or remove the file"),
    "blank.txt": (lambda s: b"   \n\n  ", "is empty; capture the page again or remove the file"),
    "binary.txt": (
        _binary,
        "is a binary file, not a captured text page; replace it with the page's text",
    ),
    "nul.txt": (
        _with_nul,
        "contains NUL bytes (the first at offset 10000): it is binary or corrupted; "
        "replace it with the page's text",
    ),
    "utf16.txt": (
        lambda s: _page(s, "movieblog.txt").decode().encode("utf-16-be"),
        "is UTF-16 without a byte-order mark (a NUL byte beside each Latin letter); save it as "
        "UTF-8",
    ),
    "undecodable.txt": (
        _undecodable,
        "is not UTF-8 (byte 0x",  # the byte is random; the rest is checked below
    ),
    "truncated.txt": (
        lambda s: _page(s, "imdb.txt")[:6000],
        "looks truncated: the imdb page's closing section is missing; capture the whole page again",
    ),
    "cutchar.txt": (
        lambda s: (raw := _page(s, "filmsuggest.txt"))[: raw.index("Céline".encode()) + 2],
        "is truncated in the middle of a character (its last bytes are not whole UTF-8); "
        "capture the whole page again",
    ),
    "damaged.txt": (  # a UTF-8 page decoded as cp1252 would read 'Céline' as 'CÃ©line'
        lambda s: _page(s, "filmsuggest.txt").replace(b"line", b"line\xff", 1),
        "is UTF-8 but for 1 invalid byte sequence (the first, 0xFF, at offset ",
    ),
    "unknown.txt": (
        lambda s: b"Just a shopping list\nmilk\neggs\n",
        "matches no known page template (imdb, movieblog, rottentomatoes, wikipedia, "
        "filmsuggest); check it is a whole captured page of a supported site, or add an adapter",
    ),
    "otherfilm.txt": (
        lambda s: (b := _page(s, "movieblog.txt")).replace(b.split(b"\n")[0], b"Some Other Film"),
        "is about 'Some Other Film', not the entity 'leaving-las-vegas-1995' of its folder; "
        "move it to an entity folder named 'some-other-film-1995' or fix the manifest",
    ),
    "page.html": (
        _html,
        "is a raw HTML page, not a text capture of one; save the page as text (what the "
        "browser shows) and audit that",
    ),
    "imdb-copy.txt": (
        lambda s: _page(s, "imdb.txt"),
        "has the same content as leaving-las-vegas-1995/imdb.txt; remove one of them (a copy "
        "would count as a second source agreeing)",
    ),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_bad_document(capsys, tmp_path, sources_copy, name):
    make, message = DOCUMENTS[name]
    (sources_copy / FILM / name).write_bytes(make(sources_copy))
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    [line] = _errors(err)  # one line, and no misleading one about suites
    assert line.startswith(f"error: {FILM}/{name}: {message}"), line
    if name == "undecodable.txt":
        assert "its encoding cannot be told with confidence" in line and "iconv" in line
    _good_documents_kept(out_dir)


def test_misnamed_entity_folder_is_told_the_name_it_needs(capsys, tmp_path, sources_copy):
    """A folder named by hand for another title ("leaving-vegas-1995") fails every page; the
    message names the folder the pages' title and year make, so the user need not guess the
    slug rule."""
    (sources_copy / FILM / "manifest.toml").unlink()  # it names the entity itself
    (sources_copy / FILM).rename(sources_copy / "leaving-vegas-1995")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    lines = _errors(err)
    assert len(lines) == len(SOURCES)
    assert all(
        "not the entity 'leaving-vegas-1995' of its folder; move it to an entity folder "
        "named 'leaving-las-vegas-1995'" in line
        for line in lines
    ), lines


@pytest.mark.parametrize(
    ("title", "folder"),
    [
        ("The Ferryman’s Wife", "the-ferrymans-wife-1995"),
        ("The Ferryman’s Wife", "the-ferryman-s-wife-1995"),
        ("WALL·E", "walle-1995"),
        ("WALL·E", "wall-e-1995"),
        ("8½", "812-1995"),
        ("Léon: The Professional", "leon-the-professional-1995"),
        ("Se7en", "se7en-1995"),
        ("M*A*S*H", "mash-1995"),
    ],
)
def test_a_titles_signs_are_dropped_or_separators_in_its_folder(tmp_path, title, folder):
    """A folder named for a title with an apostrophe, a dot, a fraction or a colon drops the
    sign or splits on it; either is the film's entity, not another film's."""
    from auditor.documents import discover
    from auditor.extract import extract_document

    page = (ROOT / "sources" / FILM / "movieblog.txt").read_text(encoding="utf-8")
    (tmp_path / folder).mkdir()
    doc = tmp_path / folder / "movieblog.txt"
    doc.write_text(page.replace(page.split("\n")[0], title), "utf-8")
    [ref] = discover([doc])
    assert extract_document(ref).error is None


def test_legacy_encoding_is_decoded_and_said(capsys, tmp_path, sources_copy):
    """A cp1252 page is read (detection is confident) and the report says how."""
    folder = sources_copy / FILM
    (folder / "wikipedia.txt").write_bytes(_wiki_cp1252(sources_copy))
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 1 and not _errors(err)
    docs = _good_documents_kept(out_dir)
    [wiki] = [d for d in docs if d["source"] == "wikipedia"]
    assert wiki["note"] == "decoded as cp1252 (not UTF-8)"
    assert wiki["claims"] >= 30
    assert "decoded as cp1252" in (out_dir / "report.html").read_text()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_change_nothing(capsys, tmp_path, sources_copy, encoding):
    code, _, err, plain = _check(capsys, tmp_path / "plain", sources_copy)
    for name in ("imdb.txt", "wikipedia.txt"):
        path = sources_copy / FILM / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    code2, _, err2, marked = _check(capsys, tmp_path / "marked", sources_copy)
    assert (code, code2) == (1, 1) and not _errors(err + err2)
    a, b = (json.loads((d / "report.json").read_text()) for d in (plain, marked))
    assert [d["id"] for d in a["discrepancies"]] == [d["id"] for d in b["discrepancies"]]
    label = "UTF-8 with a byte-order mark" if encoding == "utf-8-sig" else "UTF-16"
    notes = {d["source"]: d.get("note") for d in b["documents"]}
    assert notes["imdb"] == notes["wikipedia"] == f"decoded as {label}"


def _entry(folder, kind, tmp_path):
    """Make a bad entry of `kind` in `folder`; return its name."""
    if kind == "dangling-link":
        os.symlink("nowhere.txt", folder / "dangling.txt")
        return "dangling.txt"
    if kind == "link-loop":
        os.symlink("loop.txt", folder / "loop.txt")
        return "loop.txt"
    if kind == "outside-link":
        secret = tmp_path / "secret.txt"
        secret.write_text("password=hunter2\n")
        os.symlink(secret, folder / "outside.txt")
        return "outside.txt"
    if kind == "fifo":
        os.mkfifo(folder / "pipe.txt")
        return "pipe.txt"
    if kind == "folder":
        (folder / "imdb2.txt").mkdir()
        (folder / "imdb2.txt" / "x.txt").write_text("x")
        return "imdb2.txt"
    raise AssertionError(kind)


ENTRIES = {
    "dangling-link": "is a symbolic link to 'nowhere.txt', which does not exist; fix the link or "
    "remove it",
    "link-loop": "is a symbolic link to 'loop.txt', which leads back to it (a loop); fix the "
    "link or remove it",
    "outside-link": "is a symbolic link to a file outside the sources folder; copy the document "
    "into the sources instead of linking to it",
    "fifo": "is not a regular file (it is a FIFO); replace it with the captured page",
    "folder": "is a folder inside an entity folder, where only documents belong; move its "
    "documents into an entity folder of their own, or remove it",
}


@pytest.mark.parametrize("kind", sorted(ENTRIES))
def test_bad_entry(capsys, tmp_path, sources_copy, kind):
    name = _entry(sources_copy / FILM, kind, tmp_path)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert _errors(err) == [f"error: {FILM}/{name}: {ENTRIES[kind]}"]
    _good_documents_kept(out_dir)
    assert "hunter2" not in (out_dir / "claims.jsonl").read_text()


def test_link_inside_the_sources_is_followed(capsys, tmp_path, sources_copy):
    folder = sources_copy / FILM
    (sources_copy / ".captures").mkdir()
    (folder / "imdb.txt").rename(sources_copy / ".captures" / "imdb.txt")
    os.symlink(sources_copy / ".captures" / "imdb.txt", folder / "imdb.txt")
    code, _, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 1 and not _errors(err)
    _good_documents_kept(out_dir)


def test_document_over_the_size_limit(capsys, tmp_path, sources_copy):
    config = tmp_path / "auditor.toml"
    config.write_text('sources = "sources"\nmax_document_mb = 1\n')
    page = _page(sources_copy, "imdb.txt")
    (sources_copy / FILM / "huge.txt").write_bytes(page * (2_000_000 // len(page) + 1))
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    [line] = _errors(err)
    assert line.startswith(f"error: {FILM}/huge.txt: is 2.")
    assert line.endswith(
        "MB, over the limit of 1 MB; check it is one captured page, or raise max_document_mb in "
        "the configuration"
    )
    _good_documents_kept(out_dir)


def _second_entity(sources):
    target = sources / "cold-meridian-2004"
    shutil.copytree(FIXTURES / "documents" / "cold-meridian-2004", target)
    return target


_SKIPPED = (
    '; see `entity = "..."` and [documents."file"] source/captured in the docs; this entity '
    "was skipped"
)


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (
            "entity = \n",
            "is not a valid TOML manifest (Invalid value (at line 1, column 10)); fix or delete "
            "it; this entity was skipped",
        ),
        (
            '[documents."imdb.txt"]\nsource = "imdb"\ncaptured = "31 Feb 2001"\n',
            "has the wrong shape (documents.\"imdb.txt\".captured '31 Feb 2001' is no year or "
            "date (2017-04-14))" + _SKIPPED,
        ),
        (
            '[documents."imdb.txt"]\nsourse = "imdb"\n',
            'has the wrong shape (documents."imdb.txt" has unknown keys sourse)' + _SKIPPED,
        ),
        (
            'documents = "x"\n',
            'has the wrong shape (documents must be a table of [documents."<file>"] tables); see '
            '`entity = "..."` and [documents."file"] source/captured in the docs; this entity '
            "was skipped",
        ),
        (
            "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
            "is not a valid TOML manifest (maximum recursion depth exceeded); fix or delete it; "
            "this entity was skipped",
        ),
    ],
)
def test_bad_manifest_costs_only_its_entity(capsys, tmp_path, sources_copy, manifest, message):
    other = _second_entity(sources_copy)
    (other / "manifest.toml").write_text(manifest)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert _errors(err) == [f"error: cold-meridian-2004/manifest.toml: {message}"]
    _good_documents_kept(out_dir)
    claims = (out_dir / "claims.jsonl").read_text().splitlines()
    assert {json.loads(line)["entity"] for line in claims} == {FILM}


def test_a_capture_date_in_words_is_kept_in_iso_form(sources_copy):
    """Capture dates are compared as text (the latest capture's vote count wins): "April
    2017" kept as written would be later than "2023", so it is kept as "2017-04"."""
    from auditor.documents import discover

    manifest = sources_copy / FILM / "manifest.toml"
    text = manifest.read_text().replace('captured = "2017"', 'captured = "14 April 2017"')
    manifest.write_text(text.replace('captured = "2023"', "captured = 2023-05-30"))
    captured = {ref.source: ref.captured for ref in discover([sources_copy])}
    assert captured["imdb"] == "2017-04-14" and captured["wikipedia"] == "2023-05-30"


def test_unreadable_entity_folder_costs_only_itself(capsys, tmp_path, sources_copy, monkeypatch):
    """Root reads any folder, so the refusal is simulated where the folder is listed."""
    other = _second_entity(sources_copy)
    real = os.scandir

    def scandir(path):
        if isinstance(path, str | os.PathLike) and os.fspath(path) == os.fspath(other):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert _errors(err) == [
        "error: cold-meridian-2004/: cannot be listed (Permission denied); check the folder's "
        "permissions; its documents were not audited"
    ]
    _good_documents_kept(out_dir)


def test_unwritable_out_folder(capsys, tmp_path, sources_copy):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(blocker / "reports"))
    assert code == 2 and "Traceback" not in err
    assert _errors(err) == [
        f"error: {blocker / 'reports'}: the reports cannot be written there (Not a directory); "
        "choose another --out or fix the folder's permissions"
    ]
    assert "5 documents (0 unreadable), " in out  # the run itself was not lost


def test_empty_sources_folder(capsys, tmp_path):
    empty = tmp_path / "sources"
    empty.mkdir()
    code, out, err = _run(capsys, "check", str(empty), "--out", str(tmp_path / "r"))
    assert code == 2
    assert _errors(err) == [
        f"error: {empty}: no documents found; put documents in <sources>/<entity>/<source>.txt"
    ]


def test_empty_sources_folder_in_the_project(capsys, tmp_path, monkeypatch):
    (tmp_path / "auditor.toml").write_text('sources = "sources"\n')
    (tmp_path / "sources").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "check")
    assert code == 2 and "no documents found" in err


CONFIGS = {
    "sources = 5": "sources = 5: expected a folder path as a string",
    '[trust]\nimdb = "high"': '[trust] imdb = "high": expected a number >= 0 (the source\'s '
    "prior weight)",
    "[trust]\nimdb = -1": "[trust] imdb = -1: expected a number >= 0 (the source's prior weight)",
    '[attributes.runtime]\ntolerance = "two"': '[attributes.runtime] tolerance = "two": '
    "expected a number >= 0",
    '[severity]\nvalue-conflict = "fatal"': '[severity] value-conflict = "fatal": expected one '
    "of error, warning, info",
    '[aliases.distributor]\n"United Artists" = "MGM"': '[aliases.distributor] "United Artists" '
    '= "MGM": expected a list of names that mean the same',
    "[attributes.runtimes]\ntolerance = 2": "[attributes] runtimes = {'tolerance': 2}: expected "
    "a known attribute (",
    'fail_on = "sometimes"': 'fail_on = "sometimes": expected one of error, warning, info, never',
    '[severity]\nAU999 = "info"': '[severity] AU999 = "info": expected a kind\'s code or name '
    "(see `auditor rules`), optionally ':attribute'",
    "colour = 1": "unknown key colour; the keys are ",
    "[attributes.runtime]\ntolerance = true": "[attributes.runtime] tolerance = true: expected a "
    "number >= 0",
    '[attributes.runtime]\nkind = "money"': '[attributes.runtime] kind = "money": the pages state '
    "runtime as duration; keep that kind, or map the table's column to an attribute of another "
    "name",
}


@pytest.mark.parametrize("text", sorted(CONFIGS))
def test_bad_configuration_value(capsys, tmp_path, sources_copy, text):
    config = tmp_path / "auditor.toml"
    config.write_text(text + "\n")
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(tmp_path / "r"))
    assert code == 2
    assert _errors(err)[0].startswith(f"error: {config}: {CONFIGS[text]}"), err
    assert len(_errors(err)) == 1


def test_bad_configuration_in_pyproject_names_the_table(capsys, tmp_path, sources_copy):
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n\n[tool.auditor.trust]\nimdb = "high"\n')
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(tmp_path / "r"))
    assert code == 2
    assert _errors(err) == [
        f'error: {config}: [tool.auditor.trust] imdb = "high": expected a number >= 0 (the '
        "source's prior weight)"
    ]


def test_invalid_toml_configuration(capsys, tmp_path, sources_copy):
    config = tmp_path / "auditor.toml"
    config.write_text("[trust\n")
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(tmp_path / "r"))
    assert code == 2
    [line] = _errors(err)
    assert line.startswith(f"error: {config}: not valid TOML (") and line.endswith("; fix the file")


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


def test_control_characters_in_a_file_name_stay_off_the_terminal(capsys, tmp_path, sources_copy):
    (sources_copy / FILM / "bad\x1b[31mname.txt").write_bytes(b"")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2 and "\x1b" not in err
    assert _errors(err) == [
        f"error: {FILM}/bad\\x1b[31mname.txt: is empty; capture the page again or remove the file"
    ]


def test_missing_path_is_a_usage_error(capsys, tmp_path):
    code, _, err = _run(capsys, "extract", str(tmp_path / "nope"))
    assert code == 2
    assert _errors(err) == [
        f"error: {tmp_path / 'nope'}: no such file or folder; pass a sources folder or a document"
    ]


def test_unknown_option_is_a_usage_error(capsys):
    code, _, err = _run(capsys, "check", "--no-such-option")
    assert code == 2 and "No such option" in err


def test_stray_file_at_the_sources_root_costs_only_itself(capsys, tmp_path, sources_copy):
    (sources_copy / "notes.txt").write_text("to do: check the dates\n")
    _second_entity(sources_copy)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert _errors(err) == [
        "error: notes.txt: is a file at the top of the sources folder, where only entity folders "
        "belong; move it into its entity's folder or out of the sources"
    ]
    _good_documents_kept(out_dir)


def test_notes_beside_the_one_entity_folder_do_not_make_the_root_an_entity(
    capsys, tmp_path, sources_copy
):
    """More files than folders at the top made the sources folder one entity, its film's
    folder refused inside it and every document lost; a subfolder with a manifest is an
    entity folder, so the root is the sources root and only the two stray files are refused."""
    (sources_copy / "notes.txt").write_text("to do: check the dates\n")
    (sources_copy / "sites.csv").write_text("site,url\n")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert [line.split(":")[1] for line in _errors(err)] == [" notes.txt", " sites.csv"]
    _good_documents_kept(out_dir)


def test_linked_entity_folder_inside_the_sources_is_audited(capsys, tmp_path, sources_copy):
    target = _second_entity(sources_copy)
    (sources_copy / ".store").mkdir()
    target.rename(sources_copy / ".store" / "cold-meridian-2004")
    os.symlink(sources_copy / ".store" / "cold-meridian-2004", target)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert not _errors(err)
    claims = (out_dir / "claims.jsonl").read_text().splitlines()
    assert {json.loads(line)["entity"] for line in claims} == {FILM, "cold-meridian-2004"}


def test_linked_entity_folder_outside_the_sources_is_refused(capsys, tmp_path, sources_copy):
    target = _second_entity(sources_copy)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target.rename(elsewhere / target.name)
    os.symlink(elsewhere / target.name, target)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert _errors(err) == [
        "error: cold-meridian-2004/: is a symbolic link to a folder outside the sources folder; "
        "copy the entity's documents into the sources instead of linking to them"
    ]
    _good_documents_kept(out_dir)


def test_file_name_that_is_not_utf8(capsys, tmp_path, sources_copy):
    folder = sources_copy / FILM
    (folder / "manifest.toml").unlink()  # it names movieblog.txt
    os.rename(folder / "movieblog.txt", os.fsencode(folder) + b"/movie\xe9blog.txt")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    [line] = _errors(err)
    assert line.endswith("blog.txt: has a file name that is not UTF-8; rename it")
    _good_documents_kept(out_dir, SOURCES - {"movieblog"})


def test_manifest_naming_a_missing_document(capsys, tmp_path, sources_copy):
    (sources_copy / FILM / "manifest.toml").write_text(
        '[documents."capture.txt"]\nsource = "imdb"\n'
    )
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    assert _errors(err) == [
        f"error: {FILM}/capture.txt: is named in manifest.toml but does not exist; add the "
        "document or remove its entry from the manifest"
    ]
    _good_documents_kept(out_dir)


def test_copy_keeps_the_page_named_after_its_template(capsys, tmp_path, sources_copy):
    folder = sources_copy / FILM
    (folder / "backup.txt").write_bytes((folder / "imdb.txt").read_bytes())
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert _errors(err) == [
        f"error: {FILM}/backup.txt: has the same content as {FILM}/imdb.txt; remove one of them "
        "(a copy would count as a second source agreeing)"
    ]
    _good_documents_kept(out_dir)


def test_a_refused_entity_says_nothing_of_the_suites(capsys, tmp_path, sources_copy):
    (sources_copy / FILM / "manifest.toml").write_text("entity = 5\n")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 2
    [line] = _errors(err)
    assert line.startswith(f"error: {FILM}/manifest.toml: has the wrong shape (entity must be")


def test_reports_inside_the_sources_are_refused(capsys, tmp_path, sources_copy):
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(sources_copy / "r"))
    assert code == 2
    assert _errors(err) == [
        f"error: {sources_copy / 'r'}: is inside the sources folder {sources_copy}; choose an "
        "--out outside it"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("max_document_mb = inf", "max_document_mb = inf: expected a number of megabytes > 0"),
        ("[trust]\nimdb = nan", "[trust] imdb = nan: expected a number >= 0"),
        (
            '[aliases.distributer]\n"A" = ["B"]',
            "[aliases] distributer = {'A': ['B']}: expected an attribute name (",
        ),
        (
            '[severity]\n"value-conflict:runtme" = "info"',
            '[severity] "value-conflict:runtme" = "info": expected an attribute after \':\' (',
        ),
        ('expectations = "missing"', 'expectations = "missing": '),
        ("x = " + "[" * 100_000 + "]" * 100_000, "not valid TOML (maximum recursion depth"),
    ],
)
def test_more_bad_configuration(capsys, tmp_path, sources_copy, text, message):
    config = tmp_path / "auditor.toml"
    config.write_text(text + "\n")
    code, out, err = _run(capsys, "check", str(sources_copy), "--out", str(tmp_path / "r"))
    assert code == 2 and "unexpected" not in err
    [line] = _errors(err)
    assert line.startswith(f"error: {config}: {message}"), line


@pytest.mark.parametrize(
    ("suite", "message"),
    [
        ('{"name": "x", "meta": "x", "expectations": []}', "meta must be an object"),
        (
            '{"name": "ok", "expectations": []}',
            "ok.json: has the name 'ok' of bad.json; give each suite a name of its own",
        ),
        (None, "cannot be read (Is a directory)"),
        ("[" * 100_000 + "]" * 100_000, "bad.json: not valid JSON (maximum recursion depth"),
    ],
)
def test_bad_suite_files(capsys, tmp_path, sources_copy, suite, message):
    folder = tmp_path / "suites"
    folder.mkdir()
    (folder / "ok.json").write_text('{"name": "ok", "expectations": []}')
    if suite is None:
        (folder / "dir.json").mkdir()
    else:
        (folder / "bad.json").write_text(suite)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy, "--expectations", str(folder))
    assert code == 2
    [line] = _errors(err)
    assert message in line
    _good_documents_kept(out_dir)


def test_baseline_problems_are_found_before_the_audit(capsys, tmp_path, sources_copy):
    code, out, err = _run(capsys, "check", str(sources_copy), "--baseline", str(tmp_path))
    assert code == 2
    assert _errors(err) == [
        f"error: {tmp_path}: cannot be read as a baseline (Is a directory); give the baseline file"
    ]
    assert "claims" not in out  # refused before any work


def test_entity_folder_named_as_people_write_it(capsys, tmp_path, sources_copy):
    """The folder name is matched on its slug: "Leaving Las Vegas (1995)" is the same film."""
    (sources_copy / FILM).rename(sources_copy / "Leaving Las Vegas (1995)")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert code == 1 and not _errors(err)
    _good_documents_kept(out_dir)


_MANIFEST_LINES = st.sampled_from(
    [
        'entity = "a-film-1999"',
        'entity = ""',
        "entity = 1999",
        "entity = 01999",
        '[documents."imdb.txt"]',
        '[documents."imdb.txt"]  # the page',
        "[documents.imdb]",
        '[ documents."x.txt" ]',
        "[documents]",
        'source = "imdb"',
        "source = 'imdb'",
        'source = "im\\"db"',
        'captured = "2017"   # footer',
        "captured = 2017",
        "captured = 2014-04-01",
        "captured = 2014-02-30",
        "captured = 2014-04-01T10:00:00",
        "captured =",
        'documents = "x"',
        "# a comment with \"quotes\" and é",
        "",
        "   ",
        "\r",
        'key.dotted = "x"',
        'source = "a" extra',
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MANIFEST_LINES, max_size=8))
def test_the_fast_manifest_reader_agrees_with_tomllib(lines):
    text = "\n".join(lines)
    fast = simple_manifest(text)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast is None
        return
    assert fast is None or fast == expected


def test_the_bundled_manifest_takes_the_fast_reader():
    text = (ROOT / "sources" / FILM / "manifest.toml").read_text(encoding="utf-8")
    assert simple_manifest(text) == tomllib.loads(text)


_SAVED_AS = {
    "windows line breaks": lambda t: t.replace("\n", "\r\n"),
    "old mac line breaks": lambda t: t.replace("\n", "\r"),
    "spaces at every line's end": lambda t: "\n".join(line + "  \t" for line in t.split("\n")),
    "typographic apostrophes": lambda t: t.replace("'", "\u2019"),
}


@pytest.mark.parametrize("saved_as", sorted(_SAVED_AS))
def test_a_page_saved_with_other_line_ends_states_the_same_facts(tmp_path, saved_as):
    """A capture saved on Windows, with white space left at its lines' ends (a blank line of
    spaces) or with typographic apostrophes states what the same page does: the same claims
    (apostrophes as written), each located exactly."""
    from auditor.documents import discover
    from auditor.extract import extract_document

    def unified(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2019", "'")

    def facts(result):
        return sorted((c.attribute, unified(c.raw), unified(str(c.value))) for c in result.claims)

    for page in sorted((ROOT / "sources" / FILM).glob("*.txt")):
        folder = tmp_path / saved_as.replace(" ", "-") / FILM
        folder.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8")
        saved = folder / page.name
        saved.write_text(_SAVED_AS[saved_as](text), encoding="utf-8", newline="")
        [plain_ref], [saved_ref] = discover([page]), discover([saved])
        plain, other = extract_document(plain_ref), extract_document(saved_ref)
        assert other.error is None, other.error
        assert facts(other) == facts(plain), page.name
        original = saved.read_bytes().decode("utf-8")
        assert all(original[c.span_start : c.span_end] == c.raw for c in other.claims)


def test_figures_of_hundreds_of_digits_are_no_value_not_a_failed_page(
    capsys, tmp_path, sources_copy
):
    """A count, a score and an amount written with 400 digits overflow a float to infinity:
    each states no value, and the page's other facts are still read."""
    page = sources_copy / FILM / "movieblog.txt"
    huge = "9" * 400
    text = page.read_text(encoding="utf-8")
    for stated, garbled in (("54,198", huge), ("82/100", f"{huge}/{huge}"), ("3,600,000", huge)):
        assert stated in text
        text = text.replace(stated, garbled)
    page.write_text(text, encoding="utf-8")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert not _errors(err), err
    _good_documents_kept(out_dir)
    claims = [json.loads(x) for x in (out_dir / "claims.jsonl").read_text().splitlines()]
    blog = {c["attribute"] for c in claims if c["source"] == "movieblog"}
    assert {"title", "director", "user_rating"} <= blog
    assert not {"rating_votes", "critic_score", "budget"} & blog


@pytest.mark.parametrize(
    ("expectation", "message"),
    [
        (
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "runtime",
                                                                      "mostly": 7}},
            "(expectation 1, expect_column_values_to_not_be_null: mostly: ensure this value is "
            "less than or equal to 1.0); fix the expectation",
        ),
        (
            {"type": "expect_column_values_to_be_between", "kwargs": {"colum": "runtime",
                                                                     "min_value": 0}},
            "(expectation 1, expect_column_values_to_be_between: column: field required; colum: "
            "extra fields not permitted); fix the expectation",
        ),
        (
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "runtime"},
             "severity": "fatal"},
            "(expectation 1, expect_column_values_to_not_be_null: Invalid severity 'fatal'. Must "
            "be one of: critical, warning, info); fix the expectation",
        ),
    ],
)
def test_a_refused_expectation_is_named_with_what_gx_says_of_it(
    capsys, tmp_path, sources_copy, expectation, message
):
    """Great Expectations' own error for a suite counts a model's errors ("2 validation
    errors") or drops the expectation silently: the line names which one and which field."""
    folder = tmp_path / "suites"
    folder.mkdir()
    fine = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "title"}}
    suite = {"name": "bad", "expectations": [fine, expectation]}
    (folder / "bad.json").write_text(json.dumps(suite))
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy, "--expectations", str(folder))
    assert code == 2
    refused = f"error: {folder / 'bad.json'}: Great Expectations refuses it"
    assert _errors(err) == [f"{refused} {message}"]
    _good_documents_kept(out_dir)


@pytest.mark.parametrize(
    ("baseline", "message"),
    [
        (
            {"version": 2, "discrepancies": [{"id": "c2c8059d11a79f31"}]},
            "is a baseline of version 2; this auditor reads version 1",
        ),
        ({"discrepancies": []}, "states no version (this auditor reads version 1)"),
        ({"version": 1, "discrepancies": [{"id": 5}]}, "not a baseline file (discrepancy 0 has "
         "no id)"),
        ({"version": 1, "discrepancies": "c2c8"}, 'not a baseline file (expected {"version": 1, '
         '"discrepancies": [...]})'),
    ],
)
def test_a_baseline_of_another_version_or_shape_is_refused(
    capsys, tmp_path, sources_copy, baseline, message
):
    """Another version's fingerprints would match nothing, and every accepted discrepancy
    would fail CI as new: refused before the audit, as a missing baseline is."""
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(baseline))
    code, out, err = _run(capsys, "check", str(sources_copy), "--baseline", str(path))
    assert code == 2
    assert _errors(err) == [f"error: {path}: {message}; recreate it with `auditor baseline`"]
    assert "claims" not in out


def test_a_baseline_written_to_a_folder_is_told_to_name_the_file(capsys, tmp_path, sources_copy):
    code, out, err = _run(capsys, "baseline", str(sources_copy), "--out", str(tmp_path))
    assert code == 2
    assert _errors(err) == [
        f"error: {tmp_path}: is a folder; pass --out the baseline file to write"
    ]


def test_a_line_of_initials_in_a_page_costs_no_more_than_its_length(tmp_path):
    """Every "J. " of a line "J. J. J. ..." opens a sentence, and a possessive name tried at
    each ran to the line's end: 60 KB of them took half a minute (now a fraction of a
    second). The page's facts are still read."""
    import time

    from auditor.documents import discover
    from auditor.extract import extract_document

    folder = tmp_path / FILM
    folder.mkdir()
    text = (ROOT / "sources" / FILM / "wikipedia.txt").read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2)
    (folder / "wikipedia.txt").write_text(text[:cut] + "\n" + "J. " * 20_000 + text[cut:])
    [ref] = discover([folder / "wikipedia.txt"])
    started = time.perf_counter()
    result = extract_document(ref)
    assert time.perf_counter() - started < 10
    assert result.error is None and {"title", "director", "runtime"} <= {
        c.attribute for c in result.claims
    }


# Terminal colours and a hyperlink, a bell, DEL, C1 controls, bidirectional overrides.
_UNSEEN = "\x01\x07\x08\x0b\x0c\x1b[31mred\x1b]8;;http://x.invalid\x07x\x7f\x85\x9b\u202e\u2066"


def test_characters_a_reviewer_cannot_see_are_written_out_or_dropped(
    capsys, tmp_path, sources_copy
):
    """A page's control characters and bidirectional overrides reach no report: the HTML and
    JUnit write each out (`\\x1b`, `\\u202e`), Markdown drops them, the JSON files escape them;
    the XML and JSON files still parse."""
    import xml.etree.ElementTree as ET

    from auditor.report import unseen

    page = sources_copy / FILM / "movieblog.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Director: Mike", f"Director: Mi{_UNSEEN}ke"), encoding="utf-8")
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert not _errors(err), err
    _good_documents_kept(out_dir)
    for path in sorted(out_dir.rglob("*.*")):
        written = path.read_text(encoding="utf-8")
        assert not unseen.PATTERN.search(written), path.name
    html, junit = (out_dir / "report.html").read_text(), (out_dir / "junit.xml").read_text()
    assert "Mi\\x01\\x07\\x08\\x0b\\x0c\\x1b[31mred\\x1b]8" in html
    assert "\\x7f\\x85\\x9b\\u202e\\u2066" in html and "\\u202e\\u2066" in junit
    ET.fromstring(junit)
    json.loads((out_dir / "report.sarif").read_text())


def test_a_character_of_no_width_inside_a_label_loses_no_claim(tmp_path):
    """A page carrying U+FEFF or U+200B inside a label or a name ("Dir\ufeffector: Mike")
    reads as it would without them, each claim's evidence still its exact span of the page."""
    from auditor.documents import discover
    from auditor.extract import extract_document

    folder = tmp_path / FILM
    folder.mkdir()
    text = (ROOT / "sources" / FILM / "movieblog.txt").read_text(encoding="utf-8")
    plain = extract_document(discover([ROOT / "sources" / FILM / "movieblog.txt"])[0])
    odd = text.replace("Director: Mike", "Dir\ufeffector: Mike\u200b")
    assert odd != text
    (folder / "movieblog.txt").write_text(odd, encoding="utf-8")
    [ref] = discover([folder / "movieblog.txt"])
    result = extract_document(ref)
    assert len(result.claims) == len(plain.claims)
    assert {c.value for c in result.claims if c.attribute == "director"} == {
        c.value for c in plain.claims if c.attribute == "director"
    }
    for c in result.claims:
        assert odd[c.span_start : c.span_end] == c.raw


def test_a_long_hyphenated_capitalised_word_costs_no_more_than_its_length(tmp_path):
    """A review's names are looked for in runs of capitalised words; a pattern asking for two
    words was tried again at every capital inside one hyphenated word "Abc-Abc-...", each try
    reading to its end: 100 KB of it took most of a minute (now a fraction of a second)."""
    import time

    from auditor.documents import discover
    from auditor.extract import extract_document

    folder = tmp_path / FILM
    folder.mkdir()
    text = (ROOT / "sources" / FILM / "rottentomatoes.txt").read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2)
    (folder / "rottentomatoes.txt").write_text(text[:cut] + "\n" + "Abc-" * 25_000 + text[cut:])
    [ref] = discover([folder / "rottentomatoes.txt"])
    started = time.perf_counter()
    result = extract_document(ref)
    assert time.perf_counter() - started < 10
    assert result.error is None and {"title", "director"} <= {c.attribute for c in result.claims}


def test_a_sentence_of_thousands_of_amounts_costs_no_more_than_its_length(tmp_path):
    """Each amount of a sentence was read with the sentence's words from its start (and every
    money word of the sentence compared with it): a 'sentence' of 30 KB of "cost $1 " took
    most of a minute. Now each reads back a bounded reach; every amount is still a budget."""
    import time

    from auditor.documents import discover
    from auditor.extract import extract_document

    folder = tmp_path / FILM
    folder.mkdir()
    text = (ROOT / "sources" / FILM / "wikipedia.txt").read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2)
    (folder / "wikipedia.txt").write_text(text[:cut] + "\n" + "cost $1 " * 3_750 + text[cut:])
    [ref] = discover([folder / "wikipedia.txt"])
    started = time.perf_counter()
    result = extract_document(ref)
    assert time.perf_counter() - started < 10
    assert result.error is None
    assert sum(c.attribute == "budget" for c in result.claims) > 3_750


def test_an_entity_folder_name_that_is_not_utf8(capsys, tmp_path, sources_copy):
    """Its documents' paths are no UTF-8 text: the cache's table of them took the run down
    ('unexpected UnicodeEncodeError'); now its documents are read like any other."""
    folder = sources_copy / FILM
    for page in folder.iterdir():  # old enough for the cache to remember
        os.utime(page, (1e9, 1e9))
    os.rename(folder, os.fsencode(folder) + b"-\xe9")  # the manifest names the entity
    _second_entity(sources_copy)
    code, out, err, out_dir = _check(capsys, tmp_path, sources_copy)
    assert not _errors(err), err
    docs = _good_documents_kept(out_dir)
    assert {d["entity"] for d in docs} == {FILM, "cold-meridian-2004"}
