import { useState } from 'react'
import { useAction } from './useAction'

/** What a field's onChange hands over: an input's change event, or the text itself (MoneyField). */
type Change = string | { target: { value: string } }

/**
 * A form's typed text and its submit in one: `bind('name')` gives a kit field its name, value,
 * onChange and the DeskError to read its own message from, so a field is one line, not seven.
 * Field errors stay beside their fields; `error` without field details is for a banner.
 */
export function useForm<S extends Record<string, string>>(initial: S | (() => S)) {
  const [values, setValues] = useState<S>(initial)
  const action = useAction()
  const fieldError = action.error?.details?.fields ? action.error : null
  function set<K extends keyof S>(name: K, value: S[K]): void {
    setValues((v) => ({ ...v, [name]: value }))
  }
  function bind<K extends keyof S & string>(name: K) {
    return {
      name,
      value: values[name],
      error: fieldError,
      onChange: (e: Change) => set(name, (typeof e === 'string' ? e : e.target.value) as S[K]),
    }
  }
  return { ...action, values, set, bind, fieldError }
}
