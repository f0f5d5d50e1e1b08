// Anything a bridge call threw, as the error the screens show (an error from main keeps its code).
import type { SerializedError } from '../../../shared/errors/schema';
import { BridgeError } from '../../../shared/ipc/bridge';

export function toError(err: unknown): SerializedError {
  if (err instanceof BridgeError) return err.error;
  return {
    code: 'internal',
    message: String(err),
    params: { reason: err instanceof Error ? err.message : String(err) },
  };
}
