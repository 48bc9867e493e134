import type { ResolvedSource } from '../logic/sources.ts';
import { isWebUrl, shortUrl } from '../logic/sources.ts';
import { seedLabel } from '../logic/seed-articles.ts';
import { useSourceTexts } from '../logic/source-quotes.ts';

/** Where a term comes from: the seed article (its title and date) and its quote, or the URL, and the writer's note. */
export function SourceNote({ source }: { source: ResolvedSource }) {
  const { quote, note } = useSourceTexts(source);
  return (
    <span className="source-note">
      {source.seed && (
        <cite className="source-origin" data-seed={source.seed}>
          {seedLabel(source.seed)}
        </cite>
      )}
      {source.url &&
        (isWebUrl(source.url) ? (
          <a className="source-origin" href={source.url} target="_blank" rel="noreferrer noopener">
            {shortUrl(source.url)}
          </a>
        ) : (
          <span className="source-origin">{source.url}</span>
        ))}
      {quote && <q className="source-quote">{quote}</q>}
      {note && <span className="source-writer-note">Note: {note}</span>}
    </span>
  );
}
