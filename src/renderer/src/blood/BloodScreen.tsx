import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BLOOD_STATUSES, BLOOD_TYPES, type BloodRequest } from '../../../shared/contract/blood'
import { formatDateTime } from '../../../shared/format'
import { formatCount, URGENCY_LABEL } from '../../../shared/labels'
import { URGENCIES } from '../../../shared/schemas'
import { useStores } from '../stores/root'
import { Badge, ErrorBanner, filterOf, ListFilters, PagedTable, PageHeader, UrgencyBadge } from '../ui'
import type { Column, Tone } from '../ui'
import { BloodBoard, bloodSummary } from './BloodBoard'
import { BloodRequestDialog } from './BloodRequestDialog'
import './blood.css'

const STATUS_TONE: Record<BloodRequest['status'], Tone> = {
  active: 'info',
  fulfilled: 'success',
  cancelled: 'neutral',
  expired: 'danger',
}

const BloodList = observer(function BloodList() {
  const { t } = useTranslation()
  const { blood } = useStores()
  const { list } = blood
  const columns: Column<BloodRequest>[] = [
    {
      header: t('blood.table.type'),
      cell: (r) => <span className="blood-drop blood-drop--small">{r.bloodType}</span>,
    },
    { header: t('blood.table.patient'), cell: (r) => r.patientName },
    { header: t('blood.table.units'), align: 'num', cell: (r) => formatCount(r.unitsNeeded) },
    { header: t('blood.table.urgency'), cell: (r) => <UrgencyBadge urgency={r.urgency} /> },
    { header: t('blood.table.requiredBy'), align: 'nowrap', cell: (r) => formatDateTime(r.requiredBy) },
    { header: t('blood.table.where'), cell: (r) => r.hospitalName ?? r.location },
    {
      header: t('blood.table.status'),
      cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{t(`blood.status.${r.status}`)}</Badge>,
    },
  ]
  return (
    <>
      <h2 className="section-title">{t('blood.allRequests')}</h2>
      <div className="toolbar">
        <ListFilters
          list={list}
          words="blood.filter"
          filters={[
            filterOf('bloodType', BLOOD_TYPES, (b) => b),
            filterOf('urgency', URGENCIES, (u) => URGENCY_LABEL[u]),
            filterOf('status', BLOOD_STATUSES, (s) => t(`blood.status.${s}`)),
          ]}
        />
      </div>
      <PagedTable
        list={list}
        label={t('blood.table.label')}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t('blood.table.empty')}
        words="blood.table.pager"
      />
    </>
  )
})

/** The Blood requests area: the board of what is needed now, and every request with filters. */
export const BloodScreen = observer(function BloodScreen() {
  const { t } = useTranslation()
  const { blood } = useStores()
  const [creating, setCreating] = useState(false)
  useEffect(() => {
    void blood.load()
  }, [blood])

  return (
    <section className="page">
      <PageHeader title={t('blood.title')} subtitle={bloodSummary(t, blood.active)}>
        <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setCreating(true)}>
          {t('blood.newRequest')}
        </button>
      </PageHeader>
      <ErrorBanner error={blood.error} />
      <BloodBoard />
      <BloodList />
      {creating && <BloodRequestDialog onClose={() => setCreating(false)} />}
    </section>
  )
})
