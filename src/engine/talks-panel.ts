/**
 * The engine's second face (tests/layers.test.ts), like scenario/core.ts: what only the stepper's
 * lazily loaded talks panel needs. Through index.ts it would be bundled with the engine on the
 * app's first page, which has no room to spare (tests/e2e/lab-first-page.test.ts).
 */
export { bridgeReplies, type BridgeReply } from './talks/bridge.ts';
