/** The first page's catalog leaves the briefings, reflection questions and source quotes out; the module served beside it has each one, by file (and party). */
import { describe, expect, it } from 'vitest';
import { ownBriefings, splitBriefings } from '../../src/ui/logic/briefings.ts';
import { diskCatalog } from './helpers.ts';

describe('splitting the bundled briefings from the catalog', () => {
  const full = diskCatalog();
  const { catalog, briefings, reflection, quotes } = splitBriefings(full);

  it('takes every briefing out of the catalog and keeps the rest of each scenario as it was', () => {
    expect(catalog.map((e) => e.file)).toEqual(full.map((e) => e.file));
    for (const [i, entry] of catalog.entries()) {
      const before = full[i]!;
      if (!entry.ok || !before.ok) continue;
      expect(ownBriefings(entry.scenario)).toBeUndefined();
      for (const [id, party] of Object.entries(entry.scenario.parties)) {
        const { briefing: _b, ...rest } = before.scenario.parties[id]!;
        expect(party).toEqual(rest);
      }
      expect(entry.scenario.reflection).toEqual([]);
      expect(reflection[entry.file] ?? []).toEqual(before.scenario.reflection);
      for (const [id, source] of Object.entries(entry.scenario.sources)) {
        expect([source.quote, source.note]).toEqual([undefined, undefined]);
        expect({ ...source, ...quotes[entry.scenario.id]?.[id] }).toEqual(before.scenario.sources[id]);
      }
      expect({ ...entry.scenario, parties: undefined, reflection: undefined, sources: undefined }).toEqual({ ...before.scenario, parties: undefined, reflection: undefined, sources: undefined });
    }
  });

  it('serves each briefing by file name and party id, and none for the template', () => {
    const flagship = full.find((e) => e.file === 'doha-60-day-draft.yaml')!;
    if (!flagship.ok) throw new Error('the flagship does not load');
    expect(Object.keys(briefings['doha-60-day-draft.yaml']!)).toEqual(['hamas', 'israel', 'qatar', 'egypt', 'us']);
    expect(briefings['doha-60-day-draft.yaml']!.us).toEqual(flagship.scenario.parties.us!.briefing);
    expect(briefings['template.yaml']).toBeUndefined();
  });

  it('serves each scenario\'s reflection questions by file name, and none for the template', () => {
    const flagship = full.find((e) => e.file === 'doha-60-day-draft.yaml')!;
    if (!flagship.ok) throw new Error('the flagship does not load');
    expect(flagship.scenario.reflection.length).toBeGreaterThan(1);
    expect(reflection['doha-60-day-draft.yaml']).toEqual(flagship.scenario.reflection);
    expect(reflection['template.yaml']).toBeUndefined();
  });
});
