// The kuvert console: a single page over the JSON API. Everything shown is
// put into the page as text (never as HTML), so data cannot become markup.
// Its words are in texts.de.js and texts.en.js; the user chooses.
"use strict";

// The language last chosen in this browser, for the login form; a
// browser that keeps no storage gets German.
const remembered = {
  get() { try { return localStorage.getItem("kuvert.language"); } catch (error) { return null; } },
  set(language) { try { localStorage.setItem("kuvert.language", language); } catch (error) { /* not kept */ } },
};

const state = { csrf: null, user: null, role: null, timeZone: "Europe/Berlin", language: remembered.get() || "de" };
const view = () => document.getElementById("view");

// --- language and formats ------------------------------------------------

const texts = () => window.KUVERT_TEXTS[state.language] || window.KUVERT_TEXTS.de;

// The text for `key` with its {values}; a key without text shows as itself.
function t(key, values = {}) {
  const entry = texts()[key] ?? key;
  if (typeof entry === "function") return entry(values);
  return entry.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// A value's word in the user's language ("run_state", "held"), or the
// value as it is (a name the texts do not know).
function term(kind, value) {
  const key = `${kind}.${value}`;
  return key in texts() ? t(key) : String(value ?? "");
}

// Formats of the user's language, times in the centre's time zone.
let formats = null;
function format() {
  if (formats && formats.language === state.language && formats.zone === state.timeZone) return formats;
  const locale = t("locale");
  const day = { day: "2-digit", month: "2-digit", year: "numeric" };
  let zone = state.timeZone;
  try { new Intl.DateTimeFormat(locale, { timeZone: zone }); } catch (error) { zone = "UTC"; }
  formats = { language: state.language, zone: state.timeZone, validZone: zone,
              number: new Intl.NumberFormat(locale),
              money: new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }),
              time: new Intl.DateTimeFormat(locale, { ...day, hour: "2-digit", minute: "2-digit", timeZone: zone }),
              date: new Intl.DateTimeFormat(locale, { ...day, timeZone: "UTC" }),
              month: new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }) };
  return formats;
}

const number = (value) => (typeof value === "number" ? format().number.format(value) : value ?? "");
const money = (cents) => format().money.format(cents / 100);

// The store's times (UTC, "2026-12-02T10:15:00Z") in the centre's zone,
// its days ("2026-12-02") as days; anything else as it is.
function when(text) {
  if (typeof text !== "string") return text ?? "";
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z$/.test(text)) return format().time.format(new Date(text));
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return format().date.format(new Date(`${text}T00:00:00Z`));
  return text;
}

function monthName(text) {
  return /^\d{4}-\d\d$/.test(text) ? format().month.format(new Date(`${text}-01T00:00:00Z`)) : text;
}

// The page's own words (navigation, login form) in the user's language.
function applyTexts() {
  document.documentElement.lang = state.language;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  const choice = document.getElementById("language");
  choice.value = state.language;
  choice.setAttribute("aria-label", t("language.label"));
  if (state.user) document.getElementById("who").textContent = `${state.user} (${term("role", state.role)})`;
}

// --- small helpers -------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const numeric = (key) => ({ label: t(key), number: true });

// Headers are texts or {label, number}; number columns are right-aligned
// and their numbers written as the user's language does.
function table(headers, rows) {
  const head = el("tr", {}, ...headers.map((h) => {
    const label = h.label || h;
    return label instanceof Node ? el("th", { class: h.number ? "number" : "" }, label)
                                 : el("th", { text: label, class: h.number ? "number" : "" });
  }));
  const body = rows.map((cells) =>
    el("tr", {}, ...cells.map((cell, i) => {
      const td = el("td", { class: headers[i].number ? "number" : "" });
      td.append(cell instanceof Node ? cell : document.createTextNode(String(headers[i].number ? number(cell) : cell ?? "")));
      return td;
    })));
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...body));
}

// RFC 4180 CSV (quoted fields, doubled quotes, CRLF) as rows of fields.
function csvRows(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") ++i;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// `rows` under `header` in `container`, `size` at a time, with buttons to page.
function pagedTable(container, header, rows, size) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const show = (page) => {
    const counted = t("rows", { n: rows.length, count: number(rows.length) });
    const at = el("span", { text: ` ${t("pager", { page: number(page + 1), pages: number(pages), rows: counted })} ` });
    const previous = el("button", { type: "button", text: t("previous"), onclick: () => show(page - 1) });
    const next = el("button", { type: "button", text: t("next"), onclick: () => show(page + 1) });
    previous.disabled = page === 0;
    next.disabled = page + 1 >= pages;
    container.replaceChildren(el("div", { class: "pager" }, previous, at, next),
                              table(header, rows.slice(page * size, (page + 1) * size)));
  };
  show(0);
}

function definitions(pairs) {
  const list = el("dl");
  for (const [name, value] of pairs) list.append(el("dt", { text: name }), el("dd", {}, value instanceof Node ? value : String(value ?? "")));
  return list;
}

function link(href, text) { return el("a", { href, text }); }

// An answer the page does not show: logged out (the login form shows), or
// stale (the user went elsewhere meanwhile).
class Quiet extends Error {}

// The server's refusal in the user's language when the texts know its
// code; its English words otherwise.
class Refused extends Error {
  constructor(data, fallback) {
    super(refusalText(data) || fallback);
  }
}

function refusalText(data) {
  if (!data || typeof data !== "object") return "";
  if (!data.code || !(`error.${data.code}` in texts())) return data.error || "";
  const kinds = { state: "run_state", action: "action", role: "role", user_role: "role" };
  const values = {};
  for (const [key, value] of Object.entries(data.values || {})) values[key] = kinds[key] ? term(kinds[key], value) : value;
  if ("count" in values) { values.n = Number(values.count); values.count = number(values.n); }
  return t(`error.${data.code}`, values);
}

// A page's data fetched before the user went elsewhere is not drawn: each
// route() counts, and a GET answered after the next one began is stale.
let generation = 0;

async function api(method, path, body) {
  const mine = generation;
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                   credentials: "same-origin" });
  } catch (error) {
    throw new Error(t("error.network"));
  }
  const type = response.headers.get("Content-Type") || "";
  const data = type.startsWith("application/json") ? await response.json() : await response.text();
  if (response.status === 401 && path !== "/api/login") { showLogin(); throw new Quiet(); }
  if (!response.ok) throw new Refused(data, response.statusText);
  if (method === "GET" && mine !== generation) throw new Quiet();
  return data;
}

function fail(error) {
  view().replaceChildren(el("p", { class: "message", role: "alert", text: error.message }));
}

// --- login ---------------------------------------------------------------

function showLogin(message = "") {
  state.csrf = null;
  state.user = null;
  document.getElementById("nav").hidden = true;
  document.getElementById("logout").hidden = true;
  document.getElementById("who").textContent = "";
  view().replaceChildren();
  const form = document.getElementById("login");
  form.hidden = false;
  form.querySelector(".message").textContent = message;
  // Whoever began typing while the session was asked for keeps typing.
  if (!form.contains(document.activeElement)) form.elements.user.focus();
}

// A session from the server: who, the role, the language chosen and the
// centre's time zone.
function takeSession(session) {
  Object.assign(state, { csrf: session.csrf, user: session.user, role: session.role,
                         language: session.language || state.language, timeZone: session.time_zone || state.timeZone });
  remembered.set(state.language);
  applyTexts();
}

function loggedIn(session) {
  takeSession(session);
  document.getElementById("login").hidden = true;
  document.getElementById("nav").hidden = false;
  document.getElementById("logout").hidden = false;
  route();
}

// A language chosen on the login form is the user's from then on.
let chosenOnLogin = null;

document.getElementById("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    let session = await api("POST", "/api/login", { user: form.elements.user.value, password: form.elements.password.value });
    state.csrf = session.csrf;
    if (chosenOnLogin && chosenOnLogin !== session.language)
      session = await api("POST", "/api/session/language", { language: chosenOnLogin });
    chosenOnLogin = null;
    form.reset();
    loggedIn(session);
  } catch (error) {
    form.querySelector(".message").textContent = error.message;
    form.elements.password.select();
  }
});

document.getElementById("logout").addEventListener("click", async () => {
  try { await api("POST", "/api/logout"); } catch (error) { /* logged out either way */ }
  location.hash = "#/";
  showLogin(t("logged_out"));
});

// The user's language, kept with the account (and in this browser for the
// login form).
document.getElementById("language").addEventListener("change", async (event) => {
  const language = event.target.value;
  if (!state.csrf) {
    state.language = language;
    chosenOnLogin = language;
    remembered.set(language);
    applyTexts();
    return;
  }
  try {
    takeSession(await api("POST", "/api/session/language", { language }));
    route();
  } catch (error) {
    if (!(error instanceof Quiet)) fail(error);
  }
});

// --- pages ---------------------------------------------------------------

function counts(title, kind, byState) {
  const entries = Object.entries(byState);
  return el("div", {}, el("h2", { text: title }),
            entries.length ? table([t("col.state"), numeric("col.count")], entries.map(([s, n]) => [term(kind, s), n]))
                           : el("p", { text: t("none") }));
}

// A run's state as the floor reads it: not delivered, awaiting a second
// person, in attention (with why, on hovering).
function runState(r) {
  const text = r.delivery_problem ? t("runs.not_delivered", { state: term("run_state", r.state) })
             : r.awaits_confirmation ? t("runs.awaits_confirmation") : term("run_state", r.state);
  return el("span", { class: r.delivery_problem || r.attention ? "state problem" : "state",
                      title: r.delivery_problem || r.attention || "", text });
}

// Runs due first: the earliest day first, runs without one after them.
const byDue = (runs) => [...runs].sort((a, b) => (a.due || "9999").localeCompare(b.due || "9999"));

// What needs a person comes first, each with a link to its detail: runs
// in attention, runs awaiting a second person or a release, runs not
// delivered, failed jobs, inputs refused in an inbox.
function needsPerson(overview, runs, jobs) {
  const runHeader = [t("col.run"), t("col.job"), t("col.why")];
  const runRows = (list, why) => list.map((r) => [link(`#/runs/${r.id}`, r.number), r.job_name, why(r)]);
  const sections = [
    ["overview.attention", runHeader, runRows(overview.attention || [], (r) => r.attention)],
    ["overview.awaiting_confirmation", runHeader,
     runRows(runs.filter((r) => r.awaits_confirmation), (r) => t("overview.released_by", { user: r.released_by }))],
    ["overview.awaiting_release", runHeader,
     runRows(byDue(runs.filter((r) => r.state === "awaiting_release")),
             (r) => [t("overview.pieces_sheets", { pieces: number(r.pieces), sheets: number(r.sheets), n: r.pieces, m: r.sheets }),
                     ...(r.due ? [t("overview.due", { date: when(r.due) })] : [])].join(", "))],
    ["overview.not_delivered", runHeader, runRows(runs.filter((r) => r.delivery_problem), (r) => r.delivery_problem)],
    ["overview.failed_jobs", [t("col.job"), t("col.name"), t("col.inbox"), t("col.created")],
     jobs.filter((j) => j.state === "failed").map((j) => [link(`#/jobs/${j.id}`, `J${j.id}`), j.name, j.inbox, when(j.created)])],
    ["overview.refused_inputs", [t("col.inbox"), t("col.kind"), t("col.client"), t("col.why")],
     overview.inboxes.filter((i) => i.refused > 0).map((i) => [i.name, term("kind", i.kind), i.client,
       t("overview.refused_in", { count: number(i.refused), folder: `${i.folder}/error` })])],
  ].filter(([, , rows]) => rows.length);
  // The first 20 of each (newest first; those awaiting release earliest
  // due first), with how many there are.
  return sections.flatMap(([title, header, rows]) => [
    el("h2", { class: "problem", text: t("overview.section", { title: t(title), count: number(rows.length) }) }),
    table(header, rows.slice(0, 20))]);
}

async function overviewPage() {
  const [data, runs, jobs] = await Promise.all([api("GET", "/api/overview"), api("GET", "/api/runs"),
                                                api("GET", "/api/jobs")]);
  const needs = needsPerson(data, runs, jobs);
  const tile = (value, text) => el("div", { class: "tile" }, el("b", { text: number(value) }), text);
  view().replaceChildren(
    el("h1", { text: t("overview.title") }),
    ...(needs.length ? needs : [el("p", { class: "notice", text: t("overview.nothing") })]),
    el("div", { class: "tiles" },
       tile(data.today.printed_pages, t("overview.printed_pages", { date: when(data.today.date) })),
       tile(data.today.produced_pages, t("overview.produced_pages")),
       tile(data.today.produced_pieces, t("overview.produced_pieces")),
       tile(data.today.scanned_pages, t("overview.scanned_pages"))),
    el("h2", { text: t("overview.inboxes") }),
    table([t("col.inbox"), t("col.kind"), t("col.client"), t("col.folder"), numeric("col.waiting"), numeric("col.refused")],
          data.inboxes.map((i) => [i.name, term("kind", i.kind), i.client, i.folder, i.waiting, i.refused])),
    // Every process at work on the store, on whichever host; one whose
    // lease ran out was killed or cut off, and its work passes to the others.
    el("h2", { text: t("overview.workers") }),
    table([t("col.host"), t("col.kind"), t("col.doing"), t("col.heartbeat")],
          (data.workers || []).map((w) => [`${w.host} (${w.pid})`, term("worker_kind", w.kind),
                                           w.alive ? (w.doing || t("overview.idle")) : t("overview.lease_lost"),
                                           when(w.heartbeat)])),
    counts(t("overview.runs"), "run_state", data.runs), counts(t("overview.jobs"), "job_state", data.jobs),
    counts(t("overview.inputs"), "input_state", data.inputs));
}

async function jobsPage() {
  const jobs = await api("GET", "/api/jobs");
  view().replaceChildren(el("h1", { text: t("jobs.title") }),
    table([t("col.job"), t("col.name"), t("col.kind"), t("col.inbox"), t("col.client"), t("col.state"),
           numeric("col.documents"), numeric("col.pages"), t("col.created")],
          jobs.map((j) => [link(`#/jobs/${j.id}`, `J${j.id}`), j.name, term("kind", j.kind), j.inbox, j.client,
                           term("job_state", j.state), j.documents, j.pages, when(j.created)])));
}

async function jobPage(id) {
  const job = await api("GET", `/api/jobs/${id}`);
  const errors = Array.isArray(job.errors) ? job.errors : [];
  view().replaceChildren(el("h1", { text: t("job.title", { id: job.id, name: job.name }) }),
    definitions([[t("col.kind"), term("kind", job.kind)], [t("col.inbox"), job.inbox], [t("col.client"), job.client],
                 [t("col.state"), term("job_state", job.state)],
                 [t("job.source"), job.source ? t("job.received", { name: job.source.name, time: when(job.source.received) }) : ""],
                 [t("col.documents"), number(job.documents)], [t("col.pages"), number(job.pages)],
                 [t("job.pieces"), number(job.pieces)], [t("col.created"), when(job.created)],
                 [t("job.finished"), when(job.finished)]]),
    el("h2", { text: t("job.errors") }),
    errors.length ? el("ul", {}, ...errors.map((e) => el("li", { text: e }))) : el("p", { text: t("none") }),
    ...(job.archive
      ? [el("h2", { text: t("job.archive") }), el("p", { text: job.archive.folder }), archiveTable(job)]
      : [el("h2", { text: t("job.runs") }), runsTable(job.runs)]));
}

// A scan batch's documents: for operators and above with a preview of the
// first page, how sure the OCR was, the fields found and the pages dropped
// as blank; for a viewer the counts.
function archiveTable(job) {
  const content = job.archive.documents.some((d) => "fields" in d);
  const percent = (value) => `${new Intl.NumberFormat(t("locale"), { maximumFractionDigits: 1 }).format(value)} %`;
  const dropped = (d) => [number(d.blank_pages_dropped),
    ...(d.dropped_pages || []).map((p) => t("job.dropped_page", { source: p.source, page: number(p.page) }))].join(", ");
  return table([...(content ? [t("col.preview")] : []), t("col.document"), numeric("col.pages"),
                ...(content ? [numeric("col.confidence"), t("col.fields")] : []), t("col.blank_pages_dropped")],
    job.archive.documents.map((d, i) => [
      ...(content ? [el("img", { src: `/api/jobs/${job.id}/documents/${i}/preview.png`, alt: t("job.preview", { id: d.id }),
                                 width: "120", loading: "lazy" })] : []),
      d.id, d.pages,
      ...(content ? [d.mean_confidence === undefined ? "" : percent(d.mean_confidence),
                     (d.fields || []).map((f) => `${f.name}: ${f.value}`).join(", ")] : []),
      dropped(d)]));
}

function runsTable(runs) {
  return table([t("col.run"), t("col.job"), t("col.name"), t("col.state"), numeric("col.pieces"), numeric("col.sheets"),
                t("col.printer"), t("col.sensitive")],
               runs.map((r) => [link(`#/runs/${r.id}`, r.number), r.job_name, r.name, runState(r),
                                r.pieces, r.sheets, r.printer, r.sensitive ? t("yes") : ""]));
}

const RUN_STATES = ["", "awaiting_release", "released", "confirmed", "delivered", "printed", "inserted", "reconciled", "attention", "posted", "closed", "held", "cancelled"];

// The runs as the floor sorts them: any column by its header (again: the
// other way), rows filtered by text in any column as shown; both kept in
// the address, so the page's own refresh keeps them.
const RUN_COLUMNS = [
  // The run as people say it (J2-R0001), sorted by when it was made.
  { key: "id", label: "col.run", number: true, text: (r) => r.number, cell: (r) => link(`#/runs/${r.id}`, r.number) },
  { key: "client", label: "col.client" }, { key: "job_name", label: "col.job" }, { key: "name", label: "col.name" },
  { key: "state", label: "col.state", text: (r) => runState(r).textContent, cell: runState },
  { key: "paper", label: "col.paper" }, { key: "sides", label: "col.sides", text: (r) => term("sides", r.sides) },
  { key: "envelope", label: "col.envelope" }, { key: "inserter", label: "col.inserter" },
  { key: "inserts", label: "col.inserts" },
  { key: "sheets", label: "col.sheets", number: true }, { key: "pieces", label: "col.pieces", number: true },
  { key: "created", label: "col.created", text: (r) => when(r.created), stored: true },
  { key: "due", label: "col.due", text: (r) => when(r.due), stored: true }, { key: "printer", label: "col.printer" },
  { key: "sensitive", label: "col.sensitive", text: (r) => (r.sensitive ? t("yes") : "") },
];

// A run's column as the user reads it.
const shownText = (column, run) => (column.text ? column.text(run) : String(run[column.key] ?? ""));

async function runsPage(query) {
  const selected = query.get("state") || "";
  const runs = await api("GET", selected ? `/api/runs?state=${encodeURIComponent(selected)}` : "/api/runs");
  const address = (changes) => {
    const next = new URLSearchParams(location.hash.split("?")[1] || "");
    for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value); else next.delete(key);
    return `#/runs?${next}`;
  };
  const select = el("select", { name: "state", "aria-label": t("col.state") },
                    ...RUN_STATES.map((s) => {
                      const o = el("option", { value: s, text: s ? term("run_state", s) : t("runs.all_states") });
                      if (s === selected) o.selected = true;
                      return o;
                    }));
  select.addEventListener("change", () => { location.hash = address({ state: select.value }); });
  const filter = el("input", { type: "search", name: "filter", value: query.get("filter") || "", "aria-label": t("runs.filter"),
                               placeholder: t("runs.filter_hint") });
  const sortKey = query.get("sort") || "id";
  const descending = (query.get("dir") || (sortKey === "id" ? "desc" : "asc")) === "desc";
  const column = RUN_COLUMNS.find((c) => c.key === sortKey) || RUN_COLUMNS[0];
  const holder = el("div");
  const render = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = runs.filter((r) => {
      const text = RUN_COLUMNS.map((c) => shownText(c, r)).join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    });
    // Times and days sort as they are stored (ISO), the rest as shown.
    const sortValue = (r) => (column.number || column.stored ? r[column.key] ?? "" : shownText(column, r));
    // Rows without a value (no due day) last, either way.
    shown.sort((a, b) => {
      const x = sortValue(a), y = sortValue(b);
      if ((x === "") !== (y === "")) return x === "" ? 1 : -1;
      const order = column.number ? x - y : String(x).localeCompare(String(y), t("locale"));
      return descending ? -order : order;
    });
    const headers = RUN_COLUMNS.map((c) => ({ number: c.number,
      label: el("button", { type: "button", class: "sort", "aria-sort": c.key === sortKey ? (descending ? "descending" : "ascending") : "none",
                            text: t(c.label) + (c.key === sortKey ? (descending ? " ▼" : " ▲") : ""),
                            onclick: () => { location.hash = address({ sort: c.key, dir: c.key === sortKey && !descending ? "desc" : "asc" }); } }) }));
    holder.replaceChildren(el("p", { text: t("runs.shown", { shown: number(shown.length), total: number(runs.length) }) }),
      table(headers, shown.map((r) => RUN_COLUMNS.map((c) => (c.cell ? c.cell(r) : c.number ? r[c.key] : shownText(c, r))))));
  };
  filter.addEventListener("input", () => { history.replaceState(null, "", address({ filter: filter.value })); render(); });
  view().replaceChildren(el("h1", { text: t("runs.title") }), el("form", { class: "filters", onsubmit: (e) => e.preventDefault() }, select, filter), holder);
  render();
}

// The actions a person may be offered on a run's page; the server says
// which this user may take now, and decides in the end.
const RUN_ACTIONS = ["release", "confirm", "hold", "cancel", "printed", "inserted", "posted", "close"];

const PRODUCTION = { paper: "col.paper", sides: "col.sides", envelope: "col.envelope", inserter: "col.inserter",
                     inserts: "col.inserts", manual_handling: "run.manual_handling" };

// A ticket value as words: lists joined, inserts by feeder, flags as yes/no.
function describe(key, value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? `${v.feeder}: ${v.insert}` : v)).join(", ") || t("none");
  return key === "sides" ? term("sides", value) : String(value);
}

// The ticket's lists (postage by product, pieces finished by hand) and,
// for those who may see its content, the ticket as the print room prints
// it: A4, in German.
function ticketLists(ticket, run) {
  const products = Object.entries((ticket.postage || {}).products || {});
  const manual = ticket.manual_pieces || [];
  return [
    ...(products.length ? [table([t("col.products"), numeric("col.pieces"), numeric("col.postage")],
                                 products.map(([product, line]) => [product, number(line.pieces), money(line.cents)]))] : []),
    ...(manual.length ? [el("h3", { text: t("run.manual_handling") }),
                         table([t("col.piece"), numeric("col.sheets"), t("col.documents"), t("col.why")],
                               manual.map((p) => [p.piece, number(p.sheets), p.documents.join(", "), p.reason]))] : []),
    ...(run.content_visible ? [el("p", {}, el("a", { href: `/api/runs/${run.id}/ticket.pdf`, target: "_blank", rel: "noopener",
                                                     text: t("run.ticket_pdf") }))] : [])];
}

// What became of the run's pieces at the inserter, and its reprints.
function reconciliationView(run) {
  const r = run.reconciliation;
  if (!r || !Object.keys(r.statuses).length) return [];
  const links = [
    ...(run.reprint_of ? [[t("run.reprint_of"), link(`#/runs/${run.reprint_of}`, t("run.named", { number: r.reprint_of_number || String(run.reprint_of) }))]] : []),
    ...r.reprints.map((p) => [t("run.reprint"),
                              link(`#/runs/${p.id}`, t("run.reprint_named", { number: p.number, state: term("run_state", p.state) }))]),
    ...(r.reprint_problem ? [[t("run.no_reprint"), el("span", { class: "problem", text: r.reprint_problem })]] : []),
    ...(r.posted_on ? [[t("run.posted_on"), when(r.posted_on)]] : [])];
  const pieces = r.problem_pieces;
  return [el("h2", { text: t("run.reconciliation") }),
          table([t("col.status"), numeric("col.pieces")], Object.entries(r.statuses).map(([s, n]) => [term("piece_status", s), n])),
          ...(links.length ? [definitions(links)] : []),
          ...(pieces.length
            ? [el("h3", { text: pieces.length >= r.problem_pieces_shown ? t("run.problem_pieces_first", { count: number(pieces.length) })
                                                                        : t("run.problem_pieces") }),
               table([t("col.piece"), numeric("col.sequence"), t("col.status"), ...(run.content_visible ? [t("col.documents")] : []),
                      t("col.station"), t("col.at"), t("col.note")],
                     pieces.map((p) => [p.piece, p.sequence, term("piece_status", p.status), ...(run.content_visible ? [p.documents] : []),
                                        p.station, when(p.at), p.note ?? ""]))]
            : [])];
}

// Reconciling (the rest of the pieces as one verdict) and clearing
// attention (a finding, a verdict for each piece seen twice); the server
// decides who may.
function settlementForm(run, message) {
  const actions = run.actions || [];
  const verdicts = ["", "ok", "reprint", "pull", "hand-mail"];
  const choice = (label) => el("select", { "aria-label": label }, ...verdicts.map((v) => el("option", { value: v, text: t(`verdict.${v}`) })));
  const send = async (action, body) => {
    try {
      const changed = await api("POST", `/api/runs/${run.id}/${action}`, body);
      await runPage(run.id, t("run.now", { number: changed.number, state: term("run_state", changed.state) }));
    } catch (error) {
      message.className = "message";
      message.textContent = error.message;
    }
  };
  if (actions.includes("clear")) {
    const twice = run.reconciliation.problem_pieces.filter((p) => p.status === "duplicate");
    const selects = twice.map((p) => [p.piece, choice(t("run.verdict_for", { piece: p.piece }))]);
    const finding = el("textarea", { "aria-label": t("run.finding"), rows: "3", cols: "60" });
    return [el("h3", { text: t("run.clear_title") }),
            ...(selects.length ? [definitions(selects)] : []),
            el("label", { text: t("run.finding_label") }), finding,
            el("button", { type: "button", class: "primary", text: t("run.clear_button"), onclick: () => {
              const set = {};
              for (const [piece, select] of selects) if (select.value) set[piece] = select.value;
              send("clear", { set, finding: finding.value });
            } })];
  }
  if (actions.includes("reconcile")) {
    const rest = choice(t("run.without_status"));
    const reason = el("input", { "aria-label": t("run.pull_reason"), size: "40" });
    return [el("h3", { text: t("run.reconcile_title") }),
            definitions([[t("run.without_status"), rest], [t("run.pull_reason_label"), reason]]),
            el("button", { type: "button", class: "primary", text: t("action.reconcile"), onclick: () => {
              const body = { reason: reason.value };
              if (rest.value) body.rest = rest.value;
              send("reconcile", body);
            } })];
  }
  return [];
}

// The printer lost the run: it is copied there again, with the reason
// (kept in the audit trail).
function redeliveryForm(run, message) {
  if (!(run.actions || []).includes("redeliver")) return [];
  const reason = el("input", { "aria-label": t("run.redeliver_reason"), size: "50" });
  const send = async () => {
    try {
      await api("POST", `/api/runs/${run.id}/redeliver`, { reason: reason.value });
      await runPage(run.id, t("run.redeliver_asked", { number: run.number, printer: run.printer }));
    } catch (error) {
      message.className = "message";
      message.textContent = error.message;
    }
  };
  const form = el("form", { class: "filters" }, el("label", {}, t("run.redeliver_reason"), reason),
                  el("button", { type: "submit", text: t("action.redeliver") }));
  form.addEventListener("submit", (event) => { event.preventDefault(); send(); });
  return [el("h3", { text: t("run.redeliver_title") }), form];
}

async function runPage(id, notice = "") {
  const run = await api("GET", `/api/runs/${id}`);
  const message = el("p", { class: notice ? "notice" : "message", role: "status", text: notice });
  // The server says what this user may do to this run now.
  const buttons = (run.actions || []).filter((action) => RUN_ACTIONS.includes(action)).map((action) => el("button", {
    type: "button", class: action === "release" || action === "confirm" ? "primary" : "", "data-action": action,
    text: t(`action.${action}`),
    onclick: async () => {
      if (action === "cancel" && !confirm(t("run.cancel_question", { number: run.number }))) return;
      try {
        const changed = await api("POST", `/api/runs/${run.id}/${action}`);
        await runPage(run.id, t("run.now", { number: changed.number, state: term("run_state", changed.state) }));
      } catch (error) {
        message.className = "message";
        message.textContent = error.message;
      }
    } }));
  const ticket = run.ticket || {};
  const countsOf = ticket.counts || {};
  const thumbnails = el("div", { class: "thumbnails" });
  for (let page = 0; page < run.thumbnails; ++page) {
    const caption = t("run.page", { page: number(page + 1) });
    thumbnails.append(el("figure", {}, el("img", { src: `/api/runs/${run.id}/pages/${page}.png`, alt: caption, width: "160" }),
                         el("figcaption", { text: caption })));
  }
  const manifest = el("div", { class: "manifest" });
  const files = el("div", { class: "files" });
  view().replaceChildren(
    el("h1", { text: t("run.title", { number: run.number, job: run.job_name }) }),
    definitions([[t("col.state"), el("span", { class: "state", id: "run-state", text: term("run_state", run.state) })],
                 [t("col.sensitive"), run.sensitive ? el("span", { class: "sensitive", text: t("run.sensitive_yes") }) : t("no")],
                 [t("col.client"), run.client], [t("col.printer"), run.printer], [t("col.pieces"), number(run.pieces)],
                 [t("col.sheets"), number(run.sheets)], [t("run.pages"), number(run.pages)],
                 [t("run.released_by"), run.released_by], [t("run.confirmed_by"), run.confirmed_by],
                 [t("run.updated"), when(run.updated)],
                 ...(run.delivery_problem ? [[t("run.not_delivered"), el("span", { class: "problem", text: run.delivery_problem })]] : []),
                 ...(run.attention ? [[t("run.attention"), el("span", { class: "problem", text: run.attention })]] : []),
                 ...(run.redeliver ? [[t("run.redeliver_pending"), run.redeliver]] : [])]),
    el("div", { class: "actions" }, ...buttons), message,
    ...redeliveryForm(run, message),
    ...reconciliationView(run),
    ...settlementForm(run, message),
    el("h2", { text: t("run.ticket") }),
    definitions([[t("col.job"), ticket.job], [t("run.part"), t("run.part_of", { part: ticket.part ?? "", parts: ticket.parts ?? "" })],
                 ...Object.entries(PRODUCTION).map(([key, label]) => [t(label), describe(key, (ticket.production || {})[key])]),
                 [t("col.documents"), number(countsOf.documents)], [t("run.blank_pages"), number(countsOf.blank_pages)],
                 [t("run.postage"), !ticket.postage ? ""
                   : ticket.postage.total_cents === null
                     ? t("run.postage_unknown", { n: ticket.postage.unpriced_pieces, count: number(ticket.postage.unpriced_pieces) })
                     : money(ticket.postage.total_cents)],
                 [t("col.due"), when(ticket.due)], [t("col.created"), when(ticket.created)],
                 [t("run.leitregionen"), ((ticket.presort || {}).leitregionen || [])
                   .map((r) => `${r.leitregion}: ${number(r.pieces)}`).join(", ")],
                 ["SHA-256", ticket.sha256]]),
    ...ticketLists(ticket, run),
    el("h2", { text: t("run.files") }), files,
    ...(run.content_visible
      ? [el("h2", { text: t("run.first_pages") }), el("p", {}, link(`#/runs/${run.id}/sheets/1`, t("run.sheets_link"))),
         thumbnails, el("h2", { text: t("run.manifest") }), manifest]
      : [el("p", { text: t("run.content_hidden") })]));
  buttons[0]?.focus();
  try {
    // Opening or downloading a sensitive run's file is in the audit trail.
    const listed = await api("GET", `/api/runs/${run.id}/files`);
    const href = (file) => `/api/runs/${run.id}/files/${encodeURIComponent(file.name)}`;
    files.replaceChildren(table([t("col.file"), t("col.kind"), numeric("col.bytes"), ""],
      listed.map((file) => [file.name, term("file_kind", file.kind), file.bytes,
        file.visible ? el("span", {}, el("a", { href: href(file), target: "_blank", rel: "noopener", text: t("run.open") }), " ",
                          el("a", { href: `${href(file)}?download=1`, download: file.name, text: t("run.download", { name: file.name }) }))
                     : t("run.for_operators")])));
  } catch (error) { files.textContent = error.message; }
  if (!run.content_visible) return;
  try {
    const [header = [], ...rows] = csvRows(await api("GET", `/api/runs/${run.id}/manifest`));
    pagedTable(manifest, header, rows.map((row) => header.map((_, i) => row[i] ?? "")), 50);
  } catch (error) { manifest.textContent = error.message; }
}

async function auditPage(query) {
  const fields = ["user", "action", "object", "from", "to"];
  const params = new URLSearchParams();
  for (const f of fields) if (query.get(f)) params.set(f, query.get(f));
  const records = await api("GET", `/api/audit?${params}`);
  const form = el("form", { class: "filters" },
    ...fields.map((f) => el("label", {}, t(`audit.${f}`), el("input", { name: f, value: query.get(f) || "",
                                                                       placeholder: f === "from" || f === "to" ? "2026-11-01" : "" }))),
    el("button", { type: "submit", text: t("audit.filter") }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of fields) if (form.elements[f].value) next.set(f, form.elements[f].value);
    location.hash = `#/audit?${next}`;
  });
  view().replaceChildren(el("h1", { text: t("audit.title") }), form,
    table(["#", t("col.time"), t("col.user"), t("col.action"), t("col.object"), t("col.detail")],
          records.map((r) => [String(r.seq), when(r.at), r.user, r.action, r.object,
                              r.withheld ? t("audit.withheld") : r.detail])));
}

// Where is a notice: by its id (the Kassenzeichen), piece id, the
// recipient's name or postcode. Every search is in the audit trail.
async function searchPage(query) {
  const text = query.get("q") || "";
  const box = el("input", { type: "search", name: "q", value: text, "aria-label": t("search.label"),
                            placeholder: t("search.hint") });
  const form = el("form", { class: "filters", role: "search" }, box, el("button", { type: "submit", text: t("search.button") }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(box.value)}`;
  });
  const parts = [el("h1", { text: t("search.title") }), form];
  if (text) {
    const hits = await api("GET", `/api/search?q=${encodeURIComponent(text)}`);
    parts.push(hits.length
      ? table([t("col.documents"), t("col.piece"), t("col.recipient"), t("col.postcode"), t("col.client"), t("col.job"),
               t("col.run"), t("col.run_state"), t("col.inserter_status"), t("col.posted")],
              hits.map((h) => [h.documents, h.piece, h.sensitive && !h.recipient ? t("search.sensitive") : h.recipient,
                               h.postcode, h.client, link(`#/jobs/${h.job}`, h.job_name),
                               link(`#/runs/${h.run}`, h.run_number), term("run_state", h.run_state),
                               term("piece_status", h.status || "not set"), when(h.posted_on)]))
      : el("p", { text: t("search.nothing", { text }) }));
  }
  view().replaceChildren(...parts);
  box.focus();
}

// The members' month: what the centre did for each client, for its accounts.
async function accountsPage(query) {
  // This month as the centre reckons it (its time zone, not the browser's).
  const here = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone: format().validZone })
    .formatToParts(new Date());
  const month = query.get("month") || `${here.find((p) => p.type === "year").value}-${here.find((p) => p.type === "month").value}`;
  const report = await api("GET", `/api/reports/clients?month=${encodeURIComponent(month)}`);
  const picker = el("input", { type: "month", name: "month", value: month, "aria-label": t("accounts.month") });
  const form = el("form", { class: "filters" }, el("label", {}, `${t("accounts.month")} `, picker),
                  el("button", { type: "submit", text: t("accounts.show") }),
                  link(`/api/reports/clients?month=${encodeURIComponent(month)}&format=csv`, t("accounts.csv")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/accounts?month=${encodeURIComponent(picker.value)}`;
  });
  const products = (client) => client.postage.map((p) => `${p.product || t("accounts.no_product")}: ${number(p.pieces)}`).join(", ");
  view().replaceChildren(el("h1", { text: t("accounts.title", { month: monthName(report.month) }) }), form,
    el("p", { text: t("accounts.note", { zone: report.time_zone }) }),
    table([t("col.client"), numeric("col.documents"), numeric("col.pieces"), numeric("col.sheets"), numeric("col.print_pages"),
           numeric("col.scan_pages"), numeric("col.inserts"), numeric("col.manual_pieces"), numeric("col.reprinted_pieces"),
           t("col.products"), numeric("col.postage")],
          report.clients.map((c) => [c.client, c.documents, c.pieces, c.sheets, c.print_pages, c.scan_pages,
                                     c.inserts, c.manual_pieces, c.reprinted_pieces, products(c),
                                     money(c.postage_cents)])));
  picker.focus();
}

// --- routing -------------------------------------------------------------

let routing = false;  // a page is being fetched

async function route() {
  if (!state.csrf) return;
  ++generation;
  routing = true;
  const [path, search] = (location.hash.slice(1) || "/").split("?");
  const query = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean);
  try {
    if (parts[0] === "jobs" && parts[1]) await jobPage(parts[1]);
    else if (parts[0] === "jobs") await jobsPage();
    else if (parts[0] === "runs" && parts[1] && parts[2] === "sheets") await sheetPage(parts[1], parts[3] || "1", query);
    else if (parts[0] === "runs" && parts[1]) await runPage(parts[1]);
    else if (parts[0] === "runs") await runsPage(query);
    else if (parts[0] === "audit") await auditPage(query);
    else if (parts[0] === "accounts") await accountsPage(query);
    else if (parts[0] === "search") await searchPage(query);
    else await overviewPage();
  } catch (error) {
    if (!(error instanceof Quiet)) fail(error);
  } finally {
    routing = false;
  }
}

// Lists and the overview follow the floor by themselves, a few seconds
// behind; not while the user types into a form on them, nor on a run's
// page (its buttons keep their focus).
// A console left alone stops asking, so that its session can end.
const LIVE_SECONDS = 3, LIVE_IDLE_MINUTES = 10;
let lastInput = Date.now();
for (const kind of ["keydown", "pointerdown", "wheel"]) window.addEventListener(kind, () => { lastInput = Date.now(); });
setInterval(() => {
  if (!state.csrf || document.hidden || routing || Date.now() - lastInput > LIVE_IDLE_MINUTES * 60000) return;
  const page = (location.hash.slice(1) || "/").split("?")[0].split("/").filter(Boolean);
  const live = page.length === 0 || (page.length === 1 && ["jobs", "runs"].includes(page[0]));
  const typing = view().contains(document.activeElement) && document.activeElement.matches("input, select, textarea");
  if (live && !typing) route();
}, LIVE_SECONDS * 1000);

applyTexts();
window.addEventListener("hashchange", route);
api("GET", "/api/session").then(loggedIn).catch(() => showLogin());
