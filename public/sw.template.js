// 帮扶助手 service worker: the app works offline after its first visit.
//
// This is a template. scripts/postbuild.mjs (a Trunk post_build hook) writes
// dist/sw.js as two generated constants followed by this file:
//   VERSION  hash of the precache list and this file: a new build = a new worker
//   FILES    [url relative to sw.js, sha384 integrity, immutable] for every built
//            file the page uses ('./' is index.html; immutable = Trunk's
//            content-hashed names); not robots.txt or the install-only icons
// Plain JavaScript on purpose: it must cost no WebAssembly bytes and must run
// before (and without) the app.
//
// What it does:
// - install: downloads FILES into a cache named after the scope and VERSION.
//   Each download is checked against its sha384, so a host or CDN that still
//   serves a file from the previous deployment makes the install fail (and be
//   retried on a later visit) instead of caching a mix of two builds.
// - waits: a new worker never takes over by itself. The page (index.html) shows
//   有新版本，点此更新; a tap posts SKIP_WAITING and the page reloads once.
// - activate: deletes this scope's caches of older versions (never another
//   app's or another sub-path's caches) and takes control of open pages.
// - fetch: navigations to the app's index (any query: ?v=loan&from=singlemessage)
//   get the cached index.html, navigations to a precached page (the policy
//   pages, policy/<id>.html, any query) that page; requests for precached
//   files get the cached file.
//   Everything else is left to the browser: this worker fetches nothing but
//   FILES, and only from its own directory.
'use strict';

const SCOPE = self.registration.scope;
const PREFIX = 'bangfu:' + SCOPE + ':';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./', self.location).href;
const PRECACHED = new Set(FILES.map((f) => new URL(f[0], self.location).href));

// A response whose body came after a redirect cannot answer a navigation;
// keep its body and headers only.
function unredirect(res) {
  if (!res.redirected) return Promise.resolve(res);
  return res.blob().then((body) => new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        FILES.map((f) => {
          const url = new URL(f[0], self.location).href;
          // Hashed files may come from the HTTP cache (the page just loaded
          // them); the others are revalidated with the server.
          const req = new Request(url, { integrity: f[1], cache: f[2] ? 'default' : 'no-cache', credentials: 'same-origin' });
          return fetch(req).then((res) => {
            if (!res.ok) throw new Error('precache ' + url + ': HTTP ' + res.status);
            return unredirect(res).then((r) => cache.put(url, r));
          });
        }),
      ),
    ).catch((err) =>
      // A half-filled cache is useless: drop it, and fail the install.
      caches.delete(CACHE).then(() => {
        throw err;
      }),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  // Chrome can send these from devtools; fetch() would throw on them.
  if (req.cache === 'only-if-cached' && req.mode !== 'same-origin') return;
  const url = new URL(req.url);
  url.hash = '';
  let key = null;
  if (req.mode === 'navigate') {
    // Views live in the query string; the fragment never reaches us.
    const page = url.origin + url.pathname;
    if (page === INDEX || page === INDEX + 'index.html') key = INDEX;
    // A policy page (policy/<id>.html), whatever WeChat appended to its address.
    else if (PRECACHED.has(page)) key = page;
  } else if (url.search === '' && PRECACHED.has(url.href)) {
    key = url.href;
  }
  if (key === null) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(req)),
  );
});
