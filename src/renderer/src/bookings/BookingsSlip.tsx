import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BookingDetail } from '../../../shared/contract/bookings'
import { formatDateTime, formatPhone } from '../../../shared/format'
import { formatCount, GENDER_LABEL, resourceTitle } from '../../../shared/labels'
import { Dialog } from '../ui'

/**
 * The admission slip: what the patient's family carries to the ward. Printed with the system's
 * dialog (in Electron that dialog also saves a PDF; in browser mode it is the browser's print).
 * Rendered outside the shell, so the print style can show the slip and nothing else.
 */
export function BookingSlip({ booking: b, onClose }: { booking: BookingDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const [qr, setQr] = useState<string | null>(null)
  const admitted = [...b.history].reverse().find((h) => h.newStatus === 'admitted')

  useEffect(() => {
    let live = true
    QRCode.toDataURL(b.bookingReference, { margin: 1, width: 176, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
      () => live && setQr(null),
    )
    return () => {
      live = false
    }
  }, [b.bookingReference])

  return (
    <Dialog
      title={t('print.slip.title')}
      subtitle={b.hospitalName}
      onClose={onClose}
      printable
      className="slip"
    >
      <div>
        <div className="slip__brand">RapidCare Desk</div>
        <div className="slip__body">
          <dl className="facts slip__facts">
            <dt>{t('print.slip.patient')}</dt>
            <dd className="slip__patient">{b.patientName}</dd>
            <dt>{t('print.slip.ageGender')}</dt>
            <dd>
              {formatCount(b.patientAge)}, {GENDER_LABEL[b.patientGender]}
            </dd>
            <dt>{t('print.slip.admittedTo')}</dt>
            <dd>{resourceTitle(b.resourceType, 'one')}</dd>
            <dt>{t('print.slip.condition')}</dt>
            <dd>{b.medicalCondition}</dd>
            <dt>{t('print.slip.admitted')}</dt>
            <dd>{formatDateTime(admitted?.changedAt)}</dd>
            <dt>{t('print.slip.admittedBy')}</dt>
            <dd>{admitted?.changedByName ?? '—'}</dd>
            <dt>{t('print.slip.approvedBy')}</dt>
            <dd>{b.approvedByName ?? '—'}</dd>
            {b.authorityNotes && (
              <>
                <dt>{t('print.slip.note')}</dt>
                <dd>{b.authorityNotes}</dd>
              </>
            )}
            <dt>{t('print.slip.emergencyContact')}</dt>
            <dd>
              {b.emergencyContactName} ({b.emergencyContactRelationship}),{' '}
              <span className="nowrap">{formatPhone(b.emergencyContactPhone)}</span>
            </dd>
          </dl>
          <div className="slip__code">
            {qr ? (
              <img
                src={qr}
                alt={t('print.slip.qr', { reference: b.bookingReference })}
                width={176}
                height={176}
              />
            ) : (
              <div className="slip__qr-wait" />
            )}
            <div className="slip__ref mono" data-testid="slip-reference">
              {b.bookingReference}
            </div>
          </div>
        </div>
        <div className="slip__foot muted">
          {t('print.slip.printed', { time: formatDateTime(new Date().toISOString()) })}
        </div>
        <div className="dialog__actions no-print">
          <button className="btn" onClick={onClose}>
            {t('print.slip.close')}
          </button>
          {window.rapidcare && (
            <button
              className="btn"
              onClick={() =>
                void window.rapidcare!.savePdf(t('print.slip.pdfTitle', { reference: b.bookingReference }))
              }
            >
              {t('print.slip.savePdf')}
            </button>
          )}
          <button className="btn btn--primary" onClick={() => window.print()} autoFocus>
            {t('print.slip.print')}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
