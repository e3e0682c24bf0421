"""`streamlit run server.py`: the dashboard (app.py) served with the login cookie's routes, through which the
cookie is set HttpOnly (dashboard/login_cookie.py). `streamlit run app.py` serves the same pages without them."""

import streamlit as st

from dashboard import login_cookie

app = st.App("app.py", routes=login_cookie.routes())
