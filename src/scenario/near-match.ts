/**
 * Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit` (every cell
 * of a row above the limit): thousands of candidates are compared per hint in a hostile file.
 */
function editDistance(a: string, b: string, limit: number): number {
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const value = Math.min(above + 1, row[j - 1]! + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = value;
      if (value < rowMin) rowMin = value;
      diagonal = above;
    }
    if (rowMin > limit) return limit + 1;
  }
  return row[b.length]!;
}

/** The candidate closest to `wanted`, if it is close enough to be a likely typo. */
export function nearMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  const lower = wanted.toLowerCase();
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot be close (keeps long lists cheap).
    const limit = Math.min(tolerance, bestDistance);
    if (Math.abs(candidate.length - wanted.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const extended = [...candidates].find((c) => wanted.length >= 3 && (c.startsWith(wanted) || wanted.startsWith(c)));
  if (bestDistance > 0 && extended) return extended;
  return bestDistance <= tolerance ? best : undefined;
}

/** "there is a party named `hamas`", or a list of what exists when nothing is close. */
export function referenceHint(kind: string, wanted: string, candidates: readonly string[]): string {
  const near = nearMatch(wanted, candidates);
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  if (near) return `there is ${article} ${kind} named \`${near}\``;
  if (candidates.length === 0) return `no ${kind} is declared yet`;
  const listed = candidates.slice(0, 8).map((c) => `\`${c}\``).join(', ');
  return `${kind === 'name' ? 'the names you can use are' : `the ${kind} names are`} ${listed}${candidates.length > 8 ? ', …' : ''}`;
}
