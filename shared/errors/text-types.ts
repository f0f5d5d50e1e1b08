// The shape of an error text, and the words every text may use.

/** Where a text is shown: advice differs (a CLI command in a terminal, a button in the app). */
export type Surface = 'cli' | 'app';

export interface ErrorText {
  title: string;
  /** What happened. */
  detail: string;
  /** What to do next. */
  next: string;
  /**
   * The technical cause as the program or the OS put it (English, not translated: an OS message, a
   * library's words, the manifest check's findings for the vendor), when no sentence above says it.
   * Shown apart: a line of its own in the CLI, the support area in the app.
   */
  technical?: string;
}

export { MENU } from '../ui-terms';
