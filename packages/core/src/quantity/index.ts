export { formatCpu, formatMemory } from './formatQuantity.js';
export { parseCount, parseCpu, parseMemory } from './parseQuantity.js';
export { MEBIBYTE, parseSparkMemory } from './parseSparkMemory.js';
export { QuantityError } from './QuantityError.js';
