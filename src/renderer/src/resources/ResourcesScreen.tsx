import { observer } from 'mobx-react-lite'
import { useEffect, useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { ResourceView } from '../../../shared/contract/resources'
import type { DeskError } from '../../../shared/errors'
import { asDeskError } from '../api/client'
import { ErrorBanner, Field } from '../ui/Field'
import { useStores } from '../stores/root'
import { CountsBar, FilterSelect, HospitalStatusBadge, idChoices, PageHeader } from '../ui'
import { formatDateTime } from '../../../shared/format'
import { formatCount, HOSPITAL_STATUS_LABEL, resourceTitle } from '../../../shared/labels'
import { parseTypedNumber } from '../../../shared/locale/digits'

/** The Resources area: the admin picks a hospital; an authority sees (and edits) its own. */
export const ResourcesScreen = observer(function ResourcesScreen() {
  const { session, resources } = useStores()
  const { t } = useTranslation()
  const user = session.user!
  const isAdmin = user.role === 'admin'
  useEffect(() => {
    void resources.start(isAdmin ? null : user.hospitalId)
  }, [resources, isAdmin, user.hospitalId])
  const hospital = resources.hospitals.find((h) => h.id === resources.hospitalId)

  return (
    <section className="page">
      <PageHeader
        title={t('resources.title')}
        subtitle={
          isAdmin
            ? t('resources.subtitleAll')
            : hospital
              ? t('resources.subtitleAt', { hospital: hospital.name })
              : t('resources.subtitleOwn')
        }
      >
        {isAdmin && resources.hospitalId !== null && resources.hospitals.length > 0 && (
          <div className="toolbar toolbar--flush">
            <label className="toolbar__label" htmlFor="resources-hospital">
              {t('resources.hospital')}
            </label>
            <FilterSelect
              id="resources-hospital"
              label={t('resources.hospital')}
              {...idChoices(resources.hospitals, (h) => `${h.name} (${HOSPITAL_STATUS_LABEL[h.status]})`)}
              value={resources.hospitalId}
              onChange={(id) => resources.choose(id)}
              wide
            />
          </div>
        )}
      </PageHeader>
      <ErrorBanner error={resources.error} />
      {resources.hospitalId === null ? (
        <div className="card empty">{isAdmin ? t('resources.noHospitals') : t('resources.notLinked')}</div>
      ) : (
        <>
          {hospital && hospital.status !== 'approved' && (
            <div className="banner banner--info">
              <Trans
                i18nKey="resources.notApproved"
                values={{ name: hospital.name }}
                components={{ badge: <HospitalStatusBadge status={hospital.status} /> }}
              />
            </div>
          )}
          <ResourcePanel />
        </>
      )}
    </section>
  )
})

/** The chosen hospital's three resource cards, editable by the admin or that hospital's authority. */
export const ResourcePanel = observer(function ResourcePanel() {
  const { resources, session } = useStores()
  const user = session.user!
  return (
    <div className="resource-cards">
      {resources.rows.map((row) => (
        <ResourceCard
          key={row.id}
          row={row}
          editable={
            user.role === 'admin' ||
            (user.role === 'hospital-authority' && user.hospitalId === row.hospitalId)
          }
        />
      ))}
    </div>
  )
})

const ResourceCard = observer(function ResourceCard({
  row,
  editable,
}: {
  row: ResourceView
  editable: boolean
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const label = resourceTitle(row.resourceType)
  const inUse = row.occupied + row.reserved
  return (
    <article className="card resource-card" aria-label={label} data-testid={`resource-${row.resourceType}`}>
      <header className="resource-card__head">
        <h2>{label}</h2>
        {editable && !editing && (
          <button
            className="btn btn--small"
            onClick={() => setEditing(true)}
            aria-label={t('resources.card.editLabel', { resource: label })}
          >
            {t('resources.card.edit')}
          </button>
        )}
      </header>
      <div className="resource-card__figure">
        <strong data-testid="available">{formatCount(row.available)}</strong>
        <span className="muted">{t('resources.card.availableOf', { total: formatCount(row.total) })}</span>
      </div>
      <CountsBar counts={row} label={label} />
      <dl className="resource-counts">
        <div>
          <dt>
            <i className="swatch available" />
            {t('resources.card.available')}
          </dt>
          <dd>{formatCount(row.available)}</dd>
        </div>
        <div>
          <dt>
            <i className="swatch reserved" />
            {t('resources.card.reserved')}
          </dt>
          <dd>{formatCount(row.reserved)}</dd>
        </div>
        <div>
          <dt>
            <i className="swatch occupied" />
            {t('resources.card.occupied')}
          </dt>
          <dd>{formatCount(row.occupied)}</dd>
        </div>
        <div>
          <dt>
            <i className="swatch maintenance" />
            {t('resources.card.maintenance')}
          </dt>
          <dd>{formatCount(row.maintenance)}</dd>
        </div>
      </dl>
      {editing ? (
        <ResourceEditForm row={row} inUse={inUse} onDone={() => setEditing(false)} />
      ) : (
        <p className="resource-card__foot muted">
          {t('resources.card.updated', { time: formatDateTime(row.lastUpdated) })}
        </p>
      )}
    </article>
  )
})

function ResourceEditForm({ row, inUse, onDone }: { row: ResourceView; inUse: number; onDone: () => void }) {
  const { resources, toasts } = useStores()
  const { t } = useTranslation()
  const [total, setTotal] = useState(formatCount(row.total))
  const [maintenance, setMaintenance] = useState(formatCount(row.maintenance))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  // Shown in the desk's digits and typed in either script (৫০ or 50): a text box, since a number box drops Bangla digits.
  const typedTotal = parseTypedNumber(total)
  const typedMaintenance = parseTypedNumber(maintenance)
  const preview =
    total !== '' && maintenance !== '' && Number.isFinite(typedTotal) && Number.isFinite(typedMaintenance)
      ? typedTotal - inUse - typedMaintenance
      : null

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const saved = await resources.update({
        hospitalId: row.hospitalId,
        resourceType: row.resourceType,
        total: total === '' ? Number.NaN : typedTotal,
        maintenance: maintenance === '' ? Number.NaN : typedMaintenance,
        reason,
      })
      toasts.show(
        t('resources.edit.saved', {
          resource: resourceTitle(saved.resourceType),
          hospital: saved.hospitalName,
          available: formatCount(saved.available),
          total: formatCount(saved.total),
        }),
      )
      onDone()
    } catch (err) {
      setError(asDeskError(err))
    } finally {
      setBusy(false)
    }
  }
  const fieldError = error?.details?.fields ? error : null

  return (
    <form className="resource-edit" onSubmit={submit} noValidate>
      <div className="resource-edit__grid">
        <Field
          label={t('resources.edit.total')}
          name="total"
          inputMode="numeric"
          value={total}
          onChange={(e) => setTotal(e.target.value)}
          error={fieldError}
          autoFocus
        />
        <Field
          label={t('resources.edit.maintenance')}
          name="maintenance"
          inputMode="numeric"
          value={maintenance}
          onChange={(e) => setMaintenance(e.target.value)}
          error={fieldError}
        />
      </div>
      <Field
        label={t('resources.edit.reason')}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldError}
        placeholder={t('resources.edit.reasonPlaceholder')}
        hint={t('resources.edit.reasonHint')}
      />
      <p
        className={`resource-edit__preview${preview !== null && preview < 0 ? ' is-bad' : ''}`}
        aria-live="polite"
      >
        {preview === null
          ? ' '
          : preview < 0
            ? t('resources.edit.tooFew', { count: inUse, n: formatCount(inUse) })
            : t('resources.edit.willBe', {
                n: formatCount(preview),
                occupied: formatCount(row.occupied),
                reserved: formatCount(row.reserved),
              })}
      </p>
      {error && !fieldError && <ErrorBanner error={error} />}
      {error && fieldError && error.code === 'CONFLICT' && <ErrorBanner error={error} />}
      <div className="actions">
        <button className="btn btn--primary btn--small" type="submit" disabled={busy}>
          {busy ? t('resources.edit.saving') : t('resources.edit.save')}
        </button>
        <button className="btn btn--small btn--ghost" type="button" onClick={onDone} disabled={busy}>
          {t('resources.edit.cancel')}
        </button>
      </div>
    </form>
  )
}
