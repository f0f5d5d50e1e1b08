// zod as the helper uses it: named parts only. Through `z` itself a bundle keeps all of zod, its
// translations of error messages in some 40 languages among it (450 KB in the CLI, about 30 ms at every
// start); through these names it keeps what the schemas use.
//
// A schema that not every command needs is built when first used: `lazy(() => object({…}))`. Building
// schemas is paid at every start: `wawi-register list` built 363 zod types before, 105 now (measured
// 6 Dec 2026). A lazy one costs one until it parses something. Compose with `.unwrap()` (manifestSchema).
export {
  array,
  boolean,
  enum,
  type infer,
  iso,
  lazy,
  literal,
  number,
  object,
  record,
  string,
  union,
  ZodType,
} from 'zod';
