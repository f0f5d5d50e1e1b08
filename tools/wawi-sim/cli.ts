// `npm run sim -- [--port 5883] [--host 127.0.0.1] [--db eazybusiness] [--auto-accept <ms>] [--keep-dialog-open] [--state <file>]`
import { parseArgs } from 'node:util';
import { type PathVersion, startWawiSim } from './server';

const USAGE = `Usage: npm run sim -- [options]
  --port <n>           port to listen on (default 5883; 0 picks a free one)
  --host <addr>        address to listen on (default 127.0.0.1)
  --db <name>          a database ("Mandant") to serve; repeat for several (default eazybusiness)
  --auto-accept <ms>   open the registration window and accept every request after <ms>
  --keep-dialog-open   the registration dialog stays open after a decision (JTL-Wawi closes it; a
                       vendor trying several registrations in a row keeps it open)
  --state <file>       keep registrations in this JSON file across restarts
  --api <v1,v2>        versioned paths the server knows (default v1,v2)
  --unversioned <v1|v2> what /api/<db>/… without a version and without api-version answers (default v2)
  --licence-missing    answer 402 as a Wawi without licence does
  --wawi-version <v>   version reported by /info (default 1.10.12.0)
  --require-signature <secret>
                       accept only signed registrations (HMAC-SHA256 under <secret>, standing in
                       for JTL's check of certified apps); others get 402`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '5883' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', multiple: true },
      'auto-accept': { type: 'string' },
      'keep-dialog-open': { type: 'boolean' },
      state: { type: 'string' },
      api: { type: 'string' },
      unversioned: { type: 'string' },
      'licence-missing': { type: 'boolean' },
      'wawi-version': { type: 'string' },
      'require-signature': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}
try {
  values = parse().values;
} catch (err) {
  fail((err as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a number from 0 to 65535, not '${values.port}'.`);
let autoAcceptMs: number | undefined;
if (values['auto-accept'] !== undefined) {
  autoAcceptMs = Number(values['auto-accept']);
  if (!Number.isFinite(autoAcceptMs) || autoAcceptMs < 0)
    fail(`--auto-accept takes milliseconds, not '${values['auto-accept']}'.`);
}
const api = values.api?.split(',').map((s) => s.trim().toLowerCase());
if (api && (api.length === 0 || api.some((v) => v !== 'v1' && v !== 'v2')))
  fail(`--api takes v1, v2 or v1,v2, not '${values.api}'.`);

const unversioned = values.unversioned?.trim().toLowerCase();
if (unversioned !== undefined && unversioned !== 'v1' && unversioned !== 'v2')
  fail(`--unversioned takes v1 or v2, not '${values.unversioned}'.`);

async function main() {
  const sim = await startWawiSim({
    port,
    host: values.host,
    databases: values.db,
    autoAcceptMs,
    ...(values['keep-dialog-open'] ? { closeWindowAfterDecision: false } : {}),
    stateFile: values.state,
    pathVersions: api as PathVersion[] | undefined,
    unversioned: unversioned as PathVersion | undefined,
    licenceMissing: values['licence-missing'],
    wawiVersion: values['wawi-version'],
    signatureSecret: values['require-signature'],
  });
  for (const db of values.db?.length ? values.db : ['eazybusiness'])
    console.log(`Wawi simulator: ${sim.apiUrl(db)}/`);
  console.log(`Admin page:     ${sim.adminUrl}`);
  if (autoAcceptMs !== undefined) console.log(`Auto-accept:    every request after ${autoAcceptMs} ms`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE')
    fail(`Port ${port} on ${values.host} is already in use. Stop the other server or pick another --port.`);
  if (e.code === 'EADDRNOTAVAIL')
    fail(`The address ${values.host} is not on this machine. Use --host 127.0.0.1.`);
  console.error(`The simulator could not start: ${(err as Error).message}`);
  process.exit(1);
});
