/** Entry of a Web Worker of the browser's batch pool (web-pool.ts). */
import { serveWebWorker } from './web-pool.ts';

serveWebWorker(self as unknown as Parameters<typeof serveWebWorker>[0]);
