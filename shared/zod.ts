// zod as the helper uses it: zod/mini, named parts only. Its schemas are built with functions
// (`optional(s)`, `s.check(minLength(1))`) instead of classic zod's methods, which every schema bound for
// itself. Measured on 6 December 2026: the schemas `wawi-register list` needs took 7.5 ms to build with
// classic zod and 2.5 ms with mini; `list` started 2.6 ms and `status` 6.1 ms sooner; the CLI's zod
// chunk went from 136 to 76 KB.
//
// A schema that not every command needs is built when first used: `lazy(() => object({…}))`. Compose
// from its builder (`once`), not from the lazy schema (see manifest.ts).

import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// English error messages (mini has none by default): the manifest check shows them to vendors.
config(en());

/** Builds a value on first use and keeps it: the object schema that lazy schemas are composed from. */
export function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

export {
  _default,
  array,
  boolean,
  check,
  enum,
  extend,
  type infer,
  int,
  iso,
  lazy,
  length,
  literal,
  looseObject,
  maximum,
  maxLength,
  minimum,
  minLength,
  nullable,
  nullish,
  number,
  object,
  omit,
  optional,
  pick,
  pipe,
  record,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  transform,
  trim,
  union,
  unknown,
  uuid,
  ZodMiniType as ZodType,
} from 'zod/mini';
