import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Hospital } from '../../../shared/contract/hospitals'
import { useStores } from '../stores/root'
import { FormDialog, TextAreaField, useAction } from '../ui'

export type Decision = 'approve' | 'reject' | 'suspend'

/** Approve, reject (with the reason kept) or suspend a hospital, after saying what that means. */
export function DecisionDialog({
  hospital,
  decision,
  onClose,
}: {
  hospital: Hospital
  decision: Decision
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { hospitals } = useStores()
  const [reason, setReason] = useState('')
  const action = useAction()
  const { error, run } = action

  async function confirm() {
    await run(async () => {
      if (decision === 'reject') await hospitals.reject(hospital.id, reason)
      else await hospitals.decide(decision, hospital.id)
      onClose()
    })
  }

  return (
    <FormDialog
      title={t(`hospitals.decision.${decision}Title`)}
      subtitle={hospital.name}
      onClose={onClose}
      onSubmit={confirm}
      submit={t(`hospitals.decision.${decision}`)}
      form={action}
      danger={decision !== 'approve'}
      autoFocus={decision !== 'reject'}
    >
      <p>{t(`hospitals.decision.${decision}Body`)}</p>
      {decision === 'reject' && (
        <TextAreaField
          label={t('hospitals.decision.reason')}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error}
          autoFocus
          rows={3}
        />
      )}
    </FormDialog>
  )
}
