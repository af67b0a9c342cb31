// The articles list and one article's page with everything found in it.
(function () {
"use strict";

DL.articlesView = async function articlesView(view, params) {
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const page = await DL.api("articles", {since: params.since, until: params.until, source: params.source,
                                         limit: 100, offset});
  DL.append(view, [
    DL.el("h1", {}, "Articles"),
    DL.table("articles-table", [
      {label: "Published", cell: (a) => String(a.published || "")},
      {label: "Outlet", cell: (a) => a.source || ""},
      {label: "Title", cell: (a) => DL.el("a", {href: DL.route("article", a.id), "data-testid": "article-link"},
                                          a.title || a.id)},
      {label: "Events", cls: "num", cell: (a) => String(a.events)},
      {label: "Quotes", cls: "num", cell: (a) => String(a.quotes)},
    ], page.items, () => ({"data-testid": "article-row"})),
    DL.el("div", {class: "pager"},
      offset > 0 ? DL.el("a", {href: DL.route("articles", {offset: Math.max(0, offset - 100) || null}),
                              "data-testid": "articles-prev"}, "← previous") : null,
      page.next_offset !== null ? DL.el("a", {href: DL.route("articles", {offset: page.next_offset}),
                                              "data-testid": "articles-next"}, "next →") : null),
  ]);
};

DL.articleView = async function articleView(view, id) {
  const d = await DL.api("articles/" + encodeURIComponent(id));
  const a = d.article;
  const link = DL.safeUrl(a.url);
  const evidence = DL.el("aside", {class: "evidence", "data-testid": "evidence-panel", hidden: true});
  const summary = d.summary && d.summary.sentences ? d.summary.sentences.map((s) => s.text || s) : [];
  DL.append(view, [
    DL.el("h1", {"data-testid": "article-title"}, a.title || a.id),
    DL.el("p", {class: "muted", "data-testid": "article-meta"},
      [a.published, a.source, a.author].filter(Boolean).join(" · "),
      link ? [" · ", DL.el("a", {href: link, rel: "noopener noreferrer", target: "_blank", "data-testid": "article-url"}, a.url)] : ""),
    d.outlets.length > 1 ? DL.el("p", {class: "muted", "data-testid": "article-outlets"}, "Also carried by: ",
      d.outlets.filter((o) => o.source !== a.source || o.url !== a.url)
        .map((o) => [o.source || "unknown outlet", o.published ? ` (${o.published})` : ""].join("")).join("; ")) : null,
    DL.el("p", {class: "counts", "data-testid": "article-counts"},
      Object.entries(d.counts).filter(([k]) => k !== "errors" || d.counts.errors).map(([k, n]) => `${n} ${k.replace("_", " ")}`).join(" · ")),
    summary.length ? DL.el("section", {}, DL.el("h2", {}, "Summary"),
      DL.el("ul", {"data-testid": "article-summary"}, summary.map((s) => DL.el("li", {}, String(s))))) : null,
    DL.el("h2", {}, "Events"),
    DL.el("div", {class: "split"}, eventsTable(d.events, evidence), evidence),
    DL.el("h2", {}, "Quotes"),
    quotesTable(d.quotes),
    DL.el("div", {class: "two"},
      DL.el("section", {}, DL.el("h2", {}, "Entities"), entitiesTable(d.entities)),
      DL.el("section", {}, DL.el("h2", {}, "Places"), placesTable(d.places), DL.el("h2", {}, "Dates"), datesTable(d.dates))),
    DL.el("h2", {}, "Text"),
    DL.el("div", {class: "article-text", "data-testid": "article-text"},
      a.text.split("\n").map((line) => DL.el("p", {}, line))),
  ]);
};

function eventsTable(events, evidence) {
  if (!events.length) return DL.el("p", {class: "muted"}, "No events found.");
  return DL.table("article-events", [
    {label: "Event", cell: (e) => [e.type, e.mode].filter(Boolean).join(" / ")},
    {label: "Actor", cell: (e) => DL.actorLink(e.actor && e.actor.name)},
    {label: "Recipient", cell: (e) => DL.actorLink(e.recipient && e.recipient.name)},
    {label: "Date", cell: (e) => (e.date ? e.date.value : "")},
    {label: "Status", cell: (e) => e.status},
    {label: "Conf.", cls: "num", cell: (e) => DL.fmtConfidence(e.confidence)},
    {label: "Trigger", cell: (e) => e.evidence.trigger.text},
  ], events, (e) => ({"data-testid": "article-event-row", "data-event-id": e.id, class: "clickable",
                      onclick: () => DL.openEvidence(evidence, e.id)}));
}

function quotesTable(quotes) {
  if (!quotes.length) return DL.el("p", {class: "muted"}, "No quotes found.");
  return DL.table("article-quotes", [
    {label: "Speaker", cell: (q) => q.speaker_name || (q.speaker ? q.speaker.text : "")},
    {label: "Kind", cell: (q) => q.kind},
    {label: "Said", cell: (q) => q.content.text},
  ], quotes);
}

function entitiesTable(entities) {
  return DL.table("article-entities", [
    {label: "Name", cell: (e) => DL.actorLink(e.name, "entity-link")},
    {label: "Type", cell: (e) => e.type},
    {label: "Country", cell: (e) => e.country || ""},
    {label: "Mentions", cls: "num", cell: (e) => String(e.mentions.length)},
  ], entities);
}

function placesTable(places) {
  return DL.table("article-places", [
    {label: "Place", cell: (p) => p.span.text},
    {label: "Resolved", cell: (p) => (p.resolved ? `${p.resolved.name}, ${p.resolved.country}` : "unresolved")},
    {label: "Event here", cell: (p) => (p.is_event_location ? "yes" : "")},
  ], places);
}

function datesTable(dates) {
  return DL.table("article-dates", [
    {label: "Text", cell: (d) => d.span.text},
    {label: "Value", cell: (d) => d.value},
    {label: "Days", cell: (d) => (d.start ? `${d.start} – ${d.end}` : "")},
  ], dates);
}
})();
