import { useEffect } from 'react'

const SHORTCUTS: [string[], string][] = [
  [['N'], 'New booking (front desk)'],
  [['/'], 'Search bookings'],
  [['J', '↓'], 'Next booking in the queue'],
  [['K', '↑'], 'Previous booking in the queue'],
  [['Enter'], 'Open the highlighted booking'],
  [['A'], 'Approve the highlighted booking (authority)'],
  [['D'], 'Decline it, with the reason typed inline (authority)'],
  [['M'], 'Admit the highlighted approved booking (front desk)'],
  [['Q'], 'The queue'],
  [['B'], 'The availability board'],
  [['Esc'], 'Close, or back to the queue'],
  [['?'], 'This list'],
]

/** The `?` overlay: every shortcut of the booking desk. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={onClose}>
      <div className="dialog help" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <p className="muted">They work anywhere outside a text box; Esc leaves a text box.</p>
        <dl className="help__list">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what} className="help__row">
              <dt>
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog__actions">
          <button className="btn btn--primary" onClick={onClose} autoFocus>
            Got it
          </button>
        </div>
      </div>
    </div>
  )
}
