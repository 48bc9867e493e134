/** `reflection:` — questions for the debrief: every bundled scenario has a few, and mistakes are located. */
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario } from '../../src/scenario/index.ts';
import { bundledScenarioFiles, loadBundled } from '../engine/helpers.ts';

const BASE = `parley: 1
id: tiny
title: Tiny
sources:
  paper: { url: https://example.org/paper }
parties:
  a: { role: principal }
  b: { role: principal }
phases:
  - { id: truce, length: 5 }
  - { id: next, final: true }
`;

describe('reflection questions', () => {
  for (const file of bundledScenarioFiles().filter((f) => f !== 'template.yaml')) {
    it(`${file} has 2–4 questions, each grounded in a source`, () => {
      const reflection = loadBundled(file).reflection;
      expect(reflection.length).toBeGreaterThanOrEqual(2);
      expect(reflection.length).toBeLessThanOrEqual(4);
      for (const item of reflection) {
        expect(item.question).toMatch(/\?$/);
        expect(item.source).toBeDefined();
      }
    });
  }

  it('are optional, and a plain question is a question without a source', () => {
    const none = loadScenario(BASE, 'tiny.yaml');
    expect(none.ok && none.scenario.reflection).toEqual([]);
    const r = loadScenario(`${BASE}reflection:\n  - Why?\n  - { question: "Who?", source: paper }\n`, 'tiny.yaml');
    expect(r.ok && r.scenario.reflection).toEqual([{ question: 'Why?' }, { question: 'Who?', source: 'paper' }]);
  });

  it('report an unknown source and an empty question at their line and column', () => {
    const r = loadScenario(`${BASE}reflection:\n  - question: ""\n  - { question: "Who?", source: papr }\n`, 'tiny.yaml');
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : formatProblems(r.problems);
    expect(text).toMatch(/tiny\.yaml:13:15: error: .*a reflection question needs some text/);
    expect(text).toMatch(/tiny\.yaml:14:33: error: unknown source `papr`/);
    expect(text).toMatch(/hint: .*`paper`/);
  });
});
