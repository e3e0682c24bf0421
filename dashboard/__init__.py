"""The Streamlit dashboard's building blocks: `db` (warehouse snapshot), `queries` (all SQL),
`charts` (Plotly figures), `format` (Vietnamese numbers), `filters` (sidebar + URL state),
`exports` (CSV/.xlsx) and `widgets` (shared page pieces). Pages in `pages/` only compose these."""
