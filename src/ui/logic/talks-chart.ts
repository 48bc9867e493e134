/**
 * The talks drawn in the utility plane: x = the opening side's utility, y = the other side's (0 is
 * each side's red-line package, 1 its ideal). The zone of agreement is x ≥ 0, y ≥ 0 under the Pareto
 * frontier; the Nash and Kalai points, each offer made so far and where the deal fell are marks.
 */
import { analyseTalks, talksUtility, type CompiledTalks, type TalksNote } from '../../engine/index.ts';
import { kalaiPoint } from '../../engine/talks-extras.ts';

export interface PlanePoint {
  x: number;
  y: number;
  label: string;
}

export interface TalksPlane {
  /** Axis range (utilities), the same for both axes. */
  min: number;
  max: number;
  frontier: PlanePoint[];
  nash?: PlanePoint;
  kalai?: PlanePoint;
  /** Offers and mediator proposals so far, in order, with who made them. */
  offers: (PlanePoint & { by: string; kind: 'offer' | 'mediator' })[];
  deal?: PlanePoint;
  zoneSize: number;
  gridSize: number;
}

const at = (talks: CompiledTalks, values: readonly number[], label: string): PlanePoint => ({ x: talksUtility(talks.sides[0], values), y: talksUtility(talks.sides[1], values), label });

export function talksPlane(talks: CompiledTalks, notes: readonly TalksNote[], deal?: readonly number[]): TalksPlane {
  const a = analyseTalks(talks);
  const kalai = kalaiPoint(a);
  const offers = notes.filter((n) => (n.type === 'offer' || n.type === 'mediator') && n.values).map((n) => ({ ...at(talks, n.values!, `round ${n.round}`), by: n.party ?? '', kind: n.type as 'offer' | 'mediator' }));
  const frontier = a.pareto.map((p) => at(talks, p.values, 'frontier'));
  const points = [...frontier, ...offers, { x: 0, y: 0 }, { x: 1, y: 1 }];
  const min = Math.min(0, ...points.map((p) => Math.min(p.x, p.y)));
  const max = Math.max(1, ...points.map((p) => Math.max(p.x, p.y)));
  return {
    min: Math.floor(min * 10) / 10,
    max: Math.ceil(max * 10) / 10,
    frontier,
    ...(a.nash ? { nash: at(talks, a.nash.values, 'Nash point') } : {}),
    ...(kalai ? { kalai: at(talks, kalai.values, 'Kalai point') } : {}),
    offers,
    ...(deal ? { deal: at(talks, deal, 'the deal') } : {}),
    zoneSize: a.zoneSize,
    gridSize: a.gridSize,
  };
}

/** The chart's words: what a screen reader hears and the caption says. */
export function planeSummary(talks: CompiledTalks, plane: TalksPlane): string {
  const [s0, s1] = talks.sides;
  const pt = (p: PlanePoint) => `${s0.name} ${p.x.toFixed(2)}, ${s1.name} ${p.y.toFixed(2)}`;
  const zone = plane.zoneSize === 0 ? 'There is no zone of agreement: no package meets both red lines.' : `${plane.zoneSize} of ${plane.gridSize} packages meet both red lines.`;
  const parts = [zone];
  if (plane.nash) parts.push(`Nash point: ${pt(plane.nash)}.`);
  if (plane.kalai) parts.push(`Kalai point: ${pt(plane.kalai)}.`);
  if (plane.deal) parts.push(`The deal: ${pt(plane.deal)}.`);
  return parts.join(' ');
}
