// An actor's page: who it is, a timeline chart of its events by month and type, its counterparts, its events.
(function () {
"use strict";

const TYPE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                      "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];

DL.actorView = async function actorView(view, name) {
  const p = await DL.api("actors/" + encodeURIComponent(name));
  const known = p.entities[0];
  DL.append(view, [
    DL.el("h1", {"data-testid": "actor-name"}, p.name),
    DL.el("p", {class: "muted", "data-testid": "actor-summary"},
      known ? `${known.type}${known.country ? " · " + known.country : ""}${known.sector ? " · " + known.sector : ""} · ` : "",
      `${p.events_as_actor} events as actor, ${p.events_as_recipient} as recipient`),
    DL.el("h2", {}, "Events by month"),
    DL.el("div", {class: "chart", "data-testid": "actor-timeline"}),
    DL.el("div", {class: "two"},
      DL.el("section", {}, DL.el("h2", {}, "Counterparts"), counterparts(p.counterparts)),
      DL.el("section", {}, DL.el("h2", {}, "Entities with this name"), entities(p.entities))),
    DL.el("h2", {}, "Events"),
    eventsList(p.events),
  ]);
  timeline(view.querySelector("[data-testid=actor-timeline]"), p.timeline);
};

function monthStart(month) {
  const [y, m] = month.split("-").map(Number);
  return Date.UTC(y, m - 1, 1) / 1000;
}

function timeline(box, t) {
  if (!t.months.length) {
    box.appendChild(DL.el("p", {class: "muted"}, "No dated events."));
    return;
  }
  const xs = t.months.map(monthStart);
  const bars = uPlot.paths.bars({size: [0.8, 40], align: 0});
  // one bar series per type, stacked by hand: each series holds the running total up to its type
  const running = xs.map(() => 0);
  const stacked = t.types.map((type) => t.counts[type].map((n, i) => (running[i] += n)));
  const series = [{label: "month", value: (u, v) => (v === null ? "" : new Date(v * 1000).toISOString().slice(0, 7))}];
  const data = [xs];
  for (let i = t.types.length - 1; i >= 0; i--) { // tallest first, so the shorter ones are drawn over it
    const colour = TYPE_COLOURS[i % TYPE_COLOURS.length];
    series.push({label: t.types[i], fill: colour, stroke: colour, paths: bars, points: {show: false},
                 value: (u, v, si, idx) => (idx === null ? "" : String(t.counts[t.types[i]][idx]))});
    data.push(stacked[i]);
  }
  const width = Math.max(320, box.clientWidth || 800);
  const opts = {
    width, height: 260, series,
    scales: {x: {time: true, range: (u, lo, hi) => [lo - 20 * 86400, hi + 40 * 86400]}, y: {range: (u, lo, hi) => [0, Math.max(1, hi)]}},
    axes: [{}, {label: "events", size: 50}],
    legend: {live: true},
  };
  const plot = new uPlot(opts, data, box);
  // the legend's entries are buttons (a click hides a type): name them like every other control
  box.querySelectorAll(".u-legend .u-series").forEach((row, i) => {
    row.setAttribute("data-testid", `chart-legend-${series[i].label}`);
  });
  box.setAttribute("data-months", String(t.months.length));
  box.setAttribute("data-types", t.types.join(" "));
  return plot;
}

function counterparts(rows) {
  if (!rows.length) return DL.el("p", {class: "muted"}, "None recorded.");
  return DL.table("actor-counterparts", [
    {label: "Counterpart", cell: (c) => DL.actorLink(c.name, "counterpart-link")},
    {label: "Country", cell: (c) => c.country || ""},
    {label: "Their role", cell: (c) => c.as},
    {label: "Events", cls: "num", cell: (c) => String(c.events)},
  ], rows);
}

function entities(rows) {
  if (!rows.length) return DL.el("p", {class: "muted"}, "No entity of this name.");
  return DL.table("actor-entities", [
    {label: "Name", cell: (e) => e.name}, {label: "Type", cell: (e) => e.type},
    {label: "Country", cell: (e) => e.country || ""}, {label: "Sector", cell: (e) => e.sector || ""},
    {label: "Articles", cls: "num", cell: (e) => String(e.articles)},
  ], rows);
}

function eventsList(rows) {
  return DL.table("actor-events", [
    {label: "Date", cell: (e) => e.date || ""},
    {label: "Event", cell: (e) => [e.type, e.mode].filter(Boolean).join(" / ")},
    {label: "Actor", cell: (e) => DL.actorLink(e.actor)},
    {label: "Recipient", cell: (e) => DL.actorLink(e.recipient)},
    {label: "Status", cell: (e) => e.status},
    {label: "Evidence", cell: (e) => DL.el("a", {href: DL.route("events", {event: e.id, actor: e.actor || null}),
                                                  "data-testid": "actor-event-evidence"}, "open")},
  ], rows.slice(0, 500), () => ({"data-testid": "actor-event-row"}));
}
})();
