import { describe, expect, it, vi } from "vitest";
import { handedOff, handOffSignIn, nothingToHandOff } from "./handOffSignIn";

describe("the sign-in redirect page", () => {
  it("hands the response to the pane and says so where the popup stays open", async () => {
    const show = vi.fn();
    expect(await handOffSignIn(async () => undefined, show)).toBe(true);
    expect(show).toHaveBeenCalledWith(handedOff);
  });

  it("says in words that there is nothing to finish when MSAL finds no sign-in response", async () => {
    const show = vi.fn();
    const noResponse = Object.assign(new Error("No response in the URL"), { errorCode: "empty_response" });
    expect(await handOffSignIn(async () => Promise.reject(noResponse), show)).toBe(false);
    expect(show).toHaveBeenCalledWith(nothingToHandOff);
    expect(nothingToHandOff).not.toMatch(/empty_response|error/i);
  });
});
