// The events view: filters, a paginated table, and the evidence of the event a row opens.
(function () {
"use strict";

const PAGE = 50;
const FILTERS = ["actor", "type", "country", "since", "until", "status", "min_confidence"];

DL.eventsView = async function eventsView(view, params) {
  const meta = await DL.meta();
  const form = filterForm(meta, params);
  const results = DL.el("section", {class: "results", "data-testid": "events-results"});
  const evidence = DL.el("aside", {class: "evidence", "data-testid": "evidence-panel", hidden: true});
  DL.append(view, [DL.el("h1", {}, "Events"), form, DL.el("div", {class: "split"}, results, evidence)]);

  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params[k]]));
  const page = await DL.api("events", {...filters, limit: PAGE, offset});
  DL.append(results, [
    DL.el("p", {class: "muted", "data-testid": "events-summary"},
      page.items.length ? `Events ${offset + 1}–${offset + page.items.length}` : "No events match these filters."),
    eventsTable(page.items, evidence),
    pager(filters, offset, page),
  ]);
  if (params.event) await DL.openEvidence(evidence, params.event);
};

function filterForm(meta, params) {
  const input = (name, label, attrs) => DL.el("label", {}, label,
    DL.el("input", {name, value: params[name] || "", "data-testid": `filter-${name.replace("_", "-")}`, ...attrs}));
  const select = (name, label, options) => DL.el("label", {}, label,
    DL.el("select", {name, "data-testid": `filter-${name}`},
      DL.el("option", {value: ""}, "any"),
      options.map((o) => DL.el("option", {value: o, selected: (params[name] || "").toLowerCase() === o.toLowerCase()}, o))));
  const form = DL.el("form", {class: "filters", "data-testid": "events-filters"},
    input("actor", "Actor", {type: "text", placeholder: "name, country or code", maxlength: 200}),
    select("type", "Type", meta.types),
    input("country", "Country", {type: "text", placeholder: "PRK", maxlength: 3, size: 4}),
    input("since", "From", {type: "date"}),
    input("until", "To", {type: "date"}),
    select("status", "Status", meta.statuses),
    input("min_confidence", "Min. confidence", {type: "number", min: 0, max: 1, step: 0.05,
                                                placeholder: String(meta.default_min_confidence)}),
    DL.el("button", {type: "submit", "data-testid": "filter-apply"}, "Apply"),
    DL.el("a", {href: "#/events", class: "button-link", "data-testid": "filter-reset"}, "Reset"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    location.hash = DL.route("events", data);
  });
  return form;
}

function eventsTable(items, evidence) {
  const columns = [
    {label: "Date", cell: (e) => e.date || ""},
    {label: "Event", cell: (e) => [e.type, e.mode, e.cameo].filter(Boolean).join(" / ")},
    {label: "Actor", cell: (e) => DL.who(e.actor, e.actor_country, e.actor_code)},
    {label: "Recipient", cell: (e) => DL.who(e.recipient, e.recipient_country, e.recipient_code)},
    {label: "Where", cell: (e) => e.location || ""},
    {label: "Status", cell: (e) => e.status},
    {label: "Conf.", cls: "num", cell: (e) => DL.fmtConfidence(e.confidence)},
  ];
  return DL.table("events-table", columns, items, (e) => ({
    "data-testid": "event-row", "data-event-id": e.id, tabindex: 0, class: "clickable",
    onclick: () => DL.openEvidence(evidence, e.id),
    onkeydown: (k) => { if (k.key === "Enter") DL.openEvidence(evidence, e.id); },
  }));
}

function pager(filters, offset, page) {
  const go = (to) => DL.route("events", {...filters, offset: to || null});
  return DL.el("div", {class: "pager"},
    offset > 0 ? DL.el("a", {href: go(Math.max(0, offset - PAGE)), "data-testid": "page-prev"}, "← previous") : null,
    page.next_offset !== null ? DL.el("a", {href: go(page.next_offset), "data-testid": "page-next"}, "next →") : null);
}

// The sentence cut at every mark's edge: each piece carries the roles (trigger, actor, recipient) covering it,
// so overlapping marks stay right and the text of each role's pieces is exactly its stored span.
DL.highlighted = function highlighted(sentence, marks) {
  const inside = marks.filter((m) => m.in_sentence);
  const cuts = new Set([0, sentence.length]);
  inside.forEach((m) => { cuts.add(m.sentence_start); cuts.add(m.sentence_end); });
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const roles = inside.filter((m) => m.sentence_start <= a && b <= m.sentence_end).map((m) => m.role);
    const text = sentence.slice(a, b);
    pieces.push(roles.length ? DL.el("mark", {class: roles.map((r) => "hl hl-" + r).join(" "), title: roles.join(", "),
                                              "data-roles": roles.join(" ")}, text) : text);
  }
  return pieces;
};

DL.openEvidence = async function openEvidence(panel, eventId) {
  DL.clear(panel);
  panel.hidden = false;
  panel.appendChild(DL.el("p", {class: "muted"}, "Loading…"));
  let d;
  try {
    d = await DL.api("events/" + encodeURIComponent(eventId));
  } catch (err) {
    DL.clear(panel);
    panel.hidden = true;
    DL.showError(err);
    return;
  }
  const ev = d.event;
  const marks = d.evidence.marks;
  const outside = marks.filter((m) => !m.in_sentence);
  DL.clear(panel);
  DL.append(panel, [
    DL.el("div", {class: "panel-head"},
      DL.el("h2", {"data-testid": "evidence-title"}, [ev.type, ev.mode].filter(Boolean).join(" / ") +
        (ev.cameo ? ` · CAMEO ${ev.cameo}` : "")),
      DL.el("button", {type: "button", class: "link", "data-testid": "evidence-close",
                       onclick: () => { panel.hidden = true; }}, "close")),
    DL.el("p", {class: "sentence", "data-testid": "evidence-sentence", "data-event-id": ev.id},
      DL.highlighted(d.evidence.sentence.text, marks)),
    DL.el("p", {class: "legend"}, DL.el("mark", {class: "hl hl-actor"}, "actor"), " ",
      DL.el("mark", {class: "hl hl-trigger"}, "trigger"), " ", DL.el("mark", {class: "hl hl-recipient"}, "recipient")),
    outside.length ? DL.el("p", {class: "muted"}, "Outside this sentence: ",
      outside.map((m) => `${m.role} “${m.text}”`).join("; ")) : null,
    DL.el("dl", {class: "facts"},
      fact("Actor", DL.actorLink(ev.actor && ev.actor.name, "evidence-actor"),
        ev.actor ? ` ${[ev.actor.code, ev.actor.country].filter(Boolean).join(" · ")}` : ""),
      fact("Recipient", ev.recipient ? DL.actorLink(ev.recipient.name, "evidence-recipient") : "none",
        ev.recipient ? ` ${[ev.recipient.code, ev.recipient.country].filter(Boolean).join(" · ")}` : ""),
      fact("Date", ev.date ? `${ev.date.value}${ev.date.inferred ? " (from the published date)" : ""}` : "unknown"),
      fact("Where", ev.location ? ev.location.name : "unknown"),
      fact("Status", ev.status + (d.evidence.status_cue ? ` (cue: “${d.evidence.status_cue}”)` : "")),
      fact("Confidence", DL.fmtConfidence(ev.confidence)),
      fact("Rule", DL.el("code", {"data-testid": "evidence-rule"}, d.evidence.rule)),
      fact("Article", d.article ? DL.el("a", {href: DL.route("article", d.article.id), "data-testid": "evidence-article"},
        d.article.title || d.article.id) : "")),
    DL.el("h3", {}, "Outlets"),
    DL.el("ul", {"data-testid": "evidence-outlets"}, d.outlets.map((o) => DL.el("li", {},
      o.source || "unknown outlet", o.published ? ` · ${o.published}` : "",
      DL.safeUrl(o.url) ? [" · ", DL.el("a", {href: DL.safeUrl(o.url), rel: "noopener noreferrer", target: "_blank",
                                             "data-testid": "evidence-outlet-link"}, o.url)] : ""))),
    DL.el("details", {"data-testid": "evidence-explain"}, DL.el("summary", {"data-testid": "evidence-explain-toggle"}, "Why it was coded so"),
      DL.el("pre", {}, d.explanation.join("\n"))),
  ]);
};

function fact(label, ...value) {
  return [DL.el("dt", {}, label), DL.el("dd", {}, value)];
}
})();
