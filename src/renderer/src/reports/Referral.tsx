/**
 * Referral in the booking's detail: the link to the other booking (either side), the printable
 * referral letter, and, for the authority of the booking's hospital or an admin, "Refer to another
 * hospital" while the booking is pending or approved.
 */
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { BookingDetail, ReferralLink } from '../../../shared/contract/bookings'
import { formatDateTime, formatPhone } from '../../../shared/format'
import {
  formatCount,
  GENDER_LABEL,
  RESOURCE_LABEL,
  resourceTitle,
  URGENCY_LABEL,
} from '../../../shared/labels'
import type { Hospital } from '../../../shared/contract/hospitals'
import { asDeskError, call } from '../api/client'
import { Dialog, ErrorBanner, SelectField, TextAreaField, useAction } from '../ui'
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
  const { t } = useTranslation()
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
            <Trans
              i18nKey="reports.referral.referredTo"
              components={{
                hospital: <strong>{letter.to.hospital}</strong>,
                reference: (
                  <button
                    className="btn btn--ghost btn--small mono"
                    onClick={() => void bookings.open(link.bookingId)}
                  >
                    {letter.to.reference}
                  </button>
                ),
                name: <>{link.referredByName}</>,
                reason: <>{link.reason}</>,
              }}
            />
          ) : (
            <Trans
              i18nKey="reports.referral.referredFrom"
              components={{
                hospital: <strong>{letter.from.hospital}</strong>,
                reference: <>{letter.from.reference}</>,
                name: <>{link.referredByName}</>,
                reason: <>{link.reason}</>,
              }}
            />
          )}
        </div>
      )}
      <div className="actions">
        {mayRefer && (
          <button className="btn" aria-haspopup="dialog" onClick={() => setReferring(true)}>
            {t('reports.referral.refer')}
          </button>
        )}
        {letter && (
          <button className="btn" aria-haspopup="dialog" onClick={() => setPrinting(true)}>
            {t('reports.referral.letter')}
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
  const { t } = useTranslation()
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
      title={t('reports.refer.title', { patient: b.patientName })}
      subtitle={t('reports.refer.subtitle', {
        reference: b.bookingReference,
        resource: RESOURCE_LABEL[b.resourceType].one,
      })}
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
          label={t('reports.refer.to')}
          name="toHospitalId"
          error={error}
          value={toHospitalId}
          onChange={(e) => setTo(e.target.value)}
          required
          autoFocus
        >
          <option value="">{hospitals ? t('reports.refer.choose') : t('reports.refer.loading')}</option>
          {hospitals?.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('reports.refer.reason')}
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
            {t('reports.refer.back')}
          </button>
          <button className="btn btn--primary" type="submit" disabled={busy || !toHospitalId}>
            {busy ? t('reports.refer.busy') : t('reports.refer.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function ReferralLetter({ b, letter, onClose }: { b: BookingDetail; letter: Letter; onClose: () => void }) {
  const { t } = useTranslation()
  const at = formatDateTime(letter.link.referredAt)
  return (
    <PrintSheet
      title={t('reports.letter.title')}
      subtitle={letter.from.hospital}
      pdfName={t('reports.letter.pdfName', { reference: letter.from.reference })}
      onClose={onClose}
      footer={t('reports.letter.footer', { at: formatDateTime(new Date()) })}
    >
      <p>
        <Trans
          i18nKey="reports.letter.salutation"
          components={{ hospital: <strong>{letter.to.hospital}</strong> }}
        />
      </p>
      <p>{t('reports.letter.body')}</p>
      <dl className={styles.letterFacts}>
        <dt>{t('reports.letter.patient')}</dt>
        <dd>
          {t('reports.letter.patientLine', {
            name: b.patientName,
            age: formatCount(b.patientAge),
            gender: GENDER_LABEL[b.patientGender],
          })}
        </dd>
        <dt>{t('reports.letter.condition')}</dt>
        <dd>{b.medicalCondition}</dd>
        <dt>{t('reports.letter.urgency')}</dt>
        <dd>{URGENCY_LABEL[b.urgency]}</dd>
        <dt>{t('reports.letter.needs')}</dt>
        <dd>{resourceTitle(b.resourceType, 'one')}</dd>
        <dt>{t('reports.letter.from')}</dt>
        <dd>
          <Trans
            i18nKey="reports.letter.bookingLine"
            components={{
              hospital: <>{letter.from.hospital}</>,
              reference: <span className="mono">{letter.from.reference}</span>,
            }}
          />
        </dd>
        <dt>{t('reports.letter.to')}</dt>
        <dd>
          <Trans
            i18nKey="reports.letter.bookingLine"
            components={{
              hospital: <>{letter.to.hospital}</>,
              reference: <span className="mono">{letter.to.reference}</span>,
            }}
          />
        </dd>
        <dt>{t('reports.letter.reason')}</dt>
        <dd>{letter.link.reason}</dd>
        <dt>{t('reports.letter.referredBy')}</dt>
        <dd>
          {letter.link.referredByName}, {at}
        </dd>
        <dt>{t('reports.letter.contact')}</dt>
        <dd>
          {b.emergencyContactName} ({b.emergencyContactRelationship}), {formatPhone(b.emergencyContactPhone)}
        </dd>
      </dl>
      <div className={styles.signature}>
        <div>{t('reports.letter.signReferring')}</div>
        <div>{t('reports.letter.signReceived')}</div>
      </div>
    </PrintSheet>
  )
}
