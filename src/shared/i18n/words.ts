/** The shape every language's catalogue has: the same keys as English, any words. */
export type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> }
