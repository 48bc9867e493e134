// Entry of a batch worker thread. Node 20 cannot strip TypeScript types, so register tsx's loader
// in this thread first, then load the worker side of node-pool.ts (it reads workerData).
import { register } from 'tsx/esm/api';

register();
await import('./node-pool.ts');
