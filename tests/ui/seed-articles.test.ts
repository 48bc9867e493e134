import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ARTICLES, seedLabel } from '../../src/ui/logic/seed-articles.ts';
import { originLabel, originsOf, resolveSource } from '../../src/ui/logic/sources.ts';
import { diskCatalog } from './helpers.ts';

/** shared/seeds beside the main checkout (../shared/seeds from it), wherever this checkout is. */
const SEEDS = [resolve(import.meta.dirname, '../../../shared/seeds'), resolve(import.meta.dirname, '../../../../shared/seeds')].find(existsSync);

const cited = [...new Set(diskCatalog().flatMap((e) => (e.ok ? originsOf(e.scenario).filter((o) => !/^https?:/.test(o)) : [])))].sort();

describe('seed articles by title and date', () => {
  it('knows every seed file a bundled scenario cites', () => {
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((file) => SEED_ARTICLES[file] === undefined)).toEqual([]);
  });

  it('labels a seed by its title and date, and an unknown one by its file', () => {
    expect(seedLabel('001_9a0399a4152c7f9f.txt')).toBe('“Intensive talks underway to negotiate one-month Gaza truce, sources report” (January 2024)');
    expect(seedLabel('999_unknown.txt')).toBe('999_unknown.txt');
    expect(originLabel('https://example.org/a/')).toBe('example.org/a');
    const scenario = diskCatalog().find((e) => e.ok && e.scenario.id === 'doha-60-day-draft');
    if (!scenario?.ok) throw new Error('no flagship');
    expect(resolveSource(scenario.scenario, { seed: '004_9a07cf7cf3b6c353.txt', quote: 'x' })?.label).toBe('article of January 2025');
  });

  it.skipIf(SEEDS === undefined)('takes each title from its article: the headline it begins with, or words from its first lines', () => {
    for (const [file, article] of Object.entries(SEED_ARTICLES)) {
      const text = readFileSync(join(SEEDS!, file), 'utf8');
      if (article.headline) expect(text.split('\n')[0]!.trim(), file).toBe(article.title);
      else expect(text.slice(0, 600), file).toContain(article.title.replace(/^…|…$/g, ''));
    }
  });
});
