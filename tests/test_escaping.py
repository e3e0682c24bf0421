"""Outside text is shown as written, never read as Markdown or HTML (dashboard.safe_text).

Three levels: the helper on ordinary messages (left as they are, so they stay readable); a page that puts hostile
texts through it into every kind of element the app uses, read in Debian's Chromium (what the browser draws is
the text, and nothing is fetched); and the app's own pages, an upload of a form whose unit names are hostile,
in AppTest and in the browser.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import streamlit as st
from app_support import remember_navigation
from streamlit.testing.v1 import AppTest

from dashboard import auth
from dashboard.safe_text import WORD_JOINER, literal
from etl.accounts import add_account
from etl.ingest import ingest_paths
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "http://127.0.0.1:8639/anh.png"  # nothing listens there: a request for it is what must not happen
CONTROL = "http://127.0.0.1:8639/control.png"  # drawn unescaped once, to show that such a request would be seen
HOSTILE = [
    f"![ảnh]({IMAGE})",
    "[bấm vào đây](http://evil.example/)",
    "<b>đậm</b><img src=http://127.0.0.1:8639/the.png><script>alert(1)</script>",
    "**Xã đậm** và __đậm__ và *nghiêng* và _nghiêng_",
    "$x^2$ và $$y$$",
    ":red[đỏ] :blue-badge[nhãn] :material/home:",
    ":smile: :+1: :sunglasses:",
    "http://evil.example/a.png www.evil.example thu@evil.example",
    "<http://evil.example> &amp; &#58; &copy;",
    "`mã` ~~gạch~~ | a | b |",
    ":-) :( <3 :/ ;) :D 10:30:00",
    "# Tiêu đề",
    "- mục",
    "+ mục",
    "1. mục",
    "12) mục",
    "> trích",
    "= bằng",
    "[^1] [x]: http://evil.example/",
    "a\\*b\\* \\",
    "___",
]
ORDINARY = [
    "Tệp 'ghi_chu.docx': loại tệp '.docx' không được nhận (chỉ nhận .xlsx, .xls, .ods, .csv).",
    "sheet 'Tong hop', ô D10: giá trị 'khoảng 200' không phải là số",
    "thêm bí danh vào data/unit_aliases.csv",
    "Phường 12, Quận Gò Vấp (cũ) — 1.234 người, 5,5 triệu đồng; 45% (so với 2024)",
]


# --- the helper -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_left_as_they_are(text):
    assert literal(text) == text


def test_marks_get_a_backslash_and_links_a_word_joiner():
    assert literal(f"![ảnh]({IMAGE})") == f"!\\[ảnh\\](http\\:{WORD_JOINER}\\/\\/127.0.0.1\\:8639\\/anh.png)"
    assert literal(":smile: :material/home: ô D10: 11/10") == "\\:smile\\: \\:material\\/home\\: ô D10: 11/10"
    assert literal("- a\n\n    b") == "\\- a b"
    assert literal("thu@evil.example") == f"thu@{WORD_JOINER}evil.example"


# --- what the browser draws ---------------------------------------------------------------------------------------

FORBIDDEN = "img, a, em, code, del, s, table, h1, h2, h3, h4, h5, h6, blockquote, ol, hr, pre, .katex, [style*=color]"


def drawn_texts(page, number: int) -> list[str]:
    """Every Markdown element's text in the text's block, as drawn (the word joiners are zero-width)."""
    block = page.locator(f".st-key-text_{number}")
    texts = block.locator('[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"]').all_inner_texts()
    return [t.replace(WORD_JOINER, "").strip() for t in texts]


@pytest.fixture(scope="module")
def contexts(tmp_path_factory, browser):
    from browser_support import fresh_context, serve, settle

    folder = tmp_path_factory.mktemp("escaping")
    env = {"HTSD_TEXTS": json.dumps(HOSTILE), "HTSD_CONTROL": f"![ảnh]({CONTROL})"}
    with serve(folder / "none.duckdb", folder / "streamlit.log", env, script="tests/markdown_contexts.py") as served:
        context = fresh_context(browser)
        requests: list[str] = []
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(served.url("/"))
        page.locator(f".st-key-text_{len(HOSTILE) - 1}").get_by_test_id("stRadio").wait_for()
        settle(page)
        yield page, served, requests
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("number", range(len(HOSTILE)))
def test_the_browser_draws_each_hostile_text_as_written(contexts, number):
    page, _, _ = contexts
    text = HOSTILE[number]
    assert drawn_texts(page, number) == [text, text, f"{text} …", text, text, text, text, text]
    block = page.locator(f".st-key-text_{number}")
    assert block.locator(FORBIDDEN).count() == 0
    assert block.locator("strong").count() == 1 and block.locator("li").count() == 1  # the page's own ones


@pytest.mark.browser
def test_nothing_is_fetched_from_anywhere_else_but_the_unescaped_control(contexts):
    page, served, requests = contexts
    elsewhere = [u for u in requests if urlsplit(u).netloc != urlsplit(served.base).netloc]
    assert elsewhere == [CONTROL]


# --- the upload page ----------------------------------------------------------------------------------------------

UNIT_NAMES = HOSTILE[:7]  # image, link, tags, emphasis, math, colour and icons, emoji


def hostile_form() -> bytes:
    """Huế's long CSV (tests/fixtures/hue_long_2020.csv) with its unknown ward replaced by hostile names, one
    row each: each becomes an unresolved unit, and the preview warns about each by name."""
    lines = (FIXTURES / "hue_long_2020.csv").read_bytes().decode("utf-16").splitlines()
    kept = [line for line in lines if "Kim Long" not in line]
    quoted = ['"' + name.replace('"', '""') + '",2020,Thừa Thiên Huế,Lễ khai mạc,Số lượng,1' for name in UNIT_NAMES]
    return "\n".join(kept + quoted).encode("utf-8")


def unescaped(markdown: str) -> str:
    """What CommonMark shows of text that has only backslash escapes (and zero-width word joiners)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


@pytest.fixture
def officer_app(tmp_path, monkeypatch, index):
    remember_navigation(monkeypatch)
    db = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(tmp_path / "accounts.toml"))
    monkeypatch.delenv("HTSD_PRIVATE", raising=False)
    add_account("hoa", "officer", "can-bo-du-lieu", "Trần Văn Hòa")
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[auth.SESSION_USER] = "hoa"
    at.run()
    at.switch_page("pages/upload.py").run()
    yield at
    st.cache_data.clear()
    st.cache_resource.clear()


def test_the_upload_preview_quotes_hostile_unit_names_as_text(officer_app):
    at = officer_app
    at.file_uploader[0].set_value([("![tệp](http://evil.example/x).csv", hostile_form(), "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    [warnings] = [m.value for m in at.markdown if m.value.startswith("- ")]
    items = warnings.split("\n")
    assert len(items) == len(UNIT_NAMES)
    for item, name in zip(items, UNIT_NAMES, strict=True):
        assert f"'{literal(name)}'" in item
        assert f"'{name}'" in unescaped(item)
    unmarked = re.sub(r"\\.", "", warnings)  # what is left once every escaped character is taken out
    for raw in ("![", "](", "**", "<b>", "$x", ":red[", ":smile:", "http://"):
        assert raw not in unmarked
    [title] = [m.value for m in at.markdown if "badge[" in m.value]
    assert title.startswith(f"**{literal('![tệp](http://evil.example/x).csv')}** ")


# --- the upload page in the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator:
    from browser_support import serve

    folder = tmp_path_factory.mktemp("escaping_app")
    warehouse = folder / "warehouse.duckdb"
    assert ingest_paths([FIXTURES / "hue_long_2020.csv"], warehouse)[0].status == "loaded"
    people = folder / "accounts.toml"
    add_account("hoa", "officer", "can-bo-du-lieu", "Trần Văn Hòa", path=people)
    with serve(warehouse, folder / "streamlit.log",
                    {"HTSD_ACCOUNTS": str(people), "HTSD_PRIVATE": ""}) as served:
        yield served


@pytest.mark.browser
def test_an_uploaded_image_name_is_shown_and_never_fetched(app, page):
    from browser_support import log_in, main_area, settle, visit

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    visit(page, app, "/nop-bao-cao")
    log_in(page, "hoa", "can-bo-du-lieu", "**/nop-bao-cao")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "hue.csv", "mimeType": "text/csv", "buffer": hostile_form()}])
    warned = main_area(page).get_by_test_id("stExpander").filter(has_text="cảnh báo (vẫn nạp được)")
    warned.wait_for()
    settle(page)
    warned.get_by_text("cảnh báo").click()
    settle(page)
    shown = warned.inner_text().replace(WORD_JOINER, "")
    for name in UNIT_NAMES:
        assert f"'{name}'" in shown
    assert warned.locator(FORBIDDEN).count() == 0
    page.wait_for_timeout(1000)  # an image would be asked for as soon as it is drawn
    hostile_hosts = {urlsplit(IMAGE).netloc, "evil.example"}
    assert requests and not [u for u in requests if urlsplit(u).netloc in hostile_hosts]



# --- the names page -----------------------------------------------------------------------------------------------


def test_the_names_page_confirms_a_hostile_name_as_text(tmp_path, monkeypatch):
    db, names = tmp_path / "warehouse.duckdb", tmp_path / "unit_aliases.csv"
    form = tmp_path / "hue.csv"
    form.write_bytes(hostile_form())
    shutil.copy(ROOT / "data" / "unit_aliases.csv", names)  # the page appends to a copy of the officers' file
    monkeypatch.setenv("HTSD_ALIASES", str(names))
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    monkeypatch.setenv("HTSD_ACCOUNTS", str(tmp_path / "accounts.toml"))
    loaded = ingest_paths([form], db)[0]
    assert loaded.status == "loaded", loaded.errors
    add_account("hoa", "officer", "can-bo-du-lieu", "Trần Văn Hòa")
    at = AppTest.from_file(str(ROOT / "pages" / "names.py"), default_timeout=60)
    at.session_state[auth.SESSION_USER] = "hoa"
    at.run()
    listed = list(at.dataframe[0].value.iloc[:, 0])
    assert sorted(listed) == sorted(UNIT_NAMES)  # a table shows them as plain text
    image = UNIT_NAMES[0]
    at.selectbox(key="names_pick").set_value(listed.index(image)).run()
    at.button(key="names_save").click().run()
    [done] = [s.value for s in at.success]
    assert done.startswith(f"Đã ghi nhận “{literal(image)}” là ")
    assert "![" not in re.sub(r"\\.", "", done) and image in unescaped(done)
