import { describe, expect, it } from "vitest";
import { afterNextPaint, loadAfterFirstPaint } from "./afterFirstPaint";

/** A window whose animation frames and timers run only when the test says so. */
function manualWindow() {
  let frames: FrameRequestCallback[] = [];
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const win = {
    requestAnimationFrame(cb: FrameRequestCallback): number {
      frames.push(cb);
      return frames.length;
    },
    setTimeout(cb: () => void, ms = 0): number {
      timers.push({ at: now + ms, run: cb });
      return timers.length;
    },
  } as unknown as Pick<Window, "requestAnimationFrame" | "setTimeout">;
  const settle = () => new Promise<void>((r) => globalThis.setTimeout(r, 0));
  return {
    win,
    /** One rendering frame: its animation callbacks, then (the browser) paints. */
    async frame() {
      const due = frames;
      frames = [];
      for (const cb of due) cb(now);
      await settle();
    },
    /** Timers due within `ms` from now. */
    async tick(ms = 0) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
      await settle();
    },
  };
}

describe("MSAL after the first paint", () => {
  it("waits for a frame to be painted (the next frame begins) before loading, then loads once per call", async () => {
    const w = manualWindow();
    let loads = 0;
    const load = loadAfterFirstPaint(async () => ++loads, () => afterNextPaint(w.win, { visibilityState: "visible" }));
    const first = load();
    await w.tick();
    expect(loads).toBe(0);
    await w.frame(); // the frame that paints the shell
    await w.tick();
    expect(loads).toBe(0);
    await w.frame(); // the next frame: the shell has been painted
    await w.tick();
    expect(await first).toBe(1);
    // Later tokens do not wait for frames again.
    expect(await load()).toBe(2);
  });

  it("does not wait for frames a hidden pane never gets", async () => {
    const w = manualWindow();
    let loaded = false;
    const load = loadAfterFirstPaint(async () => (loaded = true), () => afterNextPaint(w.win, { visibilityState: "hidden" }));
    const pending = load();
    await w.tick();
    expect(await pending).toBe(true);
    expect(loaded).toBe(true);
  });

  it("loads anyway when no frame comes within the fallback, e.g. the pane is hidden before its first frame", async () => {
    const w = manualWindow();
    let loaded = false;
    const pending = loadAfterFirstPaint(async () => (loaded = true), () => afterNextPaint(w.win, { visibilityState: "visible" }, 2_000))();
    await w.tick(1_999);
    expect(loaded).toBe(false);
    await w.tick(1);
    await pending;
    expect(loaded).toBe(true);
  });
});
