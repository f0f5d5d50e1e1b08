// The wawi-register commands as data: each command, its description in each language and its options
// (./options.ts). One table for parsing (./parse.ts) and for help (./help.ts).
import { DEFAULT_PORT, LOOPBACK_HOSTS, WAWI_PORTS } from '../../../shared/wawi-address';
import {
  app,
  fingerprint,
  GLOBAL_OPTIONS,
  HELP_OPTION,
  insecureHttp,
  manifest,
  type OptionSpec,
  refusedTrust,
  selfSigned,
  timeout,
  VERSION_OPTION,
  type Words,
  wawi,
} from './options';

export interface CommandSpec {
  description: Words;
  options: readonly OptionSpec[];
}

const table = {
  discover: {
    description: {
      en: `find Wawi REST servers on this computer (${LOOPBACK_HOSTS.join(' and ')}, ports ${WAWI_PORTS.join(' and ')})`,
      de: `Wawi-REST-Server auf diesem Computer suchen (${LOOPBACK_HOSTS.join(' und ')}, Ports ${WAWI_PORTS.join(' und ')})`,
    },
    options: [
      wawi({
        en: 'probe this address too (more than once allowed)',
        de: 'auch diese Adresse prüfen (mehrfach möglich)',
      }),
      ...refusedTrust,
    ],
  },
  register: {
    description: {
      en: 'register the app described by the manifest',
      de: 'die im Manifest beschriebene App registrieren',
    },
    options: [
      manifest(),
      wawi(),
      timeout,
      {
        flags: '--show-key',
        help: {
          en: 'print the API key after registering (with a warning)',
          de: 'den Schlüssel nach der Registrierung ausgeben (mit Warnung)',
        },
      },
      selfSigned,
      fingerprint,
      insecureHttp,
      {
        flags: '--no-wait-for-dialog',
        help: {
          en: "fail at once (exit 20) when Wawi's registration dialog is not open, instead of waiting for it",
          de: 'sofort abbrechen (Exit 20), wenn der Registrierungsdialog in JTL-Wawi nicht offen ist, statt auf ihn zu warten',
        },
      },
      {
        flags: '--demo',
        help: {
          en: 'register a demo app against an embedded simulator',
          de: 'eine Demo-App bei einem eingebetteten Simulator registrieren',
        },
      },
      {
        flags: '--another-instance',
        help: {
          en: 'register a further instance of a MultiInstance app registered here',
          de: 'eine weitere Instanz einer hier registrierten MultiInstance-App registrieren',
        },
      },
      app,
    ],
  },
  'check-manifest': {
    description: {
      en: 'check a manifest without sending anything to Wawi (asks its SignatureProvider)',
      de: 'ein Manifest prüfen, ohne etwas an JTL-Wawi zu senden (fragt seinen SignatureProvider)',
    },
    options: [manifest(), ...refusedTrust],
  },
  status: {
    description: {
      en: 'registrations waiting for acceptance (pending)',
      de: 'Registrierungen, die auf Annahme warten',
    },
    options: refusedTrust,
  },
  resume: {
    description: {
      en: 'continue the pending registrations (all at once)',
      de: 'die wartenden Registrierungen fortsetzen (alle zugleich)',
    },
    options: [timeout, ...refusedTrust],
  },
  discard: {
    description: {
      en: 'drop a pending registration on this computer',
      de: 'eine wartende Registrierung auf diesem Computer verwerfen',
    },
    options: [app, wawi(), ...refusedTrust],
  },
  list: {
    description: { en: 'registrations on this computer', de: 'Registrierungen auf diesem Computer' },
    options: [
      { flags: '--verify', help: { en: 'check every key', de: 'jeden Schlüssel prüfen' } },
      ...refusedTrust,
    ],
  },
  verify: {
    description: {
      en: 'check a stored key with a read endpoint its scopes allow',
      de: 'einen gespeicherten Schlüssel mit einer Leseabfrage prüfen, die seine Berechtigungen erlauben',
    },
    options: [app, wawi(), ...refusedTrust],
  },
  rotate: {
    description: {
      en: 'you remove the app in Wawi; the helper registers again and replaces the key',
      de: 'Sie entfernen die App in JTL-Wawi; der Helfer registriert sie neu und erneuert den Schlüssel',
    },
    options: [
      app,
      wawi(),
      manifest({
        en: 'the manifest to register again with (default: the one kept here)',
        de: 'das Manifest für die neue Registrierung (Standard: das hier gespeicherte)',
      }),
      timeout,
      ...refusedTrust,
    ],
  },
  revoke: {
    description: {
      en: 'you remove the app in Wawi; once the key gets 401 it is deleted here',
      de: 'Sie entfernen die App in JTL-Wawi; sobald der Schlüssel 401 erhält, wird er hier gelöscht',
    },
    options: [
      app,
      wawi(),
      {
        flags: '--local-only',
        help: {
          en: 'forget it on this computer only (the app stays registered in Wawi)',
          de: 'nur auf diesem Computer vergessen (die App bleibt in JTL-Wawi registriert)',
        },
      },
      timeout,
      ...refusedTrust,
    ],
  },
  trust: {
    description: {
      en: 'trust a registered server again (renewed certificate, plain http)',
      de: 'einem registrierten Server wieder vertrauen (erneuertes Zertifikat, unverschlüsseltes http)',
    },
    options: [app, wawi(), fingerprint, insecureHttp, { ...selfSigned, hidden: true }],
  },
  sim: {
    description: { en: 'start the Wawi simulator', de: 'den Wawi-Simulator starten' },
    options: [
      {
        flags: '--port <port>',
        help: { en: 'port (0: any free one)', de: 'Port (0: irgendein freier)' },
        default: String(DEFAULT_PORT),
      },
      {
        flags: '--host <host>',
        help: { en: 'listen address', de: 'Adresse, auf der er lauscht' },
        default: '127.0.0.1',
      },
      {
        flags: '--db <name>',
        help: {
          en: 'a database (Mandant); more than once for several',
          de: 'eine Datenbank (Mandant); mehrfach für mehrere',
        },
        repeat: true,
      },
      {
        flags: '--auto-accept <ms>',
        help: {
          en: 'accept each request this many ms after it arrives',
          de: 'jede Anfrage so viele ms nach ihrem Eingang annehmen',
        },
      },
      {
        flags: '--state <file>',
        help: {
          en: 'keep registrations in this file across restarts',
          de: 'Registrierungen über Neustarts hinweg in dieser Datei behalten',
        },
      },
      ...refusedTrust,
    ],
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof table;
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = table;

/** The options a command accepts: its own, the global ones, help and version. */
export function optionsOf(name: CommandName | undefined): OptionSpec[] {
  return [...(name ? COMMANDS[name].options : []), ...GLOBAL_OPTIONS, VERSION_OPTION, HELP_OPTION];
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
