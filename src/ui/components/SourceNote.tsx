import type { ResolvedSource } from '../logic/sources.ts';
import { isWebUrl, shortUrl } from '../logic/sources.ts';

/** Where a term comes from: the seed file and its quote, or the URL, and the writer's note. */
export function SourceNote({ source }: { source: ResolvedSource }) {
  return (
    <span className="source-note">
      {source.seed && (
        <span className="source-origin">
          seed <code>{source.seed}</code>
        </span>
      )}
      {source.url &&
        (isWebUrl(source.url) ? (
          <a className="source-origin" href={source.url} target="_blank" rel="noreferrer noopener">
            {shortUrl(source.url)}
          </a>
        ) : (
          <span className="source-origin">{source.url}</span>
        ))}
      {source.quote && <q className="source-quote">{source.quote}</q>}
      {source.note && <span className="source-writer-note">Note: {source.note}</span>}
    </span>
  );
}
