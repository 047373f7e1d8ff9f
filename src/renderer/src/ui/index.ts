/** The kit every screen is built from: import from here, style nothing of these locally. */
export { Badge, HospitalStatusBadge, PaymentStatusBadge, StatusBadge, UrgencyBadge, type Tone } from './Badge'
export { CountsBar, Legend, type Counts } from './CountsBar'
export { cx } from './cx'
export { DataTable, type Column } from './DataTable'
export { Dialog, dialogOpen } from './Dialog'
export { DateTimeField, ErrorBanner, Field, MoneyField, Options, SelectField, TextAreaField } from './Field'
export { Facts } from './Facts'
export { DoneActions, FormActions, FormDialog } from './FormActions'
export {
  FilterSelect,
  filterOf,
  idChoices,
  ListFilters,
  PageHeader,
  SearchBox,
  type FilterSpec,
} from './Toolbar'
export { PagedTable, type PagedList } from './PagedTable'
export { useForm } from './useForm'
export { Pager } from './Pager'
export { Segmented, Tabs, type Choice } from './Tabs'
export { Toaster } from './Toast'
export { ToastStore, type Toast } from './toasts'
export { useAction } from './useAction'
