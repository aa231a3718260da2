// Service worker of the Intervisiehandboek, written by macros/offline.py at build time.
// Precaches the whole site under a versioned cache; answers from the cache first and
// refreshes it in the background, so a meeting room without wifi still has everything.
const VERSION = __VERSION__;
const FILES = __FILES__;
const CACHE = `intervisie-${VERSION}`;
const scope = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new URL(file, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("intervisie-") && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // Pages are stored without their query string (?methode=...); the widgets read it in the page.
  const lookup = request.mode === "navigate" ? { ignoreSearch: true } : {};
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, lookup);
      const network = fetch(request)
        .then((response) => {
          if (response.ok && request.mode !== "navigate") cache.put(request, response.clone());
          return response;
        })
        .catch(() => cached || Response.error());
      return cached || network;
    }),
  );
});
