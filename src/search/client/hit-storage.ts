/** sessionStorage key: the search page leaves the clicked result's words here for the thread page. */
export const hitStorageKey = 'thread-archive:search-hit';

export interface StoredHit {
  id: string;
  /** Matched words as they appear in the comment, lower-cased. */
  words: string[];
  phrases: string[];
}
