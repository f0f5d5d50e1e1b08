// After the browser tests: this run's screen snapshots go (its Playwright output stays while a test
// failed, for the traces; otherwise it is empty and goes too).
import { readdirSync, rmSync } from 'node:fs';

export default function teardown() {
  const screens = process.env.WAWI_SCREENS_DIR;
  if (screens) rmSync(screens, { recursive: true, force: true });
  const output = process.env.WAWI_PW_OUTPUT;
  if (output && readdirSync(output).length === 0) rmSync(output, { recursive: true, force: true });
}
