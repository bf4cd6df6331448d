// The console's page viewer (#/runs/ID/sheets/N): any sheet of a run,
// front and back, rendered on the server at the zoom asked, with the
// proof's overlay drawn over it on request. Uses console.js's helpers
// (el, t, api, ...), which it loads after this file and before any page.
"use strict";

// The sheet, zoom and overlay are kept in the address.
const ZOOMS = [50, 75, 100, 150, 200];

function overlay(zones, width, height) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "overlay");
  for (const zone of zones) {
    const shape = document.createElementNS("http://www.w3.org/2000/svg", zone.line ? "line" : "rect");
    const at = zone.line ? { x1: zone.x, y1: zone.y, x2: zone.x + zone.width, y2: zone.y + zone.height }
                         : { x: zone.x, y: zone.y, width: zone.width, height: zone.height };
    for (const [key, value] of Object.entries(at)) shape.setAttribute(key, value);
    shape.setAttribute("fill", "none");
    shape.setAttribute("stroke", zone.colour);
    shape.setAttribute("stroke-width", "0.4");
    shape.setAttribute("data-kind", zone.kind);
    if (zone.dashed) shape.setAttribute("stroke-dasharray", "2 1.2");
    svg.append(shape);
  }
  return svg;
}

// A zone's colour in the legend (set through the CSSOM: the page's
// Content-Security-Policy allows no style attributes).
function swatch(colour) {
  const mark = el("span", { class: "swatch" });
  mark.style.borderTopColor = colour;
  return mark;
}

async function sheetPage(id, wanted, query) {
  const zoom = ZOOMS.includes(Number(query.get("zoom"))) ? Number(query.get("zoom")) : 100;
  const withOverlay = query.get("overlay") === "1";
  const [run, sheet] = await Promise.all([api("GET", `/api/runs/${id}`), api("GET", `/api/runs/${id}/sheets/${wanted}`)]);
  const address = (changes) => {
    const next = { n: sheet.sheet, zoom, overlay: withOverlay ? "1" : "", ...changes };
    const params = new URLSearchParams();
    if (next.zoom !== 100) params.set("zoom", next.zoom);
    if (next.overlay) params.set("overlay", "1");
    return `#/runs/${id}/sheets/${next.n}${String(params) ? `?${params}` : ""}`;
  };
  const box = el("input", { type: "number", name: "sheet", min: "1", max: String(sheet.sheets), value: String(sheet.sheet),
                            "aria-label": t("sheet.number") });
  const zoomChoice = el("select", { name: "zoom", "aria-label": t("sheet.zoom") },
                        ...ZOOMS.map((z) => { const o = el("option", { value: String(z), text: `${z} %` }); if (z === zoom) o.selected = true; return o; }));
  zoomChoice.addEventListener("change", () => { location.hash = address({ zoom: Number(zoomChoice.value) }); });
  const overlayBox = el("input", { type: "checkbox", name: "overlay" });
  overlayBox.checked = withOverlay;
  overlayBox.addEventListener("change", () => { location.hash = address({ overlay: overlayBox.checked ? "1" : "" }); });
  const step = (by) => el("button", { type: "button", text: t(by < 0 ? "previous" : "next"),
                                       onclick: () => { location.hash = address({ n: sheet.sheet + by }); } });
  const previous = step(-1), next = step(1);
  previous.disabled = sheet.sheet <= 1;
  next.disabled = sheet.sheet >= sheet.sheets;
  const form = el("form", { class: "filters" }, el("label", {}, t("sheet.number"), box), el("button", { type: "submit", text: t("sheet.show") }),
                  previous, next, el("label", {}, t("sheet.zoom"), zoomChoice),
                  el("label", { class: "check" }, overlayBox, ` ${t("sheet.overlay")}`));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = address({ n: Math.min(Math.max(1, Math.round(Number(box.value)) || 1), sheet.sheets) });
  });
  const dpi = Math.round(96 * zoom / 100);
  const side = (name, zones) => el("figure", { class: "sheet" },
    el("div", { class: "paper" },
       el("img", { src: `/api/runs/${id}/sheets/${sheet.sheet}/${name}.png?dpi=${dpi}`, alt: `${t(`sheet.${name}`)} ${sheet.sheet}` }),
       withOverlay ? overlay(zones, sheet.width_mm, sheet.height_mm) : null),
    el("figcaption", { text: t(`sheet.${name}`) }));
  const kinds = [...new Map([...sheet.front, ...sheet.back].map((z) => [z.kind, z.colour])).entries()];
  view().replaceChildren(
    el("h1", { text: t("sheet.title", { number: run.number, job: run.job_name, sheet: number(sheet.sheet), sheets: number(sheet.sheets) }) }),
    el("p", {}, link(`#/runs/${id}`, t("sheet.back_to_run"))),
    form,
    el("p", { text: t("sheet.piece", { piece: sheet.piece, sequence: number(sheet.sequence), k: number(sheet.sheet_of_piece),
                                       m: number(sheet.piece_sheets), envelope: sheet.envelope }) }),
    ...(withOverlay && sheet.overlay_problem
      ? [el("p", { class: "message", text: t(`overlay.${sheet.overlay_problem}`, { detail: sheet.overlay_detail }) })] : []),
    ...(withOverlay ? [el("ul", { class: "legend" }, ...kinds.map(([kind, colour]) =>
      el("li", {}, swatch(colour), term("zone", kind))))] : []),
    el("div", { class: "sheets" }, side("front", sheet.front), sheet.duplex ? side("back", sheet.back) : null));
}

