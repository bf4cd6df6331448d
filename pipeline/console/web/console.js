// The kuvert console: a single page over the JSON API. Everything shown is
// put into the page as text (never as HTML), so data cannot become markup.
"use strict";

const state = { csrf: null, user: null, role: null };
const view = () => document.getElementById("view");

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

function table(headers, rows) {
  const head = el("tr", {}, ...headers.map((h) => {
    const label = h.label || h;
    return label instanceof Node ? el("th", { class: h.number ? "number" : "" }, label)
                                 : el("th", { text: label, class: h.number ? "number" : "" });
  }));
  const body = rows.map((cells) =>
    el("tr", {}, ...cells.map((cell, i) => {
      const td = el("td", { class: headers[i].number ? "number" : "" });
      td.append(cell instanceof Node ? cell : document.createTextNode(cell === undefined ? "" : String(cell)));
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
    const at = el("span", { text: ` page ${page + 1} of ${pages} (${rows.length} ${rows.length === 1 ? "row" : "rows"}) ` });
    const previous = el("button", { type: "button", text: "Previous", onclick: () => show(page - 1) });
    const next = el("button", { type: "button", text: "Next", onclick: () => show(page + 1) });
    previous.disabled = page === 0;
    next.disabled = page + 1 >= pages;
    container.replaceChildren(el("div", { class: "pager" }, previous, at, next),
                              table(header, rows.slice(page * size, (page + 1) * size)));
  };
  show(0);
}

function definitions(pairs) {
  const list = el("dl");
  for (const [term, value] of pairs) list.append(el("dt", { text: term }), el("dd", {}, value instanceof Node ? value : String(value ?? "")));
  return list;
}

function link(href, text) { return el("a", { href, text }); }

// A page's data fetched before the user went elsewhere is not drawn: each
// route() counts, and a GET answered after the next one began is stale.
let generation = 0;

async function api(method, path, body) {
  const mine = generation;
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
                                       credentials: "same-origin" });
  const type = response.headers.get("Content-Type") || "";
  const data = type.startsWith("application/json") ? await response.json() : await response.text();
  if (response.status === 401 && path !== "/api/login") { showLogin(); throw new Error("not logged in"); }
  if (!response.ok) throw new Error(data.error || response.statusText);
  if (method === "GET" && mine !== generation) throw new Error("stale");
  return data;
}

function fail(error) {
  view().replaceChildren(el("p", { class: "message", role: "alert", text: error.message }));
}

// --- login ---------------------------------------------------------------

function showLogin(message = "") {
  state.csrf = null;
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

function loggedIn(session) {
  Object.assign(state, session);
  document.getElementById("login").hidden = true;
  document.getElementById("nav").hidden = false;
  document.getElementById("logout").hidden = false;
  document.getElementById("who").textContent = `${session.user} (${session.role})`;
  route();
}

document.getElementById("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    const session = await api("POST", "/api/login", { user: form.elements.user.value, password: form.elements.password.value });
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
  showLogin("Logged out.");
});

// --- pages ---------------------------------------------------------------

function counts(title, byState) {
  const entries = Object.entries(byState);
  return el("div", {}, el("h2", { text: title }),
            entries.length ? table(["State", { label: "Count", number: true }], entries) : el("p", { text: "none" }));
}

// What needs a person comes first, each with a link to its detail: runs
// in attention, runs awaiting a second person or a release, runs not
// delivered, failed jobs.
function needsPerson(attention, runs, jobs) {
  const runRows = (list, why) => list.map((r) => [link(`#/runs/${r.id}`, String(r.id)), r.job_name, r.name, why(r)]);
  const sections = [
    ["Runs in attention", runRows(attention, (r) => r.attention)],
    ["Runs awaiting a second person", runRows(runs.filter((r) => r.awaits_confirmation), (r) => `released by ${r.released_by}`)],
    ["Runs awaiting release", runRows(runs.filter((r) => r.state === "awaiting_release"), (r) => `${r.pieces} pieces, ${r.sheets} sheets`)],
    ["Runs not delivered", runRows(runs.filter((r) => r.delivery_problem), (r) => r.delivery_problem)],
    ["Failed jobs", jobs.filter((j) => j.state === "failed")
      .map((j) => [link(`#/jobs/${j.id}`, String(j.id)), j.name, j.inbox, j.created])],
  ].filter(([, rows]) => rows.length);
  // The newest 20 of each, with how many there are.
  return sections.flatMap(([title, rows]) => [
    el("h2", { class: "problem", text: `${title}: ${rows.length}` }),
    table(title === "Failed jobs" ? ["Job", "Name", "Inbox", "Created"] : ["Run", "Job", "Name", "Why"], rows.slice(0, 20))]);
}

async function overviewPage() {
  const [data, runs, jobs] = await Promise.all([api("GET", "/api/overview"), api("GET", "/api/runs"),
                                                api("GET", "/api/jobs")]);
  const attention = data.attention || [];
  const needs = needsPerson(attention, runs, jobs);
  view().replaceChildren(
    el("h1", { text: "Overview" }),
    ...(needs.length ? needs : [el("p", { class: "notice", text: "Nothing waits for a person." })]),
    el("div", { class: "tiles" },
       el("div", { class: "tile" }, el("b", { text: data.today.printed_pages }), `pages printed ${data.today.date}`),
       el("div", { class: "tile" }, el("b", { text: data.today.produced_pages }), "pages produced"),
       el("div", { class: "tile" }, el("b", { text: data.today.produced_pieces }), "mail pieces produced"),
       el("div", { class: "tile" }, el("b", { text: data.today.scanned_pages }), "pages scanned")),
    el("h2", { text: "Inboxes" }),
    table(["Inbox", "Kind", "Client", "Folder", { label: "Waiting", number: true }, { label: "Refused", number: true }],
          data.inboxes.map((i) => [i.name, i.kind, i.client, i.folder, i.waiting, i.refused])),
    counts("Runs", data.runs), counts("Jobs", data.jobs), counts("Inputs", data.inputs));
}

async function jobsPage() {
  const jobs = await api("GET", "/api/jobs");
  view().replaceChildren(el("h1", { text: "Jobs" }),
    table(["Job", "Name", "Kind", "Inbox", "Client", "State", { label: "Documents", number: true },
           { label: "Pages", number: true }, "Created"],
          jobs.map((j) => [link(`#/jobs/${j.id}`, String(j.id)), j.name, j.kind, j.inbox, j.client, j.state,
                           j.documents, j.pages, j.created])));
}

async function jobPage(id) {
  const job = await api("GET", `/api/jobs/${id}`);
  const errors = Array.isArray(job.errors) ? job.errors : [];
  view().replaceChildren(el("h1", { text: `Job ${job.id}: ${job.name}` }),
    definitions([["Kind", job.kind], ["Inbox", job.inbox], ["Client", job.client], ["State", job.state],
                 ["Source", job.source ? `${job.source.name} (received ${job.source.received})` : ""],
                 ["Documents", job.documents], ["Pages", job.pages], ["Mail pieces", job.pieces],
                 ["Created", job.created], ["Finished", job.finished]]),
    el("h2", { text: "Errors" }),
    errors.length ? el("ul", {}, ...errors.map((e) => el("li", { text: e }))) : el("p", { text: "none" }),
    ...(job.archive
      ? [el("h2", { text: "Archived documents" }), el("p", { text: job.archive.folder }),
         table(["Document", "File", "Index", { label: "Pages", number: true }, { label: "Blank pages dropped", number: true }],
               job.archive.documents.map((d) => [d.id, d.file, d.index, d.pages, d.blank_pages_dropped]))]
      : [el("h2", { text: "Runs" }), runsTable(job.runs)]));
}

function runsTable(runs) {
  return table(["Run", "Job", "Name", "State", { label: "Pieces", number: true }, { label: "Sheets", number: true },
                "Printer", "Sensitive"],
               runs.map((r) => [link(`#/runs/${r.id}`, String(r.id)), r.job_name, r.name,
                                el("span", { class: r.delivery_problem || r.attention ? "state problem" : "state",
                                             title: r.delivery_problem || r.attention || "",
                                             text: r.delivery_problem ? `${r.state}, not delivered` : r.awaits_confirmation ? "released, awaits confirmation" : r.state }),
                                r.pieces, r.sheets, r.printer, r.sensitive ? "yes" : ""]));
}

const RUN_STATES = ["", "awaiting_release", "released", "confirmed", "delivered", "printed", "inserted", "reconciled", "attention", "posted", "closed", "held", "cancelled"];

// The runs as the floor sorts them: any column by its header (again: the
// other way), rows filtered by text in any column; both kept in the
// address, so the page's own refresh keeps them.
const RUN_COLUMNS = [
  { key: "id", label: "Run", number: true, cell: (r) => link(`#/runs/${r.id}`, String(r.id)) },
  { key: "client", label: "Client" }, { key: "job_name", label: "Job" }, { key: "name", label: "Name" },
  { key: "state", label: "State", cell: (r) => el("span", { class: r.delivery_problem || r.attention ? "state problem" : "state",
      title: r.delivery_problem || r.attention || "",
      text: r.delivery_problem ? `${r.state}, not delivered` : r.awaits_confirmation ? "released, awaits confirmation" : r.state }) },
  { key: "paper", label: "Paper" }, { key: "sides", label: "Sides" }, { key: "envelope", label: "Envelope" },
  { key: "inserter", label: "Inserter" }, { key: "inserts", label: "Inserts" },
  { key: "sheets", label: "Sheets", number: true }, { key: "pieces", label: "Pieces", number: true },
  { key: "created", label: "Created" }, { key: "printer", label: "Printer" },
  { key: "sensitive", label: "Sensitive", cell: (r) => (r.sensitive ? "yes" : "") },
];

async function runsPage(query) {
  const selected = query.get("state") || "";
  const runs = await api("GET", selected ? `/api/runs?state=${encodeURIComponent(selected)}` : "/api/runs");
  const address = (changes) => {
    const next = new URLSearchParams(location.hash.split("?")[1] || "");
    for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value); else next.delete(key);
    return `#/runs?${next}`;
  };
  const select = el("select", { name: "state", "aria-label": "State" },
                    ...RUN_STATES.map((s) => { const o = el("option", { value: s, text: s || "all states" }); if (s === selected) o.selected = true; return o; }));
  select.addEventListener("change", () => { location.hash = address({ state: select.value }); });
  const filter = el("input", { type: "search", name: "filter", value: query.get("filter") || "", "aria-label": "Filter",
                               placeholder: "filter: client, paper, inserter, ..." });
  const sortKey = query.get("sort") || "id";
  const descending = (query.get("dir") || (sortKey === "id" ? "desc" : "asc")) === "desc";
  const column = RUN_COLUMNS.find((c) => c.key === sortKey) || RUN_COLUMNS[0];
  const holder = el("div");
  const render = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = runs.filter((r) => {
      const text = RUN_COLUMNS.map((c) => String(r[c.key] ?? "")).join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    });
    shown.sort((a, b) => {
      const x = a[column.key] ?? "", y = b[column.key] ?? "";
      const order = column.number ? x - y : String(x).localeCompare(String(y), "de");
      return descending ? -order : order;
    });
    const headers = RUN_COLUMNS.map((c) => ({ number: c.number,
      label: el("button", { type: "button", class: "sort", "aria-sort": c.key === sortKey ? (descending ? "descending" : "ascending") : "none",
                            text: c.label + (c.key === sortKey ? (descending ? " ▼" : " ▲") : ""),
                            onclick: () => { location.hash = address({ sort: c.key, dir: c.key === sortKey && !descending ? "desc" : "asc" }); } }) }));
    holder.replaceChildren(el("p", { text: `${shown.length} of ${runs.length} runs` }),
      table(headers, shown.map((r) => RUN_COLUMNS.map((c) => (c.cell ? c.cell(r) : r[c.key])))));
  };
  filter.addEventListener("input", () => { history.replaceState(null, "", address({ filter: filter.value })); render(); });
  view().replaceChildren(el("h1", { text: "Runs" }), el("form", { class: "filters", onsubmit: (e) => e.preventDefault() }, select, filter), holder);
  render();
}

// Which actions a run in a state offers; the server decides in the end.
const ACTION_LABELS = { release: "Release", confirm: "Confirm (second person)", hold: "Hold", cancel: "Cancel",
                        printed: "Mark printed", inserted: "Mark inserted", posted: "Mark posted today",
                        close: "Close" };

const productionLabels = { paper: "Paper", sides: "Sides", envelope: "Envelope", inserter: "Inserter",
                           inserts: "Inserts", manual_handling: "Manual handling" };

// A ticket value as words: lists joined, inserts by feeder, flags as yes/no.
function describe(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? `${v.feeder}: ${v.insert}` : v)).join(", ") || "none";
  return String(value);
}

// What became of the run's pieces at the inserter, and its reprints.
function reconciliationView(run) {
  const r = run.reconciliation;
  if (!r || !Object.keys(r.statuses).length) return [];
  const links = [
    ...(run.reprint_of ? [["Reprint of", link(`#/runs/${run.reprint_of}`, `run ${run.reprint_of}`)]] : []),
    ...r.reprints.map((p) => ["Reprint", link(`#/runs/${p.id}`, `run ${p.id} (${p.name}, ${p.state})`)]),
    ...(r.reprint_problem ? [["No reprint", el("span", { class: "problem", text: r.reprint_problem })]] : []),
    ...(r.posted_on ? [["Posted on", r.posted_on]] : [])];
  const pieces = r.problem_pieces;
  return [el("h2", { text: "Reconciliation" }),
          table(["Status", { label: "Pieces", number: true }], Object.entries(r.statuses).map(([s, n]) => [s, n])),
          ...(links.length ? [definitions(links)] : []),
          ...(pieces.length
            ? [el("h3", { text: pieces.length >= r.problem_pieces_shown ? `Pieces not simply ok (first ${pieces.length})` : "Pieces not simply ok" }),
               table(["Piece", { label: "Sequence", number: true }, "Status", ...(run.content_visible ? ["Documents"] : []), "Station", "At", "Note"],
                     pieces.map((p) => [p.piece, p.sequence, p.status, ...(run.content_visible ? [p.documents] : []), p.station, p.at, p.note ?? ""]))]
            : [])];
}

// Reconciling (the rest of the pieces as one verdict) and clearing
// attention (a finding, a verdict for each piece seen twice); the server
// decides who may.
function settlementForm(run, message) {
  const actions = run.actions || [];
  const verdicts = ["", "ok", "reprint", "pull", "hand-mail"];
  const choice = (label) => el("select", { "aria-label": label }, ...verdicts.map((v) => el("option", { value: v, text: v || "(unchanged)" })));
  const send = async (action, body) => {
    try {
      const changed = await api("POST", `/api/runs/${run.id}/${action}`, body);
      await runPage(run.id, `Run ${changed.id} is now ${changed.state}.`);
    } catch (error) {
      message.className = "message";
      message.textContent = error.message;
    }
  };
  if (actions.includes("clear")) {
    const twice = run.reconciliation.problem_pieces.filter((p) => p.status === "duplicate");
    const selects = twice.map((p) => [p.piece, choice(`Verdict for ${p.piece}`)]);
    const finding = el("textarea", { "aria-label": "Finding", rows: "3", cols: "60" });
    return [el("h3", { text: "Clear attention (supervisor)" }),
            ...(selects.length ? [definitions(selects)] : []),
            el("label", { text: "Finding: what was checked and found" }), finding,
            el("button", { type: "button", class: "primary", text: "Clear with finding", onclick: () => {
              const set = {};
              for (const [piece, select] of selects) if (select.value) set[piece] = select.value;
              send("clear", { set, finding: finding.value });
            } })];
  }
  if (actions.includes("reconcile")) {
    const rest = choice("Pieces without a status");
    const reason = el("input", { "aria-label": "Reason for pulled pieces", size: "40" });
    return [el("h3", { text: "Reconcile" }),
            definitions([["Pieces without a status", rest], ["Reason (for pulled pieces)", reason]]),
            el("button", { type: "button", class: "primary", text: "Reconcile", onclick: () => {
              const body = { reason: reason.value };
              if (rest.value) body.rest = rest.value;
              send("reconcile", body);
            } })];
  }
  return [];
}

async function runPage(id, notice = "") {
  const run = await api("GET", `/api/runs/${id}`);
  const message = el("p", { class: notice ? "notice" : "message", role: "status", text: notice });
  // The server says what this user may do to this run now.
  const buttons = (run.actions || []).filter((action) => ACTION_LABELS[action]).map((action) => el("button", {
    type: "button", class: action === "release" || action === "confirm" ? "primary" : "", "data-action": action,
    text: ACTION_LABELS[action],
    onclick: async () => {
      if (action === "cancel" && !confirm(`Cancel run ${run.id}? It cannot be released again.`)) return;
      try {
        const changed = await api("POST", `/api/runs/${run.id}/${action}`);
        await runPage(run.id, `Run ${changed.id} is now ${changed.state}.`);
      } catch (error) {
        message.className = "message";
        message.textContent = error.message;
      }
    } }));
  const ticket = run.ticket || {};
  const countsOf = ticket.counts || {};
  const thumbnails = el("div", { class: "thumbnails" });
  for (let page = 0; page < run.thumbnails; ++page)
    thumbnails.append(el("figure", {}, el("img", { src: `/api/runs/${run.id}/pages/${page}.png`, alt: `page ${page + 1}`, width: "160" }),
                         el("figcaption", { text: `page ${page + 1}` })));
  const manifest = el("div", { class: "manifest" });
  const files = el("div", { class: "files" });
  view().replaceChildren(
    el("h1", { text: `Run ${run.id}: ${run.job_name} ${run.name}` }),
    definitions([["State", el("span", { class: "state", id: "run-state", text: run.state })],
                 ["Sensitive", run.sensitive ? el("span", { class: "sensitive", text: "yes: four eyes" }) : "no"],
                 ["Client", run.client], ["Printer", run.printer], ["Pieces", run.pieces], ["Sheets", run.sheets],
                 ["Pages", run.pages], ["Released by", run.released_by], ["Confirmed by", run.confirmed_by],
                 ["Updated", run.updated],
                 ...(run.delivery_problem ? [["Not delivered", el("span", { class: "problem", text: run.delivery_problem })]] : []),
                 ...(run.attention ? [["Attention", el("span", { class: "problem", text: run.attention })]] : [])]),
    el("div", { class: "actions" }, ...buttons), message,
    ...reconciliationView(run),
    ...settlementForm(run, message),
    el("h2", { text: "Ticket" }),
    definitions([["Job", ticket.job], ["Part", `${ticket.part ?? ""} of ${ticket.parts ?? ""}`],
                 ...Object.entries(productionLabels).map(([key, label]) => [label, describe((ticket.production || {})[key])]),
                 ["Documents", countsOf.documents], ["Blank pages", countsOf.blank_pages],
                 ["Postage", !ticket.postage ? ""
                   : ticket.postage.total_cents === null
                     ? `unknown: ${ticket.postage.unpriced_pieces} pieces fit no postage product (manual handling)`
                     : `${(ticket.postage.total_cents / 100).toFixed(2)} ${ticket.postage.currency}`],
                 ["SHA-256", ticket.sha256]]),
    el("h2", { text: "Files" }), files,
    ...(run.content_visible
      ? [el("h2", { text: "First pages" }), thumbnails, el("h2", { text: "Manifest" }), manifest]
      : [el("p", { text: "Pages and manifest of a sensitive run are for operators and above." })]));
  buttons[0]?.focus();
  try {
    // Opening or downloading a sensitive run's file is in the audit trail.
    const listed = await api("GET", `/api/runs/${run.id}/files`);
    const href = (file) => `/api/runs/${run.id}/files/${encodeURIComponent(file.name)}`;
    files.replaceChildren(table(["File", "Kind", { label: "Bytes", number: true }, ""],
      listed.map((file) => [file.name, file.kind, file.bytes,
        file.visible ? el("span", {}, el("a", { href: href(file), target: "_blank", rel: "noopener", text: "open" }), " ",
                          el("a", { href: `${href(file)}?download=1`, download: file.name, text: `download ${file.name}` }))
                     : "for operators and above"])));
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
    ...fields.map((f) => el("label", {}, f, el("input", { name: f, value: query.get(f) || "",
                                                           placeholder: f === "from" || f === "to" ? "2026-11-01" : "" }))),
    el("button", { type: "submit", text: "Filter" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of fields) if (form.elements[f].value) next.set(f, form.elements[f].value);
    location.hash = `#/audit?${next}`;
  });
  view().replaceChildren(el("h1", { text: "Audit trail" }), form,
    table([{ label: "#", number: true }, "Time", "User", "Action", "Object", "Detail"],
          records.map((r) => [r.seq, r.at, r.user, r.action, r.object, r.detail])));
}

// Where is a notice: by its id (the Kassenzeichen), piece id, the
// recipient's name or postcode. Every search is in the audit trail.
async function searchPage(query) {
  const text = query.get("q") || "";
  const box = el("input", { type: "search", name: "q", value: text, "aria-label": "Search",
                            placeholder: "Kassenzeichen, piece id, name or postcode" });
  const form = el("form", { class: "filters", role: "search" }, box, el("button", { type: "submit", text: "Search" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(box.value)}`;
  });
  const parts = [el("h1", { text: "Find a notice" }), form];
  if (text) {
    const hits = await api("GET", `/api/search?q=${encodeURIComponent(text)}`);
    parts.push(hits.length
      ? table(["Documents", "Piece", "Recipient", "Postcode", "Client", "Job", "Run", "Run state", "At the inserter",
               "Posted"],
              hits.map((h) => [h.documents, h.piece, h.sensitive && !h.recipient ? "(sensitive)" : h.recipient,
                               h.postcode, h.client, link(`#/jobs/${h.job}`, h.job_name),
                               link(`#/runs/${h.run}`, `${h.run} ${h.run_name}`), h.run_state, h.status || "not set",
                               h.posted_on]))
      : el("p", { text: `Nothing found for "${text}".` }));
  }
  view().replaceChildren(...parts);
  box.focus();
}

const euros = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

// The members' month: what the centre did for each client, for its accounts.
async function accountsPage(query) {
  const now = new Date();
  const month = query.get("month") || `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const report = await api("GET", `/api/reports/clients?month=${encodeURIComponent(month)}`);
  const picker = el("input", { type: "month", name: "month", value: month, "aria-label": "Month" });
  const form = el("form", { class: "filters" }, el("label", {}, "Month ", picker),
                  el("button", { type: "submit", text: "Show" }),
                  link(`/api/reports/clients?month=${encodeURIComponent(month)}&format=csv`, "CSV for the accounts"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/accounts?month=${encodeURIComponent(picker.value)}`;
  });
  const products = (client) => client.postage.map((p) => `${p.product || "no product"}: ${p.pieces}`).join(", ");
  const number = (label) => ({ label, number: true });
  view().replaceChildren(el("h1", { text: `Accounts ${report.month}` }), form,
    el("p", { text: `Runs produced and scan batches finished in the month (${report.time_zone}); reprints apart.` }),
    table(["Client", number("Documents"), number("Pieces"), number("Sheets"), number("Pages printed"),
           number("Pages scanned"), number("Inserts"), number("By hand"), number("Reprinted"), "Products",
           number("Postage")],
          report.clients.map((c) => [c.client, c.documents, c.pieces, c.sheets, c.print_pages, c.scan_pages,
                                     c.inserts, c.manual_pieces, c.reprinted_pieces, products(c),
                                     euros.format(c.postage_cents / 100)])));
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
    else if (parts[0] === "runs" && parts[1]) await runPage(parts[1]);
    else if (parts[0] === "runs") await runsPage(query);
    else if (parts[0] === "audit") await auditPage(query);
    else if (parts[0] === "accounts") await accountsPage(query);
    else if (parts[0] === "search") await searchPage(query);
    else await overviewPage();
  } catch (error) {
    if (error.message !== "not logged in" && error.message !== "stale") fail(error);
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

window.addEventListener("hashchange", route);
api("GET", "/api/session").then(loggedIn).catch(() => showLogin());
