/**
 * Where the database may live. SQLite's WAL keeps its index in shared memory (`-shm`), which only
 * processes on one machine can share: on a network filesystem two desks on two machines each see
 * their own, and the file is corrupted. So a database on NFS, SMB/CIFS or a Windows UNC path is
 * refused at open (DESIGN.md, "Offline and many desks": the hub shares the desk instead).
 */
import fs from 'node:fs'
import path from 'node:path'

/** Linux `statfs` f_type magic numbers of network filesystems (linux/magic.h, and the FUSE-less ones). */
const NETWORK_MAGIC: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x564c: 'NCP (NetWare)',
  0x5346414f: 'AFS',
  0x6b414653: 'AFS',
  0x73757245: 'Coda',
  0x00c36400: 'Ceph',
  0x01161970: 'GFS2',
  0x7461636f: 'OCFS2',
  0x0bd00bd0: 'Lustre',
}

/** The network filesystem a statfs type names, or null for a local one (FUSE is not judged: ntfs-3g is local). */
export function networkFilesystemName(type: number | bigint): string | null {
  const n = Number(BigInt.asUintN(32, BigInt(type)))
  return NETWORK_MAGIC[n] ?? null
}

/** `\\server\share\…` (and `\\?\UNC\…`); on Windows also `//server/share/…`. Not `\\?\C:\…` or `\\.\`. */
export function isUncPath(file: string, platform: NodeJS.Platform = process.platform): boolean {
  if (/^\\\\\?\\UNC\\/i.test(file)) return true
  if (/^\\\\[?.]\\/.test(file)) return false
  if (/^\\\\[^\\]+\\[^\\]+/.test(file)) return true
  return platform === 'win32' && /^\/\/[^/]+\/[^/]+/.test(file)
}

/** The nearest folder of `file` that exists (the file and its folders may not exist yet). */
function existingAncestor(file: string): string {
  let dir = path.resolve(path.dirname(file))
  while (!fs.existsSync(dir)) {
    const up = path.dirname(dir)
    if (up === dir) break
    dir = up
  }
  return dir
}

/** Why `file` must not hold a SQLite database (a network filesystem), or null where it may. */
export function networkLocation(file: string): string | null {
  if (isUncPath(file)) return 'a network share (a \\\\server\\share path)'
  if (process.platform !== 'linux') return null
  try {
    const name = networkFilesystemName(fs.statfsSync(existingAncestor(file)).type)
    return name ? `a network filesystem (${name})` : null
  } catch {
    return null
  }
}
