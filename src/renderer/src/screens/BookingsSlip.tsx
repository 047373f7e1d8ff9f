import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { RESOURCE_LABEL, type BookingDetail } from '../../../shared/contract/bookings'
import { when } from './BookingsUi'
import { formatPhone } from '../../../shared/phone'

/**
 * The admission slip: what the patient's family carries to the ward. Printed with the system's
 * dialog (in Electron that dialog also saves a PDF; in browser mode it is the browser's print).
 * Rendered outside the shell, so the print style can show the slip and nothing else.
 */
export function BookingSlip({ booking: b, onClose }: { booking: BookingDetail; onClose: () => void }) {
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

  useEffect(() => {
    document.body.classList.add('has-slip')
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      document.body.classList.remove('has-slip')
      window.removeEventListener('keydown', onKey)
    }
  }, [onClose])

  return createPortal(
    <div className="overlay slip-overlay" role="dialog" aria-modal="true" aria-labelledby="slip-title">
      <div className="slip">
        <div className="slip__head">
          <div>
            <div className="slip__hospital">{b.hospitalName}</div>
            <h2 id="slip-title">Admission slip</h2>
          </div>
          <div className="slip__brand">RapidCare Desk</div>
        </div>
        <div className="slip__body">
          <dl className="facts slip__facts">
            <dt>Patient</dt>
            <dd className="slip__patient">{b.patientName}</dd>
            <dt>Age, gender</dt>
            <dd className="cap">
              {b.patientAge}, {b.patientGender}
            </dd>
            <dt>Admitted to</dt>
            <dd className="cap">{RESOURCE_LABEL[b.resourceType]}</dd>
            <dt>Condition</dt>
            <dd>{b.medicalCondition}</dd>
            <dt>Admitted</dt>
            <dd>{when(admitted?.changedAt)}</dd>
            <dt>Admitted by</dt>
            <dd>{admitted?.changedByName ?? '—'}</dd>
            <dt>Approved by</dt>
            <dd>{b.approvedByName ?? '—'}</dd>
            {b.authorityNotes && (
              <>
                <dt>Note</dt>
                <dd>{b.authorityNotes}</dd>
              </>
            )}
            <dt>Emergency contact</dt>
            <dd>
              {b.emergencyContactName} ({b.emergencyContactRelationship}),{' '}
              {formatPhone(b.emergencyContactPhone)}
            </dd>
          </dl>
          <div className="slip__code">
            {qr ? (
              <img src={qr} alt={`QR code of ${b.bookingReference}`} width={176} height={176} />
            ) : (
              <div className="slip__qr-wait" />
            )}
            <div className="slip__ref mono" data-testid="slip-reference">
              {b.bookingReference}
            </div>
          </div>
        </div>
        <div className="slip__foot muted">
          Printed {when(new Date().toISOString())}. Keep this slip with the patient.
        </div>
        <div className="dialog__actions no-print">
          <button className="btn" onClick={onClose}>
            Close
          </button>
          {window.rapidcare && (
            <button
              className="btn"
              onClick={() => void window.rapidcare!.savePdf(`Admission slip ${b.bookingReference}`)}
            >
              Save as PDF
            </button>
          )}
          <button className="btn btn--primary" onClick={() => window.print()} autoFocus>
            Print slip
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
