"""What AppTest tests of several modules need: the app's navigation kept as a server keeps it, and
catching what download buttons hand the browser.

The `downloads` fixture (conftest.py) collects the files; `download` presses a button's worth of bytes out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest


def remember_navigation(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest forgets before every run that the app calls st.navigation, and the `pages/` folder then puts
    it in Streamlit's old folder mode, where a rerun of the default page runs pages/overview.py alone,
    without app.py (no sidebar, stale filters). A server remembers after the first run; so do we."""
    init = PagesManager.__init__

    def remembering(self, *args, **kwargs):
        init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", remembering)


def catch_downloads(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Media file id -> how to get the bytes behind a download button: stored files (data given up front)
    and deferred ones (a callable run when the button is pressed) are both caught."""
    files: dict = {}
    store, defer = MemoryMediaFileStorage.load_and_get_id, MediaFileManager.add_deferred

    def keep_file(self, path_or_data, *args, **kwargs):
        file_id = store(self, path_or_data, *args, **kwargs)
        files[file_id] = lambda: path_or_data
        return file_id

    def keep_callable(self, make, *args, **kwargs):
        file_id = defer(self, make, *args, **kwargs)
        files[file_id] = make
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep_file)
    monkeypatch.setattr(MediaFileManager, "add_deferred", keep_callable)
    return files


def download(at: AppTest, files: dict, key: str) -> bytes:
    """What pressing the download button hands the browser."""
    button = at.download_button(key=key).proto
    assert button.ignore_rerun, f"{key} reruns the page, which replaces the file its click is fetching"
    data = files[button.deferred_file_id if button.HasField("deferred_file_id") else Path(button.url).stem]()
    return data.encode("utf-8") if isinstance(data, str) else data
