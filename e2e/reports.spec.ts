import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import { ADMIN, expect, seedAdmin, shot, signIn, test, type ServedDesk } from './fixtures'

const PASSWORD = 'desk-password-42'
const DHAKA = 'Dhaka Medical College Hospital'
const SQUARE = 'Square Hospital'

/**
 * Two approved hospitals with audited opening counts (Dhaka Medical: 10 beds; Square: 4 beds), a
 * front desk and an authority at Dhaka Medical, an authority at Square. Today at Dhaka Medical: one
 * patient admitted, one approved, one pending.
 */
async function setUp(desk: ServedDesk) {
  const admin = await seedAdmin(desk)
  const ids: number[] = []
  for (const [name, beds] of [
    [DHAKA, 10],
    [SQUARE, 4],
  ] as const) {
    const h = await desk.api<{ id: number }>(
      'hospitals.create',
      { name, address: 'Dhaka', phone: '+88029550001' },
      admin,
    )
    await desk.api('hospitals.approve', { id: h.id }, admin)
    for (const [resourceType, total] of [
      ['beds', beds],
      ['icu', 2],
      ['operationTheatres', 1],
    ] as const)
      await desk.api(
        'resources.update',
        { hospitalId: h.id, resourceType, total, maintenance: 0, reason: 'Opening count' },
        admin,
      )
    ids.push(h.id)
  }
  const [dhaka, square] = ids as [number, number]
  for (const [name, email, role, hospitalId] of [
    ['Rina Akter', 'rina@rapidcare.test', 'user', dhaka],
    ['Dr. Kamal Hossain', 'kamal@rapidcare.test', 'hospital-authority', dhaka],
    ['Dr. Nasrin Sultana', 'nasrin@rapidcare.test', 'hospital-authority', square],
  ] as const)
    await desk.api('users.create', { name, email, password: PASSWORD, role, hospitalId }, admin)
  const login = async (email: string) =>
    (await desk.api<{ token: string }>('auth.login', { email, password: PASSWORD })).token
  const rina = await login('rina@rapidcare.test')
  const kamal = await login('kamal@rapidcare.test')
  const book = async (patientName: string) =>
    desk.api<{ id: number; bookingReference: string }>(
      'bookings.create',
      {
        hospitalId: dhaka,
        resourceType: 'beds',
        patientName,
        patientAge: 50,
        patientGender: 'female',
        medicalCondition: 'Acute chest pain',
        urgency: 'high',
        emergencyContactName: 'Fatema Begum',
        emergencyContactPhone: '+8801711223344',
        emergencyContactRelationship: 'Sister',
        scheduledDate: new Date(Date.now() + 3600_000).toISOString(),
        estimatedDuration: 24,
      },
      rina,
    )
  const admitted = await book('Nusrat Jahan')
  await desk.api('bookings.approve', { id: admitted.id }, kamal)
  await desk.api('bookings.admit', { id: admitted.id }, rina)
  const approved = await book('মোহাম্মদ রহিম উদ্দিন')
  await desk.api('bookings.approve', { id: approved.id }, kamal)
  const pending = await book('Shirin Akhter')
  return { dhaka, square, pending }
}

test('the Reports screen: census, occupancy chart, and exports downloaded and opened', async ({
  page,
  desk,
}) => {
  const { dhaka } = await setUp(desk)
  await signIn(page, desk, 'kamal@rapidcare.test', PASSWORD)
  await page.getByRole('button', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible()

  const census = page.getByTestId('census')
  await expect(census.getByTestId('kpi-Admissions')).toHaveText('1')
  await expect(census.getByTestId('kpi-New registrations')).toHaveText('3')
  // 1 of 10 beds occupied now; at midnight, before any of today's events, none.
  const figures = census.getByRole('table', { name: 'Census figures by resource' })
  await expect(figures.getByRole('row', { name: /^Occupied at end of day/ })).toContainText('1')
  await expect(figures.getByRole('row', { name: /^Approvals/ })).toContainText('2')
  await expect(page.getByTestId('occupancy-chart').locator('canvas')).toBeVisible()

  for (const [name, size] of [
    ['1024x768', { width: 1024, height: 768 }],
    ['1366x768', { width: 1366, height: 768 }],
    ['1920x1080', { width: 1920, height: 1080 }],
  ] as const) {
    await page.setViewportSize(size)
    await page.screenshot({ path: shot(`reports-${name}`), fullPage: true })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
  // The printable census: an A4 sheet of the day's figures.
  await page.getByRole('button', { name: 'Print census' }).click()
  const sheet = page.getByRole('dialog', { name: /^Daily census, / })
  await expect(sheet.getByRole('row', { name: /^Admissions/ })).toContainText('1')
  await expect(sheet).toContainText(DHAKA)
  await page.screenshot({ path: shot('reports-census-sheet') })
  await sheet.getByRole('button', { name: 'Close' }).click()
  await expect(sheet).toHaveCount(0)
  await page.getByText(/^Figures \(\d+ buckets\)$/).click()
  // Today's bucket: one bed occupied at its peak.
  await expect(
    page.getByRole('table', { name: 'Occupancy figures' }).getByRole('row').last().getByRole('cell').first(),
  ).toContainText('/ 1')

  // Bookings of the last week as CSV: downloaded, parsed, every booking there.
  const form = page.getByRole('form', { name: 'Export' })
  await form.getByLabel('What').selectOption('bookings')
  await form.getByLabel('Format').selectOption('csv')
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: 'Export' }).click(),
  ])
  await expect(form.getByRole('status')).toContainText('3 rows')
  const csvPath = path.join(desk.dir, csvDownload.suggestedFilename())
  await csvDownload.saveAs(csvPath)
  expect(csvDownload.suggestedFilename()).toMatch(/^Bookings Dhaka Medical College Hospital .+\.csv$/)
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  })
  expect(parsed.errors).toEqual([])
  expect(parsed.data.map((r) => r.Patient).sort()).toEqual(
    ['Nusrat Jahan', 'Shirin Akhter', 'মোহাম্মদ রহিম উদ্দিন'].sort(),
  )
  expect(parsed.data.find((r) => r.Patient === 'Nusrat Jahan')).toMatchObject({
    Status: 'admitted',
    Hospital: 'Dhaka Medical College Hospital',
    Resource: 'beds',
  })

  // Today's census as XLSX, read back with the reader of the same project.
  await form.getByLabel('What').selectOption('census')
  await form.getByLabel('Format').selectOption('xlsx')
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    form.getByRole('button', { name: 'Export' }).click(),
  ])
  const xlsxPath = path.join(desk.dir, xlsxDownload.suggestedFilename())
  await xlsxDownload.saveAs(xlsxPath)
  const sheets = await readXlsxFile(xlsxPath)
  const rows = sheets[0]!.data
  const header = rows[0] as string[]
  expect(header.slice(0, 4)).toEqual(['Date', 'Hospital', 'Resource', 'Total'])
  const today = rows.filter((r) => r[1] === DHAKA && r[2] === 'beds').at(-1)!
  const col = (name: string) => today[header.indexOf(name)]
  expect([
    col('Total'),
    col('Admissions'),
    col('Approvals'),
    col('Registrations'),
    col('Occupied at end'),
  ]).toEqual([0, 1, 2, 3, 1]) // the hospital was registered today: at midnight it had no beds yet
  // Seven days of three resources.
  expect(rows.length - 1).toBe(7 * 3)
  expect(dhaka).toBeGreaterThan(0)
})

test('a referral made by one authority is in the other hospital authority’s queue', async ({
  browser,
  desk,
}) => {
  const { square, pending } = await setUp(desk)
  const kamalContext = await browser.newContext()
  const kamal = await kamalContext.newPage()
  await signIn(kamal, desk, 'kamal@rapidcare.test', PASSWORD)
  await kamal.getByRole('button', { name: 'Bookings' }).click()
  await kamal.getByTestId(`queue-row-${pending.bookingReference}`).click()
  await kamal.getByRole('button', { name: 'Refer to another hospital' }).click()
  const dialog = kamal.getByRole('dialog')
  // A reason is required: refused in place, nothing referred.
  await dialog.getByLabel('Refer to').selectOption({ label: SQUARE })
  await dialog.getByLabel(/^Reason/).fill('   ')
  await dialog.getByRole('button', { name: 'Refer' }).click()
  await expect(dialog.getByRole('alert')).toContainText('required')
  await dialog.getByLabel(/^Reason/).fill('Needs a cath lab tonight')
  await kamal.screenshot({ path: shot('referral-dialog') })
  await dialog.getByRole('button', { name: 'Refer' }).click()
  const panel = kamal.getByTestId('referral')
  await expect(panel).toContainText(`Referred to ${SQUARE} as RC-`)
  await expect(kamal.getByText('Declined', { exact: true }).first()).toBeVisible()
  await kamal.getByRole('button', { name: 'Referral letter' }).click()
  const letter = kamal.getByRole('dialog', { name: 'Referral letter' })
  await expect(letter).toContainText('Shirin Akhter')
  await expect(letter).toContainText('Needs a cath lab tonight')
  await expect(letter).toContainText(pending.bookingReference)
  await expect(letter).toContainText('Dr. Kamal Hossain')
  await kamal.screenshot({ path: shot('referral-letter') })
  await kamal.keyboard.press('Escape')
  await kamalContext.close()

  const nasrinContext = await browser.newContext()
  const nasrin = await nasrinContext.newPage()
  await signIn(nasrin, desk, 'nasrin@rapidcare.test', PASSWORD)
  await nasrin.getByRole('button', { name: 'Bookings' }).click()
  const row = nasrin.locator('tr.queue-row', { hasText: 'Shirin Akhter' })
  await expect(row).toBeVisible()
  await row.click()
  await expect(nasrin.getByTestId('referral')).toContainText(
    `Referred from ${DHAKA} (${pending.bookingReference}) by Dr. Kamal Hossain`,
  )
  // Its counts are untouched until she decides.
  await nasrin.getByRole('button', { name: 'Availability' }).click()
  await expect(nasrin.getByTestId(`board-${square}-beds`)).toHaveText('4 free / 4')
  await expect(nasrin.getByTestId(`board-hospital-${square}`)).toContainText('0.0% occupied now')
  await nasrin.screenshot({ path: shot('board-occupancy') })
  await nasrinContext.close()

  // The administrator's census of every hospital: the referral out at one, in at the other.
  const adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const admin = await adminContext.newPage()
  await signIn(admin, desk, ADMIN.email, ADMIN.password)
  await admin.getByRole('button', { name: 'Reports' }).click()
  const byHospital = admin.getByRole('table', { name: 'Census figures by hospital' })
  await expect(byHospital.getByRole('row', { name: new RegExp(`^${SQUARE} Beds`) })).toBeVisible()
  const header = await byHospital.locator('thead th').allInnerTexts()
  const cell = async (hospital: string, column: string) =>
    (
      await byHospital
        .getByRole('row', { name: new RegExp(`^${hospital} Beds`) })
        .locator('th, td')
        .allInnerTexts()
    )[header.indexOf(column)]
  expect(await cell(DHAKA, 'Referrals out')).toBe('1')
  expect(await cell(DHAKA, 'Admissions')).toBe('1')
  expect(await cell(SQUARE, 'Referrals in')).toBe('1')
  expect(await cell(SQUARE, 'Referrals out')).toBe('0')
  await admin.screenshot({ path: shot('reports-admin-all') })
  await adminContext.close()
})
