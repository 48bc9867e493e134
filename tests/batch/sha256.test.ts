import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../src/batch/sha256.ts';

describe('Sha256 (the browser’s summary check)', () => {
  it('gives Node’s digest for texts of every length around the block edges, fed in pieces, with non-ASCII text', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'aé→'.repeat(length).slice(0, length);
      const pieces = [text.slice(0, length / 3), text.slice(length / 3)];
      const ours = new Sha256();
      const node = createHash('sha256');
      for (const p of pieces) {
        ours.update(p);
        node.update(p);
      }
      expect(ours.digest('hex'), `length ${length}`).toBe(node.digest('hex'));
    }
  });
});
