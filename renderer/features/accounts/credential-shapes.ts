/**
 * What a pasted value looks like. Amazon's credentials have recognisable prefixes, so a value
 * pasted into the wrong field can be named and moved instead of failing at LWA with a vague error.
 */
export type CredentialShape = 'sellerId' | 'clientId' | 'clientSecret' | 'refreshToken' | 'accessToken';

const SHAPES: readonly (readonly [CredentialShape, RegExp])[] = [
  ['clientId', /^amzn1\.application-oa2-client\.[\w-]+$/],
  ['clientSecret', /^amzn1\.oa2-cs\.v1\.\S+$/],
  ['refreshToken', /^Atzr\|\S+$/],
  // An access token lives one hour: pasting it where the refresh token goes is a common mix-up.
  ['accessToken', /^Atza\|\S+$/],
  // Seller IDs (merchant tokens) are 10–20 capital letters and digits, starting with A.
  ['sellerId', /^A[0-9A-Z]{9,19}$/],
];

export function shapeOf(value: string): CredentialShape | undefined {
  const v = value.trim();
  return SHAPES.find(([, re]) => re.test(v))?.[0];
}

/** The shape of a value that belongs in another field than `field` (undefined when it fits or is unknown). */
export function misplacedShape(field: Exclude<CredentialShape, 'accessToken'>, value: string): CredentialShape | undefined {
  const shape = shapeOf(value);
  return shape === undefined || shape === field ? undefined : shape;
}
