/**
 * An A4 sheet shown over the desk and printed alone: the daily census, the referral letter. The
 * system's print dialog prints it (and in Electron can save it as a PDF, as the slip does).
 */
import { useEffect, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import styles from './reports.module.css'

export function PrintSheet({
  title,
  subtitle,
  pdfName,
  onClose,
  children,
  footer,
}: {
  title: string
  subtitle: string
  pdfName: string
  onClose: () => void
  children: ReactNode
  footer: ReactNode
}) {
  useEffect(() => {
    document.body.classList.add('has-sheet')
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      document.body.classList.remove('has-sheet')
      window.removeEventListener('keydown', onKey)
    }
  }, [onClose])

  return createPortal(
    <div
      className={`overlay ${styles.sheetOverlay}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby="sheet-title"
    >
      <article className={styles.sheet}>
        <header className={styles.sheetHead}>
          <div>
            <div>{subtitle}</div>
            <h2 id="sheet-title">{title}</h2>
          </div>
          <div className={styles.sheetBrand}>RapidCare Desk</div>
        </header>
        {children}
        <footer className={styles.sheetFoot}>{footer}</footer>
        <div className={styles.sheetActions}>
          <button className="btn" onClick={onClose}>
            Close
          </button>
          {window.rapidcare && (
            <button className="btn" onClick={() => void window.rapidcare!.savePdf(pdfName)}>
              Save as PDF
            </button>
          )}
          <button className="btn btn--primary" onClick={() => window.print()} autoFocus>
            Print
          </button>
        </div>
      </article>
    </div>,
    document.body,
  )
}
