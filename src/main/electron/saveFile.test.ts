import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from './window'
import { registerSaveFile, SAVE_FILE_CHANNEL } from './saveFile'

function setup(answer: string | null) {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>()
  const written: { path: string; bytes: number }[] = []
  const asked: [string, string][] = []
  registerSaveFile(
    { handle: (c, fn) => handlers.set(c, fn as never) },
    {
      askPath: async (name, type) => (asked.push([name, type]), answer),
      writeFile: async (path, data) => void written.push({ path, bytes: data.length }),
    },
  )
  const invoke = (input: unknown, url = `${APP_ORIGIN}/index.html`) =>
    handlers.get(SAVE_FILE_CHANNEL)!({ senderFrame: { url } } as unknown as IpcMainInvokeEvent, input)
  return { invoke, written, asked }
}

describe('Save an export', () => {
  it('asks where, for the file’s own type, and writes the bytes there', async () => {
    const s = setup('/home/desk/census.xlsx')
    const data = new Uint8Array([80, 75, 3, 4])
    expect(await s.invoke({ name: 'Census 2026-03-10.xlsx', data })).toEqual({
      saved: true,
      path: '/home/desk/census.xlsx',
    })
    expect(s.asked).toEqual([['Census 2026-03-10.xlsx', 'xlsx']])
    expect(s.written).toEqual([{ path: '/home/desk/census.xlsx', bytes: 4 }])
  })

  it('writes nothing when cancelled, for another type, a path-like name, a foreign page or bad data', async () => {
    expect(await setup(null).invoke({ name: 'a.csv', data: new Uint8Array(1) })).toEqual({
      saved: false,
      reason: 'Cancelled.',
    })
    const s = setup('/tmp/x')
    expect(await s.invoke({ name: 'run.sh', data: new Uint8Array(1) })).toMatchObject({ saved: false })
    expect(await s.invoke({ name: '../../etc/cron.csv', data: new Uint8Array(1) })).toMatchObject({
      saved: false,
    })
    expect(await s.invoke({ name: 'a.csv', data: 'text' })).toMatchObject({ saved: false, reason: /^data:/ })
    expect(await s.invoke({ name: 'a.csv', data: new Uint8Array(1) }, 'https://evil.example/')).toEqual({
      saved: false,
      reason: 'Refused.',
    })
    expect(s.written).toEqual([])
    expect(s.asked).toEqual([])
  })
})
