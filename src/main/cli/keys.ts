import { stringFlag, UserError } from '../args'
import { encryptDatabase, rekeyDatabase } from '../db/encrypt'
import { loadOrCreateKeyFile, readKeyFile, recoveryCodeNotice, resolveKeyFile } from '../db/key'
import type { CliCommand } from './types'

function tableSummary(tables: Record<string, number>): string {
  const rows = Object.values(tables).reduce((a, b) => a + b, 0)
  return `${Object.keys(tables).length} tables, ${rows} rows`
}

export const keyCommands: Record<string, CliCommand> = {
  encrypt: {
    usage:
      'encrypt --key-file KEYFILE  encrypt a plain database (KEYFILE is made with a new key when it does not exist)',
    flags: [],
    run(_args, dbPath, ctx) {
      if (!ctx.keyFile)
        throw new UserError('Which key? Usage: npm run cli -- encrypt --db PATH --key-file KEYFILE')
      const { key, created } = loadOrCreateKeyFile(ctx.keyFile)
      if (created) for (const line of recoveryCodeNotice(ctx.keyFile, key)) console.log(line)
      const result = encryptDatabase(dbPath, key)
      console.log(`Encrypted ${dbPath} (${tableSummary(result.tables)}, every one checked).`)
      console.log(`Open it from now on with --key-file ${ctx.keyFile} (or RAPIDCARE_KEY_FILE).`)
      console.log('Backups made before today are not encrypted: delete them once a new backup has been made.')
    },
  },
  rekey: {
    usage:
      'rekey --key-file OLD --new-key-file NEW  re-encrypt with another key (NEW is made when it does not exist)',
    flags: ['new-key-file'],
    run(args, dbPath, ctx) {
      const newFile = resolveKeyFile(stringFlag(args, 'new-key-file'), {})
      if (!ctx.keyFile || !newFile)
        throw new UserError(
          'Which keys? Usage: npm run cli -- rekey --db PATH --key-file OLD --new-key-file NEW',
        )
      if (newFile === ctx.keyFile)
        throw new UserError('--new-key-file must name another file than --key-file.')
      const oldKey = readKeyFile(ctx.keyFile)
      const { key: newKey, created } = loadOrCreateKeyFile(newFile)
      if (created) for (const line of recoveryCodeNotice(newFile, newKey)) console.log(line)
      const result = rekeyDatabase(dbPath, oldKey, newKey)
      console.log(`Re-encrypted ${dbPath} with the key in ${newFile} (${tableSummary(result.tables)}).`)
      console.log(
        `Open it from now on with --key-file ${newFile}. Keep ${ctx.keyFile} (or its recovery code) with the backups made before: they still need it.`,
      )
    },
  },
}
