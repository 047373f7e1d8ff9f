import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from './useAction'

/** What a field's onChange hands over: an input's change event, or the text itself (MoneyField). */
type Change = string | { target: { value: string } }

/**
 * A form's typed text and its submit in one: `bind('name')` gives a kit field its label (the words
 * `<words>.<name>` from the catalogue), name, value, onChange and the DeskError to read its own
 * message from, so a field is one line, not seven. Field errors stay beside their fields; an
 * `error` without field details is for FormActions' banner.
 */
export function useForm<S extends Record<string, string>>(words: string, initial: S | (() => S)) {
  const { t } = useTranslation()
  const [values, setValues] = useState<S>(initial)
  const action = useAction()
  const fieldError = action.error?.details?.fields ? action.error : null
  function set<K extends keyof S>(name: K, value: S[K]): void {
    setValues((v) => ({ ...v, [name]: value }))
  }
  function bind<K extends keyof S & string>(name: K) {
    return {
      label: t(`${words}.${name}`),
      name,
      value: values[name],
      error: fieldError,
      onChange: (e: Change) => set(name, (typeof e === 'string' ? e : e.target.value) as S[K]),
    }
  }
  return { ...action, values, set, bind, fieldError }
}

export type Form = ReturnType<typeof useForm>
