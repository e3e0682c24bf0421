"""A page for tests/test_escaping.py: each text of env HTSD_TEXTS (a JSON list), through
dashboard.safe_text.literal, in every kind of element the app's pages quote outside text in; and, as a control,
the Markdown of env HTSD_CONTROL as it is."""

import json
import os

import streamlit as st

from dashboard.safe_text import literal

st.title("Escaping")
st.markdown(os.environ["HTSD_CONTROL"])
for number, text in enumerate(json.loads(os.environ["HTSD_TEXTS"])):
    shown = literal(text)
    with st.container(key=f"text_{number}"):
        st.markdown(shown)
        st.markdown(f"- {shown}")
        st.markdown(f"**{shown}** …")
        st.caption(shown)
        st.warning(shown)
        st.expander(shown)
        st.radio(shown, [shown], key=f"radio_{number}")
