import { scenarioFromSeed, runScenario, reportFailure } from '/work/main/tests/dst/scenario';
const [from, n] = process.argv.slice(2).map(Number);
for (let seed = from; seed < from + n; seed++) {
  const s = scenarioFromSeed(seed);
  const t0 = performance.now();
  const r = runScenario(s);
  const ms = Math.round(performance.now() - t0);
  if (r.error) { reportFailure(`seed-${seed}`, s, r, seed); console.log(seed, ms, 'FAIL', r.failedAt, String(r.error).replace(/\n/g, ' | ').slice(0, 700)); }
  else console.log(seed, ms, 'ok');
}
