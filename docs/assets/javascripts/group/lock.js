/* Locking a group file with a passphrase (WebCrypto, in browsers and in Node 20 alike, so
   `node --test` runs it): AES-GCM with a key from PBKDF2-SHA-256 at 600,000 iterations, OWASP's count
   for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet). The header (format, salt, iterations, iv) is
   the additional data of the encryption, so a changed byte anywhere in the file fails the check. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else { const ns = (root.Intervisie = root.Intervisie || {}); ns.group = Object.assign(ns.group || {}, factory()); }
})(globalThis, function () {
  "use strict";

  const LOCKED = "intervisie-groep-slot";
  const ITERATIONS = 600_000;
  const MAX_ITERATIONS = 10_000_000; // a file cannot make the browser work for minutes

  const subtle = () => globalThis.crypto && globalThis.crypto.subtle;
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

  async function keyFrom(passphrase, salt, iterations) {
    const base = await subtle().importKey("raw", new TextEncoder().encode(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveKey"]);
    return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  }

  const header = (h) => new TextEncoder().encode(JSON.stringify([h.formaat, h.versie, h.kdf, h.iteraties, h.zout, h.iv]));

  /** Whether a file's text is a locked group file (it then needs a passphrase). */
  function isLocked(text) {
    try {
      const v = JSON.parse(text);
      return Boolean(v && v.formaat === LOCKED);
    } catch (e) {
      return false;
    }
  }

  /**
   * Lock `plain` (the group file's text) with `passphrase`.
   * @returns {Promise<string>} the locked file's text
   */
  async function lock(plain, passphrase, iterations = ITERATIONS) {
    const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const h = { formaat: LOCKED, versie: 1, kdf: "PBKDF2-SHA-256", iteraties: iterations, zout: b64(salt), iv: b64(iv) };
    const key = await keyFrom(passphrase, salt, iterations);
    const data = await subtle().encrypt({ name: "AES-GCM", iv, additionalData: header(h) }, key, new TextEncoder().encode(plain));
    return JSON.stringify(Object.assign(h, { inhoud: b64(new Uint8Array(data)) }), null, 1);
  }

  /**
   * Open a locked file. Resolves to {text} or {error} with a plain Dutch reason; a wrong passphrase and a
   * changed file give the same answer, as AES-GCM cannot tell them apart. Never rejects.
   */
  async function unlock(text, passphrase) {
    const broken = { error: "Dit vergrendelde bestand gaat niet open: de wachtwoordzin klopt niet, of het bestand is veranderd. Er is niets ingelezen." };
    let h;
    try {
      h = JSON.parse(text);
    } catch (e) {
      return broken;
    }
    if (!h || h.formaat !== LOCKED || h.versie !== 1 || h.kdf !== "PBKDF2-SHA-256") return broken;
    if (!Number.isInteger(h.iteraties) || h.iteraties < ITERATIONS || h.iteraties > MAX_ITERATIONS) return broken;
    if (!passphrase) return { error: "Dit bestand is vergrendeld. Vul de wachtwoordzin in en kies het bestand opnieuw." };
    try {
      const key = await keyFrom(passphrase, unb64(h.zout), h.iteraties);
      const plain = await subtle().decrypt({ name: "AES-GCM", iv: unb64(h.iv), additionalData: header(h) }, key, unb64(h.inhoud));
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(plain) };
    } catch (e) {
      return broken;
    }
  }

  return { lock: { lock, unlock, isLocked, ITERATIONS } };
});
