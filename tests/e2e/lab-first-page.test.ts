/** The first page (library and stepper) stays within its budget; the lab and its charts load on demand. */
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_BUDGET, measureFirstPage } from './lab-first-page.ts';

describe('the first page of the production build', () => {
  it(`loads at most ${FIRST_PAGE_BUDGET / 1000} kB gzipped before any lazy import, and none of the lab`, async () => {
    const page = await measureFirstPage();
    const names = Object.keys(page.files);
    console.log(`first page: ${(page.gzipBytes / 1000).toFixed(1)} kB gzipped: ${names.map((f) => `${f} ${(page.files[f]! / 1000).toFixed(1)}`).join(', ')}`);
    expect(page.gzipBytes).toBeLessThanOrEqual(FIRST_PAGE_BUDGET);
    expect(names.filter((f) => /Lab|batch|\.yaml/i.test(f))).toEqual([]);
  }, 120_000);
});
