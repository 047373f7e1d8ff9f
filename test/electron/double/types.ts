/**
 * How the double is held to Electron's own types: each part implements a `Pick` of the real
 * interface, so every member it offers exists in Electron with a signature the real one accepts
 * (`Own` replaces members whose type is another real class, by that class's double).
 */
export type Double<T, K extends keyof T, Own extends object = object> = Pick<T, Exclude<K, keyof Own>> & Own

/** An Electron event: `preventDefault` and whether it was called, plus the event's own fields. */
export function electronEvent<P extends object>(params: P): Electron.Event<P> {
  let prevented = false
  return Object.assign(
    {
      preventDefault: () => void (prevented = true),
      get defaultPrevented() {
        return prevented
      },
    },
    params,
  ) as Electron.Event<P>
}

/** One thing main did through the double, in order: what the checks read. */
export interface Call {
  api: string
  args: unknown[]
}
