// Service worker of the Intervisiehandboek, written by sitebuild/finish/offline.py at build time.
//
// A group opens the site once on decent wifi; after that the handbook, the timer and the cards
// keep working in a meeting room without a connection. Rules, so that nobody is kept on an old
// version after a deploy:
// - install fills a cache of its own, named after this version, with requests that bypass the
//   browser's HTTP cache (GitHub Pages lets it keep files for ten minutes); if one file fails, the
//   new cache is deleted and the install fails, so no partial copy is left behind;
// - pages and other files whose name has no content hash come from the network first (revalidated,
//   at most TIMEOUT_MS), from the cache when the network is away or slow, and a page that is not in
//   the cache gets the site's own 404 page;
// - files whose name carries a content hash (sitebuild/finish/bundle.py, Material, the chunks of the search
//   index that Pagefind names by their content) never change: cache first;
// - a new version waits until the reader chooses "vernieuwen" (offline.js sends "skipWaiting"),
//   then removes the caches of older versions.
const VERSION = __VERSION__;
const FILES = __FILES__;
const PREFIX = "intervisie-";
const CACHE = `${PREFIX}2-${VERSION}`;
// The site's first worker named its caches intervisie-<hash>, answered pages from its cache first,
// and its pages know nothing of the note: a visitor would wait behind it until every tab of the
// site is closed. Where its cache is found, this worker takes over at once instead.
const FIRST_WORKER_CACHE = /^intervisie-[0-9a-f]{12}$/;
const TIMEOUT_MS = 3000;
const NOT_FOUND = "404.html";
const HASHED = /\.[0-9a-f]{8,}\.(?:min\.)?(?:js|css)$|\/pagefind\/(?:(?:index|fragment|filter)\/[^/]+|[^/]+\.pf_meta)$/;
const scope = new URL(self.registration.scope);

async function precache() {
  await caches.delete(CACHE); // a copy of this version left by an interrupted install
  const cache = await caches.open(CACHE);
  try {
    await cache.addAll(FILES.map((file) => new Request(new URL(file, scope), { cache: "reload" })));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

async function install() {
  await precache();
  if ((await caches.keys()).some((key) => FIRST_WORKER_CACHE.test(key))) await self.skipWaiting();
}

self.addEventListener("install", (event) => {
  event.waitUntil(install());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
});

/** Stores only in a cache that still exists: after the privacy page erased it, nothing comes back. */
async function store(key, response) {
  if (!(await caches.has(CACHE))) return;
  const cache = await caches.open(CACHE);
  await cache.put(key, response);
}

function fromCache(key) {
  return caches.match(key, { cacheName: CACHE, ignoreSearch: true });
}

async function notFound() {
  const page = await fromCache(new URL(NOT_FOUND, scope).href);
  if (!page) return Response.error();
  return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
}

function isPage(request, url) {
  return request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

/** The fresh answer if it comes within TIMEOUT_MS, else the cached one; the cache learns the fresh one. */
async function networkFirst(event, url) {
  // Pages are stored without their query string (?methode=...): the widgets read it in the page.
  const key = url.origin + url.pathname;
  const network = fetch(new Request(event.request, { cache: "no-cache" }));
  // The cache learns the fresh answer when it comes, but the event is not kept open for it: a worker told to
  // skip waiting takes over only once the old one has no event left open, so on poor wifi one slow request
  // kept "vernieuwen" from doing anything until it ended (the cache has the whole site already).
  network
    .then((response) => (response.ok && response.type === "basic" ? store(key, response.clone()) : undefined))
    .catch(() => undefined);
  let timer;
  const late = new Promise((resolve, reject) => { timer = setTimeout(reject, TIMEOUT_MS); });
  try {
    return await Promise.race([network, late]);
  } catch {
    const cached = await fromCache(key);
    if (cached) return cached;
    const response = await network.catch(() => null);
    if (response) return response;
    return isPage(event.request, url) ? notFound() : Response.error();
  } finally {
    clearTimeout(timer);
  }
}

async function cacheFirst(event) {
  const cached = await fromCache(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(store(event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(event) : networkFirst(event, url));
});
