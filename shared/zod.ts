// zod as the helper uses it: named parts only. Through `z` itself a bundle keeps all of zod, its
// translations of error messages in some 40 languages among it (450 KB in the CLI, about 30 ms at every
// start); through these names it keeps what the schemas use.
export {
  array,
  boolean,
  enum,
  type infer,
  iso,
  literal,
  number,
  object,
  record,
  string,
  union,
  ZodType,
} from 'zod';
