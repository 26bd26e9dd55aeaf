// Whether a template is written as JSON (its first character opens a JSON object), told without parsing it.
export function isJsonText(text: string): boolean {
  return /^\s*\{/.test(text) && !/^\s*\{\s*\w+\s*:/.test(text);
}
