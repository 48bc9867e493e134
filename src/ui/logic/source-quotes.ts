/**
 * The bundled scenarios' source quotes and writers' notes, which the first page's catalog leaves out (briefings.ts):
 * loaded once, soon after the page starts, and shown by every source note from then on.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { QuotesByScenario } from './briefings.ts';
import type { ResolvedSource } from './sources.ts';

let quotes: QuotesByScenario | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Starts loading the quotes (once). */
export function loadQuotes(): Promise<void> {
  loading ??= import('virtual:parley-briefings').then((module) => {
    quotes = module.quotes;
    for (const listener of listeners) listener();
  });
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The quote and note of a bundled scenario's named source, once loaded; a source that carries
 * its own (a draft's, or one read in a test) is returned as it is.
 */
export function useSourceTexts(source: ResolvedSource): { quote?: string; note?: string } {
  const loaded = useSyncExternalStore(subscribe, () => quotes);
  const wanted = source.quote === undefined && source.note === undefined && source.id !== undefined && source.scenario !== undefined;
  useEffect(() => {
    if (wanted) void loadQuotes();
  }, [wanted]);
  return (wanted ? loaded?.[source.scenario!]?.[source.id!] : undefined) ?? source;
}
