// Inlined by the finish stage (sitebuild/finish/theme/__init__.py) right after the header, before the
// first paint; its CSP hash is computed at build. A first visit has no stored palette, so the theme's own
// palette script leaves the page in the first palette (light) and its bundle picks the one whose media
// query matches only at the end of the page: a reader whose system is dark saw the page light, then
// fading to dark. Here such a page takes that palette before anything is painted, as the bundle will,
// and the colour-scheme meta says what the page shows, so the bundle need not change it (a change
// restyles the whole page). Where the page already has the palette its media query picks (a light
// system, a stored palette) nothing changes and no style is forced.
// It knows two of the theme's insides: __md_get (the theme's stored settings, set by its first inline
// script) and the data-md-color-* attributes of the palette inputs and <body>.
(function (body) {
  var keys = ["scheme", "primary", "accent"];
  if (__md_get("__palette")) return;
  var input = Array.prototype.find.call(document.querySelectorAll("[data-md-color-media]"), function (el) {
    return matchMedia(el.getAttribute("data-md-color-media")).matches;
  });
  if (!input || keys.every(function (key) {
    return input.getAttribute("data-md-color-" + key) === body.getAttribute("data-md-color-" + key);
  })) return;
  keys.forEach(function (key) {
    body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
  });
  var meta = document.querySelector("meta[name=color-scheme]");
  var scheme = getComputedStyle(body).colorScheme;
  if (meta && meta.content !== scheme) meta.content = scheme;
})(document.body);
