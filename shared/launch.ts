// What a vendor's onboarding can launch the desktop app for (`--action`). Plain data.

export const LAUNCH_ACTIONS = ['register', 'manage', 'rotate', 'revoke'] as const;
export type LaunchAction = (typeof LAUNCH_ACTIONS)[number];

export function isLaunchAction(value: unknown): value is LaunchAction {
  return (LAUNCH_ACTIONS as readonly unknown[]).includes(value);
}
