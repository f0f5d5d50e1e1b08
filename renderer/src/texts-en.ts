// The wizard's words in English (error texts come from shared/errors/).
import type { ScopeSummary } from '../../shared/scope-words';
import type { ServiceKeyState } from '../../shared/service-account';
import { MENU } from '../../shared/ui-terms';
import { DEFAULT_DATABASE, DEFAULT_PORT, WAWI_PORTS } from '../../shared/wawi-address';

/** Button names, also named in sentences that send the merchant to them. */
const MANAGE = 'Manage registrations';
const CHECK = 'Check';
const MANAGE_QUOTED = `"${MANAGE}"`;
const CHECK_QUOTED = `"${CHECK}"`;

export const en = {
  appTitle: 'Wawi Registration Helper',
  switchLanguage: 'Switch language',
  stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
  loading: 'Loading…',
  startFailedTitle: 'The helper could not start',
  back: 'Back',
  continue: 'Continue',
  cancel: 'Cancel',
  close: 'Close',
  tryAgain: 'Try again',
  startOver: 'Start again',
  manage: MANAGE,

  connectTitle: 'Connect to your JTL-Wawi',
  connectIntro: (name: string) => `Choose the Wawi REST server that ${name} should use.`,
  searching: 'Searching this computer for Wawi REST servers…',
  found: (n: number) => (n === 1 ? 'One Wawi REST server found.' : `${n} Wawi REST servers found.`),
  noneFound: `No Wawi REST server was found on this computer (ports ${WAWI_PORTS.join(' and ')}). Enter its address below.`,
  serversLegend: 'Wawi REST server',
  serverLine: (db: string, version?: string) => `Mandant ${db}${version ? ` · JTL-Wawi ${version}` : ''}`,
  otherPcTitle: 'Does the Wawi REST server run on another computer?',
  otherPcSteps: [
    'It often runs on the computer that also holds the Wawi database, not at your desk. If in doubt, ask your IT.',
    `Choose "Other address" and type that computer's name or IP address with port and Mandant, for example http://wawi-server:${DEFAULT_PORT}/api/${DEFAULT_DATABASE}.`,
    'For other computers to reach it, the REST server must be reachable on the network, not only on that one computer (127.0.0.1). Your IT sets this up where the service is started.',
  ],
  vendorWebsite: "Open the vendor's website",
  mandantUnknown: (typed: string, found: string) =>
    `This Wawi REST server has no Mandant "${typed}". Check the spelling; the one found is "${found}".`,
  mandantLabel: 'Mandant',
  mandantHint: 'Change this only if the app should work with another Mandant of this JTL-Wawi.',
  otherAddress: 'Another address',
  addressLabel: 'Address of the Wawi REST server',
  addressHint: `For example 127.0.0.1:${DEFAULT_PORT} or http://wawi-server:${DEFAULT_PORT}/api/${DEFAULT_DATABASE}`,
  searchAgain: 'Search again',
  checking: 'Checking the server…',
  checkAndContinue: 'Check and continue',

  reviewTitle: 'Check the app and send the request',
  reviewIntro:
    'This app asks for access to your JTL-Wawi. Check who it is from and what it may do, then send the request: you accept it in JTL-Wawi.',
  provider: 'Provider',
  website: 'Website',
  openWebsite: 'Open website',
  version: 'Version',
  requiredScopes: 'Required permissions',
  optionalScopes: 'Optional permissions',
  optionalHint: 'The app also works without these. You decide in JTL-Wawi whether it gets them.',
  noScopes: 'None',
  scopeCount: (n: number) => (n === 1 ? '1 permission' : `${n} permissions`),
  risk: { delete: 'deletes data', write: 'changes data or triggers actions', all: 'all data' },
  /** The permissions at a glance, above the list. */
  scopeSummary: (s: ScopeSummary) => {
    const areas = (n: number) => (n === 1 ? '1 area' : `${n} areas`);
    const parts = [
      s.readsAll ? 'read all data' : '',
      s.deletes ? `delete in ${areas(s.deletes)}` : '',
      s.writes ? `change data or trigger actions in ${areas(s.writes)}` : '',
    ].filter(Boolean);
    return parts.length ? `May: ${parts.join(' · ')}` : `May only read, in ${areas(s.areas)}`;
  },
  nextTitle: 'What happens next',
  nextText: `In JTL-Wawi open ${MENU} and click "Hinzufügen", then "Weiter". The request appears there as soon as the dialog waits; you can open it before or after sending.`,
  send: 'Send request',
  sending: 'Sending…',

  waitingTitle: 'Accept the request in JTL-Wawi',
  dialogTitle: 'Open the registration dialog in JTL-Wawi',
  dialogSteps: [`In JTL-Wawi open ${MENU}.`, 'Click "Hinzufügen", then "Weiter".'],
  waitingForDialog: 'The request is sent as soon as the dialog waits.',
  dialogClosedTitle: 'The registration dialog was closed',
  dialogClosed:
    'The dialog was closed, so the request waiting in it expired. A new one is sent as soon as the dialog waits again.',
  lookFor: 'In the registration dialog, look for this request. Wawi shows it like this:',
  factVersion: 'Version',
  factAppId: 'App ID',
  factServer: 'Sent to',
  factMandant: 'Mandant',
  requestedScopes: 'Permissions asked for',
  showMore: 'Read the whole description',
  showLess: 'Show less',
  factSentAt: 'Sent',
  by: 'by',
  acceptSteps: ['Check the permissions.', 'Click "Annehmen".'],
  stillWaiting: 'Waiting for your decision in JTL-Wawi',
  /** Beside the elapsed time while waiting. */
  timeLeft: (clock: string) => `${clock} left`,
  /** The last minutes of the wait: the request stays valid in Wawi, the wait can go on. */
  endsSoon: (clock: string) =>
    `The wait ends in ${clock}. The request stays valid in JTL-Wawi: keep waiting if you need more time.`,
  keepWaitingLonger: 'Keep waiting',
  /** After the first minute: one status request now (it claims nothing itself). */
  haveAccepted: 'I have accepted it',
  /** Wawi answered "pending" to the request the merchant asked for. */
  askedStillOpen:
    'Asked: in JTL-Wawi the request is not accepted yet. Click "Annehmen" (Accept) on this request there; the helper keeps asking.',
  retrying: (why: string, s: number) => `${why}. Trying again in ${s} s.`,
  storing: 'Accepted. Storing the key safely…',
  keyWaitingTitle: 'Accepted, but the key is not stored yet',
  keyWaitingText: (platform: string): string =>
    `JTL-Wawi accepted the registration and handed out the key. ${en.keychainSubject(platform)} refuses it right now, so it is kept in memory only and stored as soon as it can be.`,
  retryNow: 'Retry',
  keepTrying: 'Keep trying',
  giveUpKey: 'Give up the key',
  giveUpWarning:
    'If you give up now, the key is lost: JTL-Wawi hands it out only once. The app then has to be removed in JTL-Wawi and registered again.',
  discardAndStartOver: 'Discard and start again',
  discardRequest: 'Discard the request',
  keepRequest: 'Keep it',
  discardWarning:
    'If the request is accepted in JTL-Wawi after you discard it here, its key can no longer be collected: reject it in JTL-Wawi instead, or keep it.',
  verifying: 'Checking the new key…',
  succeeded: 'Done.',

  doneTitle: 'The app is connected',
  advanced: 'Advanced',
  copyWarning:
    'The key gives full access to the Wawi API as this app, with all the permissions above. Never paste it into an e-mail, a ticket or a chat.',
  doneIntro: (name: string) => `${name} can now use your JTL-Wawi.`,
  doneWhere: (name: string, platform: string) =>
    `The key is stored safely in ${en.keychain(platform)} of your user account. ${name} reads it from there by itself: you need not copy or type anything.`,
  doneClose: 'You can close this window now.',
  /** A service app's copy of its key (record.serviceKey): what became of it, and what to do. */
  serviceKey: {
    stored: (account, path) =>
      `For the app's Windows service (account ${account}) a copy of the key is in ${path}. Only that account, you, the system and administrators can read it.`,
    'not-windows': (account) =>
      `The vendor says the app runs as a Windows service (account ${account}). Services exist on Windows only: on this computer the key is in your keychain only. Register the app on the Windows PC where the service runs.`,
    'account-unknown': (account) =>
      `Windows does not know the service account ${account} the vendor names, so the service cannot read the key yet. Your key is stored safely. Ask the vendor or your IT to set up the account, then click ${CHECK_QUOTED} for this app under ${MANAGE_QUOTED}.`,
    denied: (account, path) =>
      `Windows does not let the helper write to the folder for service keys: another user of this PC set it up. Your key is stored safely, but the service (account ${account}) cannot read it yet. Ask your IT to give you access to the folder ${path}, then click ${CHECK_QUOTED} for this app under ${MANAGE_QUOTED}.`,
    missing: (account) =>
      `The copy of the key for the Windows service (account ${account}) could not be made. Your key is stored safely. Click ${CHECK_QUOTED} for this app under ${MANAGE_QUOTED} to try again.`,
    differs: (account) =>
      `The copy of the key for the Windows service (account ${account}) holds another key. Click ${CHECK_QUOTED} for this app under ${MANAGE_QUOTED} to replace it.`,
    failed: (account) =>
      `The copy of the key for the Windows service (account ${account}) could not be made. Your key is stored safely. Click ${CHECK_QUOTED} for this app under ${MANAGE_QUOTED} to try again.`,
  } as Record<ServiceKeyState, (account: string, path: string) => string>,
  colService: 'Windows service',
  keychainSubject: (platform: string): string =>
    platform === 'win32'
      ? 'The Windows Credential Manager'
      : platform === 'darwin'
        ? 'The macOS Keychain'
        : "The system's keyring",
  keychain: (platform: string): string =>
    platform === 'win32'
      ? 'the Windows Credential Manager'
      : platform === 'darwin'
        ? 'the macOS Keychain'
        : 'the system keyring',
  entryName: 'Entry',
  verifiedWorks: 'The key was checked and works.',
  verifiedScope:
    'The key works; the app may not read anything the helper could check it with (no read permission was granted).',
  verifiedRejected: 'Warning: JTL-Wawi does not accept the key.',
  verifiedUnknown: 'The key could not be checked right now; it is stored.',
  granted: 'Granted permissions',
  copyKey: 'Copy key',
  copyHint: 'Only if the app vendor asks you to paste it somewhere.',

  failureTitle: 'That did not work',
  addressTried: 'Address tried',
  supportTitle: 'For support',
  copyDetails: 'Copy details',
  detailsCopied: 'The details are on the clipboard. They contain no key.',
  detailsNotCopied: 'The details could not be copied.',
  technicalDetails: 'Technical details (for the app vendor or your IT)',
  openLogFolder: 'Open log folder',
  replaceRegistration: 'Register again',
  replaceWarning:
    'This computer has no key of this registration. To get one, you remove the app in JTL-Wawi and register it again: "Register again" leads you through both. Until the new request is accepted, the app has no access to JTL-Wawi.',
  unregisterTitle: 'Remove the app in JTL-Wawi first',
  unregisterWaiting: 'The new request is sent as soon as the app is removed and the dialog waits.',

  cancelledTitle: 'Cancelled',
  cancelledKept:
    'The request is still waiting in JTL-Wawi. "Keep waiting" waits for that same request again, without sending a new one. If you do not want the app, reject the request in JTL-Wawi.',
  keepWaiting: 'Keep waiting',
  cancelledNothingSent: 'Nothing was sent to JTL-Wawi.',
  cancelledNothingChanged: 'Nothing was changed on this computer.',

  manageTitle: 'Registrations on this computer',
  manageIntro: (platform: string): string =>
    `Apps connected to a JTL-Wawi from this computer. Keys stay in ${en.keychain(platform)}; this list never shows them.`,
  none: 'No registrations on this computer yet.',
  registerApp: 'Register this app',
  registerOtherMandant: 'Register for another Mandant',
  checkAll: 'Check all',
  colApp: 'App',
  colServer: 'Wawi REST server',
  colKey: 'Key fingerprint',
  colRegistered: 'Registered',
  colChecked: 'Last checked',
  never: 'not yet',
  status: {
    works: 'Works',
    rejected: 'No longer accepted',
    'missing-scope': 'Works, permission missing',
    unreachable: 'Server unreachable',
    'certificate-changed': 'Certificate changed: nothing sent',
    unknown: 'Not checked',
  } as Record<string, string>,
  verify: CHECK,
  rotate: 'Rotate key',
  addInstance: 'Register another instance',
  instance: (n: number) => `Instance ${n}`,
  revoke: 'Revoke',
  rejectedExplained:
    'JTL-Wawi no longer accepts this key: the app was most likely removed there. Rotate the key to connect the app again, or forget the registration on this computer.',
  forget: 'Forget on this computer',
  forgetTitle: 'Forget on this computer only?',
  forgetText: (name: string) =>
    `The key of ${name} is deleted from this computer. The app stays registered in JTL-Wawi; remove it there (${MENU}) if it should lose access.`,
  forgetConfirm: 'Forget',
  forgotten: 'Forgotten on this computer.',

  rotateTitle: 'Rotate the key',
  revokeTitle: 'Revoke access',
  removeSteps: (name: string) => [`Open JTL-Wawi: ${MENU}.`, `Select "${name}" and click "Entfernen".`],
  rotateMore: ['Then click "Hinzufügen" and "Weiter", so Wawi waits for the new registration.'],
  rotateWhy:
    'JTL-Wawi keeps one key per app: the old registration has to be removed before a new key can be issued. The old key stays here until the new one is stored.',
  rotateGap:
    'From the removal until you accept the new request, the app has no access to JTL-Wawi. Choose a moment when it is not working (for example not during a sync).',
  revokeWhy: 'The helper waits until JTL-Wawi rejects the key, then deletes it from this computer.',
  waitingRemoval: 'Waiting until the old key stops working',
  removed: 'I have removed it',
  oldKeyDead: 'The old key no longer works.',
  /** After the removal: what is known of it (a 401, or only the merchant's word), then what to click. */
  waitingDialog: (proven: boolean) =>
    `${proven ? 'The old key no longer works.' : 'You confirmed that the app is removed.'} Now click "Hinzufügen" and "Weiter" in JTL-Wawi; the request is sent as soon as the dialog waits.`,
  stillRegistered:
    'JTL-Wawi still lists the app, so the new request cannot be sent yet. Remove the app there first (steps 1 and 2); the request goes out as soon as it is removed and the dialog waits.',
  revokedTitle: 'The access is revoked',
  revokedText: (name: string) => `${name} was removed in JTL-Wawi and its key deleted from this computer.`,
  rotatedTitle: 'The key was rotated',
};

export type Texts = typeof en;
