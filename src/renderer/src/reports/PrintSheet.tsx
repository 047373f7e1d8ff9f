/**
 * An A4 sheet shown over the desk and printed alone: the daily census, the referral letter. The
 * system's print dialog prints it (and in Electron can save it as a PDF, as the slip does).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui'
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
  const { t } = useTranslation()
  return (
    <Dialog title={title} subtitle={subtitle} onClose={onClose} printable wide className={styles.sheet}>
      <div className={styles.sheetBrand}>RapidCare Desk</div>
      {children}
      <footer className={styles.sheetFoot}>{footer}</footer>
      <div className={`${styles.sheetActions} no-print`}>
        <button className="btn" onClick={onClose}>
          {t('reports.sheet.close')}
        </button>
        {window.rapidcare && (
          <button className="btn" onClick={() => void window.rapidcare!.savePdf(pdfName)}>
            {t('reports.sheet.savePdf')}
          </button>
        )}
        <button className="btn btn--primary" onClick={() => window.print()} autoFocus>
          {t('reports.sheet.print')}
        </button>
      </div>
    </Dialog>
  )
}
