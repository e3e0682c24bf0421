"""The schematic province maps shipped under static/geo/ (made by `python -m tools.build_basemap`), and the
Tham gia page's choropleth drawn on them for a small warehouse of hand-checked fixtures."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import duckdb
import numpy as np
import pytest
import shapely
import streamlit as st
from app_support import remember_navigation
from shapely.geometry import Point, shape
from streamlit.testing.v1 import AppTest

from warehouse.load import Warehouse

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT / "static" / "geo"
MAX_BYTES = 300 * 1024  # served to every browser that opens the map


def load(name: str) -> dict:
    return json.loads((GEO / f"provinces_{name}.json").read_text(encoding="utf-8"))


def polygons(name: str) -> dict[str, shapely.Geometry]:
    return {f["id"]: shape(f["geometry"]) for f in load(name)["features"]}


@pytest.fixture(scope="module")
def units(tmp_path_factory, index):
    """SQL on the warehouse's own unit dimension and places (a warehouse opened with the unit index holds every
    official unit of both maps, before any report)."""
    path = tmp_path_factory.mktemp("map") / "warehouse.duckdb"
    Warehouse(path, index=index).close()

    def rows(sql: str) -> list[tuple]:
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute(sql).fetchall()

    return rows


def test_files_are_small_schematic_feature_collections():
    for name in ("2025", "legacy"):
        path = GEO / f"provinces_{name}.json"
        assert path.stat().st_size <= MAX_BYTES, f"{path.name}: {path.stat().st_size} bytes"
        collection = load(name)
        assert collection["type"] == "FeatureCollection" and collection["schematic"] is True
        assert collection["note"].startswith("Sơ đồ")
        assert all(shape(f["geometry"]).is_valid for f in collection["features"])


def test_keys_are_the_warehouse_province_keys_of_each_map(units):
    today = {k: (code, name) for k, code, name in units(
        "SELECT unit_key, code, name FROM unit_dimension WHERE map = '2025' AND level = 'province'")}
    before = {k: name for k, name in units(
        "SELECT DISTINCT b.reported_province_key, u.name FROM unit_boundaries b JOIN unit_dimension u USING (unit_key) "
        "WHERE u.map = 'legacy' AND u.level = 'province'")}
    assert len(today) == 34 and len(before) == 63
    features = {f["id"]: f["properties"] for f in load("2025")["features"]}
    assert {k: (p["code"], p["name"]) for k, p in features.items()} == today
    old = {f["id"]: f["properties"]["name"] for f in load("legacy")["features"]}
    assert old == before
    assert old["N:P:01"] == "Thành phố Hà Nội" and old["L:P:70"] == "Tỉnh Bình Phước"  # whole vs merged


def test_every_commune_centroid_lies_in_its_province_on_both_maps(units):
    """Today's 3.321 communes (less the two archipelagos' special zones, whose official point is open sea) at
    their official centroids: inside their province of today, and inside an old province they were made of."""
    rows = units("""
        SELECT c.unit_key, c.name, c.province_code_today, p.lat, p.lon,
               list(DISTINCT b.reported_province_key) AS old_provinces
        FROM unit_dimension c JOIN unit_places p USING (unit_key)
        JOIN unit_successors s ON s.successor_key = c.unit_key
        JOIN unit_boundaries b ON b.unit_key = s.unit_key
        WHERE c.map = '2025' AND c.level = 'commune' AND c.name NOT IN ('Đặc khu Hoàng Sa', 'Đặc khu Trường Sa')
        GROUP BY ALL""")
    assert len(rows) == 3321 - 2
    today, before = polygons("2025"), polygons("legacy")
    outside_today = [name for _, name, code, lat, lon, _ in rows
                     if not today[f"N:P:{code}"].contains(Point(lon, lat))]
    outside_before = [name for _, name, _, lat, lon, olds in rows
                      if not any(before[k].contains(Point(lon, lat)) for k in olds)]
    assert outside_today == [] and outside_before == []


def test_hoang_sa_and_truong_sa_are_drawn_named_and_in_their_provinces(units):
    zones = dict(units("""
        SELECT u.name, b.reported_province_key FROM unit_dimension u JOIN unit_boundaries b USING (unit_key)
        WHERE u.name IN ('Huyện Hoàng Sa', 'Huyện Trường Sa') AND u.map = 'legacy'"""))
    assert zones == {"Huyện Hoàng Sa": "L:P:48", "Huyện Trường Sa": "L:P:56"}  # old Đà Nẵng, old Khánh Hòa
    expected = {"Quần đảo Hoàng Sa": ("Quần đảo Hoàng Sa (Đà Nẵng)", (15.5, 17.2, 111.0, 113.0)),
                "Quần đảo Trường Sa": ("Quần đảo Trường Sa (Khánh Hòa)", (6.0, 12.0, 111.5, 116.0))}
    for name, province in (("2025", {"Quần đảo Hoàng Sa": "N:P:48", "Quần đảo Trường Sa": "N:P:56"}),
                           ("legacy", {"Quần đảo Hoàng Sa": "L:P:48", "Quần đảo Trường Sa": "L:P:56"})):
        collection, shapes = load(name), polygons(name)
        groups = {g["name"]: g for g in collection["archipelagos"]}
        assert {k: g["label"] for k, g in groups.items()} == {k: v[0] for k, v in expected.items()}
        for group_name, group in groups.items():
            lat0, lat1, lon0, lon1 = expected[group_name][1]
            assert len(group["islands"]) >= 5
            assert all(lat0 <= lat <= lat1 and lon0 <= lon <= lon1 for lon, lat in group["islands"])
            owner = shapes[province[group_name]]
            assert all(owner.contains(Point(lon, lat)) for lon, lat in group["islands"]), (name, group_name)
            owners = [f["id"] for f in collection["features"] if group_name in f["properties"]["archipelagos"]]
            assert owners == [province[group_name]]


# --- the Tham gia page's choropleth ----------------------------------------------------------------------------

@pytest.fixture
def small_app(db, ingest, monkeypatch):
    """The app on a warehouse of five hand-checked forms (tests/fixtures/README.md)."""
    ingest("q12_wards_2023.xlsx", "q12_district_2023.xlsx", "binh_phuoc_2023.ods", "hue_long_2020.csv",
           "an_giang_flat_2020.csv")
    monkeypatch.setenv("HTSD_WAREHOUSE", str(db))
    remember_navigation(monkeypatch)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    st.cache_data.clear()
    st.cache_resource.clear()


def values(array) -> list:
    """A figure's array as sent to the browser: a list, or Plotly's typed array (base64 bytes and a dtype)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def choropleth(at: AppTest) -> dict[str, int]:
    """Feature key -> value of the map's shaded provinces (the trace with a colour bar)."""
    figures = [json.loads(e.proto.spec) for e in at.get("plotly_chart")]
    shaded = [t for fig in figures for t in fig["data"] if t["type"] == "choropleth" and "colorbar" in t]
    assert len(shaded) == 1
    return dict(zip(values(shaded[0]["locations"]), values(shaded[0]["z"]), strict=True))


def map_geojson(at: AppTest) -> set[str]:
    figures = [json.loads(e.proto.spec) for e in at.get("plotly_chart")]
    return {t["geojson"] for fig in figures for t in fig["data"] if t["type"] == "choropleth"}


def test_participation_map_shades_provinces_with_their_figures(small_app):
    at = small_app.run()
    at.switch_page("pages/participation.py").run()
    at.selectbox(key="p_year").set_value(2023).run()
    assert not at.exception and not at.error
    # HCMC 2023: Quận 12's own form with its wards inside it, 5.460 people; old Bình Phước 2.600, in Đồng Nai today
    assert choropleth(at) == {"N:P:79": 5460, "N:P:75": 2600}
    assert map_geojson(at) == {"./app/static/geo/provinces_2025.json"}

    at.radio(key="p_measure").set_value("events").run()
    assert choropleth(at) == {"N:P:79": 52, "N:P:75": 3}

    at.radio(key="f_boundaries").set_value("reported").run()  # as reported: the 63 provinces of 2023
    at.radio(key="p_measure").set_value("participants").run()
    assert choropleth(at) == {"L:P:79": 5460, "L:P:70": 2600}
    assert map_geojson(at) == {"./app/static/geo/provinces_legacy.json"}

    at.selectbox(key="p_year").set_value(2020).run()  # Huế kept its territory: today's key on the old map too
    assert choropleth(at) == {"N:P:46": 300 + 250 + 80, "L:P:89": 2450 + 1620 + 700}


def test_zoom_goes_to_the_province_being_viewed(small_app):
    at = small_app.run()
    at.switch_page("pages/participation.py").run()
    at.selectbox(key="p_year").set_value(2023).run()
    at.selectbox(key="p_province").set_value("75").run()
    at.radio(key="p_map_zoom").set_value("province").run()
    (fig,) = [json.loads(e.proto.spec) for e in at.get("plotly_chart") if "geo" in json.loads(e.proto.spec)["layout"]]
    lon0, lon1 = fig["layout"]["geo"]["lonaxis"]["range"]
    lat0, lat1 = fig["layout"]["geo"]["lataxis"]["range"]
    dong_nai = polygons("2025")["N:P:75"]
    assert lon0 < dong_nai.bounds[0] and dong_nai.bounds[2] < lon1 and lat0 < dong_nai.bounds[1]
    assert dong_nai.bounds[3] < lat1 and lon1 - lon0 < 3  # the province, not the country (13° wide)
    outlined = [t for t in fig["data"] if t["type"] == "choropleth" and t["locations"] == ["N:P:75"]]
    assert len(outlined) == 1


def test_unit_circles_and_their_size_legend_agree(small_app, sql):
    """Each reporting unit a circle whose area is proportional to its figure; the legend's circles are drawn at
    the same scale, labelled with round values."""
    at = small_app.run()
    at.switch_page("pages/participation.py").run()
    at.selectbox(key="p_year").set_value(2023).run()
    at.radio(key="p_map_level").set_value("unit").run()
    (fig,) = [json.loads(e.proto.spec) for e in at.get("plotly_chart") if "geo" in json.loads(e.proto.spec)["layout"]]
    (circles,) = [t for t in fig["data"] if t["type"] == "scattergeo" and "hovertemplate" in t
                  and "người tham gia" in t["hovertemplate"]]
    people = [row[1] for row in circles["customdata"]]
    sizes = values(circles["marker"]["size"])
    assert sorted(people) == sorted(v for (v,) in sql(
        "SELECT sum(f.participants) FROM report_facts f JOIN unit_places p USING (unit_key) "
        "WHERE f.year = 2023 AND p.lat IS NOT NULL GROUP BY unit_key"))
    biggest = max(people)
    for value, size in zip(people, sizes, strict=True):
        assert size == pytest.approx(max(3, sizes[people.index(biggest)] * (value / biggest) ** 0.5))
    legend = {n["text"]: n for n in fig["layout"]["annotations"] if n["text"].replace(".", "").isdigit()}
    drawn = [s for s in fig["layout"]["shapes"] if s["type"] == "circle"]
    assert len(legend) == len(drawn) >= 2
    for label, circle in zip(legend, drawn, strict=True):
        value = int(label.replace(".", ""))
        assert value <= biggest and str(value).strip("0") in ("1", "2", "5")
        assert circle["x1"] - circle["x0"] == pytest.approx(sizes[people.index(biggest)] * (value / biggest) ** 0.5)
