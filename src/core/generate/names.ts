// Logical ids, environment variable names and handler paths derived from design ids, unique within one file.

/** `failed-sessions` -> `FailedSessions`; ids that start with a digit get a letter first (logical ids must). */
export function pascal(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Component';
  return /^[0-9]/.test(joined) ? `C${joined}` : joined;
}

/** `failed-sessions` -> `FAILED_SESSIONS`. */
export function constantCase(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).join('_').toUpperCase() || 'COMPONENT';
}

/** A name safe as a file name and a Python module: `failed-sessions` -> `failed_sessions`. */
export function moduleName(id: string): string {
  const name = id.split(/[^A-Za-z0-9]+/).filter(Boolean).join('_').toLowerCase() || 'handler';
  return /^[0-9]/.test(name) ? `h_${name}` : name;
}

/** Lowercase, hyphenated, for resource names (buckets must be lowercase). */
export function kebab(id: string): string {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).join('-').toLowerCase() || 'component';
}

/** Hands out logical ids once each: `<Pascal id><Suffix>`, the suffix left out when the id already ends with it
 * (a queue named `orders-dlq` is `OrdersDlq`). */
export class LogicalIds {
  private readonly used = new Set<string>();

  take(id: string, suffix = ''): string {
    const base = pascal(id);
    const endings = suffix === 'Queue' ? ['queue', 'dlq'] : [suffix.toLowerCase()];
    const name = suffix && endings.some((e) => base.toLowerCase().endsWith(e)) ? base : `${base}${suffix}`;
    let unique = name;
    for (let n = 2; this.used.has(unique); n++) unique = `${name}${n}`;
    this.used.add(unique);
    return unique;
  }
}
