/**
 * How an upload request fails before anything is stored: `bad-gateway` is the backend's own 502
 * `{"detail":"Provider upload failed: …"}` (the provider timed out), `too-large` a proxy's 413 with its HTML
 * page, `network-drop` a connection that drops with no answer.
 */
export type UploadFailure = 'bad-gateway' | 'too-large' | 'network-drop';

/** How the mock backend behaves; a scenario is a named set of these. */
export interface MockBehaviour {
  /** Every response waits this long (ms). */
  latencyMs?: number;
  /** List and get-one requests fail this way. */
  failure?: 'server-error' | 'network-error' | 'malformed-json' | 'wrong-shape';
  /** What the provider does with uploads and re-uploads. */
  provider?: 'accepts' | 'down';
  /** Upload, upload-from-url and reupload fail this way, and create or change no asset. */
  uploadFailure?: UploadFailure;
  /** Upload, upload-from-url and reupload take this long (ms) more; no other request waits for it. */
  uploadLatencyMs?: number;
  /**
   * Whether the backend has `POST {endpoint}/{id}/reupload` (PixSim7 added it in 2025-12). Default true; when
   * false that route answers as FastAPI answers any route it does not have: 404 `{"detail":"Not Found"}`.
   */
  reupload?: boolean;
  /**
   * Whether the backend has `POST {endpoint}/bulk/get` (Era A did not). Default true; when false that route
   * answers as FastAPI answers any route it does not have: 404 `{"detail":"Not Found"}`.
   */
  bulkGet?: boolean;
  /**
   * Whether the backend has its event socket (`{api}/ws/events`, `{api}/ws/generations`). Default true; when
   * false every connection attempt fails as a refused upgrade does: `error`, then `close` 1006, never `open`.
   */
  socket?: boolean;
  /**
   * While a socket is open, a new generated asset arrives every 4 s (20 at most), and 6 s after the first
   * socket opened the third newest asset of the starting library is deleted; each is published on the socket.
   */
  liveLibrary?: boolean;
  /**
   * Accepted assets get flagged by moderation this long (ms) after they were accepted; the event socket
   * announces each flag (asset:updated) as it lands, to the sockets open then.
   */
  moderationDelayMs?: number;
  /** Sends no `provider_status` key, like servers from before the field existed. */
  omitProviderStatus?: boolean;
  /** Ignores the `provider_status` filter, like servers that do not know it. */
  ignoreStatusFilter?: boolean;
  /** Mixes items that cannot be shown (no id, wrong types) into every page. */
  invalidItems?: boolean;
  /** How many assets the library starts with. */
  count?: number;
  /**
   * The `Authorization` header every API request must carry (`Bearer <token>`), as the real backend asks. A
   * request without it, or with another, gets FastAPI's 401 `{"detail":"Not authenticated"}`. Media files
   * stay open: an `<img>` cannot send headers.
   */
  authorization?: string;
}

/** The scenarios stories, tests and the demo switch between. */
export const SCENARIOS = {
  default: {},
  latency: { latencyMs: 1500 },
  'server-error': { failure: 'server-error' },
  'network-error': { failure: 'network-error' },
  'malformed-json': { failure: 'malformed-json' },
  'wrong-shape': { failure: 'wrong-shape' },
  'upload-accepted': { provider: 'accepts' },
  'provider-down': { provider: 'down' },
  'upload-bad-gateway': { uploadFailure: 'bad-gateway' },
  'upload-too-large': { uploadFailure: 'too-large' },
  'upload-network-drop': { uploadFailure: 'network-drop' },
  'upload-slow': { uploadLatencyMs: 3000 },
  'no-reupload-route': { reupload: false },
  moderation: { moderationDelayMs: 5000 },
  'live-library': { liveLibrary: true },
  'old-server': { omitProviderStatus: true, bulkGet: false },
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
  'upload-accepted': 'Uploads and re-uploads are accepted by the provider',
  'provider-down': 'Uploads end local only: the provider is down',
  'upload-bad-gateway': 'Uploads fail with HTTP 502: the provider timed out',
  'upload-too-large': 'Uploads fail with HTTP 413 from the proxy',
  'upload-network-drop': 'Uploads fail: the connection drops',
  'upload-slow': 'Every upload takes 3 s',
  'no-reupload-route': 'An older server without the reupload route',
  moderation: 'Moderation flags an accepted asset 5 s later',
  'live-library': 'New assets arrive every 4 s on the event socket; one is deleted',
  'old-server': 'An old server that sends no provider_status and has no bulk/get',
  'ignores-filter': 'A server that ignores the provider_status filter',
  'invalid-items': 'Some items in every page cannot be shown',
  empty: 'An empty library',
  'huge-library': '100 000 assets',
};
