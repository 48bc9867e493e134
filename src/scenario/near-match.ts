function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `wanted`, if it is close enough to be a likely typo. */
export function nearMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot be close (keeps long lists cheap).
    if (Math.abs(candidate.length - wanted.length) > Math.min(tolerance, bestDistance)) continue;
    const distance = editDistance(wanted.toLowerCase(), candidate.toLowerCase());
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
