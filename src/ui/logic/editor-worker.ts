/**
 * The editor's Web Worker: checks drafts with the loader and runs quick batches and the
 * playthrough check, so typing never waits for them. Requests queued while it works are
 * coalesced: only the newest of each type is answered (older ones get `stale`).
 */
import { serveEditorRequests } from './editor-serve.ts';

serveEditorRequests(self as unknown as Parameters<typeof serveEditorRequests>[0]);
