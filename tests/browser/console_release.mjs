// The console in a real browser: keystrokes typed while the page loads
// reach the login form; an operator logs in to a console in German, with
// German dates and times in the centre's time zone, and sees a job dropped
// then appear as a run awaiting release without a reload, opens a run with
// sensitive documents and releases it; the operator is not offered to
// confirm it; a supervisor logs in, chooses English, and confirms; the
// run's PDF appears in the printer folder; the operator's download of the
// run's file is audited; a viewer is refused the run's content; the
// month's accounts add up to the run's ticket; the printer's file begins
// with a banner sheet, which the simulated inserter diverts. Run by ctest
// with KUVERT_BINARY, KUVERT_SAMPLE_JOB, KUVERT_INSERTER_SIM and
// KUVERT_SOURCE_DIR set; Debian's Chromium at /usr/bin/chromium.
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, renameSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const kuvert = process.env.KUVERT_BINARY;
const sampleJob = process.env.KUVERT_SAMPLE_JOB;
const inserterSim = process.env.KUVERT_INSERTER_SIM;
const source = process.env.KUVERT_SOURCE_DIR;
const site = mkdtempSync(join(tmpdir(), "kuvert-browser-"));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, check, seconds) {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(100)) {
    const value = check();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

writeFileSync(join(site, "kuvert.toml"), `
[store]
folder = "store"
[console]
listen = "127.0.0.1:0"
[production]
layouts = "${source}/layouts"
fonts = "${source}/fonts"
[[printer]]
name = "drucker-1"
folder = "drucker"
banner = true
ticket = true
[[inbox]]
name = "bezuege"
folder = "eingang"
kind = "job"
client = "musterstadt"
poll_seconds = 0.2
`);
const config = join(site, "kuvert.toml");
for (const [user, role] of [["anna", "operator"], ["bernd", "supervisor"], ["vera", "viewer"]]) {
  const added = spawnSync(kuvert, ["users", "add", user, "--role", role, "--config", config],
                          { input: `${user}'s long password\n`, encoding: "utf8" });
  assert.equal(added.status, 0, added.stderr);
}

// A job of salary statements: sensitive, so it needs four eyes.
const staging = join(site, "staging");
assert.equal(spawnSync(sampleJob, [staging, "--documents", "6", "--pages", "1", "--job", "bezuege-browser"]).status, 0);
const manifest = JSON.parse(readFileSync(join(staging, "job.json"), "utf8"));
manifest.defaults.sensitive = true;
manifest.due = "2026-12-10";  // the day the client wants them posted
writeFileSync(join(staging, "job.json"), JSON.stringify(manifest));

// A second job, dropped while the overview is open.
const staged = join(site, "staging-live");
// (80 letters: one of its runs has more than 37 sheets, for the page viewer)
assert.equal(spawnSync(sampleJob, [staged, "--documents", "80", "--pages", "1", "--job", "abgaben-live"]).status, 0);

const log = [];
const service = spawn(kuvert, ["serve", "--config", config], { stdio: ["ignore", "pipe", "pipe"] });
service.stderr.on("data", (data) => log.push(String(data)));
let browser;
try {
  const port = await until("the console", () => log.join("").match(/console on http:\/\/127\.0\.0\.1:(\d+)\//)?.[1], 20);
  const base = `http://127.0.0.1:${port}`;
  renameSync(staging, join(site, "eingang", "job"));
  await until("the job's run", () => /(run awaits|runs await) release/.test(log.join("")), 60);

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // Typed while the page still asks for its session: nothing is lost.
  const early = await browser.newPage();
  await early.route("**/api/session", async (route) => { await sleep(1500); await route.continue(); });
  await early.goto(base + "/");
  await early.keyboard.type("anna");
  await early.waitForResponse("**/api/session");
  await sleep(200);
  assert.equal(await early.getByLabel("Benutzer").inputValue(), "anna");
  await early.close();

  // The browser's clock in New York: the console still shows the centre's
  // time (Europe/Berlin), not the browser's.
  const context = await browser.newContext({ timezoneId: "America/New_York", acceptDownloads: true });
  const page = await context.newPage();
  const logIn = async (user) => {
    await page.goto(base + "/");
    await page.getByLabel("Benutzer").fill(user);
    await page.getByLabel("Passwort").fill(`${user}'s long password`);
    await page.getByLabel("Passwort").press("Enter");
    await page.getByText(`${user} (`).waitFor();
  };

  // The overview follows the floor: a job dropped now shows as a run
  // awaiting release, without a reload.
  await logIn("anna");
  await page.getByRole("heading", { name: /Läufe warten auf Freigabe: \d+/ }).waitFor();
  // In German: today as 03.12.2026.
  const today = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric",
                                                    timeZone: "Europe/Berlin" }).format(new Date());
  assert.match(today, /^\d\d\.\d\d\.\d{4}$/);
  await page.getByText(`Seiten gedruckt am ${today}`).waitFor();
  // The run that is due says when, as German staff write the day.
  await page.getByRole("cell", { name: "1 Sendung, 1 Blatt, fällig am 10.12.2026" }).waitFor();
  await page.evaluate(() => { window.notReloaded = true; });
  renameSync(staged, join(site, "eingang", "live"));
  await page.getByRole("cell", { name: "abgaben-live" }).first().waitFor({ timeout: 30000 });
  assert.equal(await page.evaluate(() => window.notReloaded), true);

  // The jobs list: when each came, in the centre's time (Europe/Berlin).
  await page.getByRole("link", { name: "Aufträge" }).click();
  const created = JSON.parse(await page.evaluate(() => fetch("/api/jobs").then((r) => r.text())))[0].created;
  assert.match(created, /Z$/);
  const berlin = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit",
                                                     minute: "2-digit", timeZone: "Europe/Berlin" }).format(new Date(created));
  assert.match(berlin, /^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
  await page.getByRole("cell", { name: berlin }).first().waitFor();
  await page.getByRole("cell", { name: "fertig" }).first().waitFor();

  // The runs list: filtered by any column's text, sorted by any column.
  await page.getByRole("link", { name: "Läufe" }).click();
  await page.getByLabel("Filter").fill("abgaben-live");
  await page.getByText(/^[1-9] von [3-9] Läufen$/).waitFor();
  for (const row of await page.locator("tbody tr").allTextContents()) assert.match(row, /abgaben-live/);
  await page.getByLabel("Filter").fill("");
  await page.getByRole("button", { name: /^Sendungen/ }).click();
  await page.getByRole("button", { name: "Sendungen ▲" }).waitFor();
  const pieces = (await page.locator("tbody tr td:nth-child(12)").allTextContents()).map(Number);
  assert.deepEqual(pieces, [...pieces].sort((a, b) => a - b));
  assert.equal(pieces.length >= 3, true);
  // The runs that are due, and when.
  await page.getByRole("button", { name: /^Fällig/ }).click();
  await page.getByRole("button", { name: "Fällig ▲" }).waitFor();
  // Those that are due first; those of the job that gave a day, and only they.
  const due = await page.locator("tbody tr td:nth-child(14)").allTextContents();
  const jobs = await page.locator("tbody tr td:nth-child(3)").allTextContents();
  assert.equal(due[0], "10.12.2026", due.join("|"));
  assert.deepEqual(due.map((day) => day !== ""), jobs.map((job) => job === "bezuege-browser"));
  assert.ok(due.every((day) => day === "" || day === "10.12.2026"));

  // The operator releases.
  // Filtered by its state as shown, in German.
  await page.getByLabel("Filter").fill("wartet auf freigabe");
  await page.getByText(/^[3-9] von [3-9] Läufen$/).waitFor();
  // Runs go by their number, as operators say them: run R0001 of job 1.
  await page.getByRole("link", { name: "J1-R0001", exact: true }).click();
  await page.getByText("ja: vier Augen").waitFor();
  // Its manifest as a table: a row a piece, its id as the 2D code carries it.
  await page.getByRole("columnheader", { name: "piece_id" }).waitFor();
  await page.getByText("Seite 1 von 1 (1 Zeile)").waitFor();
  await page.getByRole("cell", { name: /^[0-9A-F]{8}-R0001-000001$/ }).waitFor();
  // A citizen calls about that notice: found by its Kassenzeichen.
  const kassenzeichen = (await page.getByRole("cell", { name: /^K-2026-\d{6}$/ }).first().textContent()).trim();
  await page.getByRole("link", { name: "Suche" }).click();
  await page.getByRole("searchbox", { name: "Suche" }).fill(kassenzeichen);
  await page.getByRole("searchbox", { name: "Suche" }).press("Enter");
  // (the other job's letter of the same number too)
  const found = page.getByRole("row", { name: new RegExp(kassenzeichen) }).filter({ hasText: "bezuege-browser" });
  await found.waitFor();
  assert.match(await found.textContent(), /J1-R0001.*wartet auf Freigabe/);
  await page.goto(base + "/#/runs/1");
  await page.getByText("ja: vier Augen").waitFor();
  // Its ticket as a page, and as the print room prints it.
  await page.getByRole("heading", { name: "Laufzettel" }).waitFor();
  await page.getByText("Leitregionen").waitFor();
  const ticketLink = page.getByRole("link", { name: "Laufzettel als PDF (A4, zum Drucken)" });
  const ticketPdf = await page.evaluate((href) => fetch(href).then(async (r) => [r.status, r.headers.get("content-type"),
                                                                                  (await r.text()).slice(0, 5)]),
                                        await ticketLink.getAttribute("href"));
  assert.deepEqual(ticketPdf, [200, "application/pdf", "%PDF-"]);
  await page.getByRole("button", { name: "Freigeben" }).click();
  await page.getByText("Neuer Zustand von Lauf J1-R0001: freigegeben.").waitFor();
  // ... but is not offered to confirm it: only a second person, a supervisor, may.
  assert.equal(await page.getByRole("button", { name: "Bestätigen (zweite Person)" }).count(), 0);
  await page.getByRole("button", { name: "Anhalten" }).waitFor();
  await page.screenshot({ path: join(site, "released.png"), fullPage: true });
  // The operator downloads the run's print file: the trail says who did.
  const [download] = await Promise.all([page.waitForEvent("download"),
                                        page.getByRole("link", { name: "R0001.pdf herunterladen" }).click()]);
  assert.equal(readFileSync(await download.path()).subarray(0, 5).toString(), "%PDF-");
  await page.getByRole("link", { name: "Protokoll" }).click();
  await page.getByRole("cell", { name: "download R0001.pdf" }).waitFor();

  // The page viewer: sheet 37 of the live job's largest run, front and
  // back, the piece its manifest says, zoomed, with the proof's overlay.
  const filesIn = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(folder, entry.name)) : [join(folder, entry.name)]);
  const liveTickets = filesIn(join(site, "store")).filter((f) => /R\d{4}\.json$/.test(f))
    .map((f) => ({ file: f, ticket: JSON.parse(readFileSync(f, "utf8")) })).filter((t) => t.ticket.job === "abgaben-live");
  const largest = liveTickets.sort((a, b) => b.ticket.counts.sheets - a.ticket.counts.sheets)[0];
  assert.ok(largest.ticket.counts.sheets >= 37);
  // R.csv as RFC 4180 has it: recipients hold commas, so their cells are quoted.
  const csvCells = (line) => {
    const found = [];
    for (let at = 0, field = "", quoted = false; at <= line.length; ++at) {
      const c = line[at];
      if (quoted && c === '"' && line[at + 1] === '"') { field += '"'; ++at; }
      else if (c === '"') quoted = !quoted;
      else if ((c === "," && !quoted) || c === undefined) { found.push(field); field = ""; }
      else field += c;
    }
    return found;
  };
  const [header, ...pieceRows] = readFileSync(largest.file.replace(/\.json$/, ".csv"), "utf8").trim().split(/\r?\n/)
    .map(csvCells);
  const column = (name) => header.indexOf(name);
  const piece37 = pieceRows.find((r) => Number(r[column("first_sheet")]) <= 37 && Number(r[column("last_sheet")]) >= 37)[column("piece_id")];
  const runs = JSON.parse(await page.evaluate(() => fetch("/api/runs").then((r) => r.text())));
  const liveRun = runs.find((r) => r.job_name === "abgaben-live" && r.name === largest.ticket.run);
  await page.goto(`${base}/#/runs/${liveRun.id}`);
  await page.getByRole("link", { name: /Jedes Blatt ansehen/ }).click();
  await page.getByRole("heading", { name: new RegExp(`Blatt 1 von ${largest.ticket.counts.sheets}$`) }).waitFor();
  await page.getByLabel("Blatt", { exact: true }).fill("37");
  await page.getByLabel("Blatt", { exact: true }).press("Enter");
  await page.getByRole("heading", { name: new RegExp(`Blatt 37 von ${largest.ticket.counts.sheets}$`) }).waitFor();
  await page.getByText(`Sendung ${piece37} `).waitFor();
  const loaded = async (name) => {
    const image = page.getByRole("img", { name });
    await image.waitFor();
    await page.waitForFunction((alt) => { const i = document.querySelector(`img[alt="${alt}"]`); return i && i.complete && i.naturalWidth > 0; }, name);
    return image.evaluate((i) => i.naturalWidth);
  };
  assert.equal(await loaded("Vorderseite 37"), Math.round(96 * 210 / 25.4));
  await loaded("Rückseite 37");
  await page.getByLabel("Zoom").selectOption("200");
  // The side rendered again at twice the resolution (the image at 96 dpi
  // stays complete until the new one has come).
  await page.waitForFunction(([alt, width]) => {
    const i = document.querySelector(`img[alt="${alt}"]`);
    return i && i.complete && Math.abs(i.naturalWidth - width) <= 1;
  }, ["Vorderseite 37", 192 * 210 / 25.4], { timeout: 15000 });
  await page.getByLabel(/Fenster, Freizone und Markenpositionen/).check();
  await page.locator("svg.overlay [data-kind=inserter]").first().waitFor();
  await page.getByText("Kuvertierer: Freizone und Marken").waitFor();
  assert.match(page.url(), /sheets\/37\?zoom=200&overlay=1$/);
  await page.screenshot({ path: join(site, "sheet-37.png"), fullPage: true });
  await page.getByRole("button", { name: "Abmelden" }).click();
  await page.getByText("Abgemeldet.").waitFor();
  assert.equal(readdirSync(join(site, "drucker"), { withFileTypes: true }).filter((e) => e.isFile()).length, 0);

  // A viewer sees the sensitive run's state and counts, not its content:
  // no pages, no manifest, no files, no sheet; and nothing of it is fetched.
  await logIn("vera");
  const contentAsked = [];
  page.on("request", (r) => { if (/\/api\/runs\/1\/(manifest|pages|files\/|sheets\/)/.test(r.url())) contentAsked.push(r.url()); });
  await page.goto(base + "/#/runs/1");
  await page.getByText("ja: vier Augen").waitFor();
  await page.getByText("Seiten und Manifest eines vertraulichen Laufs sind für Operatoren und höher.").waitFor();
  assert.equal(await page.getByRole("link", { name: /herunterladen/ }).count(), 0);
  assert.ok(await page.getByRole("cell", { name: "für Operatoren und höher" }).count() >= 1);
  assert.deepEqual(contentAsked, []);
  await page.goto(base + "/#/runs/1/sheets/1");
  await page.getByText("Der Inhalt eines vertraulichen Laufs ist für Operatoren und höher.").waitFor();
  const refused = await page.evaluate(() => fetch("/api/runs/1/files/R0001.pdf").then((r) => r.status));
  assert.equal(refused, 403);
  await page.getByRole("button", { name: "Abmelden" }).click();
  await page.getByText("Abgemeldet.").waitFor();

  // The supervisor confirms; the run goes to the printer.
  // The supervisor reads English: chosen on the login form, kept with the
  // account (the page reloaded below comes back in English).
  await page.goto(base + "/");
  await page.getByLabel("Sprache").selectOption("en");
  await page.getByLabel("User").fill("bernd");
  await page.getByLabel("Password").fill("bernd's long password");
  await page.getByLabel("Password").press("Enter");
  await page.getByText("bernd (supervisor)").waitFor();
  await page.getByRole("link", { name: "Overview" }).waitFor();
  assert.equal(JSON.parse(await page.evaluate(() => fetch("/api/session").then((r) => r.text()))).language, "en");
  await page.goto(base + "/#/runs/1");
  await page.getByRole("button", { name: "Confirm (second person)" }).click();
  await page.getByText("is now confirmed").waitFor();
  const delivered = await until("the PDF in the printer folder",
    () => existsSync(join(site, "drucker")) && readdirSync(join(site, "drucker")).find((f) => /^J1-bezuege-browser-R0001\.pdf$/.test(f)), 15);
  assert.ok(readFileSync(join(site, "drucker", delivered)).subarray(0, 5).toString() === "%PDF-");
  // A banner sheet precedes the run in the printer's file, its ticket PDF
  // beside it; the simulated inserter diverts the banner and inserts every
  // piece of the run.
  const pageText = (file, page) => spawnSync("pdftotext", ["-f", String(page), "-l", String(page), file, "-"],
                                             { encoding: "utf8" }).stdout;
  const printerFile = join(site, "drucker", delivered);
  assert.match(pageText(printerFile, 1), /BANNERBLATT/);
  assert.match(pageText(printerFile, 1), /J1-R0001/);
  assert.match(pageText(printerFile, 1), /bezuege-browser/);
  // The run's own pages follow the banner's two (duplex), unchanged.
  const runFolder = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? runFolder(join(folder, entry.name))
      : entry.name === "R0001.json" && JSON.parse(readFileSync(join(folder, entry.name), "utf8")).job === "bezuege-browser"
        ? [folder] : []);
  const runFile = join(runFolder(join(site, "store"))[0], "R0001.pdf");
  assert.equal(pageText(printerFile, 3), pageText(runFile, 1));
  assert.ok(pageText(printerFile, 3).length > 20);
  assert.match(pageText(join(site, "drucker", "J1-bezuege-browser-R0001.ticket.pdf"), 1), /Laufzettel J1-R0001/);
  const results = join(site, "inserter-results.csv");
  const simulated = spawnSync(inserterSim, [printerFile, "--profile", "generic-omr", "--layouts", `${source}/layouts`,
                                            "-o", results], { encoding: "utf8" });
  assert.equal(simulated.status, 0, simulated.stderr);
  const insertedRows = readFileSync(results, "utf8").trim().split("\n").slice(1);
  const runPieces = readFileSync(runFile.replace(/\.pdf$/, ".csv"), "utf8").trim().split(/\r?\n/).length - 1;
  assert.ok(runPieces >= 1);
  assert.equal(insertedRows.length, runPieces);
  assert.ok(insertedRows.every((line) => line.split(",")[1] === "ok"), insertedRows.join("\n"));
  await page.reload();
  await page.getByText("delivered", { exact: true }).waitFor();
  // Its pieces await the inserter's results: the reconciliation says so.
  await page.getByRole("heading", { name: "Reconciliation" }).waitFor();
  await page.getByRole("cell", { name: "not set" }).waitFor();
  // No results came: the supervisor reconciles the pieces as ok by hand.
  await page.getByLabel("Pieces without a status").selectOption("ok");
  await page.getByRole("button", { name: "Reconcile", exact: true }).click();
  await page.getByText("is now reconciled").waitFor();
  await page.getByRole("cell", { name: "ok", exact: true }).waitFor();

  // The audit trail shows who did what.
  await page.getByRole("link", { name: "Audit" }).click();
  await page.getByRole("cell", { name: "awaiting_release -> released" }).waitFor();
  await page.getByRole("cell", { name: "released -> confirmed" }).waitFor();
  await page.screenshot({ path: join(site, "audit.png"), fullPage: true });

  // The month's accounts add up to the run's ticket, to the cent, the
  // amount as German staff write it.
  // Both jobs' tickets, wherever the store keeps them.
  const ticketsIn = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? ticketsIn(join(folder, entry.name))
      : /^R\d{4}\.json$/.test(entry.name) ? [JSON.parse(readFileSync(join(folder, entry.name), "utf8"))] : []);
  const tickets = ticketsIn(join(site, "store"));
  assert.ok(tickets.some((t) => t.job === "abgaben-live") && tickets.some((t) => t.job === "bezuege-browser"));
  const sum = (of) => tickets.reduce((total, ticket) => total + of(ticket), 0);
  // Back to German for the accounts: the amount as German staff write it.
  await page.getByLabel("Language").selectOption("de");
  await page.getByRole("link", { name: "Abrechnung" }).click();
  const row = page.getByRole("row", { name: /musterstadt/ });
  await row.waitFor();
  const cells = await row.getByRole("cell").allTextContents();
  assert.equal(cells[1], String(sum((t) => t.counts.documents)));
  assert.equal(cells[2], String(sum((t) => t.counts.pieces)));
  assert.equal(cells[3], String(sum((t) => t.counts.sheets)));
  assert.equal(cells.at(-1), new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" })
                                 .format(sum((t) => t.postage.total_cents) / 100));
  assert.match(cells.at(-1), /^\d+,\d\d\s€$/);
  await page.screenshot({ path: join(site, "accounts.png"), fullPage: true });
  console.log(`console test passed; screenshots in ${site}`);
} catch (error) {
  console.error(log.join(""));
  throw error;
} finally {
  if (browser) await browser.close();
  // The service may still be writing into the site: it goes first, so that
  // removing the site cannot fail and hide the error that brought us here.
  const stopped = service.exitCode !== null || service.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => service.once("exit", resolve));
  service.kill("SIGTERM");
  await stopped;
  if (!process.env.KUVERT_KEEP) rmSync(site, { recursive: true, force: true, maxRetries: 3 });
}
