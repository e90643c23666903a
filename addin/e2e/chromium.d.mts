// Types for chromium.mjs (the project's tsconfig does not check JavaScript).

/** CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export declare const chromiumPath: string;

/** The flags every test and bench browser starts with. */
export declare const chromiumArgs: readonly string[];

/** Options for chromium.launch / launchPersistentContext: the executable, headless, the flags. */
export declare function chromiumLaunchOptions(): { executablePath: string; headless: true; args: string[] };
