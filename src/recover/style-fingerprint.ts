/**
 * A writer's habits that survive copying as text, each read as +1 / -1 (or 0 when the text
 * says nothing about it): curly or straight apostrophes, "i" or "I", capitalised sentence
 * starts, two spaces after a full stop, em dashes or hyphens as dashes, "…" or "...",
 * British or American spelling, and "lol"-style chat markers.
 */
export type StyleFingerprint = number;
// Packed in one number (no allocation per line): bit d says habit d reads +1, bit 8 + d says -1.

const britishSpelling = /\b(?:colour|favour|behaviour|honour|labour|neighbour|centre|theatre|realise|organise|recognise|analyse|apologise|optimise|prioritise|licence|defence|travelled|cancelled|whilst|amongst|programme|grey|cheque|tyre|aluminium|maths)\w*/i;
const americanSpelling = /\b(?:color|favor|behavior|honor|labor|neighbor|center|theater|realize|organize|recognize|analyze|apologize|optimize|prioritize|license|defense|traveled|canceled|program|gray|check|tire|aluminum|math)\b/i;

export const styleDimensions = 8;
const sentenceStart = /(?:^|[.!?]\s+)(\p{L})/gu;

export function styleFingerprint(text: string): StyleFingerprint {
  const f = [0, 0, 0, 0, 0, 0, 0, 0];
  const curly = /\p{L}’\p{L}/u.test(text);
  const straight = /\p{L}'\p{L}/u.test(text);
  if (curly !== straight) f[0] = curly ? 1 : -1;
  const lowerI = /(?:^|\s)i(?:\s|'|’)/.test(text);
  const upperI = /(?:^|\s)I(?:\s|'|’)/.test(text);
  if (lowerI !== upperI) f[1] = lowerI ? 1 : -1;
  let starts = 0;
  let lower = 0;
  for (const m of text.matchAll(sentenceStart)) {
    starts++;
    if (m[1] !== m[1]!.toUpperCase()) lower++;
  }
  if (starts >= 2 && (lower === starts || lower === 0)) f[2] = lower > 0 ? 1 : -1;
  const doubleSpace = /[.!?] {2}\S/.test(text);
  const singleSpace = /[.!?] \S/.test(text);
  if (doubleSpace !== singleSpace) f[3] = doubleSpace ? 1 : -1;
  const emDash = /—|–/.test(text);
  const hyphenDash = /\s-{1,2}\s/.test(text);
  if (emDash !== hyphenDash) f[4] = emDash ? 1 : -1;
  const ellipsisChar = text.includes('…');
  const dots = text.includes('...');
  if (ellipsisChar !== dots) f[5] = ellipsisChar ? 1 : -1;
  const british = britishSpelling.test(text);
  const american = americanSpelling.test(text);
  if (british !== american) f[6] = british ? 1 : -1;
  if (/\b(?:lol|lmao|imo|imho|tbh|fwiw|afaik|iirc)\b/i.test(text)) f[7] = 1;
  let packed = 0;
  for (let d = 0; d < styleDimensions; d++) {
    if (f[d] === 1) packed |= 1 << d;
    else if (f[d] === -1) packed |= 1 << (8 + d);
  }
  return packed;
}

/** How alike two fingerprints are: agreements minus disagreements over the habits both show. */
export function styleAgreement(a: StyleFingerprint, b: StyleFingerprint): number {
  const aPos = a & 0xff;
  const aNeg = a >> 8;
  const bPos = b & 0xff;
  const bNeg = b >> 8;
  return bits((aPos & bPos) | ((aNeg & bNeg) << 8)) - bits((aPos & bNeg) | ((aNeg & bPos) << 8));
}

function bits(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** A comment's fingerprint from its lines': each habit the lines show without contradiction. */
export function combineFingerprints(parts: readonly StyleFingerprint[]): StyleFingerprint {
  let pos = 0;
  let neg = 0;
  for (const part of parts) {
    pos |= part & 0xff;
    neg |= part >> 8;
  }
  const conflict = pos & neg;
  return (pos & ~conflict) | ((neg & ~conflict) << 8);
}
