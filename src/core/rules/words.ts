// Identifier words: `sessionizeClicks`, `SESSION_TTL`, `src/click-aggregator.handler` -> lower-case words.

export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
