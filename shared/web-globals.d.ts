// The one platform API the contract uses: WHATWG URL, which every runtime of this project has (Node,
// Chromium, Electron). Declared here so that the shared project type-checks without Node or DOM types.
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly hostname: string;
  readonly protocol: string;
  toString(): string;
}
