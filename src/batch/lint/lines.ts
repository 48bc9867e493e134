/** Where an id is declared in a scenario's text: its `id: X` line, else its `X:` key line (1-based; 1 when not found). */
export function lineOfId(text: string, id: string): number {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = text.split('\n');
  const patterns = [
    new RegExp(`^\\s*(?:-\\s+)?id:\\s*["']?${escaped}["']?\\s*(?:#.*)?$`),
    new RegExp(`[{,]\\s*id:\\s*["']?${escaped}["']?\\s*[,}]`),
    new RegExp(`^\\s*(?:-\\s+)?["']?${escaped}["']?\\s*:`),
  ];
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return 1;
}
