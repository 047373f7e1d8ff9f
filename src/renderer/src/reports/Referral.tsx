/**
 * Referral in the booking's detail: the link to the other booking (either side), the printable
 * referral letter, and, for the authority of the booking's hospital or an admin, "Refer to another
 * hospital" while the booking is pending or approved.
 */
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { RESOURCE_LABEL, type BookingDetail, type ReferralLink } from '../../../shared/contract/bookings'
import type { Hospital } from '../../../shared/contract/hospitals'
import { asDeskError, call } from '../api/client'
import { ErrorBanner, SelectField, TextAreaField } from '../components/Form'
import { useAction } from '../components/useAction'
import { Dialog } from '../screens/AdminUi'
import { useStores } from '../stores/root'
import { PrintSheet } from './PrintSheet'
import styles from './reports.module.css'

interface Letter {
  from: { hospital: string; reference: string }
  to: { hospital: string; reference: string }
  link: ReferralLink
}

function letterOf(b: BookingDetail): Letter | null {
  if (b.referredTo)
    return {
      from: { hospital: b.hospitalName, reference: b.bookingReference },
      to: { hospital: b.referredTo.hospitalName, reference: b.referredTo.bookingReference },
      link: b.referredTo,
    }
  if (b.referredFrom)
    return {
      from: { hospital: b.referredFrom.hospitalName, reference: b.referredFrom.bookingReference },
      to: { hospital: b.hospitalName, reference: b.bookingReference },
      link: b.referredFrom,
    }
  return null
}

export const ReferralPanel = observer(function ReferralPanel({ b }: { b: BookingDetail }) {
  const { session, bookings, board } = useStores()
  const [referring, setReferring] = useState(false)
  const [printing, setPrinting] = useState(false)
  const role = session.user!.role
  const mayRefer =
    (role === 'admin' || role === 'hospital-authority') &&
    (b.status === 'pending' || b.status === 'approved') &&
    !b.referredTo
  const letter = letterOf(b)
  if (!letter && !mayRefer) return null
  const link = b.referredTo ?? b.referredFrom
  return (
    <div className="card detail-actions" data-testid="referral">
      {link && letter && (
        <div className="banner banner--info" role="status">
          {b.referredTo ? (
            <>
              Referred to <strong>{letter.to.hospital}</strong> as{' '}
              <button
                className="btn btn--ghost btn--small mono"
                onClick={() => void bookings.open(link.bookingId)}
              >
                {letter.to.reference}
              </button>{' '}
              by {link.referredByName}: “{link.reason}”
            </>
          ) : (
            <>
              Referred from <strong>{letter.from.hospital}</strong> ({letter.from.reference}) by{' '}
              {link.referredByName}: “{link.reason}”
            </>
          )}
        </div>
      )}
      <div className="actions">
        {mayRefer && (
          <button className="btn" onClick={() => setReferring(true)}>
            Refer to another hospital
          </button>
        )}
        {letter && (
          <button className="btn" onClick={() => setPrinting(true)}>
            Referral letter
          </button>
        )}
      </div>
      {referring && (
        <ReferDialog
          b={b}
          onClose={() => setReferring(false)}
          onDone={async () => {
            setReferring(false)
            await bookings.open(b.id)
            void bookings.load()
            void board.refresh()
          }}
        />
      )}
      {printing && letter && <ReferralLetter b={b} letter={letter} onClose={() => setPrinting(false)} />}
    </div>
  )
})

function ReferDialog({
  b,
  onClose,
  onDone,
}: {
  b: BookingDetail
  onClose: () => void
  onDone: () => Promise<void>
}) {
  const [hospitals, setHospitals] = useState<Hospital[] | null>(null)
  const [toHospitalId, setTo] = useState('')
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useAction()
  useEffect(() => {
    call('hospitals.list', { status: 'approved', limit: 500 }).then(
      (list) => setHospitals(list.items.filter((h) => h.id !== b.hospitalId)),
      (err) => setError(asDeskError(err)),
    )
  }, [b.hospitalId, setError])
  return (
    <Dialog
      title={`Refer ${b.patientName}`}
      subtitle={`${b.bookingReference} ends here (declined, its ${RESOURCE_LABEL[b.resourceType]} released) and a pending booking is registered at the hospital you choose, for its authority to approve.`}
      onClose={() => !busy && onClose()}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => {
            await call('bookings.refer', {
              id: b.id,
              toHospitalId: Number(toHospitalId),
              reason: reason.trim(),
            })
            await onDone()
          })
        }}
      >
        <SelectField
          label="Refer to"
          name="toHospitalId"
          error={error}
          value={toHospitalId}
          onChange={(e) => setTo(e.target.value)}
          required
          autoFocus
        >
          <option value="">{hospitals ? 'Choose an approved hospital' : 'Loading hospitals…'}</option>
          {hospitals?.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Reason (goes on the letter and both histories)"
          name="reason"
          error={error}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={1000}
          required
        />
        {error && !error.fieldMessage('toHospitalId') && !error.fieldMessage('reason') && (
          <ErrorBanner error={error} />
        )}
        <div className="dialog__actions">
          <button className="btn" type="button" onClick={onClose} disabled={busy}>
            Back
          </button>
          <button className="btn btn--primary" type="submit" disabled={busy || !toHospitalId}>
            {busy ? 'Referring…' : 'Refer'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function ReferralLetter({ b, letter, onClose }: { b: BookingDetail; letter: Letter; onClose: () => void }) {
  const at = new Date(letter.link.referredAt).toLocaleString('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  })
  return (
    <PrintSheet
      title="Referral letter"
      subtitle={letter.from.hospital}
      pdfName={`Referral ${letter.from.reference}`}
      onClose={onClose}
      footer={
        <>
          Printed {new Date().toLocaleString('en-GB')}. Both bookings are on the RapidCare desks of the two
          hospitals.
        </>
      }
    >
      <p>
        To the duty authority, <strong>{letter.to.hospital}</strong>:
      </p>
      <p>We refer the patient below to your hospital for the reason given.</p>
      <dl className={styles.letterFacts}>
        <dt>Patient</dt>
        <dd>
          {b.patientName}, {b.patientAge}, <span className="cap">{b.patientGender}</span>
        </dd>
        <dt>Condition</dt>
        <dd>{b.medicalCondition}</dd>
        <dt>Urgency</dt>
        <dd className="cap">{b.urgency}</dd>
        <dt>Needs</dt>
        <dd className="cap">{RESOURCE_LABEL[b.resourceType]}</dd>
        <dt>From</dt>
        <dd>
          {letter.from.hospital}, booking <span className="mono">{letter.from.reference}</span>
        </dd>
        <dt>To</dt>
        <dd>
          {letter.to.hospital}, booking <span className="mono">{letter.to.reference}</span>
        </dd>
        <dt>Reason</dt>
        <dd>{letter.link.reason}</dd>
        <dt>Referred by</dt>
        <dd>
          {letter.link.referredByName}, {at}
        </dd>
        <dt>Emergency contact</dt>
        <dd>
          {b.emergencyContactName} ({b.emergencyContactRelationship}), {b.emergencyContactPhone}
        </dd>
      </dl>
      <div className={styles.signature}>
        <div>Referring authority</div>
        <div>Received by</div>
      </div>
    </PrintSheet>
  )
}
