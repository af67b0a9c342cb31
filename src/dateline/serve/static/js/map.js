// A map of event locations: the places each article's main event happened, on country outlines served
(function () {
"use strict";
// from the package (world-atlas, drawn by Leaflet without any tile server).

let WORLD = null; // the outlines, fetched once

async function worldOutlines() {
  if (!WORLD) {
    const r = await fetch("/static/vendor/world-atlas/countries-110m.json");
    const topo = await r.json();
    const world = topojson.feature(topo, topo.objects.countries);
    // Antarctica (ISO 010) wraps the whole globe; no news happens there worth a polygon that Leaflet smears.
    world.features = world.features.filter((f) => f.id !== "010");
    world.features.forEach((f) => unwrapGeometry(f.geometry));
    WORLD = world;
  }
  return WORLD;
}

// Rings that cross the date line (Russia, Fiji) jump from +180 to -180; Leaflet draws that jump as a line
// across the map. Keeping each ring's longitudes continuous (179, 181 ...) draws them whole instead.
function unwrapRing(ring) {
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i][0] - ring[i - 1][0];
    if (step > 180) ring[i][0] -= 360;
    else if (step < -180) ring[i][0] += 360;
  }
}

function unwrapGeometry(g) {
  if (!g) return;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  polygons.forEach((rings) => rings.forEach(unwrapRing));
}

// Mentions of one place in several articles become one marker.
function groupPlaces(rows) {
  const byPoint = new Map();
  for (const p of rows) {
    if (p.lat === null || p.lon === null) continue;
    const key = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
    const g = byPoint.get(key) || {name: p.name || p.text, country: p.country, lat: p.lat, lon: p.lon, articles: new Map()};
    g.articles.set(p.article_id, p.published);
    byPoint.set(key, g);
  }
  return [...byPoint.values()];
}

function popup(g) {
  const ids = [...g.articles.keys()].slice(0, 10);
  return DL.el("div", {"data-testid": "map-popup"},
    DL.el("strong", {}, g.name), g.country ? ` (${g.country})` : "",
    DL.el("div", {}, `${g.articles.size} article(s)`),
    DL.el("ul", {}, ids.map((id) => DL.el("li", {}, DL.el("a", {href: DL.route("article", id), "data-testid": "map-article-link"},
      `${g.articles.get(id) || ""} ${id.slice(0, 10)}`)))));
}

DL.mapView = async function mapView(view) {
  const box = DL.el("div", {id: "map", class: "map", "data-testid": "map"});
  const note = DL.el("p", {class: "muted", "data-testid": "map-summary"}, "Loading…");
  DL.append(view, [DL.el("h1", {}, "Where events happened"), note, box]);
  const [world, page] = await Promise.all([worldOutlines(), DL.api("places", {event_only: "true", limit: 1000})]);
  const groups = groupPlaces(page.items);
  const map = L.map(box, {worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true, fadeAnimation: false});
  map.setView([20, 0], 1); // a view first: Leaflet draws (and gives elements to) layers only on a map with one
  const zoom = map.zoomControl.getContainer();
  zoom.querySelector(".leaflet-control-zoom-in").setAttribute("data-testid", "map-zoom-in");
  zoom.querySelector(".leaflet-control-zoom-out").setAttribute("data-testid", "map-zoom-out");
  map.on("popupopen", (e) => {
    const close = e.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("data-testid", "map-popup-close");
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  L.geoJSON(world, {style: {color: "#8a94a6", weight: 0.6, fillColor: "#e9edf2", fillOpacity: 1}, interactive: false}).addTo(map);
  const markers = groups.map((g) => {
    const radius = Math.min(18, 5 + 2 * Math.sqrt(g.articles.size));
    const m = L.circleMarker([g.lat, g.lon], {radius, color: "#9b1c1c", weight: 1, fillColor: "#d64545", fillOpacity: 0.75});
    m.bindPopup(() => popup(g));
    // Leaflet writes a string into innerHTML: give it a node that holds the name as text
    m.bindTooltip(() => DL.el("span", {}, g.name));
    m.addTo(map);
    const path = m.getElement();
    path.setAttribute("data-testid", "map-marker");
    path.setAttribute("data-place", g.name);
    return m;
  });
  note.textContent = groups.length ? `${groups.length} places, from ${page.items.length} event locations`
                                   : "No event locations stored.";
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), {maxZoom: 5});
};
})();
