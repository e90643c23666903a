import { useEffect, useState } from "react";
import type { OfficeHost, ThemeName } from "./officeHost";

const darkQuery = "(prefers-color-scheme: dark)";

function systemTheme(): ThemeName {
  return typeof matchMedia === "function" && matchMedia(darkQuery).matches ? "dark" : "light";
}

/** Office's theme when the host has one; the browser's colour scheme otherwise. Both are followed live. */
export function useThemeName(office: OfficeHost): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => office.theme() ?? systemTheme());

  useEffect(() => {
    office.onThemeChanged(setTheme);
    if (office.theme() !== undefined || typeof matchMedia !== "function") return;
    const query = matchMedia(darkQuery);
    const onChange = (): void => setTheme(query.matches ? "dark" : "light");
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [office]);

  return theme;
}
