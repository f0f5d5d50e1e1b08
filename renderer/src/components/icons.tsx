// The few icons the wizard draws itself (decorative: the words beside them say it).
/** The icon of a destructive button (a bin). */
export function DangerIcon() {
  return (
    <svg className="icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
      <path
        d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.7 6.5v5M9.3 6.5v5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The icon of the language switch (a globe). */
export function GlobeIcon() {
  return (
    <svg className="icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
      <g fill="none" stroke="currentColor" strokeWidth="1.2">
        <circle cx="8" cy="8" r="6.3" />
        <path d="M1.7 8h12.6M8 1.7c-2.2 2.3-2.2 10.3 0 12.6M8 1.7c2.2 2.3 2.2 10.3 0 12.6" />
      </g>
    </svg>
  );
}
