/* A part's stylesheet (extra.widget_parts in mkdocs.yml: its .css files, named in Intervisie.partStyles
   by the end of the common script), in the common script of every page: W.load (lib/widget.js) asks for it
   beside the part's script, and the header search's first reach (search/reach.js, no shared library)
   beside the search script. The promise settles when the style applies; a link that failed goes, so the
   next call adds it again. Each call looks for the link anew: instant navigation drops from <head> what the
   next page's head lacks, so a page that comes back gets its style back. */
(() => {
  "use strict";
  const ns = (self.Intervisie = self.Intervisie || {});

  /**
   * @param {string} name the part's name
   * @param {Element} [parent] where the link goes when it is not in the page: <head>, or an element that
   *   instant navigation keeps (the header search's)
   * @returns {Promise<void>} resolves at once for a part without a stylesheet
   */
  ns.partStyle = (name, parent = document.head) => {
    const styles = ns.partStyles || {};
    if (!Object.hasOwn(styles, name)) return Promise.resolve();
    const href = new URL(styles[name], typeof __md_scope === "undefined" ? document.baseURI : __md_scope).href;
    const found = Array.from(document.querySelectorAll("link[data-ih-part]")).find((l) => l.href === href);
    if (found && found.ihLoaded) return found.ihLoaded;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.dataset.ihPart = "";
    link.ihLoaded = new Promise((resolve, reject) => {
      link.onload = () => resolve();
      link.onerror = () => {
        link.remove();
        reject(new Error(`the style of the part ${name} did not load`));
      };
    });
    parent.append(link);
    return link.ihLoaded;
  };
})();
