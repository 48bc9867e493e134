/**
 * The Web Worker that pairs Compare's two sides: it parses both per-run CSVs (100,000 rows each
 * for a big comparison) and takes the paired differences, so the page's main thread never does.
 */
import { serveComparison } from './lab-compare.ts';

serveComparison(self as unknown as Parameters<typeof serveComparison>[0]);
