// Inlined by the finish stage at the top of <head>, before the first paint; its CSP hash is computed at
// build. The theme swaps `no-js` for `js` only once its bundle at the end of the page has run; doing it
// here keeps the parts that need a script (.ih-needs-js) from flashing in late. The bundle's
// focus-visible polyfill adds `js-focus-visible` to <html>: any new class there restyles the whole page
// (on a phone ~40 ms in the bundle's start-up), so it is added here, before anything is styled.
// `data-ih-query` names the parameters of the address the page was loaded with, so that a widget's CSS
// can leave out, before the first layout, what its script would hide at once (timer.css).
(function (html) {
  html.classList.replace("no-js", "js");
  html.classList.add("js-focus-visible");
  html.dataset.ihQuery = Array.from(new URLSearchParams(location.search).keys()).join(" ");
})(document.documentElement);
