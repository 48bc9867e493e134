import { bundledBases } from './fuzz/bases.ts';
import { generateCase } from './fuzz/mutate.ts';
import { loadScenario } from '../src/scenario/index.ts';
const c = generateCase('probe-1', 491, bundledBases());
const r = loadScenario(c.text, 'x.yaml');
console.log(r.ok ? 'ok' : r.problems.slice(0, 3).map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
for (let k = 0; k < 12; k++) { const t = performance.now(); loadScenario(c.text, 'x.yaml'); console.log((performance.now() - t).toFixed(0)); }
