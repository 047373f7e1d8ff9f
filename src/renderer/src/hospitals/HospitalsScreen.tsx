import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { HOSPITAL_STATUSES } from '../../../shared/contract/hospitals'
import { useStores } from '../stores/root'
import { HOSPITALS_PAGE } from './hospitals'
import { DataTable, HospitalStatusBadge, Pager, Segmented } from '../ui'
import { HospitalDetail } from './HospitalDetail'
import { HospitalForm } from './HospitalForm'
import { formatDate } from '../../../shared/format'
import { HOSPITAL_STATUS_LABEL } from '../../../shared/labels'

/** The Hospitals area (admin): the list, or one hospital in detail. */
export const HospitalsScreen = observer(function HospitalsScreen() {
  const { hospitals } = useStores()
  useEffect(() => {
    void hospitals.load()
  }, [hospitals])
  return hospitals.current ? <HospitalDetail hospital={hospitals.current} /> : <HospitalList />
})

const HospitalList = observer(function HospitalList() {
  const { hospitals } = useStores()
  const [creating, setCreating] = useState(false)
  const [search, setSearch] = useState(hospitals.list.filters.search)
  useEffect(() => {
    if (search === hospitals.list.filters.search) return
    const t = setTimeout(() => hospitals.list.filter({ search }), 250)
    return () => clearTimeout(t)
  }, [search, hospitals])

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1>Hospitals</h1>
          <p className="muted">Register hospitals, review them, and keep their details current.</p>
        </div>
        <button className="btn btn--primary" aria-haspopup="dialog" onClick={() => setCreating(true)}>
          Register hospital
        </button>
      </header>
      <div className="toolbar">
        <input
          className="input"
          type="search"
          placeholder="Search by name or address"
          aria-label="Search hospitals"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Segmented
          label="Status"
          choices={(['', ...HOSPITAL_STATUSES] as const).map((s) => ({
            value: s,
            label: s ? HOSPITAL_STATUS_LABEL[s] : 'All',
          }))}
          value={hospitals.list.filters.status}
          onChange={(s) => hospitals.list.filter({ status: s })}
        />
      </div>
      <DataTable
        label="Hospitals"
        rows={hospitals.list.items}
        rowKey={(h) => h.id}
        loading={hospitals.list.loading}
        error={hospitals.list.error}
        onRetry={() => void hospitals.load()}
        onOpen={(h) => hospitals.open(h)}
        rowLabel={(h) => h.name}
        empty={
          hospitals.list.filtered
            ? 'No hospital matches these filters.'
            : 'No hospitals yet. Register the first one.'
        }
        columns={[
          {
            header: 'Hospital',
            cell: (h) => (
              <>
                <div className="cell-title">{h.name}</div>
                <div className="cell-sub">{h.address}</div>
              </>
            ),
          },
          { header: 'Phone', align: 'nowrap', cell: (h) => h.phone },
          { header: 'Licence', cell: (h) => h.licenseNumber ?? '—' },
          { header: 'Status', cell: (h) => <HospitalStatusBadge status={h.status} /> },
          { header: 'Registered', align: 'nowrap', cell: (h) => formatDate(h.createdAt) },
          {
            header: 'Actions',
            srHeader: true,
            align: 'actions',
            cell: (h) => (
              <button className="btn btn--small" onClick={() => hospitals.open(h)}>
                Open
              </button>
            ),
          },
        ]}
      />
      <Pager
        offset={hospitals.list.offset}
        pageSize={HOSPITALS_PAGE}
        total={hospitals.list.total}
        onPage={(o) => hospitals.list.page(o)}
        noun="hospitals"
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
