import type { Page } from "playwright-core";

/**
 * What breaks a 320 px task pane, measured in the page: sideways scrolling of the document, an
 * element sticking out of the viewport (unless a scrolling strip clips it on purpose), an email
 * address wrapped anywhere but after "@" or a dot, and a tab strip that wraps onto a second row.
 * Each problem comes back as one readable line, so a failing test says what to fix.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : "";
      const testId = el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${testId}> "${text}"`;
    };

    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px viewport`);

    const visible = (el: Element): boolean => {
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    // An element inside a strip that scrolls or clips sideways may extend past the viewport: the strip does not.
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === "auto" || ox === "scroll" || ox === "hidden" || ox === "clip") return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (!visible(el) || clipped(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > width + 0.5 || r.right > width + 0.5 || r.left < -0.5) {
        problems.push(`${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      }
    }

    // Email addresses: the text of each block in document order (an address's pieces may be inline
    // elements of their own, split by <wbr>s), with where each character sits.
    const blockOf = (el: Element): Element => {
      let b: Element = el;
      while (b.parentElement && getComputedStyle(b).display === "inline") b = b.parentElement;
      return b;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    type Char = { ch: string; top: number };
    const runs: Char[][] = [];
    let run: Char[] = [];
    let runBlock: Element | null = null;
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !visible(parent)) continue;
      const block = blockOf(parent);
      if (block !== runBlock) {
        if (run.length) runs.push(run);
        run = [];
        runBlock = block;
      }
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        run.push({ ch: text[i]!, top: rect ? rect.top : NaN });
      }
    }
    if (run.length) runs.push(run);
    const email = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/g;
    for (const chars of runs) {
      const text = chars.map((c) => c.ch).join("");
      for (const m of text.matchAll(email)) {
        const start = m.index ?? 0;
        for (let i = start + 1; i < start + m[0].length; i++) {
          const before = chars[i - 1]!;
          const here = chars[i]!;
          if (here.top > before.top + 2 && before.ch !== "@" && before.ch !== ".") {
            problems.push(`"${m[0]}" is broken after "${text.slice(start, i)}"`);
            break;
          }
        }
      }
    }

    // Tabs fit on one row or scroll within their strip: never a tab alone on a second row.
    for (const list of Array.from(document.querySelectorAll('[role="tablist"]'))) {
      if (!visible(list)) continue;
      const tops = new Set(Array.from(list.querySelectorAll('[role="tab"]')).map((t) => Math.round(t.getBoundingClientRect().top)));
      if (tops.size > 1) problems.push(`the tabs of "${list.getAttribute("aria-label")}" wrap onto ${tops.size} rows`);
    }
    return problems;
  });
}
