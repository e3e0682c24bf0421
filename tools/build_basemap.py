"""Build the dashboard's schematic province maps: `python -m tools.build_basemap` (rerun when
`vietnamadminunits` or the outline changes; the output is committed under static/geo/).

No package ships Vietnam's province boundaries, so they are derived (a schematic, "sơ đồ", not a legal map):
the Voronoi cells of the 3,321 communes of today's map, at their official centroids from
`vietnamadminunits`, clipped to Vietnam's land in Natural Earth's 1:50m outline (Plotly's basemap,
static/topojson/asia_50m.json), then dissolved by province. Both maps come from the same cells, so their
outlines agree: today's 34 provinces, and the 63 before 1/7/2025, each commune of today going to the old
province most of it came from (no commune of today crosses an old province except 23 that took parts of a
divided old commune). A commune centroid the coarse outline misses (Bạch Long Vĩ, Lý Sơn, coastal and border
wards) is joined to it: by a disc of its own area for an island, by a thin strip for a point just off the
coarse coast or border. Quần đảo Hoàng Sa and Quần đảo Trường Sa are drawn as small discs at
their main islands and belong to the province the dataset puts their special zone (đặc khu) in.

Feature ids are the warehouse's province keys (etl.units.unit_key and warehouse/sql/boundaries.sql): today's
provinces 'N:P:<code>'; an old province that merged 'L:P:<code>', one that was left whole keeps today's key.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from vietnamadminunits.converter.converter_2025 import (
    DICT_PROVINCE,
    DICT_PROVINCE_WARD_DIVIDED,
    DICT_PROVINCE_WARD_NO_DIVIDED,
)
from vietnamadminunits.database import query

from etl.units import unit_key

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "static" / "topojson" / "asia_50m.json"
OUT = ROOT / "static" / "geo"
COUNTRY = "VNM"
X_SCALE = math.cos(math.radians(16))  # cells are drawn on a plane where a degree of longitude is as long as latitude
SIMPLIFY = 0.006  # degrees (~650 m): the shared borders are simplified once, so neighbours still meet
DIGITS = 3  # ~100 m
KM_PER_DEGREE = 111.0
ISLAND_MIN_RADIUS = 0.02  # degrees: an island commune stays visible when zoomed to its province
ISLAND_MAX_RADIUS = 0.12
REEF_RADIUS = 0.035
ISLAND_GAP = 0.05  # degrees from the outline beyond which a commune centroid is taken for an island
STRIP = 0.01
NEAR = 0.5  # degrees: islands this close to a province's largest piece of land are inside its zoom box
# The main islands (lat, lon), from public gazetteers; only where they lie matters on a schematic.
ARCHIPELAGOS = {
    "Hoàng Sa": [(16.834, 112.339), (16.670, 112.726), (16.983, 112.267), (16.533, 111.608), (16.500, 111.583),
                 (16.450, 111.510), (16.460, 111.740), (16.450, 111.710), (15.780, 111.200), (16.050, 111.770)],
    "Trường Sa": [(8.645, 111.920), (11.429, 114.331), (11.453, 114.356), (9.885, 114.329), (10.181, 114.361),
                  (10.376, 114.479), (10.377, 114.365), (11.055, 114.284), (10.682, 114.425), (7.867, 112.917),
                  (8.930, 112.350), (9.900, 114.550)],
}


def land_outline(path: Path = OUTLINE, country: str = COUNTRY) -> MultiPolygon:
    """The country's polygons decoded from a quantized TopoJSON (delta-encoded arcs, ~i for a reversed arc)."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indices:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(part[1:] if points else part)
        return points

    geometry = next(g for g in topo["objects"]["countries"]["geometries"] if g.get("id") == country)
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return MultiPolygon([Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polygons])


def communes() -> list[dict]:
    """Today's communes with centroid, area, province and the old province most of each came from."""
    old_province_of = _old_provinces()
    rows = query("SELECT provinceKey, provinceCode, province, wardKey, ward, wardLat, wardLon, wardAreaKm2 "
                 "FROM admin_units ORDER BY wardCode")
    return [{"province": r["provinceCode"], "province_name": r["province"], "name": r["ward"],
             "old_province": old_province_of[(r["provinceKey"], r["wardKey"])], "lat": r["wardLat"],
             "lon": r["wardLon"], "area": r["wardAreaKm2"] or 0.0} for r in rows]


def _old_provinces() -> dict[tuple[str, str], str]:
    """(province key, commune key) of today's map -> code of the old province most of its old units were in
    (a whole old unit counts 1, a part of a divided one 1/2)."""
    codes = {r["provinceKey"]: r["provinceCode"] for r in query(
        "SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy")}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for province, wards in DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for ward, olds in wards.items():
            votes[(province, ward)].update(codes[o.split("_")[0]] for o in olds)
    for province, divided in DICT_PROVINCE_WARD_DIVIDED.items():
        for old, parts in divided.items():
            for part in parts:
                votes[(province, part["newWardKey"])][codes[old.split("_")[0]]] += 0.5
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def province_keys() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Warehouse key and name of each province, today's by code and the old ones by old code. An old province
    left whole (Hà Nội, Huế…) shares today's key, as in the warehouse's unit_boundaries view."""
    today = {r["provinceCode"]: r["province"] for r in query(
        "SELECT DISTINCT provinceCode, province FROM admin_units")}
    new_key = {r["provinceKey"]: r["provinceCode"] for r in query(
        "SELECT DISTINCT provinceKey, provinceCode FROM admin_units")}
    old = {r["provinceKey"]: (r["provinceCode"], r["province"]) for r in query(
        "SELECT DISTINCT provinceKey, provinceCode, province FROM admin_units_legacy")}
    whole = {olds[0]: new_key[new] for new, olds in DICT_PROVINCE.items() if len(olds) == 1}
    new_map = {code: (unit_key("2025", "province", code), name) for code, name in today.items()}
    old_map = {code: (unit_key("2025", "province", whole[k]) if k in whole else unit_key("legacy", "province", code),
                      name) for k, (code, name) in old.items()}
    return new_map, old_map


def _reach(land, place: dict):
    """Land for a centroid the 1:50m outline misses: an island (Bạch Long Vĩ, Lý Sơn, Phú Quý) gets a disc of its
    commune's area; a point just past the coarse coast or border, a thin strip to the nearest land, so that no
    disc spills over a neighbouring country."""
    point = Point(place["lon"], place["lat"])
    if land.distance(point) >= ISLAND_GAP:
        return _disc(place["lat"], place["lon"], _radius(place["area"]))
    return shapely.shortest_line(point, land).buffer(STRIP, quad_segs=2)


def _disc(lat: float, lon: float, radius: float) -> Polygon:
    return Point(lon, lat).buffer(radius, quad_segs=4)


def _radius(area_km2: float) -> float:
    return min(max(math.sqrt(area_km2 / math.pi) / KM_PER_DEGREE, ISLAND_MIN_RADIUS), ISLAND_MAX_RADIUS)


def _stretch(geometry, factor: float):
    return shapely.transform(geometry, lambda xy: xy * [factor, 1.0])


def cells(places: list[dict], land) -> list:
    """Each place's Voronoi cell (on a plane corrected for longitude), clipped to the land; places at the
    same point share one cell, given to the first."""
    first: dict[tuple[float, float], int] = {}
    for i, p in enumerate(places):
        first.setdefault((p["lon"], p["lat"]), i)
    seeds = shapely.multipoints([(lon * X_SCALE, lat) for lon, lat in first])
    frame = _stretch(land, X_SCALE).envelope.buffer(2)
    regions = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=frame, ordered=True))
    clipped = shapely.intersection(_stretch(regions, 1 / X_SCALE), land)
    owner = dict(zip(first.values(), clipped, strict=True))
    return [owner.get(i, Polygon()) for i in range(len(places))]


def build() -> dict[str, dict]:
    """Both maps as GeoJSON FeatureCollections, keyed '2025' and 'legacy'."""
    places = communes()
    zones = {name: next(p for p in places if p["name"] == f"Đặc khu {name}") for name in ARCHIPELAGOS}
    mainland = [p for p in places if p not in zones.values()]
    land = land_outline()
    missed = [p for p in mainland if not land.contains(Point(p["lon"], p["lat"]))]
    land = shapely.union_all([land, *(_reach(land, p) for p in missed)])
    pieces = cells(mainland, land)
    new_names, old_names = province_keys()
    islands = {name: shapely.union_all([_disc(lat, lon, REEF_RADIUS) for lat, lon in spots])
               for name, spots in ARCHIPELAGOS.items()}
    archipelagos = [{"name": f"Quần đảo {name}", "special_zone": zone["name"],
                     "label": f"Quần đảo {name} ({_short(zone['province_name'])})",
                     "islands": [[lon, lat] for lat, lon in ARCHIPELAGOS[name]]} for name, zone in zones.items()]
    maps = {}
    for map_name, field, names in (("2025", "province", new_names), ("legacy", "old_province", old_names)):
        groups = defaultdict(list)
        for place, piece in zip(mainland, pieces, strict=True):
            groups[place[field]].append(piece)
        codes = sorted(groups)
        provinces = [shapely.union_all(groups[c]) for c in codes]
        provinces = shapely.coverage_simplify(provinces, SIMPLIFY)
        features = []
        for code, shape in zip(codes, provinces, strict=True):
            box = [round(v, DIGITS) for v in _zoom_box(shape)]
            extra = [islands[n] for n, z in zones.items() if z[field] == code]
            shape = shapely.set_precision(shapely.union_all([shape, *extra]), 10 ** -DIGITS)
            key, name = names[code]
            features.append({"type": "Feature", "id": key, "properties": {
                "code": code, "name": name, "bbox": box,
                "archipelagos": [a["name"] for a, z in zip(archipelagos, zones.values(), strict=True)
                                 if z[field] == code]}, "geometry": _rounded(mapping(shape))})
        maps[map_name] = {"type": "FeatureCollection", "name": f"provinces_{map_name}", "schematic": True,
                          "note": NOTE, "archipelagos": archipelagos, "features": features}
    return maps


NOTE = ("Sơ đồ: ranh giới tỉnh ước lượng từ tâm các xã/phường (vietnamadminunits) và đường bờ biển Natural Earth "
        "1:50m; không phải bản đồ địa giới hành chính.")


def _zoom_box(shape) -> tuple[float, float, float, float]:
    """The box to zoom to: the province's largest piece of land and what lies near it (Phú Quốc with An Giang),
    not islands far out at sea (Côn Đảo from Hồ Chí Minh, Bạch Long Vĩ from Hải Phòng)."""
    parts = shapely.get_parts(shape)
    largest = max(parts, key=lambda p: p.area)
    return shapely.union_all([p for p in parts if p.distance(largest) <= NEAR]).bounds


def _short(name: str) -> str:
    return name.removeprefix("Thành phố ").removeprefix("Tỉnh ")


def _rounded(geometry: dict) -> dict:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, DIGITS) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for map_name, collection in build().items():
        path = OUT / f"provinces_{map_name}.json"
        path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(collection['features'])} tỉnh, {path.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
