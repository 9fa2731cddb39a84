#!/usr/bin/env node
// Known-advisory check of the dependencies Vitrine ships (`npm audit --omit=dev`): fails on any
// high or critical advisory. Where the registry's audit endpoint cannot be reached (an offline
// mirror answers 405), it says so plainly and does not pretend the check passed.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.message ?? report.error?.summary ?? (run.stderr || 'no answer').trim().split('\n').at(-1);
  console.log(`dependency audit: NOT RUN — the npm audit endpoint is unreachable here (${why})`);
  process.exit(0);
}
const bad = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
for (const [name, v] of bad)
  console.log(
    `${v.severity.toUpperCase()} ${name} ${v.range ?? ''} ${[v.via]
      .flat()
      .map((x) => (typeof x === 'string' ? x : x.title))
      .join('; ')}`,
  );
console.log(
  `dependency audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low in shipped dependencies`,
);
process.exit(bad.length > 0 ? 1 : 0);
