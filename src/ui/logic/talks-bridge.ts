/**
 * A played mediator at the talks, in words: what its bridge turn came to (its own package, the
 * model's, or nothing) and, for each side, why it accepted or refused by the acceptance rule
 * (docs/model.md, "Talks": worth at least its own next offer, or its floor in the last round).
 */
import { describePackage, type BridgeOutcome, type BridgeReply, type CompiledTalks } from '../../engine/index.ts';

const METHOD_TEXT = { nash: 'the Nash point', 'split-the-difference': 'splitting the difference' } as const;

/** The model's way of proposing, as a button says it: "Propose the Nash point". */
export function methodText(method: keyof typeof METHOD_TEXT): string {
  return METHOD_TEXT[method];
}

const u = (x: number) => x.toFixed(2);

/** One side's answer and its reason: "Israel refuses: it is worth less to it than its own next offer (0.14 against 0.29)." */
export function replyText(reply: BridgeReply, name: string): string {
  if (reply.clears === 'next') return `${name} accepts: it is worth at least as much to it as its own next offer (${u(reply.worth)} against ${u(reply.next)}).`;
  if (reply.clears === 'floor') return `${name} accepts: in the last round it takes anything worth at least ${u(reply.floor ?? 0)} to it, and this is worth ${u(reply.worth)}.`;
  const floor = reply.floor !== undefined ? `, and in this last round less than the least it settles for (${u(reply.floor)})` : '';
  return `${name} refuses: it is worth less to it than its own next offer (${u(reply.worth)} against ${u(reply.next)})${floor}.`;
}

/**
 * What came of the bridge turn, as a heading line ("Round 8: you proposed buffer width (m) 800.
 * Both sides accept: that is the deal."), given the sides' replies (engine `bridgeReplies`).
 */
export function bridgeHeadline(talks: CompiledTalks, bridge: BridgeOutcome, replies: readonly BridgeReply[]): string {
  if (bridge.answer === 'stay') return `Round ${bridge.round}: you stayed out. Nothing was proposed.`;
  if (!bridge.values) return `Round ${bridge.round}: the model had no proposal, so nothing was proposed.`;
  const who = bridge.answer === 'propose' ? 'you proposed' : 'you proposed the model’s bridge,';
  const result = replies.every((r) => r.accepts) ? 'Both sides accept: that is the deal.' : replies.every((r) => !r.accepts) ? 'Both sides refuse: the talks go on.' : 'One side refuses: the talks go on.';
  return `Round ${bridge.round}: ${who} ${describePackage(talks.issues, bridge.values)}. ${result}`;
}
