import { describe, expect, it } from 'vitest';
import { encodeShare, parseHash } from '../../src/ui/logic/share-url.ts';

describe('shareable URL', () => {
  it('round-trips scenario, seed, position, played party, choices and parameters', () => {
    const share = { scenario: 'doha-60-day-draft', seed: 'my seed/1', params: { reciprocity: 0.35, 'clash-rate': 0 }, choices: { 13: 'violate' as const, 2: 'delay' as const }, at: 17, play: 'hamas' };
    const hash = encodeShare(share);
    expect(hash).toBe('#/run/doha-60-day-draft?seed=my+seed%2F1&at=17&play=hamas&c=2:delay,13:violate&set=clash-rate:0,reciprocity:0.35');
    const route = parseHash(hash);
    const { scenario: _id, ...rest } = share;
    expect(route).toEqual({ page: 'run', scenario: 'doha-60-day-draft', share: rest, problems: [] });
  });

  it('leaves out what is not set', () => {
    expect(encodeShare({ scenario: 's', seed: '1', params: {}, choices: {}, at: 0 })).toBe('#/run/s?seed=1&at=0');
    expect(parseHash('#/run/s')).toEqual({ page: 'run', scenario: 's', share: {}, problems: [] });
  });

  it('reads anything else as the library', () => {
    expect(parseHash('')).toEqual({ page: 'library' });
    expect(parseHash('#/')).toEqual({ page: 'library' });
    expect(parseHash('#/somewhere')).toEqual({ page: 'library' });
  });

  it('reports the parts it cannot read instead of throwing', () => {
    const route = parseHash('#/run/s?at=x&c=3:maybe,4:comply&set=a:NaN,b:2,c');
    expect(route.page).toBe('run');
    if (route.page !== 'run') return;
    expect(route.share).toEqual({ choices: { 4: 'comply' }, params: { b: 2 } });
    expect(route.problems).toHaveLength(4);
  });
});

describe('the debrief in a shared link', () => {
  it('round-trips `debrief=1`, and leaves it out when the debrief is closed', () => {
    const hash = encodeShare({ scenario: 's', seed: '1', params: {}, choices: { 3: 'refuse' }, at: 40, play: 'hamas', debrief: true });
    expect(hash).toBe('#/run/s?seed=1&at=40&play=hamas&c=3:refuse&debrief=1');
    expect(parseHash(hash)).toEqual({ page: 'run', scenario: 's', share: { seed: '1', at: 40, play: 'hamas', choices: { 3: 'refuse' }, debrief: true }, problems: [] });
    expect(encodeShare({ scenario: 's', seed: '1', params: {}, choices: {}, at: 0, debrief: false })).toBe('#/run/s?seed=1&at=0');
  });

  it('reports a debrief setting it cannot read', () => {
    const route = parseHash('#/run/s?debrief=yes');
    expect(route.page === 'run' && route.problems).toEqual(['the debrief setting `debrief=yes` is not `1`']);
  });
});
