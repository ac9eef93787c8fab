// Written by `npm run fit:recover` (scripts/fit-recover.ts): the fitted cue weights.
export const weights: {
  boundary: Record<string, number>;
  attachPlain: Record<string, number>;
  attachHeader: Record<string, number>;
} = {
  boundary: { bias: 0, quoteStart: 2, afterQuote: -3, prevColon: -2, listItem: -1.5 },
  attachPlain: { up0: 1, quoteExact: 4, quoteFuzzy: 3 },
  attachHeader: { up0: 1, quoteExact: 4, quoteFuzzy: 3, sameAuthor: -2, olderThanJ: -6 },
};
