// The one validating dispatcher: every payload is checked against its channel's request schema, the
// answer is parsed with the response schema (dropping whatever the contract does not name), and every
// failure becomes a typed error envelope. Nothing here knows what a channel does.
import { type Channel, isChannel } from '../../shared/ipc/channels';
import { CHANNELS, type Envelope, type Request, type Response } from '../../shared/ipc/schemas';
import { asHelperError, HelperError } from '../core/index';

export type Handler<C extends Channel> = (req: Request<C>) => Promise<Response<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

const failed = (err: HelperError): Envelope => ({ ok: false, error: err.toJSON() });

export function createDispatcher(
  table: HandlerTable,
  onError: (channel: Channel, err: HelperError) => void,
): (channel: string, payload: unknown) => Promise<Envelope> {
  return async (channel, payload) => {
    if (!isChannel(channel))
      return failed(
        new HelperError('invalid-input', { params: { reason: `Unknown channel "${channel}".` } }),
      );
    const parsed = CHANNELS[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
        .join('; ');
      return failed(new HelperError('invalid-input', { params: { reason } }));
    }
    try {
      const data = await (table[channel] as Handler<Channel>)(parsed.data as never);
      return { ok: true, data: CHANNELS[channel].response.parse(data) };
    } catch (err) {
      const e = asHelperError(err);
      onError(channel, e);
      return failed(e);
    }
  };
}
