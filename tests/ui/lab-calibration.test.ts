/** Calibration in the lab: the form as `parley calibrate` reads its flags, the posterior charts' data, summary import, progress over several batches. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePool } from '../../src/batch/index.ts';
import {
  calibrateCliCommand,
  calibrationProgress,
  calibrationRequest,
  parseCalibrationSummary,
  posteriorSentence,
  posteriorViews,
  runLabCalibration,
  type CalibrationDraft,
} from '../../src/ui/logic/lab-calibration.ts';
import type { LabProgress } from '../../src/ui/logic/lab.ts';
import { flagship } from './helpers.ts';

const FILE = 'doha-60-day-draft.yaml';
const source = { scenario: flagship(), file: FILE, text: readFileSync(join(resolve(import.meta.dirname, '../../scenarios'), FILE), 'utf8') };
const draft = { runs: '20', seed: 'cal-test', sweeps: [] };
const calibration: CalibrationDraft = { free: [{ name: 'clash-rate', values: '0:0.1' }], method: 'rejection', population: '12' };

describe('the calibration form', () => {
  it('reads as `parley calibrate` reads its flags, with the scenario’s targets, and says which field is wrong', () => {
    const request = calibrationRequest(source, draft, calibration);
    expect(request.ranges).toEqual([{ name: 'clash-rate', lo: 0, hi: 0.1 }]);
    expect([request.method, request.runs, request.population, request.seed]).toEqual(['rejection', 20, 12, 'cal-test']);
    expect(request.targets.map((t) => t.name)).toEqual(['collapse-share', 'collapses-within-30-days']);
    expect(calibrationRequest(source, draft, { ...calibration, method: 'smc', population: '' }).population).toBe(100);
    expect(() => calibrationRequest(source, draft, { ...calibration, free: [] })).toThrow(/Free parameters: add at least one/);
    expect(() => calibrationRequest(source, draft, { ...calibration, population: '1' })).toThrow(/Prior draws: give a whole number ≥ 2, got `1`/);
    expect(() => calibrationRequest(source, { ...draft, runs: 'lots' }, calibration)).toThrow(/Runs per candidate/);
    expect(() => calibrationRequest(source, draft, { ...calibration, free: [{ name: 'clash-rate', values: '0.1' }] })).toThrow(/Prior of clash-rate/);
    expect(calibrateCliCommand(FILE, draft, calibration)).toBe(
      'npx parley calibrate scenarios/doha-60-day-draft.yaml --free clash-rate=0:0.1 --method rejection --runs 20 --population 12 --seed cal-test --summary calibration.json',
    );
  });
});

describe('the posterior charts', () => {
  const summary = {
    free: [{ name: 'a', lo: 0, hi: 1 }, { name: 'b', lo: 10, hi: 20 }],
    samples: [
      { params: { a: 0.05, b: 10 }, weight: 0.1, distance: 0 },
      { params: { a: 0.5, b: 15 }, weight: 0.2, distance: 0 },
      { params: { a: 0.55, b: 15.2 }, weight: 0.3, distance: 0 },
      { params: { a: 1, b: 20 }, weight: 0.4, distance: 0 },
    ],
    best: { params: { a: 0.5, b: 15 }, distance: 0 },
    calibrated: { a: 0.55, b: 15.2 },
  };

  it('bins the accepted particles over the prior range with their posterior weight, the prior’s upper end in the last bin', () => {
    const [a, b] = posteriorViews(summary, 10);
    expect(a!.bins).toHaveLength(10);
    expect(a!.bins[0]).toMatchObject({ lo: 0, count: 1 });
    expect(a!.bins[0]!.weight).toBeCloseTo(0.1);
    expect(a!.bins[5]!.count).toBe(2);
    expect(a!.bins[5]!.weight).toBeCloseTo(0.5);
    expect(a!.bins[9]).toMatchObject({ hi: 1, count: 1 });
    expect(a!.bins.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1);
    expect(b!.bins[0]!.lo).toBe(10);
    expect(b!.bins[9]!.hi).toBe(20);
  });

  it('gives the weighted mean and the central 90% interval (weighted quantiles 0.05 and 0.95), and says it in words', () => {
    const [a] = posteriorViews(summary);
    expect(a!.mean).toBeCloseTo(0.05 * 0.1 + 0.5 * 0.2 + 0.55 * 0.3 + 0.4);
    // Cumulative weights 0.1, 0.3, 0.6, 1: 5% falls on the first particle, 95% on the last, the median on the third.
    expect([a!.lo90, a!.median, a!.hi90]).toEqual([0.05, 0.55, 1]);
    expect(a!.calibrated).toBe(0.55);
    expect(a!.narrowing).toBeCloseTo(0.95);
    expect(posteriorSentence(a!)).toBe('With 90% posterior probability a lies between 0.05 and 1 (posterior mean 0.67); the prior allowed 0 to 1, so the targets narrowed it to 95% of that range.');
  });
});

describe('a calibration run in the lab', () => {
  it('fits the free parameters on the pool, counts every run, gives a summary that imports back, and refuses a damaged one', async () => {
    const smc: CalibrationDraft = { free: [{ name: 'clash-rate', values: '0:0.1' }, { name: 'reciprocity', values: '0:0.5' }], method: 'smc', population: '10' };
    const request = calibrationRequest(source, { ...draft, runs: '50' }, smc);
    const seen: LabProgress[] = [];
    const result = await runLabCalibration(request, { pool: inlinePool, workers: 1, onProgress: (p) => seen.push(p) });
    expect(result.summary.samples).toHaveLength(10);
    expect(result.runs).toBe(result.summary.evaluations * 50 + 50);
    expect(result.reportText).toMatch(/ABC-SMC · 10 particles/);
    const back = parseCalibrationSummary(result.summaryText, 'calibration.json');
    expect(back).toEqual(result.summary);
    expect(posteriorViews(back)[0]!.bins.reduce((s, x) => s + x.count, 0)).toBe(back.samples.length);
    // The last progress report counts the runs of every batch: each set of candidates, then the check at the calibrated values.
    expect(seen.at(-1)).toMatchObject({ done: result.runs, total: result.runs });
    expect(Number(/^batch (\d+)$/.exec(seen.at(-1)!.note!)![1])).toBeGreaterThan(result.summary.generations!.length);
    expect(() => parseCalibrationSummary('{"format": "parley-calibration/1", "free": []}', 'cut.json')).toThrow(/cut\.json is a damaged calibration summary/);
    expect(() => parseCalibrationSummary('{', 'broken.json')).toThrow(/broken\.json is not JSON/);
    expect(() => parseCalibrationSummary('{"format": "parley-summary/1"}', 'other.json')).toThrow(/other\.json is not a Parley calibration summary/);
  });
});

describe('progress over several batches', () => {
  it('adds each finished batch to the runs done and counts the batches', () => {
    const seen: LabProgress[] = [];
    const report = calibrationProgress((p) => seen.push(p));
    report(100, 100);
    report(50, 200);
    report(200, 200);
    report(20, 20);
    expect(seen.map((p) => [p.done, p.total, p.note])).toEqual([
      [100, 100, 'batch 1'],
      [300, 300, 'batch 2'],
      [320, 320, 'batch 3'],
    ]);
  });
});
