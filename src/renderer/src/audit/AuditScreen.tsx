import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../shared/contract/audit'
import { RESOURCE_TYPES, type ResourceType } from '../../../shared/schemas'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { AUDIT_PAGE } from './audit'
import { Badge, Pager, type Tone } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { resourceTitle } from '../../../shared/labels'

const ACTION_BADGE: Record<AuditAction, Tone> = {
  create: 'info',
  update: 'neutral',
  allocate: 'warning',
  release: 'success',
  delete: 'danger',
}

const COUNT_KEYS = ['total', 'available', 'occupied', 'reserved', 'maintenance'] as const
const KEY_LABEL: Record<string, string> = {
  total: 'Total',
  available: 'Avail.',
  occupied: 'Occ.',
  reserved: 'Res.',
  maintenance: 'Maint.',
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '—'
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** Before and after, key by key, side by side; what changed stands out. */
function Values({ entry }: { entry: AuditEntry }) {
  const before = entry.oldValues
  const after = entry.newValues
  if (!before && !after) return <span className="muted">—</span>
  const extra = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !(COUNT_KEYS as readonly string[]).includes(k),
  )
  const keys = [...COUNT_KEYS.filter((k) => (before && k in before) || (after && k in after)), ...extra]
  return (
    <table className="values" aria-label="Values before and after">
      <thead>
        <tr>
          <th />
          {keys.map((k) => (
            <th key={k} scope="col">
              {KEY_LABEL[k] ?? k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Before</th>
          {keys.map((k) => (
            <td key={k}>{before ? show(before[k]) : '—'}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">After</th>
          {keys.map((k) => {
            const changed = !!before && show(before[k]) !== show(after?.[k])
            return (
              <td key={k} className={changed ? 'is-changed' : undefined}>
                {after ? show(after[k]) : '—'}
              </td>
            )
          })}
        </tr>
      </tbody>
    </table>
  )
}

/** The audit viewer: every resource change, filtered, newest first, and the tamper check. */
export const AuditScreen = observer(function AuditScreen() {
  const { audit, session } = useStores()
  const isAdmin = session.user!.role === 'admin'
  useEffect(() => {
    void audit.start(isAdmin)
  }, [audit, isAdmin])
  const f = audit.list.filters
  // An authority has no user list: the people seen in its own rows are the choices.
  const people = isAdmin
    ? audit.users.map((u) => ({ id: u.id, name: u.name }))
    : [
        ...new Map(
          audit.list.items
            .filter((a) => a.changedBy)
            .map((a) => [a.changedBy!, a.changedByName ?? `#${a.changedBy}`]),
        ),
      ].map(([id, name]) => ({ id, name }))

  return (
    <section className="page page--wide">
      <header className="page__header">
        <div>
          <h1>Audit trail</h1>
          <p className="muted">
            Every change to a resource count: who, when, from which workstation, and why.
            {!isAdmin && ' Your hospital only.'}
          </p>
        </div>
        <button className="btn" onClick={() => void audit.verify()} disabled={audit.verifying}>
          {audit.verifying ? 'Checking…' : 'Verify the trail'}
        </button>
      </header>
      {audit.verified &&
        (audit.verified.problems.length === 0 ? (
          <div className="banner banner--success" role="status">
            All {audit.verified.checked} resource counts agree with their history ({audit.verified.replayed}{' '}
            audit rows replayed).
          </div>
        ) : (
          <div className="banner banner--danger" role="alert">
            <strong>
              {audit.verified.problems.length} disagreement{audit.verified.problems.length === 1 ? '' : 's'}{' '}
              between the counts and their history:
            </strong>
            <ul className="problems">
              {audit.verified.problems.map((p, i) => (
                <li key={i}>
                  {p.hospitalName}, {resourceTitle(p.resourceType)}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        ))}
      <div className="toolbar audit-filters">
        {isAdmin && (
          <select
            className="input"
            aria-label="Hospital"
            value={f.hospitalId}
            onChange={(e) => audit.list.filter({ hospitalId: e.target.value ? Number(e.target.value) : '' })}
          >
            <option value="">All hospitals</option>
            {audit.hospitals.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        )}
        <select
          className="input input--narrow"
          aria-label="Resource"
          value={f.resourceType}
          onChange={(e) => audit.list.filter({ resourceType: e.target.value as ResourceType | '' })}
        >
          <option value="">All resources</option>
          {RESOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {resourceTitle(t)}
            </option>
          ))}
        </select>
        <select
          className="input input--narrow"
          aria-label="Action"
          value={f.action}
          onChange={(e) => audit.list.filter({ action: e.target.value as AuditAction | '' })}
        >
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a[0]!.toUpperCase() + a.slice(1)}
            </option>
          ))}
        </select>
        <select
          className="input input--narrow"
          aria-label="Changed by"
          value={f.changedBy}
          onChange={(e) => audit.list.filter({ changedBy: e.target.value ? Number(e.target.value) : '' })}
        >
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label className="date-filter">
          <span>From</span>
          <input
            className="input"
            type="date"
            value={f.from}
            max={f.to || undefined}
            onChange={(e) => audit.list.filter({ from: e.target.value })}
          />
        </label>
        <label className="date-filter">
          <span>To</span>
          <input
            className="input"
            type="date"
            value={f.to}
            min={f.from || undefined}
            onChange={(e) => audit.list.filter({ to: e.target.value })}
          />
        </label>
        {audit.list.filtered && (
          <button className="btn btn--ghost btn--small" onClick={() => audit.list.clear()}>
            Clear filters
          </button>
        )}
      </div>
      <ErrorBanner error={audit.error ?? audit.list.error} />
      <div className="table-wrap">
        <table className="table audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Hospital · resource</th>
              <th>Action</th>
              <th>Before → after</th>
              <th>By · reason</th>
            </tr>
          </thead>
          <tbody>
            {audit.list.items.map((a) => (
              <tr key={a.id} data-testid="audit-row">
                <td className="nowrap">
                  <div className="cell-title">{formatDateTime(a.createdAt)}</div>
                  <div className="cell-sub">#{a.id}</div>
                </td>
                <td>
                  <div className="cell-title">{a.hospitalName ?? `Hospital ${a.hospitalId}`}</div>
                  <div className="cell-sub">{resourceTitle(a.resourceType)}</div>
                </td>
                <td>
                  <Badge tone={ACTION_BADGE[a.action]}>{a.action}</Badge>
                </td>
                <td>
                  <Values entry={a} />
                </td>
                <td className="audit-who">
                  <div className="cell-title">{a.changedByName ?? <span className="muted">System</span>}</div>
                  {a.reason && <div className="audit-reason">“{a.reason}”</div>}
                  <div className="cell-sub" title={a.userAgent ?? undefined}>
                    Workstation {a.ipAddress ?? 'unknown'}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {audit.list.items.length === 0 && !audit.list.loading && (
          <div className="empty">
            {audit.list.filtered ? 'No audit rows match these filters.' : 'No audit rows yet.'}
          </div>
        )}
      </div>
      <Pager
        offset={audit.list.offset}
        pageSize={AUDIT_PAGE}
        total={audit.list.total}
        onPage={(o) => audit.list.page(o)}
        noun="rows"
      />
    </section>
  )
})
