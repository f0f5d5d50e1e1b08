// The Wawi simulator's entry for other tools: the server, and the demo app that `register --demo`
// registers (a manifest file with its icon beside it, read through the product's own manifest checks).
export { startWawiSim } from './server';
export type { Fault, PathVersion, SimOptions, WawiSim } from './types';

/** The demo app's manifest file (beside this module, or beside the bundle that holds it). */
export const DEMO_MANIFEST = new URL('./demo-app/manifest.json', import.meta.url);
