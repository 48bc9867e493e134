/**
 * Role briefings in the scenario format: plain or cited lines, read into `{ text, source }`, and
 * a cited source that is not declared is a problem at its line:col with a near-name hint.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIEFING_SECTIONS, loadScenario } from '../../src/scenario/index.ts';

const BASE = `parley: 1
id: mini
title: Mini
sources:
  doha: { seed: 000_65bcf9322f49a869.txt, quote: "final stages" }
parties:
  hamas:
    role: principal
    briefing:
      summary: Hamas holds the captives.
      goals:
        - an end to the war
        - { text: Rafah open for the whole truce, source: doha }
      red-lines:
        - text: no deal without a permanent ceasefire
          source: { seed: 001_9a0399a4152c7f9f.txt, quote: "refused" }
  israel: { role: principal }
phases:
  - id: truce
    length: 30
`;

describe('role briefings', () => {
  it('reads plain and cited lines, in every section, with empty sections left empty', () => {
    const result = loadScenario(BASE, 'mini.yaml');
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const briefing = result.scenario.parties.hamas!.briefing!;
    expect(briefing.summary).toBe('Hamas holds the captives.');
    expect(briefing.goals).toEqual([{ text: 'an end to the war' }, { text: 'Rafah open for the whole truce', source: 'doha' }]);
    expect(briefing.redLines).toEqual([{ text: 'no deal without a permanent ceasefire', source: { seed: '001_9a0399a4152c7f9f.txt', quote: 'refused' } }]);
    expect(briefing.levers).toEqual([]);
    expect(result.scenario.parties.israel!.briefing).toBeUndefined();
  });

  it('rejects a line citing an undeclared source at its line:col, naming the near source', () => {
    const text = BASE.replace('source: doha }', 'source: dhoa }');
    const result = loadScenario(text, 'mini.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.message.includes('unknown source `dhoa`'));
    expect(problem).toBeDefined();
    expect(`${problem!.line}:${problem!.col}`).toBe('13:59');
    expect(problem!.sourceLine.slice(problem!.col - 1)).toMatch(/^dhoa/);
    expect(problem!.hint).toContain('doha');
  });

  it('rejects an unknown section and an empty line with their positions', () => {
    const unknown = loadScenario(BASE.replace('      goals:', '      wishes: [peace]\n      goals:'), 'mini.yaml');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems.some((p) => p.line === 11 && /wishes/.test(p.message))).toBe(true);
    const empty = loadScenario(BASE.replace('- an end to the war', '- ""'), 'mini.yaml');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems.some((p) => p.line === 12 && /needs some text/.test(p.message))).toBe(true);
  });

  it('every principal, mediator and guarantor in every bundled scenario has a briefing citing declared sources', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml') && f !== 'template.yaml');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const result = loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file);
      if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
      for (const [id, party] of Object.entries(result.scenario.parties)) {
        const briefing = party.briefing;
        expect(briefing, `${file}: ${id} has no briefing`).toBeDefined();
        expect(briefing!.summary, `${file}: ${id}'s briefing has no summary`).toBeTruthy();
        for (const { key } of BRIEFING_SECTIONS) expect(briefing![key].length, `${file}: ${id}'s briefing has no ${key}`).toBeGreaterThan(0);
        const cited = BRIEFING_SECTIONS.flatMap(({ key }) => briefing![key]).filter((item) => item.source !== undefined);
        expect(cited.length, `${file}: ${id}'s briefing cites no source`).toBeGreaterThan(0);
      }
    }
  });
});
