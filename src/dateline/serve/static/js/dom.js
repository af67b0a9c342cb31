// Helpers every view shares. Text from the store only ever reaches the page through textContent or
// attribute values set with setAttribute: never through innerHTML, so a title holding <script> is text.
"use strict";

window.DL = window.DL || {};

// el("a", {href: "#/x", "data-testid": "y"}, "text", otherNode, [more]): strings become text nodes.
DL.el = function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  DL.append(node, children);
  return node;
};

DL.append = function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

DL.clear = function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

// A link into the page (hash routes); names and ids are encoded, never pasted into markup.
DL.route = function route(...parts) {
  const [path, params] = typeof parts[parts.length - 1] === "object" ? [parts.slice(0, -1), parts.pop()] : [parts, null];
  const hash = "#/" + path.map(encodeURIComponent).join("/");
  return params ? hash + "?" + DL.query(params) : hash;
};

DL.query = function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && String(v).trim() !== "") q.set(k, String(v).trim());
  }
  return q.toString();
};

// Only http(s) addresses become links out; anything else (javascript:, data:) stays text.
DL.safeUrl = function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) {
    return null;
  }
};

class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}
DL.ApiError = ApiError;

// GET /api/<path>?params: the JSON, or an ApiError carrying the API's {error: {code, message, details}}.
DL.api = async function api(path, params) {
  const qs = DL.query(params);
  let response;
  try {
    response = await fetch("/api/" + path + (qs ? "?" + qs : ""), {headers: {Accept: "application/json"}});
  } catch (e) {
    throw new ApiError(0, "unreachable", "the server cannot be reached: " + e.message);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(response.status, err.code || "error", err.message || response.statusText, err.details);
  }
  return body;
};

DL.showError = function showError(err) {
  const box = document.getElementById("error");
  DL.clear(box);
  DL.append(box, [
    DL.el("strong", {}, err.status ? `Error ${err.status}` : "Error"),
    " ",
    DL.el("span", {"data-testid": "error-message"}, err.message || String(err)),
    err.code ? DL.el("code", {"data-testid": "error-code"}, err.code) : null,
    DL.el("button", {type: "button", class: "link", "data-testid": "error-dismiss",
                     onclick: () => { box.hidden = true; }}, "dismiss"),
  ]);
  box.hidden = false;
};

DL.hideError = function hideError() {
  document.getElementById("error").hidden = true;
};

DL.table = function table(testid, columns, rows, rowAttrs) {
  const head = DL.el("tr", {}, columns.map((c) => DL.el("th", {scope: "col"}, c.label)));
  const body = rows.map((row, i) => DL.el("tr", rowAttrs ? rowAttrs(row, i) : {},
    columns.map((c) => DL.el("td", {class: c.cls || null}, c.cell(row)))));
  return DL.el("table", {"data-testid": testid, class: "grid"}, DL.el("thead", {}, head), DL.el("tbody", {}, body));
};

DL.fmtConfidence = (x) => (x === null || x === undefined ? "" : Number(x).toFixed(2));
DL.who = function who(name, country, code) {
  const tag = code || country;
  return name ? (tag ? `${name} (${tag})` : name) : tag || "";
};
DL.actorLink = function actorLink(name, testid) {
  return name ? DL.el("a", {href: DL.route("actor", name), "data-testid": testid || "actor-link"}, name) : "";
};
