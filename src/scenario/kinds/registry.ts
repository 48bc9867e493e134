/**
 * Every obligation kind, in one list: the loader, the JSON Schema, the engine, the timeline, the
 * narrative and the UI read kinds only from here. Adding a kind is one file and one line below.
 * The list's order is the order of counters in metrics (batch columns), before the extension
 * counters, so new kinds go at the end.
 */
import * as z from 'zod';
import { admitAid } from './admit-aid.ts';
import { deployForces } from './deploy-forces.ts';
import { disclose } from './disclose.ts';
import { exchange } from './exchange.ts';
import { EXTENSION_COUNTERS } from './extension-counters.ts';
import { generic } from './generic.ts';
import { haltOperations } from './halt-operations.ts';
import type { CounterSpec, ObligationKindModule, Track } from './kind.ts';
import type { ObligationBase } from './obligation-base.ts';
import { openCrossing } from './open-crossing.ts';
import { recoverRemains } from './recover-remains.ts';
import { release } from './release.ts';
import { returnDisplaced } from './return-displaced.ts';
import { startTalks } from './start-talks.ts';
import { withdraw } from './withdraw.ts';

const MODULES = [
  release,
  recoverRemains,
  exchange,
  admitAid,
  disclose,
  withdraw,
  returnDisplaced,
  startTalks,
  haltOperations,
  openCrossing,
  generic,
  deployForces,
] as const;

type Modules = typeof MODULES;
type SchemasOf<M extends readonly { schema: unknown }[]> = { -readonly [I in keyof M]: M[I]['schema'] };

export type ObligationKind = Modules[number]['kind'];
export const OBLIGATION_KINDS: readonly ObligationKind[] = MODULES.map((m) => m.kind);

export const Obligation = z.discriminatedUnion('kind', MODULES.map((m) => m.schema) as SchemasOf<Modules>, {
  error: (issue) => (issue.code === 'invalid_union' ? `kind is one of: ${OBLIGATION_KINDS.join(', ')}` : undefined),
});
export type Obligation = z.output<typeof Obligation>;

/** A kind module seen through what every obligation has. */
export type AnyKindModule = ObligationKindModule<string, z.ZodType, ObligationBase>;

const BY_KIND = new Map<string, AnyKindModule>(MODULES.map((m) => [m.kind, m as unknown as AnyKindModule]));

/** The module of a kind; undefined for a name that is not a kind. */
export function kindModule(kind: string): AnyKindModule | undefined {
  return BY_KIND.get(kind);
}

/** The module of a parsed obligation (its kind is always registered). */
export function moduleOf(o: Obligation | ObligationBase): AnyKindModule {
  return BY_KIND.get(o.kind)!;
}

export function isObligationKind(name: string): name is ObligationKind {
  return BY_KIND.has(name);
}

export function trackOf(kind: string): Track {
  return BY_KIND.get(kind)?.track ?? 'talks-gates';
}

/** Every counter in metrics order: the kinds' counters, then the extension counters. */
export const COUNTERS: readonly (CounterSpec & { kind?: ObligationKind })[] = [
  ...MODULES.flatMap((m) => m.counters.map((c) => ({ ...c, kind: m.kind }))),
  ...EXTENSION_COUNTERS,
];

/** The counters a scenario's runs report: every `always` counter, and those of the kinds it uses. */
export function reportedCounters(kindsUsed: ReadonlySet<string>): string[] {
  return COUNTERS.filter((c) => c.reported === 'always' || (c.kind !== undefined && kindsUsed.has(c.kind))).map((c) => c.name);
}
