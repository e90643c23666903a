// Adds up the xunit (trx) and vitest (json) results into one closing line: "N passed, N failed".
// A run that executed no test fails: a green run must have proved something.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const rows = [];

for (const file of existsSync(dir) ? readdirSync(dir) : []) {
  const path = join(dir, file);
  if (file.endsWith('.trx')) {
    const counters = readFileSync(path, 'utf8').match(/<Counters\b[^>]*>/);
    if (!counters) continue;
    const attr = (name) => Number((counters[0].match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [0, 0])[1]);
    const p = attr('passed'), f = attr('failed') + attr('error') + attr('timeout') + attr('aborted');
    const s = attr('notExecuted');
    const name = file.startsWith('reliability') ? '.NET reliability drills (xunit)' : file.startsWith('sandbox') ? '.NET sandbox mailbox (xunit)' : '.NET worker (xunit)';
    rows.push([name, p, f, s]);
    passed += p; failed += f; skipped += s;
  } else if (file.startsWith('vitest') && file.endsWith('.json')) {
    const json = JSON.parse(readFileSync(path, 'utf8'));
    const p = json.numPassedTests ?? 0, f = json.numFailedTests ?? 0, s = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    rows.push([file.includes('e2e') ? 'add-in browser (vitest + Playwright)' : 'add-in unit (vitest)', p, f, s]);
    passed += p; failed += f; skipped += s;
  }
}

for (const [name, p, f, s] of rows) {
  console.log(`${name.padEnd(40)} passed ${String(p).padStart(4)}  failed ${String(f).padStart(3)}  skipped ${String(s).padStart(3)}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
