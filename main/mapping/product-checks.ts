/**
 * Only for main/sync/engine.ts while the send engine is being reshaped: the "Incluir produtos"
 * checks live in main/selection/product-checks.ts, the labels in ./attributes.ts. Remove this file
 * once the engine imports storeColumnLabels from ../mapping/attributes.
 */
export { storeColumnLabels } from './attributes';
