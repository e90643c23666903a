import { describe, expect, it } from "vitest";
import { decodeEntities, draftParagraphs } from "./draftParagraphs";

describe("a draft's HTML as text", () => {
  it("keeps paragraphs, line breaks and the highlighted parts", () => {
    const html =
      '<p>Hi Priya,</p><p><mark style="background-color:#fff176">[You mentioned: her firm is moving &mdash; say something about it]</mark></p><p>Best wishes,<br>Alex</p>';
    expect(draftParagraphs(html)).toEqual([
      [[{ text: "Hi Priya,", marked: false }]],
      [[{ text: "[You mentioned: her firm is moving \u2014 say something about it]", marked: true }]],
      [[{ text: "Best wishes,", marked: false }], [{ text: "Alex", marked: false }]],
    ]);
  });

  it("shows markup written as text as text, and drops scripts, styles and comments", () => {
    const html = "<html><head><style>p{color:red}</style></head><body><p>&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; Co</p><script>alert(2)</script><!-- hidden --></body></html>";
    expect(draftParagraphs(html)).toEqual([[[{ text: "<script>alert(1)</script> O'Brien & Co", marked: false }]]]);
  });

  it("reads a body Outlook rewrote: divs, spans and collapsed white space", () => {
    const html = '<div dir="ltr"><span style="font-size:11pt">Thanks   for\n the <b>intro</b>.</span></div><div><br></div><div>Sam</div>';
    expect(draftParagraphs(html)).toEqual([[[{ text: "Thanks for the intro.", marked: false }]], [[{ text: "Sam", marked: false }]]]);
  });

  it("decodes numeric and named references, and leaves unknown ones", () => {
    expect(decodeEntities("&#x141;ukasz &#8212; &nbsp;&bogus; &hellip;")).toBe("\u0141ukasz \u2014 \u00a0&bogus; \u2026");
  });
});
