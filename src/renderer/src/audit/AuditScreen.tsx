import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../shared/contract/audit'
import { RESOURCE_TYPES } from '../../../shared/schemas'
import { ErrorBanner } from '../ui/Field'
import { useStores } from '../stores/root'
import { AUDIT_PAGE } from './audit'
import { auditProblemText } from './problem'
import { auditReason } from './reason'
import { Badge, FilterSelect, idChoices, Pager, type Tone, PageHeader } from '../ui'
import { DateTimeEntry } from '../ui/DateTimeEntry'
import { formatDateTime } from '../../../shared/format'
import { AUDIT_ACTION_LABEL, formatCount, formatDigits, resourceTitle } from '../../../shared/labels'

const isDayOrEmpty = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)

const ACTION_BADGE: Record<AuditAction, Tone> = {
  create: 'info',
  update: 'neutral',
  allocate: 'warning',
  release: 'success',
  delete: 'danger',
}

const COUNT_KEYS = ['total', 'available', 'occupied', 'reserved', 'maintenance'] as const
const isCountKey = (k: string): k is (typeof COUNT_KEYS)[number] =>
  (COUNT_KEYS as readonly string[]).includes(k)

function show(v: unknown): string {
  if (v === undefined || v === null) return '—'
  if (typeof v === 'number') return formatCount(v)
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** Before and after, key by key, side by side; what changed stands out. */
function Values({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const before = entry.oldValues
  const after = entry.newValues
  if (!before && !after) return <span className="muted">—</span>
  const extra = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !isCountKey(k),
  )
  const keys = [...COUNT_KEYS.filter((k) => (before && k in before) || (after && k in after)), ...extra]
  return (
    <table className="values" aria-label={t('audit.values.label')}>
      <thead>
        <tr>
          <th />
          {keys.map((k) => (
            <th key={k} scope="col">
              {isCountKey(k) ? t(`audit.values.${k}`) : k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('audit.values.before')}</th>
          {keys.map((k) => (
            <td key={k}>{before ? show(before[k]) : '—'}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{t('audit.values.after')}</th>
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
  const { t } = useTranslation()
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
            .map((a) => [a.changedBy!, a.changedByName ?? `#${formatDigits(a.changedBy!)}`]),
        ),
      ].map(([id, name]) => ({ id, name }))

  return (
    <section className="page page--wide">
      <PageHeader
        title={t('audit.title')}
        subtitle={
          <>
            {t('audit.subtitle')}
            {!isAdmin && t('audit.ownHospital')}
          </>
        }
      >
        <button className="btn" onClick={() => void audit.verify()} disabled={audit.verifying}>
          {audit.verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </PageHeader>
      {audit.verified &&
        (audit.verified.problems.length === 0 ? (
          <div className="banner banner--success" role="status">
            {t('audit.verifiedOk', {
              count: audit.verified.checked,
              checked: formatCount(audit.verified.checked),
              replayed: formatCount(audit.verified.replayed),
            })}
          </div>
        ) : (
          <div className="banner banner--danger" role="alert">
            <strong>
              {t('audit.problems', {
                count: audit.verified.problems.length,
                n: formatCount(audit.verified.problems.length),
              })}
            </strong>
            <ul className="problems">
              {audit.verified.problems.map((p, i) => (
                <li key={i}>
                  {p.hospitalName}, {resourceTitle(p.resourceType)}: {auditProblemText(p)}
                </li>
              ))}
            </ul>
          </div>
        ))}
      <div className="toolbar audit-filters">
        {/* Day first in the desk's digits, with the desk's own picker (not the browser's US-order box);
            the list follows once a whole day is typed or the box is emptied. First in the row, so the
            picker (opening rightwards) stays inside the window at 1024 wide. */}
        <label className="date-filter">
          <span>{t('audit.filter.from')}</span>
          <DateTimeEntry
            className="input"
            withTime={false}
            value={f.from}
            onChange={(day) => isDayOrEmpty(day) && audit.list.filter({ from: day })}
          />
        </label>
        <label className="date-filter">
          <span>{t('audit.filter.to')}</span>
          <DateTimeEntry
            className="input"
            withTime={false}
            value={f.to}
            onChange={(day) => isDayOrEmpty(day) && audit.list.filter({ to: day })}
          />
        </label>
        {isAdmin && (
          <FilterSelect
            label={t('audit.filter.hospital')}
            any={t('audit.filter.allHospitals')}
            {...idChoices(audit.hospitals)}
            value={f.hospitalId}
            onChange={(hospitalId) => audit.list.filter({ hospitalId })}
            wide
          />
        )}
        <FilterSelect
          label={t('audit.filter.resource')}
          any={t('audit.filter.allResources')}
          values={RESOURCE_TYPES}
          name={(type) => resourceTitle(type)}
          value={f.resourceType}
          onChange={(resourceType) => audit.list.filter({ resourceType })}
        />
        <FilterSelect
          label={t('audit.filter.action')}
          any={t('audit.filter.allActions')}
          values={AUDIT_ACTIONS}
          name={(a) => AUDIT_ACTION_LABEL[a]}
          value={f.action}
          onChange={(action) => audit.list.filter({ action })}
        />
        <FilterSelect
          label={t('audit.filter.changedBy')}
          any={t('audit.filter.anyone')}
          {...idChoices(people)}
          value={f.changedBy}
          onChange={(changedBy) => audit.list.filter({ changedBy })}
        />
        {audit.list.filtered && (
          <button className="btn btn--ghost btn--small" onClick={() => audit.list.clear()}>
            {t('audit.filter.clear')}
          </button>
        )}
      </div>
      <ErrorBanner error={audit.error ?? audit.list.error} />
      <div className="table-wrap">
        <table className="table audit-table">
          <thead>
            <tr>
              <th>{t('audit.col.when')}</th>
              <th>{t('audit.col.where')}</th>
              <th>{t('audit.col.action')}</th>
              <th>{t('audit.col.values')}</th>
              <th>{t('audit.col.who')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.list.items.map((a) => (
              <tr key={a.id} data-testid="audit-row">
                <td className="nowrap">
                  <div className="cell-title">{formatDateTime(a.createdAt)}</div>
                  <div className="cell-sub">#{formatDigits(a.id)}</div>
                </td>
                <td>
                  <div className="cell-title">
                    {a.hospitalName ?? t('audit.hospitalNumber', { id: a.hospitalId })}
                  </div>
                  <div className="cell-sub">{resourceTitle(a.resourceType)}</div>
                </td>
                <td>
                  <Badge tone={ACTION_BADGE[a.action]}>{t(`audit.badge.${a.action}`)}</Badge>
                </td>
                <td>
                  <Values entry={a} />
                </td>
                <td className="audit-who">
                  <div className="cell-title">
                    {a.changedByName ?? <span className="muted">{t('audit.system')}</span>}
                  </div>
                  {a.reason && <div className="audit-reason">“{auditReason(a.reason)}”</div>}
                  <div className="cell-sub" title={a.userAgent ?? undefined}>
                    {t('audit.workstation', { address: a.ipAddress ?? t('audit.unknown') })}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {audit.list.items.length === 0 && !audit.list.loading && (
          <div className="empty">{audit.list.filtered ? t('audit.emptyFiltered') : t('audit.empty')}</div>
        )}
      </div>
      <Pager
        offset={audit.list.offset}
        pageSize={AUDIT_PAGE}
        total={audit.list.total}
        onPage={(o) => audit.list.page(o)}
        words="audit.pager"
      />
    </section>
  )
})
