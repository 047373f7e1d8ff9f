import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui'

/** The keys, and what each does (its words: bookings.help.<key>). */
const SHORTCUTS: [string[], string][] = [
  [['N'], 'newBooking'],
  [['/'], 'search'],
  [['J', '↓'], 'next'],
  [['K', '↑'], 'previous'],
  [['Enter'], 'open'],
  [['A'], 'approve'],
  [['D'], 'decline'],
  [['M'], 'admit'],
  [['Q'], 'queue'],
  [['B'], 'board'],
  [['Esc'], 'close'],
  [['?'], 'list'],
]

/** The `?` overlay: every shortcut of the booking desk. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('bookings.help.title')} subtitle={t('bookings.help.subtitle')} onClose={onClose}>
      <dl className="help__list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="help__row">
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(`bookings.help.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog__actions">
        <button className="btn btn--primary" onClick={onClose} autoFocus>
          {t('bookings.help.gotIt')}
        </button>
      </div>
    </Dialog>
  )
}
