/**
 * A fixed-seed slice of the fuzz campaign (the full one is `npm run fuzz`): mutated bundled
 * scenarios, each in a child process, must never crash, hang, throw, or be rejected without
 * file:line:col. Property: every accepted file runs to a terminal outcome for 5 seeds within the
 * step budget and never reports NaN (checked per case in check-case.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.ts';
import { bundledBases } from './bases.ts';
import { generateCase, MUTATION_NAMES } from './mutate.ts';

const CASES = 3_000;
/** A share of the cases are big files (up to 1 MB) of the shapes in big-shapes.ts. */
const BIG_SHARE = 0.02;

describe('fuzzing the loader and the engine', () => {
  it('cases are deterministic for a seed', () => {
    const bases = bundledBases();
    expect(generateCase('s', 17, bases)).toEqual(generateCase('s', 17, bases));
    expect(generateCase('s', 17, bases).text).not.toEqual(generateCase('t', 17, bases).text);
    expect(generateCase('s', 17, bases, 1)).toEqual(generateCase('s', 17, bases, 1));
    expect(generateCase('s', 17, bases, 1).base).toMatch(/^big: /);
    expect(MUTATION_NAMES.length).toBeGreaterThan(30);
  });

  it(`${CASES} mutated scenarios: no crash, hang, uncaught exception, unlocated rejection or failed run`, async () => {
    const report = await runCampaign({ seed: 'npm-test', count: CASES, batch: CASES / 2, jobs: 2, caseTimeoutMs: 30_000, bigShare: BIG_SHARE });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(CASES);
    // The property test needs accepted files to say anything.
    expect(report.accepted).toBeGreaterThan(CASES / 20);
    expect(report.rejected).toBeGreaterThan(CASES / 2);
  }, 240_000);

  it('a crash in a child process is caught and attributed to its case', async () => {
    // A 4 MB heap: the child dies at start-up; the campaign reports it instead of stopping.
    const report = await runCampaign({ seed: 'npm-test', count: 2, batch: 2, jobs: 1, heapMb: 4, caseTimeoutMs: 30_000 });
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures[0]!.kind).toBe('crash');
  }, 120_000);
});
