// `wawi-register sim`: starts the Wawi simulator (tools/wawi-sim) until Ctrl+C.

import { DEFAULT_PORT } from '../../../shared/wawi-address';
import { HelperError } from '../../core/index';
import type { Ctx } from '../context';

export async function simCommand({ io, out, options }: Pick<Ctx, 'io' | 'out' | 'options'>): Promise<number> {
  if (!io.startSim)
    throw new HelperError('invalid-input', {
      params: { reason: 'The simulator is not available in this build.' },
    });
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HelperError('invalid-input', {
      params: { reason: '--port must be a number from 0 to 65535.' },
    });
  const autoAccept = options.autoAccept === undefined ? undefined : Number(options.autoAccept);
  const sim = await io.startSim({
    port,
    host: options.host ?? '127.0.0.1',
    databases: options.db,
    autoAcceptMs: autoAccept,
    stateFile: options.state,
  });
  for (const db of options.db ?? ['eazybusiness']) out.result(`Wawi simulator: ${sim.apiUrl(db)}/`);
  out.result(`Admin page:     ${sim.adminUrl}`);
  out.say(out.t.simRunning);
  await new Promise<void>((resolve) => io.onInterrupt?.(() => resolve()));
  await sim.close();
  return 0;
}
