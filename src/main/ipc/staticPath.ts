/**
 * Which file of the built renderer a page path names, for browser mode's server and Electron's
 * `app://` protocol alike. A path that is not valid percent-encoding (`/%`), or that decodes to a
 * NUL, is the client's mistake: null, answered 400 without a stack. A path that leaves the
 * renderer folder gets the page itself (the app routes in the page, not by path).
 */
import path from 'node:path'

export function staticPath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const base = path.resolve(root)
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded))
  if (decoded === '/' || decoded === '' || (file !== base && !file.startsWith(base + path.sep)))
    return path.join(base, 'index.html')
  return file
}
