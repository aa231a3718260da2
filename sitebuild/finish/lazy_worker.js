// Finish (theme_fixes.lazy_search_worker) puts this function into the theme's bundle, where its search
// makes the search worker: `function connect(url, worker = new Worker(url))` becomes
// `function connect(url, worker = (this function)(url))`. The theme starts that worker (a thread with its
// own script to fetch and compile) on every page load, although it has nothing to do before the search
// index arrives (lazy_index.js: the first time the reader reaches for search). This stand-in takes the
// theme's listeners at once and starts the real worker with the first message the theme sends it.
(function lazyWorker(url) {
  "use strict";
  let worker = null;
  const listeners = [];
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  const real = () => {
    if (!worker) {
      worker = new Worker(url);
      for (const args of listeners) worker.addEventListener(...args);
    }
    return worker;
  };
  return {
    addEventListener(...args) {
      listeners.push(args);
      if (worker) worker.addEventListener(...args);
    },
    removeEventListener(...args) {
      const at = listeners.findIndex((kept) => same(kept, args));
      if (at >= 0) listeners.splice(at, 1);
      if (worker) worker.removeEventListener(...args);
    },
    postMessage(...args) {
      real().postMessage(...args);
    },
    terminate() {
      if (worker) worker.terminate();
    },
  };
})
