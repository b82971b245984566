/** How the mock backend behaves; a scenario is a named set of these. */
export interface MockBehaviour {
  /** Every response waits this long (ms). */
  latencyMs?: number;
  /** List and get-one requests fail this way. */
  failure?: 'server-error' | 'network-error' | 'malformed-json' | 'wrong-shape';
  /** What the provider does with uploads and re-uploads. */
  provider?: 'accepts' | 'down';
  /** Accepted assets get flagged by moderation this long (ms) after they were accepted. */
  moderationDelayMs?: number;
  /** Sends no `provider_status` key, like servers from before the field existed. */
  omitProviderStatus?: boolean;
  /** Ignores the `provider_status` filter, like servers that do not know it. */
  ignoreStatusFilter?: boolean;
  /** Mixes items that cannot be shown (no id, wrong types) into every page. */
  invalidItems?: boolean;
  /** How many assets the library starts with. */
  count?: number;
}

/** The scenarios stories, tests and the demo switch between. */
export const SCENARIOS = {
  default: {},
  latency: { latencyMs: 1500 },
  'server-error': { failure: 'server-error' },
  'network-error': { failure: 'network-error' },
  'malformed-json': { failure: 'malformed-json' },
  'wrong-shape': { failure: 'wrong-shape' },
  'provider-down': { provider: 'down' },
  moderation: { moderationDelayMs: 5000 },
  'old-server': { omitProviderStatus: true },
  'ignores-filter': { ignoreStatusFilter: true },
  'invalid-items': { invalidItems: true },
  empty: { count: 0 },
  'huge-library': { count: 100_000 },
} as const satisfies Record<string, MockBehaviour>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && Object.hasOwn(SCENARIOS, value);
}

/** One line per scenario, for the demo's switcher and the mock server's --help. */
export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  default: 'A library of every status',
  latency: 'Every response takes 1.5 s',
  'server-error': 'Listing fails with HTTP 500 and a detail',
  'network-error': 'Listing fails: the connection drops',
  'malformed-json': 'Listing answers with broken JSON',
  'wrong-shape': 'Listing answers with JSON of the wrong shape',
  'provider-down': 'Uploads end local only: the provider is down',
  moderation: 'Moderation flags an accepted asset 5 s later',
  'old-server': 'An old server that sends no provider_status',
  'ignores-filter': 'A server that ignores the provider_status filter',
  'invalid-items': 'Some items in every page cannot be shown',
  empty: 'An empty library',
  'huge-library': '100 000 assets',
};
