// Where a JTL-Wawi REST server is found and how its host is written in the keychain contract: the
// default ports and database, and the host rule. One module for the core, the manifest check and the
// renderer. Plain data and string functions: no Node or DOM API.

/** The ports a Wawi REST server listens on: 5883 (JTL's default for `--port`) and 64110. */
export const WAWI_PORTS = [5883, 64110] as const;
/** The port assumed when an address is typed without one (and without a scheme). */
export const DEFAULT_PORT = WAWI_PORTS[0];
/** The database of JTL-Wawi's first Mandant, assumed when an address names none. */
export const DEFAULT_DATABASE = 'eazybusiness';
/** This computer, as discovery probes it: IPv4 and IPv6 loopback. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]'] as const;

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[0:0:0:0:0:0:0:1\])$/;

/**
 * The host rule of the keychain contract: lower case, a trailing dot dropped, every loopback name
 * (localhost, 127.x.x.x, ::1) written 127.0.0.1, IPv6 addresses in brackets.
 */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h.includes(':') && !h.startsWith('[')) h = `[${h}]`;
  return LOOPBACK.test(h) ? '127.0.0.1' : h;
}

/** True for a name of this computer, written any way (`localhost`, `127.0.0.2`, `[::1]`, `127.0.0.1`). */
export function isLoopbackHost(host: string): boolean {
  return normalizeHost(host) === '127.0.0.1';
}

/** The addresses discovery probes on this computer: every loopback host on every port given. */
export function loopbackCandidates(ports: readonly number[] = WAWI_PORTS): string[] {
  return LOOPBACK_HOSTS.flatMap((host) => ports.map((port) => `${host}:${port}`));
}
