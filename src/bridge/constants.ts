/**
 * Protocol constants the UI needs. The UI may import protocol *types* only (docs/ARCHITECTURE.md),
 * so values reach it through the bridge.
 */
export { SPEEDS, SLOW_MOTION_SPEED, isSpeed, type Speed } from '../protocol/messages';
export { DEFAULT_SCENARIO, DEFAULT_SCENARIO_FILE, DEFAULT_SEED } from '../protocol/scenarios';
