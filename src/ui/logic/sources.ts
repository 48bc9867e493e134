/** Where a term comes from, resolved for display: a seed file and its quote, or a URL. */
import { own, type Scenario, type SourceRef } from '../../scenario/core.ts';
import { SEED_ARTICLES, seedLabel } from './seed-articles.ts';

export interface ResolvedSource {
  /** The id under `sources`, when the term cites one, and the id of the scenario it is under. */
  id?: string;
  scenario?: string;
  seed?: string;
  url?: string;
  quote?: string;
  note?: string;
  /** A short name to show: the id, the seed article's date (or file) or the URL's host and path. */
  label: string;
}

export function resolveSource(scenario: Scenario, ref: SourceRef | undefined): ResolvedSource | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === 'string') {
    const entry = own(scenario.sources, ref);
    if (!entry) return { id: ref, label: ref };
    return { id: ref, ...entry, label: ref, scenario: scenario.id };
  }
  const article = ref.seed !== undefined ? SEED_ARTICLES[ref.seed] : undefined;
  return { ...ref, label: article ? `article of ${article.date}` : ref.seed ?? shortUrl(ref.url ?? 'source') };
}

/** An origin (seed file or URL) as a reader sees it: a seed article's title and date; a URL's host and path. */
export function originLabel(origin: string): string {
  return /^https?:\/\//i.test(origin) ? shortUrl(origin) : seedLabel(origin);
}

/** Every distinct origin (seed file or URL) the scenario cites, in order of first mention. */
export function originsOf(scenario: Scenario): string[] {
  const seen = new Set<string>();
  const add = (s: { seed?: string; url?: string } | undefined) => {
    if (s?.seed) seen.add(s.seed);
    if (s?.url) seen.add(s.url);
  };
  for (const s of Object.values(scenario.sources)) add(s);
  return [...seen];
}

export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Only http(s) links are rendered as links. */
export function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}
