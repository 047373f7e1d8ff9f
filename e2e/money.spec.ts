/**
 * Money at the desk, end to end in a real browser. Hospitals, staff and the booking lifecycle are
 * set up through the API (they are other areas' screens); pricing, payments, refunds, the cash
 * drawer, blood requests and the fee settings are driven through their own screens.
 */
import type { Page } from '@playwright/test'
import { expect, seedAdmin, shot, signIn, test, type ServedDesk } from './fixtures'

const PASSWORD = 'desk-password-42'

interface World {
  admin: string
  hospitalId: number
  reception: { email: string; token: string }
  authority: { email: string; token: string }
}

async function world(desk: ServedDesk): Promise<World> {
  const admin = await seedAdmin(desk)
  const h = await desk.api<{ id: number }>(
    'hospitals.create',
    { name: 'Dhaka Medical College Hospital', address: 'Secretariat Road, Dhaka', phone: '+88029550001' },
    admin,
  )
  await desk.api('hospitals.approve', { id: h.id }, admin)
  await desk.api(
    'resources.update',
    { hospitalId: h.id, resourceType: 'beds', total: 20, maintenance: 0, reason: 'Opening the ward' },
    admin,
  )
  const staff = async (role: string, name: string, email: string) => {
    await desk.api('users.create', { name, email, password: PASSWORD, role, hospitalId: h.id }, admin)
    const { token } = await desk.api<{ token: string }>('auth.login', { email, password: PASSWORD })
    return { email, token }
  }
  return {
    admin,
    hospitalId: h.id,
    reception: await staff('user', 'Rina Akter', 'rina@dmch.test'),
    authority: await staff('hospital-authority', 'Dr. Kamal Hossain', 'kamal@dmch.test'),
  }
}

async function booking(desk: ServedDesk, w: World, patientName: string) {
  return desk.api<{ id: number; bookingReference: string }>(
    'bookings.create',
    {
      hospitalId: w.hospitalId,
      resourceType: 'beds',
      patientName,
      patientAge: 54,
      patientGender: 'male',
      medicalCondition: 'Chest pain, suspected angina',
      urgency: 'high',
      emergencyContactName: 'Fatema Begum',
      emergencyContactPhone: '+8801711223344',
      emergencyContactRelationship: 'Wife',
      scheduledDate: new Date(Date.now() + 10 * 60_000).toISOString(),
      estimatedDuration: 48,
    },
    w.reception.token,
  )
}

async function go(page: Page, area: string) {
  await page.getByRole('navigation', { name: 'Desk areas' }).getByRole('button', { name: area }).click()
  await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible()
}

/** A sidebar area whose page heading is not its label (the bookings area's). */
async function nav(page: Page, area: string) {
  await page
    .getByRole('navigation', { name: 'Desk areas' })
    .getByRole('button', { name: area, exact: true })
    .click()
}

/** The booking's own screen, from the bookings list. */
async function openBooking(page: Page, reference: string) {
  await nav(page, 'Bookings')
  await page.getByRole('tab', { name: 'All' }).click()
  await page.getByTestId(`queue-row-${reference}`).click()
  await expect(page.getByText(reference).first()).toBeVisible()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
}

test('the live quote, a deposit at admission and the bill at discharge', async ({ page, desk }) => {
  const w = await world(desk)

  // The authority prices the hospital's beds on the Pricing screen.
  await signIn(page, desk, w.authority.email, PASSWORD)
  await go(page, 'Pricing')
  await page.getByRole('article', { name: 'Beds price' }).getByRole('button', { name: 'Change' }).click()
  const priceDialog = page.getByRole('dialog', { name: 'Set a new price' })
  await priceDialog.getByLabel('Base charge').fill('1000')
  await priceDialog.getByLabel('Price per day').fill('3000')
  await priceDialog.getByLabel('Price per hour').fill('200')
  // A multiplier above 5 is refused beside its field.
  await priceDialog.getByLabel('Emergency multiplier').fill('6')
  await priceDialog.getByRole('button', { name: 'Save price' }).click()
  await expect(priceDialog.getByText('must be between 1.00 and 5.00')).toBeVisible()
  await priceDialog.getByLabel('Emergency multiplier').fill('1.5')
  await priceDialog.getByRole('button', { name: 'Save price' }).click()
  await expect(priceDialog).toBeHidden()
  const beds = page.getByRole('article', { name: 'Beds price' })
  await expect(beds).toContainText('৳3,000.00')
  await expect(beds).toContainText('×1.50')
  // The quote calculator prices a stay starting tomorrow: ৳1,000 + 1 day × ৳3,000.
  const tomorrow = new Date(Date.now() + 86_400_000)
  const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 16)
  await page.getByLabel('From', { exact: true }).fill(local)
  await expect(page.getByTestId('quote-total')).toHaveText('৳4,000.00')
  await page.getByLabel('Urgency').selectOption('critical')
  await expect(page.getByTestId('quote-total')).toHaveText('৳6,000.00')
  await page.screenshot({ path: shot('money-pricing'), fullPage: true })
  await signOut(page)

  // The new-booking form shows the price live as the receptionist fills it in.
  await signIn(page, desk, w.reception.email, PASSWORD)
  await nav(page, 'New booking')
  const quote = page.getByTestId('live-quote')
  await expect(quote.getByTestId('quote-total')).toHaveText('৳4,000.00')
  await page.getByLabel('Urgency').selectOption('critical')
  await expect(quote.getByTestId('quote-total')).toHaveText('৳6,000.00')
  // 30 hours: a day and 6 hours at ৳200, then ×1.50 for critical.
  await page.getByLabel('Expected stay (hours)').fill('30')
  await expect(quote.getByTestId('quote-total')).toHaveText('৳7,800.00')
  await expect(quote).toContainText('Emergency ×1.50')
  await page.screenshot({ path: shot('money-new-booking-quote') })

  // Registered and approved (the bookings area's own steps, through the API here).
  const b = await booking(desk, w, 'Mohammad Rahim Uddin')
  await desk.api('bookings.approve', { id: b.id }, w.authority.token)

  // At admission the front desk takes a cash deposit on the booking and prints the receipt.
  await openBooking(page, b.bookingReference)
  await page.getByRole('button', { name: 'Admit patient' }).click()
  await expect(page.getByRole('dialog', { name: 'Admission slip' })).toBeVisible()
  await page.keyboard.press('Escape')
  const money = page.getByTestId('booking-money')
  await money.getByRole('button', { name: 'Take deposit' }).click()
  const payDialog = page.getByRole('dialog', { name: 'Record a payment' })
  await payDialog.getByLabel('Amount').fill('500.005')
  await payDialog.getByRole('button', { name: 'Record payment' }).click()
  await expect(payDialog.getByText('cannot have fractions of a paisa (at most 2 decimals)')).toBeVisible()
  await payDialog.getByLabel('Amount').fill('500')
  await payDialog.getByRole('button', { name: 'Record payment' }).click()
  const receipt = page.getByRole('dialog', { name: 'Payment receipt' })
  await expect(receipt.getByTestId('receipt-amount')).toHaveText('৳500.00')
  await expect(receipt).toContainText('Mohammad Rahim Uddin')
  await expect(receipt).toContainText(b.bookingReference)
  await page.screenshot({ path: shot('money-receipt') })
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: shot('money-receipt-print') })
  await page.emulateMedia({ media: 'screen' })
  await receipt.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(money.getByRole('heading', { name: 'Payments' })).toBeVisible()
  await expect(money).toContainText('৳500.00')
  await page.screenshot({ path: shot('money-deposit-on-booking'), fullPage: true })
  await signOut(page)

  // The authority discharges; the bill is the stay's price (under an hour counts as one) less the deposit.
  await signIn(page, desk, w.authority.email, PASSWORD)
  await openBooking(page, b.bookingReference)
  await page.getByRole('button', { name: 'Discharge' }).click()
  await page.locator('form.inline-reason').getByRole('button', { name: 'Discharge' }).click()
  await expect(money.getByRole('heading', { name: 'Bill at discharge' })).toBeVisible()
  // ৳1,000 base + 1 hour × ৳200 = ৳1,200; ৳500 paid: ৳700 due.
  await expect(money.getByTestId('quote-total')).toHaveText('৳1,200.00')
  await expect(money.getByTestId('balance-due')).toHaveText('৳700.00')
  await expect(money).toContainText('Balance due')
  await page.screenshot({ path: shot('money-bill-at-discharge'), fullPage: true })
})

test('the bill at discharge takes the balance due', async ({ page, desk }) => {
  const w = await world(desk)
  await desk.api(
    'pricing.set',
    {
      hospitalId: w.hospitalId,
      resourceType: 'beds',
      basePrice: 500_000,
      pricePerDay: 300_000,
      effectiveFrom: new Date(Date.now() - 3_600_000).toISOString(),
    },
    w.authority.token,
  )
  const b = await booking(desk, w, 'Salma Khatun')
  await desk.api('bookings.approve', { id: b.id }, w.authority.token)
  await desk.api('bookings.admit', { id: b.id }, w.reception.token)
  await desk.api(
    'payments.record',
    { bookingId: b.id, amount: 100_000, paymentMethod: 'cash' },
    w.reception.token,
  )
  await desk.api('bookings.discharge', { id: b.id }, w.authority.token)

  await signIn(page, desk, w.reception.email, PASSWORD)
  await go(page, 'Payments')
  await page.getByRole('button', { name: b.bookingReference }).click()
  const money = page.getByTestId('booking-money')
  // ৳5,000 base + 1 day × ৳3,000 − ৳1,000 deposit.
  await expect(money.getByTestId('balance-due')).toHaveText('৳7,000.00')
  await money.getByRole('button', { name: 'Take balance ৳7,000.00' }).click()
  const dialog = page.getByRole('dialog', { name: 'Take the balance due' })
  await expect(dialog.getByLabel('Amount')).toHaveValue('7000.00')
  await dialog.getByLabel('Method').selectOption('card')
  await dialog.getByRole('button', { name: 'Record payment' }).click()
  await expect(dialog.getByText(/is required for every method but cash/)).toBeVisible()
  await dialog.getByLabel('Card slip number').fill('SLIP-00417')
  await dialog.getByRole('button', { name: 'Record payment' }).click()
  const receipt = page.getByRole('dialog', { name: 'Payment receipt' })
  await expect(receipt).toContainText('SLIP-00417')
  await receipt.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(money.getByTestId('balance-due')).toHaveText('৳0.00')
  await page.screenshot({ path: shot('money-balance-taken') })
})

test('a refund on a cancelled booking', async ({ page, desk }) => {
  const w = await world(desk)
  const b = await booking(desk, w, 'Abdul Karim')
  await desk.api('bookings.approve', { id: b.id }, w.authority.token)

  // The front desk takes a bKash deposit; the reference is required.
  await signIn(page, desk, w.reception.email, PASSWORD)
  await go(page, 'Payments')
  await page.getByRole('button', { name: '+ Record payment' }).click()
  const payDialog = page.getByRole('dialog', { name: 'Record a payment' })
  await payDialog.getByLabel('Booking').fill('Abdul')
  await payDialog.getByRole('button', { name: new RegExp(b.bookingReference) }).click()
  await payDialog.getByLabel('Amount').fill('1500')
  await payDialog.getByLabel('Method').selectOption('bkash')
  await payDialog.getByRole('button', { name: 'Record payment' }).click()
  await expect(payDialog.getByText(/is required for every method but cash/)).toBeVisible()
  await page.screenshot({ path: shot('money-payment-missing-reference') })
  await payDialog.getByLabel('Transaction ID').fill('9H7G5F3D1S')
  await payDialog.getByRole('button', { name: 'Record payment' }).click()
  await page
    .getByRole('dialog', { name: 'Payment receipt' })
    .getByRole('button', { name: 'Close', exact: true })
    .click()

  // The family takes the patient elsewhere: the desk cancels, and the booking shows the deposit as due back.
  await openBooking(page, b.bookingReference)
  await page.getByRole('button', { name: 'Cancel booking' }).click()
  await page.getByLabel('Why is it cancelled?').fill('Family moved the patient')
  await page.locator('form.inline-reason').getByRole('button', { name: 'Cancel booking' }).click()
  const money = page.getByTestId('booking-money')
  await expect(money.getByTestId('refund-due')).toHaveText(
    'Booking cancelled: ৳1,500.00 paid on it is due for refund.',
  )
  await expect(money.getByRole('button', { name: /Take/ })).toHaveCount(0)
  await page.screenshot({ path: shot('money-cancelled-refund-due'), fullPage: true })
  await signOut(page)

  // The authority sees the deposit as due for refund and refunds it.
  await signIn(page, desk, w.authority.email, PASSWORD)
  await go(page, 'Payments')
  await page.getByRole('tab', { name: /Refunds due/ }).click()
  const table = page.getByRole('table', { name: 'Payments' })
  await expect(table).toContainText('Booking cancelled: ৳1,500.00 due for refund')
  await page.screenshot({ path: shot('money-refunds-due') })
  await table.getByRole('button', { name: 'Refund' }).click()
  const refund = page.getByRole('dialog', { name: 'Refund a payment' })
  await refund.getByLabel('Refund amount').fill('1500.01')
  await refund.getByRole('button', { name: 'Refund' }).click()
  await expect(
    refund.getByText('at most ৳1,500.00 can be refunded (paid ৳1,500.00, refunded ৳0.00)'),
  ).toBeVisible()
  await page.screenshot({ path: shot('money-refund-too-much') })
  await refund.getByLabel('Refund amount').fill('1500')
  await refund.getByRole('button', { name: 'Refund' }).click()
  const receipt = page.getByRole('dialog', { name: 'Payment receipt' })
  await expect(receipt).toContainText('Booking cancelled')
  await expect(receipt).toContainText('−৳1,500.00')
  await expect(receipt).toContainText('Net paid')
  await page.screenshot({ path: shot('money-refund-receipt') })
  await receipt.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(page.getByText('No refunds are due.')).toBeVisible()
})

test('closing the shift with a difference', async ({ page, desk }) => {
  const w = await world(desk)
  const b = await booking(desk, w, 'Nusrat Jahan')
  await desk.api('bookings.approve', { id: b.id }, w.authority.token)
  await desk.api('wallet.deposit', { amount: 50_000, description: 'Opening float' }, w.reception.token)
  await desk.api(
    'payments.record',
    { bookingId: b.id, amount: 300_000, paymentMethod: 'cash' },
    w.reception.token,
  )
  await desk.api(
    'payments.record',
    { bookingId: b.id, amount: 125_050, paymentMethod: 'cash' },
    w.reception.token,
  )
  await desk.api(
    'payments.record',
    { bookingId: b.id, amount: 400_000, paymentMethod: 'nagad', gatewayTransactionId: 'NG-5521' },
    w.reception.token,
  )

  await signIn(page, desk, w.reception.email, PASSWORD)
  await go(page, 'Cash drawer')
  await expect(page.getByTestId('drawer-balance')).toHaveText('৳4,750.50')
  await expect(page.getByRole('table', { name: 'Totals by method' }).first()).toContainText('Nagad')
  await page.screenshot({ path: shot('money-cash-drawer'), fullPage: true })

  await page.getByRole('button', { name: 'Close shift' }).click()
  const dialog = page.getByRole('dialog', { name: 'Close the shift' })
  await expect(dialog.getByTestId('expected-cash')).toHaveText('৳4,750.50')
  await dialog.getByLabel('Cash counted in the drawer').fill('4700.50')
  await expect(dialog.getByTestId('cash-difference')).toHaveText('Short ৳50.00')
  await dialog.getByLabel('Hand over to the safe').fill('4200.50')
  await dialog.getByRole('button', { name: 'Close shift' }).click()
  await expect(dialog.getByText('say why the count differs: ৳50.00 short')).toBeVisible()
  await page.screenshot({ path: shot('money-close-shift') })
  await dialog.getByLabel(/Reason for the difference/).fill('Change given twice to one patient')
  await dialog.getByRole('button', { name: 'Close shift' }).click()
  await expect(dialog).toBeHidden()

  await expect(page.getByRole('status')).toContainText('short by ৳50.00: Change given twice to one patient')
  await expect(page.getByTestId('drawer-balance')).toHaveText('৳500.00')
  const ledger = page.getByRole('table', { name: 'Ledger' })
  await expect(ledger).toContainText('short by ৳50.00')
  await expect(ledger).toContainText('handed over to the safe')
  await expect(page.getByRole('table', { name: 'Shift closes' })).toContainText('Change given twice')
  await page.screenshot({ path: shot('money-shift-closed'), fullPage: true })
})

test('a blood request created and fulfilled', async ({ page, desk }) => {
  const w = await world(desk)
  await signIn(page, desk, w.reception.email, PASSWORD)
  await go(page, 'Blood requests')
  await page.getByRole('button', { name: '+ New request' }).click()
  const form = page.getByRole('dialog', { name: 'New blood request' })
  await form.getByLabel('Patient name').fill('Shirin Akhter')
  await form.getByLabel('Units needed').fill('25')
  await form.getByLabel('Contact phone').fill('+880 1811-445566')
  await form.getByLabel('Location').fill('Maternity ward, bed 12')
  await form.getByRole('button', { name: 'Create request' }).click()
  await expect(form.getByText(/must be one of A\+/)).toBeVisible()
  await form.getByLabel('Blood type').selectOption('O-')
  await form.getByRole('button', { name: 'Create request' }).click()
  await expect(form.getByText('must be 1 to 20')).toBeVisible()
  await page.screenshot({ path: shot('money-blood-form-error') })
  await form.getByLabel('Units needed').fill('3')
  await form.getByLabel('Urgency').selectOption('critical')
  await form.getByLabel('Medical condition').fill('Post-partum haemorrhage')
  await form.getByRole('button', { name: 'Create request' }).click()
  await expect(form).toBeHidden()

  const column = page.getByRole('region', { name: 'Blood type O-' })
  await expect(column).toContainText('Shirin Akhter')
  await expect(column).toContainText('3 units')
  await expect(page.getByText('1 active request, 3 units needed.')).toBeVisible()
  await page.screenshot({ path: shot('money-blood-board'), fullPage: true })

  await column.getByRole('button', { name: 'Fulfilled' }).click()
  await expect(column).not.toContainText('Shirin Akhter')
  await expect(page.getByText('No active requests.')).toBeVisible()
  const row = page.getByRole('table', { name: 'Blood requests' }).getByRole('row', { name: /Shirin Akhter/ })
  await expect(row).toContainText('Fulfilled')
})

test('an admin sets the card fee on the Settings screen', async ({ page, desk }) => {
  const w = await world(desk)
  await signIn(page, desk, 'admin@rapidcare.test', 'correct-horse-42')
  await go(page, 'Settings')
  await page.getByLabel('Card percentage').fill('1.255')
  await page.getByRole('button', { name: 'Save fee rules' }).click()
  await expect(page.getByText('must be a percentage from 0 to 100, at most 2 decimals')).toBeVisible()
  await page.getByLabel('Card percentage').fill('1.5')
  await page.getByLabel('Card fixed fee').fill('5')
  await page.getByRole('button', { name: 'Save fee rules' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  await expect(
    page.getByRole('table', { name: 'Fee rules' }).getByRole('row', { name: /Card/ }),
  ).toContainText('৳20.00')
  await page.screenshot({ path: shot('money-settings') })

  const b = await booking(desk, w, 'Karim Mia')
  const p = await desk.api<{ platformFee: number; hospitalShare: number }>(
    'payments.record',
    { bookingId: b.id, amount: 100_000, paymentMethod: 'card', gatewayTransactionId: 'SLIP-1' },
    w.reception.token,
  )
  expect([p.platformFee, p.hospitalShare]).toEqual([2_000, 98_000])
})
