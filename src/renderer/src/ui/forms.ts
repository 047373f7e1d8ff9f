/** What forms share beyond the fields themselves. */

/** Turn an optional form text into what a channel takes: trimmed, or undefined when empty. */
export function optional(text: string): string | undefined {
  const t = text.trim()
  return t === '' ? undefined : t
}
