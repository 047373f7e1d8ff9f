/**
 * The hub's TLS certificate: self-signed, made once on first start and kept beside the database,
 * so its SHA-256 fingerprint — what every other desk pins — stays the same across restarts.
 *
 * Made with `selfsigned` (maintained; since v5 it signs with Node's own WebCrypto through
 * @peculiar/x509, no hand-rolled ASN.1 here and no node-forge). EC P-256: a key in milliseconds,
 * small handshakes. Ten years: a desk pins this exact certificate, so renewing it means re-pinning
 * every desk, which a hospital should do on purpose (delete the two files), not on a timer.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { addYears } from 'date-fns'
import selfsigned from 'selfsigned'

export interface HubCertificate {
  cert: string
  key: string
  /** SHA-256 of the certificate, `AA:BB:…`: what a connecting desk pins. */
  fingerprint: string
  certPath: string
  keyPath: string
}

export function certificatePaths(dbPath: string): { certPath: string; keyPath: string } {
  return { certPath: `${dbPath}.hub-cert.pem`, keyPath: `${dbPath}.hub-key.pem` }
}

export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256
}

/** Write beside the target and rename, so a crash never leaves half a key. */
function writeAtomically(file: string, text: string, mode: number): void {
  const temp = `${file}.tmp-${process.pid}`
  fs.writeFileSync(temp, text, { mode })
  fs.renameSync(temp, file)
}

export async function loadOrCreateCertificate(
  dbPath: string,
  names: { dns: string[]; ips: string[] },
  now: Date = new Date(),
): Promise<HubCertificate & { created: boolean }> {
  const { certPath, keyPath } = certificatePaths(dbPath)
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const cert = fs.readFileSync(certPath, 'utf8')
    const key = fs.readFileSync(keyPath, 'utf8')
    return { cert, key, fingerprint: fingerprintOf(cert), certPath, keyPath, created: false }
  }
  const made = await selfsigned.generate([{ name: 'commonName', value: names.dns[0] ?? 'rapidcare-hub' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: addYears(now, 10),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.dns.map((value) => ({ type: 2 as const, value })),
          ...names.ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  })
  // The key is readable by the desk's own account only.
  writeAtomically(keyPath, made.private, 0o600)
  writeAtomically(certPath, made.cert, 0o644)
  return {
    cert: made.cert,
    key: made.private,
    fingerprint: fingerprintOf(made.cert),
    certPath,
    keyPath,
    created: true,
  }
}
