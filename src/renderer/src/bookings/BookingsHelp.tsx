import { Dialog } from '../ui'

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
  return (
    <Dialog
      title="Keyboard shortcuts"
      subtitle="They work anywhere outside a text box; Esc leaves a text box."
      onClose={onClose}
    >
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
    </Dialog>
  )
}
