import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomInt } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FollowUpList } from "../src/followups/model";

export const repoRoot = resolve(import.meta.dirname, "..", "..");
export const distFolder = join(repoRoot, "addin", "dist");
export const workerDll = process.env.OFU_WORKER_DLL ?? join(repoRoot, "worker", "OfficeFollowUp.Worker", "bin", "Debug", "net10.0", "OfficeFollowUp.Worker.dll");

/** A test tenant for Microsoft 365 (Entra) sign-in: the worker's JWT settings, with Entra's real authority. */
export const entraTenant = "7d2f1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10";
export const entraArgs: readonly string[] = [
  "--Auth:Authority", `https://login.microsoftonline.com/${entraTenant}/v2.0`,
  "--Auth:Audience", "api://5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21",
  "--Auth:AllowedTenants:0", entraTenant,
  "--Auth:PaneClientId", "9a3e6f2d-1b7c-4e58-a0d4-6c2b8e1f5d37",
];

export interface RunningWorker {
  baseUrl: string;
  dataFolder: string;
  apiKey: string;
  /** The worker's console so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** The low end of the kernel's ephemeral port range (Linux: 32768 by default; IANA's 49152 elsewhere). */
function ephemeralLow(): number {
  try {
    const low = Number.parseInt(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0] ?? "", 10);
    return Number.isInteger(low) ? low : 49152;
  } catch {
    return 49152;
  }
}

/** Whether a loopback listener can bind `port` now: false on EADDRINUSE (or EACCES), other errors throw. */
async function canBind(port: number): Promise<boolean> {
  return new Promise((resolveBind, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" || error.code === "EACCES" ? resolveBind(false) : reject(error)));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolveBind(true)));
  });
}

/**
 * A loopback port free now, for a worker (or its sandbox) to bind a moment later. Drawn at random below the kernel's
 * ephemeral range, as the worker draws its silo port: a port-0 probe hands out a port from that range, which any
 * outgoing connection on the machine may take before the worker binds it (it broke a CI run through the silo's port);
 * a port below it can only clash with another process drawing the same one, and a taken one is drawn again.
 */
export async function freePort(): Promise<number> {
  const ceiling = Math.min(ephemeralLow(), 32_768);
  const floor = Math.max(1024, Math.min(20_000, ceiling - 1000));
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = floor + randomInt(ceiling - floor);
    if (await canBind(port)) return port;
  }
  throw new Error(`No free loopback port between ${floor} and ${ceiling} after 50 draws.`);
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, child: ChildProcess, output: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The worker exited (code ${child.exitCode}) while waiting for ${what}.\n${output()}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Starts the real worker (the built DLL) against a fresh data folder, with the sandbox mailbox's
 * sample script and sync loop ticking every second, serving addin/dist as the task pane.
 */
export async function startWorker(extraArgs: readonly string[] = []): Promise<RunningWorker> {
  if (!existsSync(workerDll)) throw new Error(`Worker not built: ${workerDll} is missing. Run: dotnet build ${join(repoRoot, "worker", "OfficeFollowUp.Worker")}`);
  if (!existsSync(join(distFolder, "taskpane.html"))) throw new Error(`Add-in not built: run npm run build in ${join(repoRoot, "addin")}`);

  // Another process can still bind the drawn port between the probe and the worker's bind: draw again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWorkerOn(await freePort(), extraArgs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error && /address already in use/i.test(error.message))) throw error;
    }
  }
}

async function startWorkerOn(port: number, extraArgs: readonly string[]): Promise<RunningWorker> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataFolder = mkdtempSync(join(tmpdir(), "ofu-e2e-data-"));
  const args = [
    workerDll,
    "--urls", baseUrl,
    "--Storage:DataFolder", dataFolder,
    "--Sandbox:SampleScriptInterval", "00:00:01",
    "--Sandbox:PollInterval", "00:00:01",
    "--TaskPane:DistFolder", distFolder,
    ...extraArgs,
  ];
  const child = spawn("dotnet", args, {
    cwd: join(repoRoot, "worker", "OfficeFollowUp.Worker"),
    env: { ...process.env, DOTNET_ENVIRONMENT: "Development", DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const output = (): string => `--- worker output (last lines) ---\n${log.split("\n").slice(-60).join("\n")}`;

  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", kill);

  // The worker's data folder (SQLite file, pairing key) goes with the worker.
  const removeData = (): void => rmSync(dataFolder, { recursive: true, force: true });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
      if (timedOut) {
        child.kill("SIGKILL");
        await exited;
      }
    }
    process.removeListener("exit", kill);
    removeData();
  };

  try {
    // A cold .NET start on a busy 2-core machine has taken over 60 s (CI on 2026-12-02, load about 60).
    await waitFor("GET /health = 200", 120_000, async () => ((await fetch(`${baseUrl}/health`)).status === 200 ? true : undefined), child, output);
    const apiKey = await waitFor(
      "the api-key file",
      10_000,
      async () => {
        const key = readFileSync(join(dataFolder, "api-key"), "utf8").trim();
        return key === "" ? undefined : key;
      },
      child,
      output,
    );
    return { baseUrl, dataFolder, apiKey, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The worker's API with its key: GET, or POST with a JSON body when one is given. A GET must answer
 * 200 and a POST 2xx, or the call throws with the path and status.
 */
export async function callApi<T>(w: RunningWorker, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${w.baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${w.apiKey}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const ok = body === undefined ? response.status === 200 : response.status >= 200 && response.status < 300;
  if (!ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Polls GET /api/followups until `ready` holds; after 60 s it throws, saying what was awaited and what the worker printed. */
export async function waitForFollowUps(w: RunningWorker, ready: (list: FollowUpList) => boolean, what: string): Promise<FollowUpList> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const list = await callApi<FollowUpList>(w, "/api/followups");
    if (ready(list)) return list;
    if (Date.now() > deadline) throw new Error(`${what} within 60 s.\n${w.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Waits until the sandbox mailbox is connected and baselined (what is saved per mailbox needs one); throws after 60 s. */
export async function waitUntilBaselined(w: RunningWorker): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await callApi<{ baselinedAt: string | null }>(w, "/api/status")).baselinedAt) {
    if (Date.now() > deadline) throw new Error(`The mailbox was not baselined within 60 s.\n${w.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
