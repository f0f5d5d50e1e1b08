// The shape of an error text, and the words every text may use.

/** Where a text is shown: advice differs (a CLI command in a terminal, a button in the app). */
export type Surface = 'cli' | 'app';

export interface ErrorText {
  title: string;
  /** What happened. */
  detail: string;
  /** What to do next. */
  next: string;
}

/** Wawi's menu path to the registration dialog, as Wawi spells it (German in both languages). */
export const MENU = 'Admin → App-Registrierung';
