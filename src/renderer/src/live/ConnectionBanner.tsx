import { format } from 'date-fns'
import { observer } from 'mobx-react-lite'
import { live } from './index'
import './live.css'

/**
 * One line while the desk (or the hub) does not answer. Nothing on screen is taken away: what is
 * typed stays typed, and the line goes once the link is back.
 */
export const ConnectionBanner = observer(function ConnectionBanner() {
  if (live.state !== 'down') return null
  const since = live.downSince ? format(live.downSince, 'HH:mm') : ''
  return (
    <div className="live-banner" role="alert" data-testid="connection-banner">
      The hospital’s desk at {live.host} is not answering since {since} — retrying. What you typed is kept.
    </div>
  )
})
