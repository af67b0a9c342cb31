// The page's router: #/events?filters, #/search?q=, #/actor/NAME, #/article/ID, #/articles, #/map.
(function () {
"use strict";

let META = null;
DL.meta = async function meta() {
  if (!META) META = await DL.api("meta");
  return META;
};

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return {parts, params: Object.fromEntries(new URLSearchParams(qs || ""))};
}

async function searchView(view, params) {
  const q = params.q || "";
  document.querySelector("[data-testid=search-input]").value = q;
  const got = await DL.api("search", {q, limit: 20});
  DL.append(view, [
    DL.el("h1", {}, "Search: ", DL.el("q", {"data-testid": "search-term"}, got.q)),
    DL.el("h2", {}, "Actors"),
    got.actors.length ? DL.el("ul", {class: "hits", "data-testid": "search-actors"}, got.actors.map((a) => DL.el("li", {},
      DL.actorLink(a.name, "search-actor-link"), ` ${a.type}${a.country ? " · " + a.country : ""} · ${a.articles} article(s)`)))
      : DL.el("p", {class: "muted", "data-testid": "search-no-actors"}, "No entity of that name."),
    DL.el("h2", {}, "Events with this actor"),
    got.events.length ? DL.el("p", {}, DL.el("a", {href: DL.route("events", {actor: got.q}), "data-testid": "search-events-link"},
      `See the events of “${got.q}” →`)) : DL.el("p", {class: "muted"}, "No events."),
  ]);
}

const ROUTES = {
  events: (view, parts, params) => DL.eventsView(view, params),
  search: (view, parts, params) => searchView(view, params),
  actor: (view, parts) => DL.actorView(view, parts[1] || ""),
  article: (view, parts) => DL.articleView(view, parts[1] || ""),
  articles: (view, parts, params) => DL.articlesView(view, params),
  map: (view) => DL.mapView(view),
};

let rendering = 0;
async function render() {
  const ticket = ++rendering;
  const {parts, params} = parseHash();
  const name = parts[0] || "events";
  const view = document.getElementById("view");
  DL.hideError();
  DL.clear(view);
  view.setAttribute("data-view", name);
  view.setAttribute("aria-busy", "true");
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("href") === "#/" + name));
  try {
    const handler = ROUTES[name];
    if (!handler) throw new DL.ApiError(404, "not_found", `no page ${JSON.stringify(name)}`);
    await handler(view, parts, params);
  } catch (err) {
    if (ticket !== rendering) return; // a newer page is on its way
    DL.showError(err);
    view.appendChild(DL.el("p", {class: "muted", "data-testid": "view-failed"}, "This view could not be shown."));
  } finally {
    if (ticket === rendering) view.setAttribute("aria-busy", "false");
  }
}

document.querySelector("[data-testid=search-form]").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = e.target.elements.q.value.trim();
  if (q) location.hash = DL.route("search", {q});
});
window.addEventListener("hashchange", render);
render();
})();
