export type { ResourceName } from './names.js';
export { BATCH_CPU, BATCH_MEMORY, CPU, MEMORY, PODS } from './names.js';
export type { ResourceList } from './ResourceList.js';
export {
  addResources,
  amount,
  clampNonNegative,
  EMPTY_RESOURCES,
  equalResources,
  fitsResources,
  insufficientResources,
  isZeroResources,
  maxResources,
  scaleResources,
  subtractResources,
} from './ResourceList.js';
