/**
 * The hub's own names and addresses: what its certificate names, and the only values a request's
 * Host and Origin may carry (anything else is a page elsewhere, or DNS rebinding).
 */
import os from 'node:os'

export interface HubNames {
  /** Host names: the one given with --host-name, the machine's own, localhost. */
  dns: string[]
  /** Every IPv4 address of the machine's interfaces, loopback included. */
  ips: string[]
  /** What the server prints and the Settings show: --host-name, else the first LAN address. */
  display: string
}

export function hubNames(
  hostName?: string,
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
  machine: string = os.hostname(),
): HubNames {
  const all = Object.values(interfaces).flatMap((list) => list ?? [])
  const v4 = all.filter((i) => i.family === 'IPv4')
  const lan = v4.filter((i) => !i.internal).map((i) => i.address)
  const ips = [...new Set([...lan, ...v4.filter((i) => i.internal).map((i) => i.address), '127.0.0.1'])]
  const dns = [
    ...new Set([hostName, machine, 'localhost'].filter((n): n is string => !!n).map((n) => n.toLowerCase())),
  ]
  return { dns, ips, display: hostName ?? lan[0] ?? machine }
}

/** Every name and address this hub answers to (Host and Origin carry one of them, with the port). */
export function allowedHostNames(names: HubNames): string[] {
  return [...names.dns, ...names.ips]
}
