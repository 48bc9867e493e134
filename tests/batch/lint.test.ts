/** The playthrough check: each small broken scenario in tests/fixtures/lint/ yields its finding, on its line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playthroughCheck, type FindingKind } from '../../src/batch/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/lint');

function check(file: string, runs = 40) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return { text, findings: playthroughCheck(loaded.scenario, text, { runs, seed: 'lint' }) };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const CASES: [file: string, kind: FindingKind, subject: string, declared: string, rate: number][] = [
  ['never-due.yaml', 'never-due', 'obligation `late-talks`', 'id: late-talks', 0],
  ['always-lapses.yaml', 'always-lapses', 'obligation `follow-up`', 'id: follow-up', 1],
  ['gate-never-met.yaml', 'gate-never-met', 'the gate of phase `truce`', 'id: truce', 0],
  ['gate-never-met.yaml', 'phase-never-reached', 'phase `next`', 'id: next', 0],
  ['gate-always-met.yaml', 'gate-always-met', 'the gate of phase `truce`', 'id: truce', 1],
  ['red-line-never.yaml', 'red-line-never-crossed', 'red line `never-line`', 'never-line', 0],
  ['red-line-always.yaml', 'red-line-always-crossed', 'red line `always-line`', 'always-line', 1],
  ['incident-never.yaml', 'incident-never-happens', 'incident `quiet-incident`', 'id: quiet-incident', 0],
  ['always-lapses.yaml', 'phase-always-reached', 'phase `next`', 'id: next', 1],
];

describe('playthrough check', () => {
  it.each(CASES)('%s: %s', (file, kind, subject, declared, rate) => {
    const { text, findings } = check(file);
    const found = findings.find((f) => f.kind === kind && f.subject === subject);
    expect(found, JSON.stringify(findings, null, 2)).toBeDefined();
    expect(found!.line).toBe(lineOf(text, declared));
    expect(found!.rate).toBe(rate);
    expect(found!.hint.length).toBeGreaterThan(10);
  });

  it('finds nothing in a sound scenario (the template)', () => {
    const text = readFileSync(join(import.meta.dirname, '../../scenarios/template.yaml'), 'utf8');
    const loaded = loadScenario(text, 'template.yaml');
    if (!loaded.ok) throw new Error('template does not load');
    expect(playthroughCheck(loaded.scenario, text, { runs: 100, seed: 'lint' })).toEqual([]);
  });

  it('gives the same findings for the same seed', () => {
    expect(check('gate-never-met.yaml', 30).findings).toEqual(check('gate-never-met.yaml', 30).findings);
  });
});
