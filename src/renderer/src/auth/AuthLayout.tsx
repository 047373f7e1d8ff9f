import type { ReactNode } from 'react'

export function Brand() {
  return (
    <div className="brand">
      <span className="brand__mark" aria-hidden="true">
        +
      </span>
      <span className="brand__name">
        RapidCare <strong>Desk</strong>
      </span>
    </div>
  )
}

/** The centred card of the first-run and login screens. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle: string
  children: ReactNode
}) {
  return (
    <main className="auth">
      <section className="auth__card" aria-labelledby="auth-title">
        <Brand />
        <h1 id="auth-title">{title}</h1>
        <p className="muted">{subtitle}</p>
        {children}
      </section>
    </main>
  )
}
