import type { Words } from '../words'

/** The blood words, English. Keys are nested by screen or dialog; bn below mirrors them key for key. */
export const en = {}

export const bn: Words<typeof en> = {}
