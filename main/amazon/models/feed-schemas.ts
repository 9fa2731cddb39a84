import { createAjv, toViolations, type Compiled, type Violation } from './ajv';
import { FEED_SCHEMAS } from './spec-files';

type FeedSchemaName = keyof typeof FEED_SCHEMAS;

const compiled = new Map<FeedSchemaName, Compiled>();

function validator(name: FeedSchemaName): Compiled {
  let v = compiled.get(name);
  if (!v) {
    // A fresh instance per schema: the three files share no $id and some repeat definitions.
    v = createAjv().compile(FEED_SCHEMAS[name]);
    compiled.set(name, v);
  }
  return v;
}

function run(name: FeedSchemaName, doc: unknown): Violation[] {
  const v = validator(name);
  return v(doc) ? [] : toViolations(v.errors, 'body', '');
}

/** Validates a whole JSON_LISTINGS_FEED document (header + 1…25,000 messages). */
export function validateListingsFeed(doc: unknown): Violation[] {
  return run('listingsFeed', doc);
}

/** Validates one JSON_LISTINGS_FEED message on its own (to report per-message errors). */
export function validateListingsFeedMessage(message: unknown): Violation[] {
  return run('listingsFeedMessage', message);
}

/** Validates a listings feed processing report (v2). */
export function validateProcessingReport(report: unknown): Violation[] {
  return run('listingsFeedProcessingReport', report);
}
