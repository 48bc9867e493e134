/** Entry of the debrief's Web Worker (debrief-serve.ts). */
import { serveDebrief } from './debrief-serve.ts';

serveDebrief(self as unknown as Parameters<typeof serveDebrief>[0]);
