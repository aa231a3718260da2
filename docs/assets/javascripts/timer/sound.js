/* Sound: a soft two-tone chime at the end of a phase (and, when asked, a soft signal a minute
   before), scheduled ahead on the AudioContext's own clock, so that it is on time even in a
   background tab whose timers the browser slows down. With wakelock.js the part "timer-run"
   (extra.widget_parts in mkdocs.yml), which timer/view.js asks for when a session first runs; the
   AudioContext it plays on is the page's, made in a press (view.js, audioOf). */
(function (root, factory) {
  const ns = (root.Intervisie = root.Intervisie || {});
  ns.timer = Object.assign(ns.timer || {}, factory(ns.timer));
})(globalThis, function (T) {
  "use strict";

  /**
   * The sound of one timer page.
   * @param {{state: () => object|null, now: () => number, audio: {ctx: AudioContext|null}, muted?: boolean,
   *          warn?: boolean}} page
   *   state: the state on screen; now: the page's clock; audio: the page's AudioContext, which view.js
   *   makes in a press (browsers allow sound only from a gesture), null until then
   */
  function createSound(page) {
    const audio = { nodes: [], scheduledFor: null };
    const sound = { muted: Boolean(page.muted), warn: Boolean(page.warn) };

    function tone(at, frequency, peak, length) {
      const ctx = page.audio.ctx;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(peak, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + length + 0.05);
      audio.nodes.push(osc);
    }

    function chimeAt(at) {
      tone(at, 659.25, 0.25, 1.6);
      tone(at + 0.35, 880, 0.2, 1.8);
    }

    sound.cancel = () => {
      audio.nodes.forEach((osc) => {
        try {
          osc.stop();
          osc.disconnect();
        } catch (e) {
          /* already stopped */
        }
      });
      audio.nodes = [];
      audio.scheduledFor = null;
    };

    /** (Re)schedule the phase-end chime and the optional one-minute signal for the running phase. */
    sound.schedule = () => {
      sound.cancel();
      const s = page.state();
      const ctx = page.audio.ctx;
      if (!ctx || sound.muted || !s || !s.running || s.done) return;
      const left = T.remaining(s, page.now());
      if (left <= 0) return;
      const at = ctx.currentTime + left / 1000;
      try {
        chimeAt(at);
        if (sound.warn && left > T.MINUTE && s.phases[s.index].ms >= 2 * T.MINUTE) tone(at - 60, 523.25, 0.08, 1.0);
        audio.scheduledFor = s.endsAt;
      } catch (e) {
        audio.scheduledFor = null;
      }
    };

    /** A phase has ended (view.js counts it): make sure it is heard once. */
    sound.signalEnd = (endsAt) => {
      if (sound.muted) return;
      const ctx = page.audio.ctx;
      if (ctx && audio.scheduledFor !== endsAt) {
        try {
          chimeAt(ctx.currentTime + 0.05);
        } catch (e) {
          /* no sound, the screen still shows it */
        }
      }
    };

    return sound;
  }

  return { createSound };
});
