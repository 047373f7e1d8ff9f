/**
 * The one Content-Security-Policy of the desk: the Electron window and browser mode's pages both
 * get it. No remote origins, no eval, no inline script. Inline *style attributes* set through the
 * CSSOM (React's `style` prop) are not affected by style-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/**
 * The same policy for a <meta> tag: browsers ignore frame-ancestors there (and warn), so the meta
 * copy leaves it out; the header copies keep it.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ')
