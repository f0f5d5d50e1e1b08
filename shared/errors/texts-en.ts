// The error texts in English: per code what happened and what to do next. {name} is filled in from the
// error's params; other wordings are in ./variants.ts, the advice per surface in ./advice.ts.

import { DEFAULT_DATABASE, DEFAULT_PORT, WAWI_PORTS } from '../wawi-address';
import type { ErrorCode } from './meta';
import { type ErrorText, MENU } from './text-types';

export const TEXTS_EN: Record<ErrorCode, ErrorText> = {
  unreachable: {
    title: 'The Wawi REST server does not answer',
    detail: 'No answer from {address}.',
    next: 'Check that the Wawi REST server (JTL.Wawi.Rest.exe) is running and the address and port are right, then try again.',
  },
  'tls-untrusted': {
    title: 'The server certificate is not trusted',
    detail:
      '{address} presents a certificate this computer does not trust (for example a self-signed one). SHA-256 fingerprint: {fingerprint}; issued to: {subject}. Nothing was sent.',
    next: 'Trust it only after comparing the fingerprint with the certificate on the Wawi REST server, or give the server a certificate this computer trusts.',
  },
  'certificate-changed': {
    title: 'The server certificate has changed',
    detail:
      '{address} presents another certificate than the one trusted for this registration. Trusted: {expected}. Now: {fingerprint}. The key was not sent.',
    next: 'If the certificate of the Wawi REST server was renewed, compare the new fingerprint on the server and trust it explicitly. If nobody renewed it, another computer may be posing as your Wawi: do not go on, and tell your IT.',
  },
  'insecure-http': {
    title: 'Unencrypted connection not confirmed',
    detail:
      '{address} is reached over plain http on the network. The registration and later the API key would travel unencrypted, readable by anyone on the network. Nothing was sent.',
    next: 'Set the Wawi REST server up for https and use its https address. Only if that is not possible, confirm the unencrypted connection explicitly.',
  },
  'signature-unavailable': {
    title: 'The app could not be signed',
    detail:
      'This app is certified by JTL and needs a fresh signature from its vendor for every registration. The signing service at {provider} did not deliver one. Nothing was sent to JTL-Wawi.',
    next: "Check this computer's internet connection and try again in a moment. If it keeps failing, tell the app vendor: their signing service is not working.",
  },
  'no-registration-window': {
    title: 'The registration dialog in JTL-Wawi is not open',
    detail: 'JTL-Wawi accepts a registration only while its dialog "Registrierung beginnen" waits for one.',
    next: `In JTL-Wawi open ${MENU}, click "Hinzufügen", then "Weiter", and try again.`,
  },
  'licence-missing': {
    title: 'No licence for the REST API',
    detail: 'This JTL-Wawi has no licence for the REST API, or the app is not authorised by JTL.',
    next: 'Check the JTL-Wawi licence for the REST API in the JTL customer centre, or ask the app vendor.',
  },
  'already-registered': {
    title: 'The app is already registered',
    detail: 'JTL-Wawi already has an app with the ID {appId}. It keeps one key per app.',
    next: `Remove the app in JTL-Wawi (${MENU}), then register it again: the new key replaces the old one, which stops working.`,
  },
  'instance-not-allowed': {
    title: 'No further instance of this app',
    detail:
      'JTL-Wawi registers {appId} only once (it is not a MultiInstance app), so it does not accept another instance.',
    next: 'Use the registration this computer already has. If the app really needs several instances, the app vendor has to register it as MultiInstance.',
  },
  'request-not-found': {
    title: 'The registration request is gone',
    detail: 'JTL-Wawi no longer knows this request; the registration dialog was probably closed.',
    next: `Open ${MENU} in JTL-Wawi again ("Hinzufügen", "Weiter") and start the registration again.`,
  },
  'already-handed-out': {
    title: 'The key was already handed out',
    detail:
      'JTL-Wawi hands out a key only once, and it was collected before it could be stored here. It cannot be fetched again.',
    next: `Remove the app in JTL-Wawi (${MENU}) and register it again.`,
  },
  rejected: {
    title: 'The registration was rejected',
    detail: 'The request was rejected in JTL-Wawi.',
    next: 'If that was a mistake, start the registration again and accept it in JTL-Wawi.',
  },
  'timed-out': {
    title: 'No answer from JTL-Wawi in time',
    detail: 'The request was neither accepted nor rejected within {timeout}.',
    next: `Is the registration dialog (${MENU}) still open? Start the registration again and accept it there.`,
  },
  cancelled: {
    title: 'Cancelled',
    detail: 'The operation was cancelled.',
    next: 'Nothing was changed. You can start again at any time.',
  },
  'request-unconfirmed': {
    title: 'An earlier request may still be waiting in JTL-Wawi',
    detail:
      'A registration of {appId} to {address} was interrupted on {startedAt} before JTL-Wawi confirmed it. JTL-Wawi may show that request; this computer cannot collect its key.',
    next: `In JTL-Wawi (${MENU}) reject a waiting request for this app if there is one. Then discard the interrupted registration here and start again.`,
  },
  unauthorized: {
    title: 'The key is not accepted',
    detail:
      'JTL-Wawi rejects the stored key: the app was removed in Wawi, or the key belongs to another Wawi.',
    next: 'Register the app again to get a new key.',
  },
  'missing-scope': {
    title: 'The key works, but lacks a permission',
    detail: 'JTL-Wawi accepts the key but the app was not granted the permission needed for this check.',
    next: 'If the app needs it, rotate the key and grant the permission in JTL-Wawi.',
  },
  'version-problem': {
    title: 'API version not supported',
    detail: 'The Wawi REST server does not support the API version this helper uses.',
    next: 'Update the Wawi REST server, or contact the app vendor.',
  },
  validation: {
    title: 'JTL-Wawi rejected the request data',
    detail: 'The server found problems in: {fields}.',
    next: 'This is a problem of the app manifest: please send this message to the app vendor.',
  },
  'server-error': {
    title: 'The Wawi REST server reported an error',
    detail: 'The server answered with error {status}.',
    next: 'Wait a moment and try again. If it keeps happening, restart the Wawi REST server.',
  },
  'bad-response': {
    title: 'Unexpected answer',
    detail: 'The answer from {address} is not what a Wawi REST server sends.',
    next: 'Check that the address points to the Wawi REST server and not to another program or a proxy.',
  },
  'manifest-invalid': {
    title: 'The app manifest is not valid',
    detail: 'The app manifest does not meet what JTL-Wawi requires.',
    next: 'The app vendor has to correct the manifest. Nothing was sent to JTL-Wawi.',
  },
  'keychain-unavailable': {
    title: 'The keychain cannot be used',
    detail: 'The {keychain} is not available or locked.',
    next: '{unlock} The helper keeps keys only in the keychain, never in a file.',
  },
  'key-not-stored': {
    title: 'The key could not be stored and is lost',
    detail:
      'JTL-Wawi accepted the registration and handed out the key, but the {keychain} stayed unavailable. JTL-Wawi hands out a key only once.',
    next: `Unlock or repair the keychain. Then remove the app in JTL-Wawi (${MENU}) and register it again.`,
  },
  'storage-failed': {
    title: 'Could not save on this computer',
    detail: 'Writing {path} failed.',
    next: 'Free some disk space or check the folder permissions, then try again. Nothing already saved was lost.',
  },
  'not-registered': {
    title: 'No such registration on this computer',
    detail: 'There is no key for {appId} at {address} on this computer.',
    next: 'See the registrations on this computer, or register the app first.',
  },
  'no-server-found': {
    title: 'No Wawi REST server found',
    detail: `No Wawi REST server answered on this computer (ports ${WAWI_PORTS.join(' and ')}).`,
    next: `Start the Wawi REST server, or enter its address (for example http://wawi-server:${DEFAULT_PORT}).`,
  },
  'several-servers': {
    title: 'Several Wawi REST servers found',
    detail: 'Found: {servers}.',
    next: 'Choose the server this app should use.',
  },
  'invalid-address': {
    title: 'This address is not usable',
    detail: 'This is not the address of a Wawi REST server.',
    next: `Enter it like 127.0.0.1:${DEFAULT_PORT} or http://wawi-server:${DEFAULT_PORT}/api/${DEFAULT_DATABASE}.`,
  },
  'already-running': {
    title: 'The helper is already open',
    detail:
      'The Wawi Registration Helper already runs on this computer and was brought to the front. This launch started nothing.',
    next: 'Finish or close the open helper window, then start again.',
  },
  'invalid-input': {
    title: 'Invalid input',
    detail: '{reason}',
    next: 'Correct the input and try again.',
  },
  internal: {
    title: 'Something went wrong',
    detail: 'An unexpected error occurred.',
    next: 'Try again. If it happens again, send the log file to the app vendor (it contains no keys).',
  },
};
