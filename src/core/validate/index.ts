// One import for the forms: `import { validateCreateNetwork, validateConnect, validateRun } from '../core/validate'`.
export { validateCreateNetwork, configOnlyNetworks } from './network';
export { validateConnect, unjoinable } from './connect';
export { validateRun } from './run';
