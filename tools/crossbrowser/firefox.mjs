// The evening's routes in Firefox (make crossbrowser): Puppeteer speaks WebDriver BiDi to Debian's
// firefox-esr directly, so no geckodriver (which no package registry here ships) is needed.
// Usage: node tools/crossbrowser/firefox.mjs BASE_URL (the site served with a sitemap naming the server).
import puppeteer from "puppeteer-core";
const base = process.argv[2];
const browser = await puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 800 });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
const results = [];
const ok = (name, cond) => { results.push(`${cond ? "ok  " : "FAIL"} ${name}`); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const visible = (sel) => page.$eval(sel, (el) => !el.hidden && el.getClientRects().length > 0).catch(() => false);
await page.goto(base, { waitUntil: "networkidle0" });
await page.evaluate(() => { window.__same = true; });
await page.click(".md-tabs a[href$='kiezen/']");
await page.waitForSelector("[data-chooser-results] li a[data-field=link]");
// chooser -> "Voeg toe aan de avond"
const add = await page.$$("[data-chooser-results] > li a");
let clicked = false;
for (const a of add) { const t = await a.evaluate((el) => el.textContent); if (/^Voeg toe aan de avond/.test(t)) { await a.click(); clicked = true; break; } }
ok("chooser has 'Voeg toe aan de avond'", clicked);
await page.waitForFunction(() => location.search.includes("bewerk=1"), { timeout: 10000 });
await page.waitForSelector("[data-timer-builder]:not([hidden])");
// A frame after it shows, the planner scrolls to the top and takes the focus (timer/planner.js): a click
// before that lands where the link was a moment ago.
const arrived = () => page.waitForFunction(() => document.activeElement && document.activeElement.closest("[data-timer-builder]") !== null,
  { timeout: 10000 }).then(() => true, () => false);
ok("planner focused on arrival", await arrived());
ok("instant navigation was used", await page.evaluate(() => window.__same === true));
// Start, edit, start again (the bounce of issue 30)
for (let i = 0; i < 2; i++) {
  await page.click("[data-timer-builder-start]");
  await page.waitForFunction(() => { const r = document.querySelector("[data-timer-run]"); return r && !r.hidden; }, { timeout: 10000 });
  await sleep(400);
  ok(`start #${i + 1} stays in the session`, (await visible("[data-timer-run]")) && !page.url().includes("bewerk"));
  await page.click("[data-timer-edit-link]");
  await page.waitForFunction(() => { const b = document.querySelector("[data-timer-builder]"); return b && !b.hidden; }, { timeout: 10000 });
  await arrived();
}
// Burst of address writes in the chooser minutes field (the paced writer)
await page.goto(base + "kiezen/?minuten=5", { waitUntil: "networkidle0" });
await page.waitForSelector(".ih-chooser__out:not([aria-busy])");
await page.focus("input[name=minuten]");
for (let i = 0; i < 150; i++) await page.keyboard.press("ArrowUp");
const shown = await page.$eval("input[name=minuten]", (el) => el.value);
await sleep(1000);
ok(`chooser address matches after 150 presses (field ${shown})`, new URL(page.url()).searchParams.get("minuten") === shown);
// A follower shows warning levels
await page.goto(base + "timer/?methode=vijfstappenmethode", { waitUntil: "networkidle0" });
await page.waitForSelector("[data-timer-run]:not([hidden])");
ok("timer runs", await visible("[data-timer-start]"));
// The share part arrives with its QR code; a follower shows a level and the plan ahead.
await page.click("[data-timer-start]");
await page.click("[data-timer-share]");
await page.waitForSelector("[data-timer-share-qr] svg", { timeout: 10000 });
const link = await page.$eval("[data-timer-follow-link]", (a) => a.href);
ok("the share panel shows its QR code", link.includes("volg="));
ok("the share panel has its part's style", (await page.$eval("[data-timer-share-panel]", (el) => getComputedStyle(el).display)) === "flex");
// Sound and the wake lock came with the start (the part timer-run); the plan comes as it nears the screen.
ok("the start brought the sound's part", await page.evaluate(() => typeof Intervisie.timer.createSound === "function"));
const sheetBefore = await visible("[data-timer-sheet]");
await page.evaluate(() => document.querySelector("[data-timer-sheet-mark]").scrollIntoView());
await page.waitForSelector("[data-sheet-rows] > tr", { timeout: 10000 });
ok("the session plan comes when scrolled to", !sheetBefore && await visible("[data-timer-sheet]"));
await page.goto(link, { waitUntil: "networkidle0" });
await page.waitForFunction(() => (document.querySelector("[data-timer-phase]") || {}).textContent, { timeout: 10000 });
const level = await page.evaluate(() => (document.querySelector("[data-timer-run]").closest("[data-level]") || {}).dataset.level);
ok(`the follower shows a level (${level})`, ["ok", "warn", "alert", "over"].includes(level));
ok("the follower shows the plan ahead", (await page.$$("[data-timer-programme] > li")).length > 1);
// The header search: its script comes at the first "/", what is typed at once is searched (search/reach.js).
await page.goto(base + "handboek/", { waitUntil: "networkidle0" });
const early = await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("part-search")));
await page.keyboard.press("/");
await page.keyboard.type("spiegelen");
await page.waitForSelector("[data-search-result]", { timeout: 10000 });
const first = await page.$eval("[data-search-result]", (a) => a.innerText);
ok(`search comes at the first reach and finds (${first.trim().split("\n")[0].slice(0, 40)})`, !early);
ok("the results have their part's style", (await page.$eval("[data-search-result]", (a) => getComputedStyle(a).display)) === "block");
// A timer that fits to minutes asks for the fit first (the part plan-fit).
await page.goto(base + "timer/?methode=vijfstappenmethode&minuten=40", { waitUntil: "networkidle0" });
await page.waitForSelector("[data-timer-run]:not([hidden])", { timeout: 10000 });
ok("a timer in 40 minutes runs", (await page.$eval("[data-timer-total]", (el) => el.textContent)) === "40:00");
ok("no page errors", errors.length === 0);
console.log(results.join("\n"));
if (errors.length) console.log(errors.slice(0, 3));
await browser.close();
process.exit(results.some((line) => line.startsWith("FAIL")) ? 1 : 0);
