/**
 * Contract validation against Amazon's official SP-API models (bundled in ./spec). Used by the
 * simulator on every request/response and by the client's contract tests. Validators compile
 * lazily per operation and are cached for the life of the process.
 */
export { validateRequest, validateResponse, type RequestParts, type QueryValue } from './validators';
export { operationFor, operationSpec, allOperations, type OperationMatch, type OperationSpec } from './operations';
export { validateListingsFeed, validateListingsFeedMessage, validateProcessingReport } from './feed-schemas';
export type { Violation } from './ajv';
