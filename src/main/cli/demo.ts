import { openDesk } from '../app'
import { stringFlag, UserError } from '../args'
import { makeDemo } from '../services/demo'
import type { CliCommand } from './types'

function whole(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text.replace(/[_,]/g, ''))
  if (!Number.isInteger(value) || value < 0)
    throw new UserError(`--${name} must be a whole number, not ${text}`)
  return value
}

export const demoCommands: Record<string, CliCommand> = {
  demo: {
    usage:
      'demo [--bookings N] [--password P] [--seed S]  a realistic demo data set: 50 hospitals, staff, N bookings (default 2000)',
    flags: ['bookings', 'password', 'seed'],
    run(args, dbPath, ctx) {
      const bookings = whole(stringFlag(args, 'bookings'), 'bookings', 2000)
      const seed = whole(stringFlag(args, 'seed'), 'seed', 20260101)
      const password = stringFlag(args, 'password')
      if (
        password !== undefined &&
        (password.length < 10 || !/[0-9]/.test(password) || !/\p{L}/u.test(password))
      )
        throw new UserError('--password needs at least 10 characters, with a letter and a digit')
      const desk = openDesk({ dbPath, key: ctx.key() })
      try {
        let lastShown = 0
        const result = makeDemo(
          {
            db: desk.db,
            now: () => new Date(),
            client: { workstation: 'cli', userAgent: 'rapidcare-cli demo' },
            app: desk.app,
          },
          {
            bookings,
            password,
            seed,
            onProgress(done, total) {
              if (process.stderr.isTTY && (done - lastShown >= total / 20 || done === total)) {
                lastShown = done
                process.stderr.write(
                  `\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} bookings`,
                )
              }
            },
          },
        )
        if (process.stderr.isTTY) process.stderr.write('\n')
        const s = result.byStatus
        console.log(
          `Made ${result.hospitals} hospitals (${result.approvedHospitals} approved), ${result.staff} staff and ${result.bookings.toLocaleString('en')} bookings in ${result.seconds.toFixed(1)} s.`,
        )
        console.log(
          `  pending ${s.pending}, approved ${s.approved}, admitted ${s.admitted}, completed ${s.completed}, declined ${s.declined}, cancelled ${s.cancelled}`,
        )
        if (result.adminEmail) console.log(`Administrator: ${result.adminEmail}`)
        console.log(
          'Staff: authority.h01@demo.rapidcare.test, desk1.h01@demo.rapidcare.test, desk1@demo.rapidcare.test, …',
        )
        console.log(`Password of every demo account: ${result.password}`)
        console.log(`Database: ${dbPath}`)
      } finally {
        desk.close()
      }
    },
  },
}
