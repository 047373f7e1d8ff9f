import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

/** The two things another desk needs to join: the address, and the fingerprint it pins. */
export function HubFacts({ url, fingerprint }: { url: string; fingerprint: string | null }) {
  const { t } = useTranslation()
  return (
    <dl className="hub-card__facts">
      <dt>{t('hub.card.address')}</dt>
      <dd data-testid="hub-url">{url}</dd>
      <dt>{t('hub.card.fingerprint')}</dt>
      <dd data-testid="hub-fingerprint" className="hub-card__fingerprint">
        {/* Lines break between pairs, never inside one: it is read out pair by pair. */}
        {fingerprint?.split(':').map((pair, i) => (
          <Fragment key={i}>
            {i > 0 && ':'}
            {i > 0 && <wbr />}
            {pair}
          </Fragment>
        ))}
      </dd>
    </dl>
  )
}
