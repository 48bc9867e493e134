/**
 * The bundled scenarios: each loads without problems and runs to a terminal outcome; the two
 * historical replays reproduce their agreed totals exactly, whatever the seed; the template a
 * writer copies is itself valid; and the shipped JSON Schema is the one the code exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, runOnce, type RunResult } from '../../src/engine/index.ts';
import { formatProblems, loadScenario, scenarioJsonSchema, type Scenario } from '../../src/scenario/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIOS = join(ROOT, 'scenarios');
const TERMINAL = ['completed', 'extended-then-completed', 'advanced', 'stalled', 'collapsed', 'no-deal'];

const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort();

function load(file: string): Scenario {
  const text = readFileSync(join(SCENARIOS, file), 'utf8');
  const result = loadScenario(text, `scenarios/${file}`);
  if (!result.ok) throw new Error(`scenarios/${file} does not load:\n${formatProblems(result.problems)}`);
  return result.scenario;
}

/** The agreed schedule: every party complies (`--comply all`), whatever its model. */
function replay(file: string, seed: string): RunResult {
  const scenario = load(file);
  return runOnce(compile(scenario), { seed, comply: Object.keys(scenario.parties) });
}

describe('bundled scenarios', () => {
  it('include the flagship, one scenario per seed article, both replays and the template', () => {
    for (const expected of [
      'doha-60-day-draft.yaml',
      'one-month-truce.yaml',
      'phase-two-transition.yaml',
      'prisoner-exchange-us-proposal.yaml',
      'prisoner-exchange-hamas-counter.yaml',
      'buffer-zone-philadelphi.yaml',
      'november-2023-truce.yaml',
      'january-2025-phase-one.yaml',
      'template.yaml',
    ]) {
      expect(files).toContain(expected);
    }
  });

  for (const file of files) {
    describe(file, () => {
      it('loads without problems', () => {
        const text = readFileSync(join(SCENARIOS, file), 'utf8');
        const result = loadScenario(text, `scenarios/${file}`);
        expect(result.ok ? [] : formatProblems(result.problems)).toEqual([]);
      });

      it('points editors at the shipped JSON Schema', () => {
        const firstLine = readFileSync(join(SCENARIOS, file), 'utf8').split('\n', 1)[0];
        expect(firstLine).toBe('# yaml-language-server: $schema=./parley-scenario.schema.json');
      });

      it('runs to a terminal outcome for seeds 1..5', () => {
        const model = compile(load(file));
        for (const seed of ['1', '2', '3', '4', '5']) {
          const { outcome } = runOnce(model, { seed });
          expect(TERMINAL).toContain(outcome.result);
          if (outcome.result !== 'no-deal') expect(outcome.day).toBeGreaterThan(0);
          if (outcome.result === 'collapsed' || outcome.result === 'stalled' || outcome.result === 'no-deal') expect(outcome.cause).toBeTruthy();
        }
      });

      it('cites its sources', () => {
        const scenario = load(file);
        expect(scenario.source ?? Object.keys(scenario.sources)[0]).toBeTruthy();
        expect(Object.keys(scenario.sources).length).toBeGreaterThan(0);
      });
    });
  }
});

describe('scenarios whose outcome depends on the parties (not replays)', () => {
  const isReplay = (f: string) => load(f).history.length > 0 || Object.values(load(f).parties).every((p) => p.behaviour?.model === 'always-comply');
  const modelled = files.filter((f) => f !== 'template.yaml' && !isReplay(f));

  it('leave out the historical records and the template, and keep the modelled scenarios', () => {
    expect(files.filter((f) => !modelled.includes(f))).toEqual(expect.arrayContaining(['january-2025-phase-one.yaml', 'november-2023-truce.yaml', 'template.yaml']));
    expect(modelled).toEqual(expect.arrayContaining(['doha-60-day-draft.yaml', 'one-month-truce.yaml', 'buffer-zone-philadelphi.yaml']));
  });

  for (const file of modelled) {
    it(`${file}: has two state-dependent principals, parameters, and outcomes that vary with the seed`, () => {
      const scenario = load(file);
      const stateDependent = Object.values(scenario.parties).filter(
        (p) => p.role === 'principal' && (p.behaviour?.model ?? 'state-dependent') === 'state-dependent',
      );
      expect(stateDependent.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(scenario.parameters).length).toBeGreaterThan(0);
      const model = compile(scenario);
      const results = new Set<string>();
      for (let seed = 1; seed <= 60; seed++) results.add(runOnce(model, { seed: String(seed), trace: false }).outcome.result);
      expect(results.size, `outcomes over 60 seeds: ${[...results].join(', ')}`).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('historical replay: November 2023 truce', () => {
  const FILE = 'november-2023-truce.yaml';

  it('has a record of what happened, and principals that follow a model (so `--comply all` is what replays the agreement)', () => {
    const scenario = load(FILE);
    expect(scenario.history.length).toBeGreaterThan(0);
    for (const id of ['hamas', 'israel']) expect(scenario.parties[id]!.behaviour?.model ?? 'state-dependent').toBe('state-dependent');
  });

  it('reproduces the agreed totals: 80 captives for 240 prisoners over 4 + 3 days', () => {
    const { outcome } = replay(FILE, 'any');
    expect(outcome.result).toBe('extended-then-completed');
    expect(outcome.metrics.released.captives).toEqual({ 'women-children': 80, other: 0 });
    expect(outcome.metrics.released.prisoners).toEqual({ 'women-minors': 240 });
    expect(outcome.metrics.days).toBe(7);
    expect(outcome.day).toBe(7);
    expect(outcome.metrics.extensions).toBe(3);
    expect(outcome.metrics.extensionDays).toBe(3);
    expect(outcome.metrics.aidTrucks).toBe(7 * 200);
    expect(outcome.metrics.violations).toEqual({ hamas: 0, israel: 0 });
  });

  it('releases 13, 13, 13, 11 and then 10 a day, 3 prisoners for each', () => {
    const { trace } = replay(FILE, 'any');
    const perDay = (stock: string) => {
      const days: number[] = [];
      for (const e of trace) {
        for (const [key, change] of Object.entries(e.changes ?? {})) {
          if (key.startsWith(`${stock}.`)) days[e.day - 1] = (days[e.day - 1] ?? 0) - change;
        }
      }
      return days;
    };
    expect(perDay('captives')).toEqual([13, 13, 13, 11, 10, 10, 10]);
    expect(perDay('prisoners')).toEqual([39, 39, 39, 33, 30, 30, 30]);
  });

  it('is the same run whatever the seed', () => {
    const first = replay(FILE, '1');
    for (const seed of ['2', 'any', 'seminar-7']) {
      const other = replay(FILE, seed);
      expect(other.outcome).toEqual(first.outcome);
      expect(other.trace).toEqual(first.trace);
    }
  });
});

describe('historical replay: January 2025 phase one', () => {
  const FILE = 'january-2025-phase-one.yaml';

  it('has a record of what happened, and principals that follow a model (so `--comply all` is what replays the agreement)', () => {
    const scenario = load(FILE);
    expect(scenario.history.length).toBeGreaterThan(0);
    for (const id of ['hamas', 'israel']) expect(scenario.parties[id]!.behaviour?.model ?? 'state-dependent').toBe('state-dependent');
  });

  it('reproduces the schedule totals: 33 captives (25 alive, 8 deceased) for 1,904 prisoners in 42 days', () => {
    const { outcome } = replay(FILE, 'any');
    expect(outcome.result).toBe('advanced');
    expect(outcome.phase).toBe('phase-two');
    expect(outcome.metrics.released.captives).toEqual({ alive: 25, deceased: 8 });
    expect(outcome.metrics.released.prisoners).toEqual({ all: 1904 });
    expect(outcome.metrics.days).toBe(42);
    expect(outcome.day).toBe(42);
    expect(outcome.metrics.extensionDays).toBe(0);
    expect(outcome.metrics.aidTrucks).toBe(42 * 600);
    expect(outcome.metrics.withdrawals).toBe(1);
    expect(outcome.metrics.talksStarted).toBe(1);
    expect(outcome.metrics.violations).toEqual({ hamas: 0, israel: 0 });
  });

  it('hands over on the reported days with the reported batch sizes', () => {
    const { trace } = replay(FILE, 'any');
    const handovers: [number, number, number][] = [];
    for (const e of trace) {
      const changes = Object.entries(e.changes ?? {});
      const captives = -changes.filter(([k]) => k.startsWith('captives.')).reduce((a, [, v]) => a + v, 0);
      const prisoners = -changes.filter(([k]) => k.startsWith('prisoners.')).reduce((a, [, v]) => a + v, 0);
      if (captives > 0) handovers.push([e.day, captives, 0]);
      if (prisoners > 0) handovers[handovers.length - 1]![2] += prisoners;
    }
    expect(handovers).toEqual([
      [1, 3, 90],
      [7, 4, 200],
      [12, 3, 110],
      [14, 3, 183],
      [21, 3, 183],
      [28, 3, 369],
      [33, 4, 0],
      [35, 6, 620],
      [40, 4, 149],
    ]);
  });

  it('lets the displaced return on day 7, leaves Netzarim on day 22 and opens phase-two talks by day 16', () => {
    const { trace } = replay(FILE, 'any');
    const doneOn = (obligation: string) => trace.find((e) => e.type === 'party.responded' && e.obligation === obligation && e.response === 'comply')?.day;
    expect(doneOn('return-north')).toBe(7);
    expect(doneOn('leave-netzarim')).toBe(22);
    expect(doneOn('phase-two-talks')).toBeLessThanOrEqual(16);
  });

  it('is the same run whatever the seed', () => {
    const first = replay(FILE, '1');
    for (const seed of ['2', 'any', 'seminar-7']) {
      const other = replay(FILE, seed);
      expect(other.outcome).toEqual(first.outcome);
      expect(other.trace).toEqual(first.trace);
    }
  });
});

describe('the template and the JSON Schema', () => {
  it('the template loads and runs', () => {
    const { outcome } = runOnce(compile(load('template.yaml')), { seed: '1' });
    expect(TERMINAL).toContain(outcome.result);
  });

  it('scenarios/parley-scenario.schema.json is what `parley schema` prints (regenerate with `npx parley schema > scenarios/parley-scenario.schema.json`)', () => {
    const shipped = JSON.parse(readFileSync(join(SCENARIOS, 'parley-scenario.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(scenarioJsonSchema());
  });
});
