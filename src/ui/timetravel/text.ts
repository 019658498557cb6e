/** Every string of the time-travel bar, in one place (translations replace this module's values). */
export const timeTravelText = {
  barLabel: 'Time travel',
  scrubberLabel: 'Virtual time',
  live: 'Live',
  backToLive: 'Back to live',
  viewingPast: 'Viewing the past — read-only',
  replaying: 'replaying…',
  replayInfo: (fromMs: string, wallMs: number) => `replayed from ${fromMs} in ${wallMs} ms`,
  liveAt: (now: string) => `live: ${now}`,
  back: (seconds: number) => `Back ${seconds} s`,
  forward: (seconds: number) => `Forward ${seconds} s`,
  replayFailed: 'Could not replay the past',
  pastHint: 'Drag to see the cluster at any earlier moment',
  marksHint: 'Events (red: warnings). Click one to see that moment and select its object.',
  readOnly: 'Viewing the past: go back to live to change the cluster.',
};
