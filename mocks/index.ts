/**
 * The mock PixSim7 backend: MSW handlers over a seeded in-memory library, with scenarios, and its live event
 * socket. Dev and test only; the elements never import it.
 */
export { createMockBackend, scenarioHandlers, type MockBackend, type MockBackendOptions } from './handlers.js';
export { createMockDb, mockStatus, MockDb, type MockAsset, type MockDbOptions, type MockStatus } from './db.js';
export { SCENARIOS, SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, isScenarioName, type MockBehaviour, type ScenarioName, type UploadFailure } from './scenarios.js';
export { mockFetch } from './fetch.js';
export { mockSockets } from './sockets.js';
export type { AssetEventType, MockChanges, MockSocket, MockSocketPeer, MockSocketSession } from './live.js';
export { artworkSvg } from './art.js';
