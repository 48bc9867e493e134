/** The run key is seedrandom's alea(seed), stepped twice: rng.ts writes Alea out, this holds it to the library. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runKey } from '../../src/engine/rng.ts';

describe('runKey', () => {
  it("equals the first two int32 outputs of seedrandom's alea for every kind of seed", () => {
    const seeds = ['', ' ', '1', 'bench:0', 'study-1:41', 'ünïcødé ✓ 🎲', 'x'.repeat(200)];
    for (let i = 0; i < 2000; i++) seeds.push(`bench:${i}`, `${i * 7919}`, String.fromCharCode(32 + (i % 95), 0x100 + i));
    for (const seed of seeds) {
      const alea = seedrandom.alea(seed);
      expect(runKey(seed), JSON.stringify(seed)).toEqual({ k0: alea.int32() >>> 0, k1: alea.int32() >>> 0 });
    }
  });
});
