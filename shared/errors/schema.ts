// A typed error as it crosses a boundary (IPC, --json, flow events): the zod schema and its type.
import * as z from '../zod';
import { ERROR_CODES } from './meta';

export const errorCodeSchema = z.enum(ERROR_CODES);

export const serializedErrorSchema = z.object({
  code: errorCodeSchema,
  /** Plain words for logs and --json; never contains a key or challenge code. */
  message: z.string(),
  status: z.optional(z.int()),
  fields: z.optional(z.record(z.string(), z.array(z.string()))),
  /** Non-secret details for the texts, e.g. the address tried. */
  params: z.optional(z.record(z.string(), z.string())),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;
