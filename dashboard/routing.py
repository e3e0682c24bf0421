"""The first session after a server start, opened on a shared link (/du-lieu, /so-sanh …).

Streamlit decides per process, when the first session starts, whether the app uses its old folder-based routing:
a `pages/` folder beside app.py turns it on, and only app.py's `st.navigation` turns it off — too late for that
first run, which looks the URL up among the files of `pages/` and shows "Page not found" for any other name.
So `pages/` also holds one small file per URL path of app.py's navigation (`pages/du-lieu.py` …): the old routing
finds the link's page there, and that file hands over to app.py, whose navigation then opens the real page.
"""

from __future__ import annotations

import runpy
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def hand_over() -> None:
    """Run app.py in this run (its st.navigation resolves the URL the browser asked for and runs that page)."""
    runpy.run_path(str(APP), run_name="__main__")  # as Streamlit runs it: app.py serves itself otherwise
