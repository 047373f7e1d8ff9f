/**
 * Bangla digits (০–৯) as people type them on an Avro or Bijoy layout, and back for display. The desk
 * stores and compares ASCII digits only; these are the two directions of that one rule.
 */

const BANGLA_ZERO = 0x09e6
const BANGLA_DIGIT = /[০-৯]/g
const ASCII_DIGIT = /[0-9]/g

/** `০১৭১১-২২৩৩৪৪` → `01711-223344`; every other character is kept as it is. */
export function toAsciiDigits(text: string): string {
  return text.replace(BANGLA_DIGIT, (d) => String(d.charCodeAt(0) - BANGLA_ZERO))
}

/** `1,00,000.00` → `১,০০,০০০.০০`: for showing numbers in Bangla digits. */
export function toBanglaDigits(text: string): string {
  return text.replace(ASCII_DIGIT, (d) => String.fromCharCode(BANGLA_ZERO + Number(d)))
}

/** For z.preprocess: a string gets ASCII digits, anything else passes through to the schema's own check. */
export function asciiDigitsIfString(value: unknown): unknown {
  return typeof value === 'string' ? toAsciiDigits(value) : value
}

/**
 * A number typed into a box, in either script: `৬৭` → 67, `1,250.5` → 1250.5. Empty or not a
 * number → NaN, so the contract's own check names the field.
 */
export function parseTypedNumber(text: string): number {
  const t = toAsciiDigits(text).trim().replace(/,/g, '')
  if (t === '' || !/^[-+]?\d*\.?\d+$/.test(t)) return Number.NaN
  return Number(t)
}
