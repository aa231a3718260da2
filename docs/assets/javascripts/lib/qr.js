/* QR codes as inline SVG, made in the browser from vendor/qrcodegen.js (no web service, no image URL,
   so the CSP needs no img-src data: or blob:).

   Always dark modules on a light square with a quiet zone of four modules, in both colour schemes:
   scanners expect dark on light, and the quiet zone is what lets a phone find the code on a busy screen.
   Error correction M and at most version 10 (57 x 57 modules), so a code stays coarse enough to scan
   from the back of a room. */
(function (root, factory) {
  const api = factory(root);
  if (typeof module === "object" && module.exports) module.exports = api;
  else (root.Intervisie = root.Intervisie || {}).qr = api;
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  const QUIET = 4;
  const MAX_VERSION = 10;

  function library() {
    if (typeof module === "object" && module.exports) return require("../vendor/qrcodegen.js");
    return root.Intervisie && root.Intervisie.qrcodegen;
  }

  /**
   * The modules of a QR code for `text`, or null when it does not fit version 10 at level M.
   * @param {string} text
   * @returns {{size: number, version: number, dark: (x: number, y: number) => boolean}|null}
   */
  function matrix(text) {
    const q = library();
    if (!q) return null;
    try {
      const segments = q.QrSegment.makeSegments(String(text));
      const code = q.QrCode.encodeSegments(segments, q.QrCode.Ecc.MEDIUM, 1, MAX_VERSION, -1, true);
      return { size: code.size, version: code.version, dark: (x, y) => code.getModule(x, y) };
    } catch (error) {
      return null; // data too long for version 10
    }
  }

  /**
   * SVG markup of the QR code for `text`, or null when it does not fit.
   * @param {string} text
   * @param {string} label accessible name, e.g. "QR-code van de volglink"
   * @returns {{markup: string, version: number, modules: number}|null}
   */
  function svg(text, label) {
    const m = matrix(text);
    if (!m) return null;
    const side = m.size + 2 * QUIET;
    const parts = [];
    for (let y = 0; y < m.size; y += 1) {
      for (let x = 0; x < m.size; x += 1) {
        if (m.dark(x, y)) parts.push(`M${x + QUIET},${y + QUIET}h1v1h-1z`);
      }
    }
    const name = String(label).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);
    const markup =
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${name}" ` +
      `shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/>` +
      `<path d="${parts.join("")}" fill="#000"/></svg>`;
    return { markup, version: m.version, modules: m.size };
  }

  return { QUIET, MAX_VERSION, matrix, svg };
});
