/**
 * Resolves once the browser has painted what is on screen now: two animation frames (the second starts after
 * the first frame's paint), then a task. While the page is hidden no frame comes, so it resolves on a timer
 * instead: nothing is painted then anyway.
 */
export function afterNextPaint(win: Pick<Window, "requestAnimationFrame" | "setTimeout"> = window, doc: Pick<Document, "visibilityState"> = document, hiddenFallbackMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    if (doc.visibilityState === "hidden") {
      win.setTimeout(finish, 0);
      return;
    }
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => win.setTimeout(finish, 0)));
    // A pane hidden before its first frame gets no frames: do not leave the token waiting for one.
    win.setTimeout(finish, hiddenFallbackMs);
  });
}

/**
 * Defers a loader until after the next paint the first time it is called (later calls reuse that wait): MSAL is
 * asked for when the pane's first data call needs a token, which is right after the pane shell mounts, so
 * its chunk is fetched after the shell is on screen, not before.
 */
export function loadAfterFirstPaint<T>(load: () => Promise<T>, waitForPaint: () => Promise<void> = afterNextPaint): () => Promise<T> {
  let painted: Promise<void> | undefined;
  return () => {
    painted ??= waitForPaint();
    return painted.then(load);
  };
}
