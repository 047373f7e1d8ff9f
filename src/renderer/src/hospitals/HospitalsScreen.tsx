import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HOSPITAL_STATUSES, type Hospital } from '../../../shared/contract/hospitals'
import { formatDate, formatPhone } from '../../../shared/format'
import { HOSPITAL_STATUS_LABEL } from '../../../shared/labels'
import { useStores } from '../stores/root'
import { HospitalStatusBadge, PagedTable, PageHeader, SearchBox, Segmented, type Column } from '../ui'
import { HospitalDetail } from './HospitalDetail'
import { HospitalForm } from './HospitalForm'

/** The Hospitals area (admin): the list, or one hospital in detail. */
export const HospitalsScreen = observer(function HospitalsScreen() {
  const { hospitals } = useStores()
  useEffect(() => {
    void hospitals.load()
  }, [hospitals])
  return hospitals.current ? <HospitalDetail hospital={hospitals.current} /> : <HospitalList />
})

const HospitalList = observer(function HospitalList() {
  const { t } = useTranslation()
  const { hospitals } = useStores()
  const { list } = hospitals
  const [creating, setCreating] = useState(false)
  const columns: Column<Hospital>[] = [
    {
      header: t('hospitals.table.hospital'),
      cell: (h) => (
        <>
          <div className="cell-title">{h.name}</div>
          <div className="cell-sub">{h.address}</div>
        </>
      ),
    },
    { header: t('hospitals.table.phone'), align: 'nowrap', cell: (h) => formatPhone(h.phone) },
    { header: t('hospitals.table.licence'), cell: (h) => h.licenseNumber ?? '—' },
    { header: t('hospitals.table.status'), cell: (h) => <HospitalStatusBadge status={h.status} /> },
    { header: t('hospitals.table.registered'), align: 'nowrap', cell: (h) => formatDate(h.createdAt) },
    {
      header: t('hospitals.table.actions'),
      srHeader: true,
      align: 'actions',
      cell: (h) => (
        <button className="btn btn--small" onClick={() => hospitals.open(h)}>
          {t('hospitals.table.open')}
        </button>
      ),
    },
  ]

  return (
    <section className="page">
      <PageHeader title={t('hospitals.title')} subtitle={t('hospitals.subtitle')}>
        <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setCreating(true)}>
          {t('hospitals.register')}
        </button>
      </PageHeader>
      <div className="toolbar">
        <SearchBox
          label={t('hospitals.search')}
          placeholder={t('hospitals.searchHint')}
          value={list.filters.search}
          onSearch={(search) => list.filter({ search })}
        />
        <Segmented
          label={t('hospitals.status')}
          choices={(['', ...HOSPITAL_STATUSES] as const).map((s) => ({
            value: s,
            label: s ? HOSPITAL_STATUS_LABEL[s] : t('hospitals.all'),
          }))}
          value={list.filters.status}
          onChange={(s) => list.filter({ status: s })}
        />
      </div>
      <PagedTable
        list={list}
        label={t('hospitals.table.label')}
        columns={columns}
        rowKey={(h) => h.id}
        onOpen={(h) => hospitals.open(h)}
        rowLabel={(h) => h.name}
        empty={list.filtered ? t('hospitals.table.emptyFiltered') : t('hospitals.table.empty')}
        words="hospitals.pager"
      />
      {creating && (
        <HospitalForm
          onClose={() => setCreating(false)}
          onSaved={(h) => {
            setCreating(false)
            hospitals.open(h)
          }}
        />
      )}
    </section>
  )
})
