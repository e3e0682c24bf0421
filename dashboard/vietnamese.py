"""Plotly's and Streamlit's own controls in Vietnamese, from one file served with the app (static/i18n/vi.json).

Plotly takes a locale in each chart's config (its toolbar, its number and date formats). Streamlit has no locale
setting: its fixed English labels (tooltips, placeholders, the table toolbar, input hints, the main menu) are
rewritten in place by a small script, whenever Streamlit draws them. The main menu's entries that only make sense
for a developer (screen recording, "Made with Streamlit") are hidden.
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

TEXTS = json.loads((Path(__file__).resolve().parents[1] / "static/i18n/vi.json").read_text(encoding="utf-8"))
PLOTLY_LOCALE = TEXTS["plotly"]

_SCRIPT = """<script>
(() => {
  if (window.__htsdVietnamese) return;
  window.__htsdVietnamese = true;
  const words = %s;
  const attributes = ["aria-label", "title", "data-title", "placeholder"];
  const selector = attributes.map(a => `[${a}]`).join(",");
  const translate = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      if (words[text]) node.nodeValue = node.nodeValue.replace(text, words[text]);
    }
    for (const element of document.body.querySelectorAll(selector))
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value && words[value]) element.setAttribute(name, words[value]);
      }
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; translate(); });
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: attributes});
  translate();
})();
</script>
<style>
[data-testid="stMainMenuItem-recordScreencast"], [data-testid="stMainMenuList"] + div {display: none}
</style>"""


def install() -> None:
    """Once per page view; the script keeps working as Streamlit redraws (it guards against running twice)."""
    st.html(_SCRIPT % json.dumps(TEXTS["streamlit"], ensure_ascii=False), unsafe_allow_javascript=True)
