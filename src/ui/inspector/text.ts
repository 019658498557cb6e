/** Every string of the inspector panel, in one place (translations replace this module's values). */
export const inspectorText = {
  label: 'Inspector',
  close: 'Close inspector',
  tabs: { why: 'Why', yaml: 'YAML', events: 'Events' } as const,
  loading: 'Loading…',
  gone: 'This object does not exist at this moment.',
  goneLive: 'This object no longer exists.',
  pastNote: (clock: string) => `As it was at ${clock} (read-only)`,
  owner: 'Owner',
  ownerChain: 'Owners',
  owned: 'Owns',
  nothingOwned: 'Nothing',
  noEvents: 'No events for this object.',
  eventsHead: { time: 'Last seen', type: 'Type', reason: 'Reason', message: 'Message', count: 'Count' },
  nothingToExplain: 'Nothing unusual: it is doing what its spec asks.',
  openTimeline: 'Open its timeline',
  copyYaml: 'kubectl get -o yaml',
};
