"""Presentation mode in a real browser (Playwright driving Debian's Chromium): no sidebar, the arrow keys move
between screens and the URL keeps the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import App, main_area, params, serve, settle, sidebar, visit


@pytest.fixture(scope="module")
def app(demo, tmp_path_factory) -> Iterator[App]:
    """The session's demo warehouse (conftest.demo), only read here."""
    with serve(demo, tmp_path_factory.mktemp("present") / "streamlit.log") as served:
        yield served


def heading(page) -> str:
    return main_area(page).locator("h1").first.inner_text()


def test_arrow_keys_step_through_screens_without_a_sidebar(app: App, page):
    visit(page, app, "/trinh-chieu?tinh=75")
    assert heading(page) == "Tuần lễ hưởng ứng học tập suốt đời năm 2026"
    assert not sidebar(page).is_visible()
    assert "Tỉnh Đồng Nai · năm 2026 so với năm 2025 · địa giới hiện nay (từ 1/7/2025)" in main_area(page).inner_text()
    page.keyboard.press("ArrowRight")
    page.get_by_text("Số liệu chính").first.wait_for()
    settle(page)
    assert params(page)["trang"] == ["2"] and params(page)["tinh"] == ["75"]
    page.keyboard.press("ArrowRight")
    page.get_by_text("Người tham gia qua các năm").first.wait_for()
    settle(page)
    page.keyboard.press("ArrowLeft")
    page.get_by_text("Số liệu chính").first.wait_for()
    settle(page)
    assert params(page)["trang"] == ["2"]
    page.reload()
    main_area(page).locator("h1").first.wait_for()
    settle(page)
    assert heading(page) == "Số liệu chính", "the screen is kept in the URL"


def test_reached_from_an_analysis_page(app: App, page: Path):
    visit(page, app, "/kinh-phi?tinh=79")
    sidebar(page).get_by_role("link", name="Trình chiếu").click()
    page.get_by_text("Tuần lễ hưởng ứng học tập suốt đời năm 2026").first.wait_for()
    settle(page)
    assert "Thành phố Hồ Chí Minh · năm 2026" in main_area(page).inner_text()
