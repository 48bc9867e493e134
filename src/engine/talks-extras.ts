/**
 * The engine's second face (tests/layers.test.ts), like scenario/core.ts: what the talks' readers
 * need and a run does not (each side's answer to a played mediator's bridge; the Kalai point), for
 * the stepper's lazily loaded talks panel and the CLI. Through index.ts it would be bundled with
 * the engine on the app's first page, which has no room to spare (tests/e2e/lab-first-page.test.ts).
 */
export { bridgeReplies, type BridgeReply } from './talks/bridge.ts';
export { kalaiPoint } from './talks/kalai.ts';
