"""A catalog's HTML report: an index page plus one self-contained page per entity."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import threading

import pytest

from auditor.cli import main
from auditor.report import forked, html
from tests.conftest import BUNDLED, FIXTURES, SOURCES
from tests.test_reports import _chromium


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    """Three entities: the bundled film, the fixture film, and a folder whose manifest names
    a hostile entity id (its documents then fail the identity check: an unreadable entity)."""
    root = tmp_path_factory.mktemp("catalog")
    shutil.copytree(SOURCES / BUNDLED, root / "sources" / BUNDLED)
    fixture = FIXTURES / "documents" / "cold-meridian-2004"
    shutil.copytree(fixture, root / "sources" / fixture.name)
    hostile = root / "sources" / "hostile"
    hostile.mkdir()
    (hostile / "movieblog.txt").write_bytes((SOURCES / BUNDLED / "movieblog.txt").read_bytes())
    (hostile / "manifest.toml").write_text('entity = "../../<b>CON</b>"\n', encoding="utf-8")
    return root / "sources"


@pytest.fixture(scope="module")
def paged(catalog, tmp_path_factory):
    out = tmp_path_factory.mktemp("paged")
    limit, html.SINGLE_PAGE_UP_TO = html.SINGLE_PAGE_UP_TO, 1
    try:
        main(["check", str(catalog), "--out", str(out)])
    finally:
        html.SINGLE_PAGE_UP_TO = limit
    return out


def _csp_ok(page: str) -> None:
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)


@pytest.mark.parametrize(
    "entity",
    ["leaving-las-vegas-1995", "../../etc/passwd", "CON", "con", "Film", "film ", "a/b", "",
     "Amélie-2001", "x" * 300, "nul.txt", "trailing."],
)
def test_file_names_are_safe(entity):
    name = html.file_name(entity)
    assert re.fullmatch(r"[a-z0-9][a-z0-9._~-]*", name) and len(name) <= 100
    assert ".." not in name and not name.endswith(".")
    assert name.split(".")[0] not in {"con", "prn", "aux", "nul"}


def test_file_names_are_distinct():
    ids = ["Film", "film", "FILM", "a/b", "a-b", "a b", "con", "x" * 300, "x" * 301]
    assert len({html.file_name(i) for i in ids}) == len(ids)


def test_index_and_entity_pages_link_both_ways(paged):
    report = json.loads((paged / "report.json").read_text())
    index = (paged / "report.html").read_text()
    _csp_ok(index)
    pages = sorted((paged / "entities").iterdir())
    assert len(pages) == len(report["entities"]) == 3
    for entity in report["entities"]:
        name = html.file_name(entity)
        page = (paged / "entities" / f"{name}.html").read_text()
        _csp_ok(page)
        assert f'<a href="entities/{name}.html">' in index and f'id="e-{name}"' in index
        assert f'href="../report.html#e-{name}"' in page
        # every discrepancy of this entity is on its page with all its evidence marked, and
        # on no other page
        for d in report["discrepancies"]:
            if d["entity"] == entity:
                article = page[page.index(f'id="d-{d["id"]}"') :]
                article = article[: article.index("</article>")]
                assert article.count("<mark>") == len(d["claims"])
            else:
                assert f'id="d-{d["id"]}"' not in page
    # the hostile id is escaped in the index, and its page is a plain file inside entities/
    assert "&lt;b&gt;CON&lt;/b&gt;" in index and "<b>CON" not in index
    assert "<article" not in index  # the index carries no evidence


def test_index_counts_match_the_json(paged):
    report = json.loads((paged / "report.json").read_text())
    index = (paged / "report.html").read_text()
    for entity in report["entities"]:
        row = re.search(rf'<tr id="e-{re.escape(html.file_name(entity))}">(.*)', index)
        cells = re.findall(r"<td[^>]*>(\d+)", row.group(1))
        expected = [
            sum(d["entity"] == entity for d in report["documents"]),
            *(sum(d["entity"] == entity and d["severity"] == s for d in report["discrepancies"])
              for s in ("error", "warning", "info")),
        ]
        assert [int(c) for c in cells[:4]] == expected


def test_discrepancies_jsonl_is_the_json_reports_list(paged):
    report = json.loads((paged / "report.json").read_text())
    lines = (paged / "discrepancies.jsonl").read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    assert {row.pop("run") for row in rows} == {report["run"]}  # every line names the run
    assert rows == report["discrepancies"]


def test_one_film_stays_one_page_and_stale_pages_go(paged, tmp_path):
    out = tmp_path / "r"
    shutil.copytree(paged, out)
    main(["check", str(SOURCES), "--out", str(out), "--format", "html"])
    assert not (out / "entities").exists()
    assert 'class="matrix-table"' in (out / "report.html").read_text()


def test_index_script_runs_under_its_policy(paged, tmp_path):
    dom = _chromium(paged / "report.html", tmp_path, "--dump-dom")
    assert "3 of 3 shown" in dom  # the script ran: the CSP allowed it
    page = next((paged / "entities").glob("leaving*.html"))
    dom = _chromium(page, tmp_path, "--dump-dom")
    assert 'class="js"' in dom and dom.count('class="disc ') >= 10


def test_pages_rendered_in_parallel_are_the_same(catalog, monkeypatch):
    from auditor.config import load
    from auditor.pipeline import audit

    report = audit([catalog], load())
    monkeypatch.setattr(html, "PARALLEL_FROM", 10**9)
    sequential = list(html.files(report, single_page_up_to=1))
    monkeypatch.setattr(html, "PARALLEL_FROM", 1)
    monkeypatch.setattr(html, "MAX_WORKERS", 2)
    assert list(html.files(report, single_page_up_to=1)) == sequential
    assert len(sequential) == 4


def test_evidence_made_a_slice_at_a_time_is_the_same(catalog, monkeypatch):
    """The evidence rows are made and kept a slice of claims at a time: pages are the same
    whatever the slice, a row at a slice's edge included."""
    from auditor.config import load
    from auditor.pipeline import audit
    from auditor.report import view

    report = audit([catalog], load())
    whole = list(html.files(report, single_page_up_to=1))
    monkeypatch.setattr(view._Claims, "SLICE", 7)
    sliced = list(html.files(report, single_page_up_to=1))
    assert sliced == whole
    claims = next(iter(view.ReportView(report)._claims.values()))
    assert len(claims.texts) == -(-len(claims.ends) // 7) > 10  # many buffers were read


AWKWARD = ["", "plain", 'say "hi" & <b>it\'s</b>', "tab\there\nnew line", "café \U0001f3ac",
           "\u2028sep", "x" * 300]  # fmt: skip


def test_evidence_rows_are_the_rows_written_one_by_one():
    """Every claim's evidence row made column-wise (articles.evidence_rows) is the row the
    Python writer makes from its ClaimRef: escaping, quotes cut at code points (astral
    characters too), page spans and table cells, a context offset past the end, none."""
    import polars as pl

    from auditor.reconcile.model import ClaimStore
    from auditor.report import articles, view

    rows = []
    for n, text in enumerate(AWKWARD):
        context = f"Before {text} after." if n % 3 else None
        at = None if context is None else (7 if n % 2 else len(context) + 5)
        table = n % 4 == 3
        rows.append(dict(
            source=text or None, document=f"d/{text}.txt", raw=text, value='"v"',
            qualifier=text if n % 2 else None, span_start=None if table else 7,
            span_end=None if table else 7 + len(text) + n % 2, origin=("user", "editorial")[n % 2],
            row=n if table else None, column=None if n == 3 else text, context=context,
            context_start=at, attribute="title",
        ))  # fmt: skip
    rows.append(dict(rows[1], context_start=-3))  # Python slices from the end: left to it
    frame = pl.DataFrame(rows, schema_overrides={"context_start": pl.Int64, "row": pl.Int64})
    values = pl.Series([f"<{t}>" for t in [*AWKWARD, AWKWARD[1]]], dtype=pl.String)
    made = articles.evidence_rows(frame, values).to_list()
    store = ClaimStore(frame)
    for i, row in enumerate(made[:-1]):
        expected = view._evidence_view(store.ref(i), "text")
        assert row == articles.evidence_row(view.replace(expected, value=values[i]))
    assert made[-1] is None


def _count_children(monkeypatch) -> list[int]:
    made, real = [], forked.Child
    monkeypatch.setattr(forked, "Child", lambda work: made.append(1) or real(work))
    return made


def test_a_set_shared_between_a_child_and_a_thread_is_the_same(catalog, tmp_path, monkeypatch):
    """At catalog scale the entity pages are written by a forked child and claims.jsonl by a
    thread while this process writes the rest: every file is the one written in turn."""
    from auditor.check import write_reports
    from auditor.config import load
    from auditor.formats import FORMATS
    from auditor.pipeline import audit

    report = audit([catalog], load())
    monkeypatch.setattr(html, "SINGLE_PAGE_UP_TO", 1)
    monkeypatch.setattr(html, "PARALLEL_FROM", 10**9)
    write_reports(report, tmp_path / "in-turn", FORMATS)
    monkeypatch.setattr(html, "PARALLEL_FROM", 1)
    children = _count_children(monkeypatch)
    written = write_reports(report, tmp_path / "shared", FORMATS)
    assert children == [1]
    files = sorted(p.relative_to(tmp_path / "in-turn") for p in (tmp_path / "in-turn").rglob("*"))
    assert files == sorted(p.relative_to(tmp_path / "shared")
                           for p in (tmp_path / "shared").rglob("*"))  # fmt: skip
    assert len([f for f in files if f.parent.name == html.ENTITY_DIR]) == 3
    for f in files:
        if (tmp_path / "in-turn" / f).is_file():
            assert (tmp_path / "in-turn" / f).read_bytes() == (tmp_path / "shared" / f).read_bytes()
    assert [p.name for p in written][:2] == ["report.html", html.ENTITY_DIR]


def test_entity_pages_the_child_leaves_are_written_here(catalog, tmp_path, monkeypatch):
    """The child takes entity pages from the front of a split, this process from the back
    once its own formats are written: a child that takes none leaves them all to this one,
    and the set is the same."""
    from auditor.check import write_reports
    from auditor.config import load
    from auditor.formats import FORMATS
    from auditor.pipeline import audit

    report = audit([catalog], load())
    monkeypatch.setattr(html, "SINGLE_PAGE_UP_TO", 1)
    monkeypatch.setattr(html, "_BATCH", 1)
    monkeypatch.setattr(html, "PARALLEL_FROM", 10**9)
    write_reports(report, tmp_path / "in-turn", FORMATS)
    monkeypatch.setattr(html, "PARALLEL_FROM", 1)
    taken = []
    back = forked.Split.back
    monkeypatch.setattr(forked.Split, "front", lambda self: None)
    monkeypatch.setattr(forked.Split, "back", lambda self: taken.append(back(self)) or taken[-1])
    write_reports(report, tmp_path / "shared", FORMATS)
    assert taken == [2, 1, 0, None]
    for f in (tmp_path / "in-turn").rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (tmp_path / "shared" / f.relative_to(tmp_path / "in-turn")
                                      ).read_bytes()  # fmt: skip


def test_a_split_gives_each_piece_once_across_a_fork():
    split = forked.Split(50)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        mine = []
        while (k := split.front()) is not None:
            mine.append(k)
        os.write(write, json.dumps(mine).encode())
        os._exit(0)
    os.close(write)
    here = []
    while (k := split.back()) is not None:
        here.append(k)
    os.waitpid(pid, 0)
    theirs = json.loads(os.read(read, 1 << 16))
    os.close(read)
    assert sorted(here + theirs) == list(range(50))
    assert theirs == sorted(theirs) and here == sorted(here, reverse=True)


def test_a_split_without_shared_locks_leaves_every_piece_to_the_child(monkeypatch):
    class NoLocks:
        def Lock(self):  # noqa: N802 - multiprocessing's name
            raise OSError(38, "Function not implemented")

    monkeypatch.setattr(forked.multiprocessing, "get_context", lambda method: NoLocks())
    split = forked.Split(3)
    assert split.back() is None
    assert [split.front() for _ in range(4)] == [0, 1, 2, None]


def test_a_child_that_fails_fails_the_set_and_keeps_the_old_one(catalog, tmp_path, monkeypatch):
    from auditor import check
    from auditor.config import load
    from auditor.errors import AuditorError
    from auditor.formats import FORMATS
    from auditor.pipeline import audit

    report = audit([catalog], load())
    out = tmp_path / "reports"
    out.mkdir()
    (out / "report.json").write_text("the previous set", encoding="utf-8")
    monkeypatch.setattr(html, "SINGLE_PAGE_UP_TO", 1)
    monkeypatch.setattr(html, "PARALLEL_FROM", 1)
    written = check.write_text

    def full(path, text):
        if path.parent.name == html.ENTITY_DIR:
            raise OSError(28, "No space left on device")
        written(path, text)

    monkeypatch.setattr(check, "write_text", full)
    children = _count_children(monkeypatch)
    with pytest.raises(AuditorError, match="No space left on device"):
        check.write_reports(report, out, FORMATS)
    assert children == [1]
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]


def test_a_digest_that_fails_fails_the_set_and_keeps_the_old_one(catalog, tmp_path, monkeypatch):
    """At catalog scale the run id is made by a thread while this one makes the pages'
    views: its failure is the set's, and the previous set stays."""
    from auditor import check
    from auditor.config import load
    from auditor.formats import FORMATS
    from auditor.pipeline import audit

    report = audit([catalog], load())
    out = tmp_path / "reports"
    out.mkdir()
    (out / "report.json").write_text("the previous set", encoding="utf-8")
    monkeypatch.setattr(html, "SINGLE_PAGE_UP_TO", 1)
    monkeypatch.setattr(html, "PARALLEL_FROM", 1)
    main_thread = threading.current_thread()

    def digest(report, rows):
        assert threading.current_thread() is not main_thread  # made beside the views
        raise MemoryError("digest")

    monkeypatch.setattr(check, "_digest", digest)
    with pytest.raises(MemoryError, match="digest"):
        check.write_reports(report, out, FORMATS)
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]
    assert (out / "report.json").read_text(encoding="utf-8") == "the previous set"


MATRIX_TEMPLATE = """\
    {% for r in e.rows %}
      <tr data-attribute="{{ r.attribute }}"><th scope="row">{{ r.label }}</th>
      {% for s in e.sources %}{% set c = r.cells.get(s) %}<td class="{{ c.mark if c else '' }}"\
{% if c and c.mark %} data-disagree="{{ c.mark }}"{% endif %}>{% if c %}{{ c.values | join(', ') }}\
{% else %}<span class="muted">—</span>{% endif %}</td>{% endfor %}
      <td class="resolved">{{ r.resolved }}{% if r.confidence is not none %} <span class="conf">\
({{ percent(r.confidence) }})</span>{% endif %}</td></tr>
    {% endfor %}
"""


def test_matrix_rows_are_the_rows_the_template_wrote(catalog):
    """articles.matrix writes the matrix rows directly: the template's bytes, escaping and
    its whitespace (trimmed block lines) included, for every entity, marks and gaps too."""
    from dataclasses import replace

    from auditor.config import load
    from auditor.pipeline import audit
    from auditor.report import articles, view

    template = html._ENV.from_string(MATRIX_TEMPLATE)
    views = list(view.ReportView(audit([catalog], load())))
    full = max(views, key=lambda e: len(e.rows))
    hostile = replace(full, sources=[*full.sources, "<src & 'q'>"])
    hostile.rows[0].cells["<src & 'q'>"] = view.Cell(['a "b" <c>', "d&e"], "warning")
    marked = 0
    for e in [*views, hostile]:
        assert str(articles.matrix(e)) == template.render(e=e, percent=articles.percent)
        marked += sum(1 for r in e.rows for c in r.cells.values() if c.mark)
    assert marked and any(not e.rows for e in views)


@pytest.mark.parametrize(
    ("confidence", "shown"),
    [(1.0, "100%"), (0.999, ">99%"), (0.995, ">99%"), (0.994, "99%"), (0.5, "50%"),
     (0.004, "<1%"), (0.0, "0%")],
)  # fmt: skip
def test_a_confidence_short_of_certain_never_reads_100_percent(confidence, shown):
    from auditor.report.articles import percent

    assert percent(confidence) == shown


def test_the_index_lists_table_files_with_their_notes_and_sources_before_entities(tmp_path):
    """A catalog read from a table: the index shows the file and what it stated that was not
    read (the note, escaped), and the source table comes before the long entity table."""
    from auditor.config import load
    from auditor.pipeline import audit

    (tmp_path / "t.csv").write_text(
        "src,id,gate\na,x1,C24\nb,x1,C26\na,x2,B3\nb,x2,<b>none</b>\n", encoding="utf-8"
    )
    (tmp_path / "audit.toml").write_text(
        '[[tables]]\npath = "t.csv"\nsource = { column = "src" }\nentity = ["id"]\n'
        '[tables.columns]\ngate = { attribute = "gate" }\n[attributes.gate]\nkind = "code"\n',
        encoding="utf-8",
    )
    (tmp_path / "sources").mkdir()
    report = audit([tmp_path / "sources"], load(config_file=tmp_path / "audit.toml"))
    _, index = next(iter(html.files(report, single_page_up_to=1)))
    assert "<h3>Table files</h3>" in index
    assert "<td>t.csv</td><td>2 sources</td><td>table:csv</td><td>3</td>" in index
    assert "gate 1 (&#39;&lt;b&gt;none&lt;/b&gt;&#39;)" in index
    assert index.index('id="src-h"') < index.index('id="ent-h"')


def test_only_pages_that_may_show_an_unseen_character_are_written_out(catalog, tmp_path):
    """A catalog's entity pages are written out (`unseen.written_out`) where their claims or
    documents hold a character a reviewer cannot see, and only there: every page is what
    writing out all of them gives, and a clean catalog spares every page the pass."""
    from auditor.config import load
    from auditor.pipeline import audit
    from auditor.report import unseen

    sources = tmp_path / "sources"
    shutil.copytree(catalog, sources)
    page = sources / BUNDLED / "movieblog.txt"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Director: Mike", "Director: Mi\x1b[31mke"),
        encoding="utf-8",
    )
    report = audit([sources], load())
    holding = unseen.entities_holding(report)
    assert holding == {BUNDLED}
    pages = dict(html.files(report, single_page_up_to=1))
    assert pages == {p: unseen.written_out(t) for p, t in pages.items()}
    assert not any(unseen.PATTERN.search(t) for t in pages.values())
    assert "Mi\\x1b[31mke" in pages[f"{html.ENTITY_DIR}/{html.file_name(BUNDLED)}.html"]
    assert unseen.entities_holding(audit([catalog], load())) == frozenset()
