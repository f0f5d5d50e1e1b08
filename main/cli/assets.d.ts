declare module '*.png' {
  /** Base64 of the file (esbuild's base64 loader). */
  const base64: string;
  export default base64;
}
