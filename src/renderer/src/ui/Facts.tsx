import { Fragment, type ReactNode } from 'react'

/** Labelled values as a description list: [label, value] pairs, a missing value shown as "—". */
export function Facts({
  rows,
  className = 'facts facts--narrow',
}: {
  rows: readonly (readonly [string, ReactNode])[]
  className?: string
}) {
  return (
    <dl className={className}>
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value ?? '—'}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
