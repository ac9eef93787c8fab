/** What one dump line looks like, as far as the segmentation and attachment cues go. */
export interface LineCues {
  /** `>` nesting depth at the line's start (0: not a quote). */
  quoteDepth: number;
  /** The line without its `>` markers. */
  body: string;
  listItem: boolean;
  footnote: boolean;
  endsWithColon: boolean;
  code: boolean;
  url: boolean;
  editTrailer: boolean;
  deleted: boolean;
  lowercaseStart: boolean;
  /** Starts like a follow-on paragraph ("Also", "However", "For example", …). */
  continuation: boolean;
  /** Starts like an answer ("Yes", "I disagree", "Thanks", "Why", …). */
  opener: boolean;
  /** Speaks to someone ("you", "your") in its first words. */
  addressesYou: boolean;
  question: boolean;
  /** The kind of word the line opens with (see `firstWordClasses`). */
  firstWord: FirstWordClass;
  /** Ends without sentence punctuation (a cut-off line). */
  unterminated: boolean;
  /** Letters in the line (0: a line of symbols). */
  letters: number;
  curlyApostrophe: boolean;
  straightApostrophe: boolean;
  /** Who the line speaks as or to, anywhere in it: 1 "I/my/me", 2 "we/our/us", 4 "you/your". */
  persons: number;
}

const quotePrefix = /^\s*((?:>\s?)+)/;
const listItem = /^\s*(?:[-*•+–]\s+\S|\(?\d{1,3}[.)]\s+\S|\(?[a-hA-H][.)]\s+\S)/;
const footnote = /^\s*\[\d{1,3}\]/;
const bareUrl = /^\s*(?:<)?(?:https?:\/\/|www\.)\S+(?:>)?\s*$/i;
const editTrailer = /^\s*(?:edit(?:ed)?|update[d]?|eta|ps|p\.s\.|addendum|correction)\s*(?:#?\d+\s*)?[:\-—]/i;
const deleted = /^\s*\[(?:deleted|removed|flagged|dead)\]\s*$/i;
const codeLike =
  /(?:^\s*(?:\$ |#include|import |from \S+ import|def |fn |func |let |const |var |return\b|if \(|for \(|while \(|}|\)|\]|<\/?\w+>)|[;{]\s*$|=>|::|\+\+|!==?|===?\s|^\s*\w+\(.*\)\s*;?$)/;
const continuationStart =
  /^(?:also|and|plus|furthermore|moreover|additionally|however|but also|that said|in other words|for example|for instance|e\.g\.|i\.e\.|anyway|anyways|then|otherwise|still|of course|similarly|besides|instead|finally|lastly|second(?:ly)?|third(?:ly)?|first(?:ly)?|meanwhile|which|this means|the point is|in short|in any case|on the other hand|as for|as a result|so yes|even so|even then|to be fair|tl;?dr|on top of that|the other|the second|the third|the last)\b/i;
const openerStart =
  /^(?:yes|yeah|yep|yup|no|nope|nah|agreed|exactly|right|sure|true|indeed|not really|not quite|i disagree|i agree|disagree|agree|thanks|thank you|well|ah|oh|hmm+|huh|interesting|good point|fair|fair point|same|same here|really|lol|haha|ha|wow|what|why|how|who|where|when|because|source|citation|wait|actually|eh|this|this is|that's|that is|it's|it is|you|your|you're|i'm|i am|i think|i'd|i have|i've|i was|i don't|i do|in my experience|counterpoint|hard disagree|strong disagree|as someone|as a|not sure|not necessarily|citation needed|ok|okay|sorry|funny|ironically|correct|incorrect|wrong|nope|do you|did you|are you|have you|can you|is it|isn't|so you|so your|if you)\b/i;
/** Kinds of opening word: answers open differently from follow-on paragraphs. */
export const firstWordClasses = ['verdict', 'question', 'self', 'you', 'pointer', 'conjunction', 'other'] as const;
export type FirstWordClass = (typeof firstWordClasses)[number];
const firstWordClass: Record<string, FirstWordClass> = {};
for (const [kind, words] of [
  ['verdict', 'yes yeah yep yup no nope nah agreed exactly right sure true indeed correct wrong fair absolutely definitely totally thanks thank lol haha ha wow oh ah hmm huh same ok okay sorry'],
  ['question', 'what why how who where when which is are do does did can could would will should have has isnt arent doesnt didnt'],
  ['self', "i i'm i've i'd i'll im ive id my me we we're we've our"],
  ['you', "you you're you've you'd your yours youre"],
  ['pointer', "this that these those it it's that's its thats this's there there's here"],
  ['conjunction', 'and but or so also plus however though although yet then still because since anyway anyways besides'],
] as const) {
  for (const word of words.split(' ')) firstWordClass[word] = kind;
}

const youWords = /\b(?:you|your|you're|you've|you'd|yours|yourself)\b/i;
// "I" in either case (lower-case writers write "i"), "my", "me", … at any capitalisation; "US" is not "us".
const selfWords = /\b(?:[Ii]|[Mm][ey]|[Mm]ine|[Mm]yself)\b|\b[Ii]['’]/;
const weWords = /\b(?:[Ww]e|[Oo]urs?|us|[Oo]urselves)\b/;

/** Reads the cues of one line (a paragraph of the dump). */
export function lineCues(line: string): LineCues {
  const q = quotePrefix.exec(line);
  const quoteDepth = q ? (q[1]!.match(/>/g) ?? []).length : 0;
  const body = q ? line.slice(q[0].length).trim() : line.trim();
  const firstWords = /^(?:\S+\s+){0,7}\S*/.exec(body)![0];
  const letters = countLetters(body);
  const last = body.at(-1) ?? '';
  return {
    quoteDepth,
    body,
    listItem: listItem.test(body),
    footnote: footnote.test(body),
    endsWithColon: /:\s*$/.test(body),
    code: letters < body.length * 0.9 && codeLike.test(body),
    url: bareUrl.test(body),
    editTrailer: editTrailer.test(body),
    deleted: deleted.test(body),
    lowercaseStart: /^\p{Ll}/u.test(body),
    continuation: continuationStart.test(body),
    opener: openerStart.test(body),
    addressesYou: youWords.test(firstWords),
    question: /\?\s*\)?\s*$/.test(body),
    firstWord: firstWordClass[/^[^\s,.!?:;]*/.exec(body)![0].toLowerCase().replace(/’/g, "'")] ?? 'other',
    unterminated: /[\p{L}\p{N},]$/u.test(last),
    letters,
    curlyApostrophe: /\p{L}’\p{L}/u.test(body),
    straightApostrophe: /\p{L}'\p{L}/u.test(body),
    persons: (selfWords.test(body) ? 1 : 0) | (weWords.test(body) ? 2 : 0) | (youWords.test(body) ? 4 : 0),
  };
}

/** How many letters a text has (ASCII counted directly, other characters by Unicode class). */
function countLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
    else if (c > 127 && /\p{L}/u.test(text[i]!)) n++;
  }
  return n;
}
