// A build step for the CLI's ES module chunks: Node's built-in modules are taken with
// process.getBuiltinModule (Node 20.16+) instead of `import … from "node:…"`. An ES import of a
// built-in builds its module facade, which reads every export: for node:fs that loads its streams and
// fs/promises, about 4 ms of each start that `list` or `--help` never use (measured 6 Dec 2026,
// `wawi-register list` 75.8 → 71.7 ms).
//
// The source maps stay exact: each import statement becomes spaces of its own length (every later
// column keeps its place), and its bindings are declared on the first line, the banner's, which the
// maps leave unmapped. Named imports only; anything else is left as it is and reported.

const NAMED = /import\{([^}]*)\}from"(node:[a-z_/]+)";?/g;

/**
 * @param {string} code one output chunk (its first line is the banner)
 * @returns {{ code: string, moved: number, left: string[] }}
 */
export function builtinsWithoutFacade(code) {
  const declarations = [];
  const out = code.replace(NAMED, (statement, names, id) => {
    const pairs = names.split(',').map((n) => {
      const [imported, local] = n.trim().split(/\s+as\s+/);
      return local ? `${imported}:${local}` : imported;
    });
    declarations.push(`const{${pairs.join(',')}}=process.getBuiltinModule(${JSON.stringify(id)});`);
    return ' '.repeat(statement.length);
  });
  const left = [...out.matchAll(/import[^;"]*from"node:[^"]*"/g)].map((m) => m[0]);
  const firstBreak = out.indexOf('\n');
  if (!declarations.length || firstBreak < 0) return { code, moved: 0, left };
  return {
    code: `${out.slice(0, firstBreak)} ${declarations.join('')}${out.slice(firstBreak)}`,
    moved: declarations.length,
    left,
  };
}
