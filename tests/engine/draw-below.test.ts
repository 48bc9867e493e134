/** The engine compares a draw with a chance inside the hash (drawBelow): it must be exactly draw < p. */
import { describe, expect, it } from 'vitest';
import { draw, runKey, type Purpose } from '../../src/engine/index.ts';
import { drawBelow } from '../../src/engine/rng.ts';

describe('drawBelow', () => {
  it('is draw < p, at the draw itself and around it', () => {
    for (let i = 0; i < 3000; i++) {
      const key = runKey(`below:${i}`);
      const args: [Purpose, number, number, number] = [(i % 11) as Purpose, (i * 2654435761) >>> 0, i, i % 7];
      const u = draw(key, ...args);
      for (const p of [0, 1, 0.5, u, u + Number.EPSILON, u - Number.EPSILON, u * (1 - Number.EPSILON), (i % 97) / 97]) {
        expect(drawBelow(key, ...args, p), `${i} ${p}`).toBe(u < p);
      }
    }
  });
});
