// The search page's service worker (bundled into search/sw.js, scope: the search folder).
// Versioned files (`?v=<build>`: index parts, text blocks, scripts) never change, so they are
// served from the cache once fetched; the page itself is fetched from the network first and
// falls back to the cache. Together: once loaded, the search page keeps working offline for
// every part it has fetched, and for the whole index after "Keep for offline use".
interface FetchEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}
// The project's TypeScript lib is DOM, not WebWorker: the few worker APIs used, typed here.
const worker = self as unknown as {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};
const cacheName = 'thread-archive-search-v1';

worker.addEventListener('install', () => void worker.skipWaiting());
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(cacheName);
      if (new URL(request.url).searchParams.has('v')) {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        const hit = await cache.match(request, { ignoreSearch: true });
        if (hit) return hit;
        throw error;
      }
    })(),
  );
});
