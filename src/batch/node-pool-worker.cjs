// Entry of a batch worker thread when running from the TypeScript sources (tests, bench; the
// built CLI uses dist/node-pool-worker.cjs). Node 20 cannot strip TypeScript types, so register
// tsx in this thread first, then load node-pool.ts and serve chunks of the job in workerData.
// tsx's CommonJS hook transforms in-thread; its ESM `register()` would start one more loader
// thread (~30 MB) per worker, which is what we avoid here.
const { register } = require('tsx/cjs/api');

register();
require('./node-pool.ts')
  .serveBatchWorker()
  .catch((error) => {
    throw error;
  });
