// Entry of a batch worker thread. Node 20 cannot strip TypeScript types, so register tsx in this
// thread first, then load the worker side of node-pool.ts (it starts serving from workerData).
// tsx's CommonJS hook transforms in-thread; its ESM `register()` would start one more loader
// thread (~30 MB) per worker, which is what we avoid here.
const { register } = require('tsx/cjs/api');

register();
require('./node-pool.ts');
