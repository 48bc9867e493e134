/**
 * Keyed randomness (common random numbers). A run's seed string gives a 64-bit run key through
 * seedrandom's alea; every random number is then a hash of the run key and the identity of what
 * it decides (docs/model.md, "Randomness and seeds"). No draw depends on how many numbers were
 * drawn before it, so a branch or a variation that answers one decision differently meets the
 * same luck at every other decision both runs reach.
 */
/** The run key: the first two 32-bit outputs of alea(seed). Plain data, part of every snapshot. */
export interface RunKey {
  k0: number;
  k1: number;
}

/** What a draw decides; the number is part of the hashed key, so these values are fixed forever. */
export const PURPOSE = {
  /** Picks a party's response to one attempt at one occurrence of an obligation. */
  response: 1,
  /** The fraction carried out by a `partial` answer. */
  partialFraction: 2,
  /** The number of days of a `delay` answer. */
  delayDays: 3,
  /** Whether a chance incident happens on a day. */
  incident: 4,
  /** Whether an incident that happened ends the truce. */
  incidentCollapse: 5,
  /** Whether a `while` or `mediator` extension rule extends the phase. */
  extensionChance: 6,
  /** A party's answer to a `per-release` extension offer. */
  extensionOffer: 7,
  /** Whether a talks event happens in its round (b = 0), and whether it breaks the talks (b = 1). */
  talks: 8,
} as const;
export type Purpose = (typeof PURPOSE)[keyof typeof PURPOSE];

/**
 * seedrandom's `alea(seed)` (Baagøe's Alea and its Mash), stepped twice and read as `int32() >>> 0`,
 * written out without the closures it makes per call: every run starts with one.
 * tests/engine/run-key.test.ts holds it to seedrandom.
 */
export function runKey(seed: string): RunKey {
  let n = mash(MASH_START, seed);
  let s0 = ALEA_START[0] - toUnit(n);
  if (s0 < 0) s0 += 1;
  n = mash(n, seed);
  let s1 = ALEA_START[1] - toUnit(n);
  if (s1 < 0) s1 += 1;
  // Two steps of Alea read only s0 and s1 (s2 is first read by the third), with the carry c = 1.
  const t1 = 2091639 * s0 + TWO_TO_MINUS_32;
  const c1 = t1 | 0;
  const t2 = 2091639 * s1 + c1 * TWO_TO_MINUS_32;
  return { k0: (((t1 - c1) * 0x100000000) | 0) >>> 0, k1: (((t2 - (t2 | 0)) * 0x100000000) | 0) >>> 0 };
}

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
const toUnit = (n: number) => (n >>> 0) * TWO_TO_MINUS_32;

/** Mash's state after hashing `data`, from state `n`. */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** Alea's seeding: three Mash values of ' ' from Mash's initial state, then the seed is mashed in. */
const [ALEA_START, MASH_START] = (() => {
  let n = 0xefc8249d;
  const start: number[] = [];
  for (let i = 0; i < 3; i++) start.push(toUnit((n = mash(n, ' '))));
  return [start as [number, number, number], n] as const;
})();

/**
 * Uniform in [0, 1) with 53 random bits: MurmurHash3 (x86, 32-bit) of the four words
 * (purpose, subject, a, b), once seeded with k0 (high 27 bits) and once with k1 (low 26 bits).
 * `subject` is `nameHash` of an obligation, incident or phase id; `a` and `b` are whole numbers.
 */
export function draw(key: RunKey, purpose: Purpose, subject: number, a: number, b: number): number {
  return bits53(key, purpose, subject, a, b) / 9007199254740992;
}

/**
 * draw(key, purpose, subject, a, b) < p, worked out inside: a number returned from a call that is
 * not inlined is boxed on the heap, a boolean is not. The same comparison exactly: dividing by
 * 2^53 is exact, so u < p holds just when the 53-bit integer is below p·2^53.
 */
export function drawBelow(key: RunKey, purpose: Purpose, subject: number, a: number, b: number, p: number): boolean {
  return bits53(key, purpose, subject, a, b) < p * 9007199254740992;
}

/** A draw's 53 bits as a whole number: the high 27 from the hash seeded with k0, the low 26 from k1. */
function bits53(key: RunKey, purpose: Purpose, subject: number, a: number, b: number): number {
  // Each word's scrambled block does not depend on the seed: worked out once for both hashes.
  const k0 = scramble(purpose);
  const k1 = scramble(subject);
  const k2 = scramble(a);
  const k3 = scramble(b);
  const high = murmur4(key.k0, k0, k1, k2, k3) >>> 5;
  const low = murmur4(key.k1, k0, k1, k2, k3) >>> 6;
  return high * 67108864 + low;
}

/** FNV-1a (32-bit) of a name's UTF-16 code units; ids are ASCII, so these are its bytes. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 (x86, 32-bit) of four words whose blocks `scramble` has already made. */
function murmur4(seed: number, k0: number, k1: number, k2: number, k3: number): number {
  let h = seed | 0;
  h = mixBlock(h, k0);
  h = mixBlock(h, k1);
  h = mixBlock(h, k2);
  h = mixBlock(h, k3);
  h ^= 16;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3's block scramble of one 32-bit word: k·c1, rotated left 15, ·c2. */
function scramble(word: number): number {
  let k = Math.imul(word | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

function mixBlock(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * The seed of run `index` of an experiment with base seed `base`: `"<base>:<index>"`.
 * A run is replayed exactly with `parley run --seed "<base>:<index>"`.
 */
export function deriveRunSeed(base: string, index: number): string {
  return `${base}:${index}`;
}
