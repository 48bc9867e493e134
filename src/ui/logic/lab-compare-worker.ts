/**
 * The Web Worker that pairs Compare's two sides: it takes both sides' per-run CSV pieces as they
 * come (100,000 rows each for a big comparison), then parses and pairs them, so the page's main
 * thread never does.
 */
import { servePairing } from './lab-compare.ts';

servePairing(self as unknown as Parameters<typeof servePairing>[0]);
