export { default as searchPlugin } from './eleventy-plugin.ts';
export { searchBox } from './search-box.ts';
export { searchPageBody, standaloneSearchPage } from './search-page-html.ts';
export { writeSearchIndex, readArchiveThreads } from './write-search-index.ts';
export { buildSearchIndex } from './build-search-index.ts';
export { collectSearchDocs } from './collect-search-docs.ts';
export { parseQuery, formatQuery } from './parse-query.ts';
export { containsPhrase } from './phrase-match.ts';
